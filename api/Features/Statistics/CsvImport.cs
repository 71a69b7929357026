using FluentValidation;
using FluentValidation.Results;
using Sylvan.Data.Csv;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>
/// What the CSV imports share: the body as text (415 unless <c>text/csv</c>), a reader that refuses an empty file or
/// missing columns with a 400, and rows whose quoting errors name their line instead of failing the server.
/// </summary>
public static class CsvImport
{
    public static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, StatisticsTexts.SendCsv);
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>A reader over <paramref name="csv"/> with every one of <paramref name="columns"/> in its header.</summary>
    public static CsvDataReader Open(string csv, IReadOnlyCollection<string> columns)
    {
        if (string.IsNullOrWhiteSpace(csv)) throw Problem("$", StatisticsTexts.ImportEmpty.Format());
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Problem("$", StatisticsTexts.CsvColumns.Format(string.Join(", ", columns)));
        }
        var missing = columns.Except(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)).ToList();
        if (missing.Count == 0) return reader;
        reader.Dispose();
        throw Problem("$", StatisticsTexts.CsvColumns.Format(string.Join(", ", missing)));
    }

    /// <summary>The next row; a quoting error is a problem naming its line, not a server error.</summary>
    public static bool ReadRow(CsvDataReader reader, int line)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Problem($"line {line}", StatisticsTexts.CsvLine.Format("CSV quoting"));
        }
    }

    public static ValidationException Problem(string field, string message) => new([new ValidationFailure(field, message)]);
}
