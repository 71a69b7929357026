using System.Globalization;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>What a BRÅ import did.</summary>
/// <param name="Rows">Data rows in the file.</param>
/// <param name="KeptFinal">Preliminary rows not applied because the final figure is already imported.</param>
/// <param name="UnknownAreas">Areas of the file that are not ours; their rows were skipped, not invented.</param>
public sealed record BraImportReport(int Rows, int Imported, int Updated, int Unchanged, int KeptFinal, IReadOnlyList<UnknownArea> UnknownAreas);

/// <summary>An area the file names that the platform does not hold, with how many rows named it.</summary>
public sealed record UnknownArea(string AreaLabel, int Rows);

public sealed record ImportBraStatisticsCommand(string Csv) : ICommand<BraImportReport>;

/// <summary>
/// BRÅ's reported crime in the long CSV format documented in docs/data.md: one row per area, crime, period and unit.
/// A file with wrong columns or an unreadable value is refused whole (400 naming each line); rows of areas the platform
/// does not hold are reported and skipped; preliminary figures are replaced by final ones, never the other way round.
/// </summary>
public sealed class ImportBraStatisticsHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<ImportBraStatisticsCommand, BraImportReport>
{
    public static readonly string[] Columns =
        ["area_label", "area_name", "area_level", "crime_parent_path", "crime_type", "year", "month", "period_label", "preliminary", "unit", "value"];

    private sealed record Row(int Line, string AreaLabel, string AreaName, string AreaLevel, string ParentPath, string CrimeType, int Year, int Month,
        bool Preliminary, string Unit, decimal Value);

    public async ValueTask<BraImportReport> Handle(ImportBraStatisticsCommand command, CancellationToken ct)
    {
        var rows = Read(command.Csv);
        var cityId = await db.QuerySingleOrDefaultAsync<Guid>("select id from area where slug = @CitySlug", new { AreaSeed.CitySlug }, ct);
        var districtId = await db.QuerySingleOrDefaultAsync<Guid>("select id from area where slug = @DistrictSlug", new { AreaSeed.DistrictSlug }, ct);
        Guid? AreaOf(Row r) => (r.AreaLevel, r.AreaName) switch
        {
            ("kommun", "Stockholm") => cityId,
            ("stadsdelsomrade", "Hägersten-Älvsjö") => districtId,
            _ => null,
        };

        var known = rows.Where(r => AreaOf(r) is not null).ToList();
        var unknown = rows.Where(r => AreaOf(r) is null).GroupBy(r => r.AreaLabel).Select(g => new UnknownArea(g.Key, g.Count())).ToList();
        var now = clock.GetUtcNow().ToUniversalTime();
        var batch = new Dapper.DynamicParameters(new
        {
            now,
            AreaIds = known.Select(r => AreaOf(r)!.Value).ToArray(),
            Paths = known.Select(r => r.ParentPath).ToArray(),
            Types = known.Select(r => r.CrimeType).ToArray(),
            Years = known.Select(r => r.Year).ToArray(),
            Months = known.Select(r => r.Month).ToArray(),
            Units = known.Select(r => r.Unit).ToArray(),
            Values = known.Select(r => r.Value).ToArray(),
            Preliminary = known.Select(r => r.Preliminary).ToArray(),
        });
        // Preliminary rows that meet a final figure are kept out of the write below; count them first.
        var keptFinal = await db.QuerySingleOrDefaultAsync<int>("""
            select count(*)::int from unnest(@AreaIds, @Paths, @Types, @Years, @Months, @Units, @Preliminary) as t(area_id, parent_path, crime_type, year, month, unit, preliminary)
            join crime_statistic c on c.source = 'bra' and c.area_id = t.area_id and c.crime_parent_path = t.parent_path and c.crime_type = t.crime_type
                 and c.year = t.year and c.month = t.month and c.unit = t.unit
            where t.preliminary and not c.preliminary
            """, batch, ct);
        var written = await db.QueryAsync<bool>("""
            insert into crime_statistic as c (source, area_id, crime_parent_path, crime_type, year, month, unit, value, preliminary, imported_at, updated_at)
            select 'bra', t.area_id, t.parent_path, t.crime_type, t.year, t.month, t.unit, t.value, t.preliminary, @now, @now
            from unnest(@AreaIds, @Paths, @Types, @Years, @Months, @Units, @Values, @Preliminary)
                 as t(area_id, parent_path, crime_type, year, month, unit, value, preliminary)
            on conflict (source, area_id, crime_parent_path, crime_type, year, month, unit) do update
            set value = excluded.value, preliminary = excluded.preliminary, updated_at = excluded.updated_at
            where (c.preliminary or not excluded.preliminary) and (c.value, c.preliminary) is distinct from (excluded.value, excluded.preliminary)
            returning (xmax = 0)
            """, batch, ct);
        await db.RecordPeriodsAsync("bra", known.Select(r => (AreaOf(r)!.Value, r.Month == 0 ? "year" : "month", r.Unit, new DateOnly(r.Year, Math.Max(r.Month, 1), 1))),
            now, ct);
        var report = new BraImportReport(rows.Count, written.Count(inserted => inserted), written.Count(inserted => !inserted),
            known.Count - written.Count - keptFinal, keptFinal, unknown);
        await audit.WriteAsync("statistics.import.bra", "crime_statistic", "import",
            new { report.Rows, report.Imported, report.Updated, report.Unchanged, report.KeptFinal, unknownAreas = unknown.Count }, ct);
        return report;
    }

