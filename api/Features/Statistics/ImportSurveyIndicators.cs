using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>What a survey import did.</summary>
public sealed record SurveyImportReport(int Rows, int Imported, int Updated, int Unchanged);

public sealed record ImportSurveyIndicatorsCommand(string Csv) : ICommand<SurveyImportReport>;

/// <summary>
/// The city publishes its safety surveys only as reports, so staff enter the figures in a CSV with the columns
/// <c>area, year, indicator, value, unit, source</c> (area as slug or name). All or nothing: a bad line refuses the file.
/// </summary>
public sealed class ImportSurveyIndicatorsHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<ImportSurveyIndicatorsCommand, SurveyImportReport>
{
    private static readonly string[] Columns = ["area", "year", "indicator", "value", "unit", "source"];

    public async ValueTask<SurveyImportReport> Handle(ImportSurveyIndicatorsCommand command, CancellationToken ct)
    {
        var areas = (await db.QueryAsync<(Guid Id, string Slug, string Name)>("select id, slug, name from area", null, ct)).ToList();
        var rows = new List<(Guid AreaId, int Year, string Indicator, decimal Value, string Unit, string Source)>();
        var errors = new List<ValidationFailure>();
        using (var reader = CsvImport.Open(command.Csv, Columns))
        {
            var line = 1;
            while (CsvImport.ReadRow(reader, line + 1))
            {
                line++;
                string Field(string column) => reader.GetString(reader.GetOrdinal(column)).Trim();
                var area = areas.FirstOrDefault(a => a.Slug == Field("area") || string.Equals(a.Name, Field("area"), StringComparison.OrdinalIgnoreCase));
                var problems = new List<string>();
                if (area.Id == Guid.Empty) problems.Add($"area '{Field("area")}'");
                if (!int.TryParse(Field("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1950 or > 2200) problems.Add($"year '{Field("year")}'");
                if (!decimal.TryParse(Field("value"), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) problems.Add($"value '{Field("value")}'");
                foreach (var text in new[] { "indicator", "unit", "source" })
                    if (Field(text).Length is 0 or > 300) problems.Add($"{text} '{Field(text)}'");
                if (problems.Count > 0)
                {
                    if (errors.Count < 20) errors.Add(new ValidationFailure($"line {line}", StatisticsTexts.CsvLine.Format(string.Join(", ", problems))));
                    continue;
                }
                rows.Add((area.Id, year, Field("indicator"), value, Field("unit"), Field("source")));
            }
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        if (rows.Count == 0) throw new ValidationException([new ValidationFailure("$", StatisticsTexts.ImportEmpty.Format())]);
        if (rows.GroupBy(r => (r.AreaId, r.Year, r.Indicator)).Any(g => g.Count() > 1))
            throw new ValidationException([new ValidationFailure("$", StatisticsTexts.SurveyDuplicate.Format())]);

        var now = clock.GetUtcNow().ToUniversalTime();
        var written = await db.QueryAsync<bool>("""
            insert into survey_indicator as s (area_id, year, indicator, value, unit, source, imported_at, updated_at)
            select t.*, @now, @now from unnest(@AreaIds, @Years, @Indicators, @Values, @Units, @Sources) as t
            on conflict (area_id, year, indicator) do update
            set value = excluded.value, unit = excluded.unit, source = excluded.source, updated_at = excluded.updated_at
            where (s.value, s.unit, s.source) is distinct from (excluded.value, excluded.unit, excluded.source)
            returning (xmax = 0)
            """,
            new
            {
                now,
                AreaIds = rows.Select(r => r.AreaId).ToArray(),
                Years = rows.Select(r => r.Year).ToArray(),
                Indicators = rows.Select(r => r.Indicator).ToArray(),
                Values = rows.Select(r => r.Value).ToArray(),
                Units = rows.Select(r => r.Unit).ToArray(),
                Sources = rows.Select(r => r.Source).ToArray(),
            }, ct);
        await db.RecordPeriodsAsync("survey", rows.Select(r => (r.AreaId, "year", "", new DateOnly(r.Year, 1, 1))), now, ct);
        var report = new SurveyImportReport(rows.Count, written.Count(i => i), written.Count(i => !i), rows.Count - written.Count);
        await audit.WriteAsync("statistics.import.survey", "survey_indicator", "import", report, ct);
        return report;
    }
}