    /// <summary>All rows, or a validation problem naming every unreadable line (nothing is written then).</summary>
    private static List<Row> Read(string csv)
    {
        var errors = new List<FluentValidation.Results.ValidationFailure>();
        var rows = new List<Row>();
        using var reader = CsvImport.Open(csv, Columns);
        var at = Columns.ToDictionary(c => c, reader.GetOrdinal);
        var line = 1;
        while (CsvImport.ReadRow(reader, line + 1))
        {
            line++;
            string Field(string column) => reader.GetString(at[column]).Trim();
            var year = int.TryParse(Field("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1950 and <= 2200 ? y : (int?)null;
            var monthText = Field("month");
            var month = monthText.Length == 0 ? 0 : int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : (int?)null;
            var unit = Field("unit") switch { "Antal" => "count", "/100 000 inv" => "per100k", _ => null };
            var preliminary = Field("preliminary") switch { "true" => true, "false" => false, _ => (bool?)null };
            var value = decimal.TryParse(Field("value"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
            var problems = new List<string>();
            if (year is null) problems.Add($"year '{Field("year")}'");
            if (month is null) problems.Add($"month '{monthText}'");
            if (unit is null) problems.Add($"unit '{Field("unit")}'");
            if (preliminary is null) problems.Add($"preliminary '{Field("preliminary")}'");
            if (value is null) problems.Add($"value '{Field("value")}'");
            if (Field("crime_type").Length == 0) problems.Add("empty crime_type");
            if (problems.Count > 0)
            {
                if (errors.Count < 20) errors.Add(new FluentValidation.Results.ValidationFailure($"line {line}", StatisticsTexts.CsvLine.Format(string.Join(", ", problems))));
                continue;
            }
            rows.Add(new Row(line, Field("area_label"), Field("area_name"), Field("area_level"), Field("crime_parent_path"), Field("crime_type"),
                year!.Value, month!.Value, preliminary!.Value, unit!, value!.Value));
        }
        if (errors.Count > 0) throw new FluentValidation.ValidationException(errors);
        if (rows.Count == 0) throw CsvImport.Problem("$", StatisticsTexts.ImportEmpty.Format());
        var duplicates = rows.GroupBy(r => (r.AreaLabel, r.ParentPath, r.CrimeType, r.Year, r.Month, r.Unit)).Where(g => g.Count() > 1).Take(5).ToList();
        if (duplicates.Count > 0)
            throw new FluentValidation.ValidationException(duplicates.Select(g =>
                new FluentValidation.Results.ValidationFailure($"line {g.Last().Line}", StatisticsTexts.BraDuplicate.Format(g.First().Line))));
        return rows;
    }
}
