using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>What a survey import did.</summary>
public sealed record SurveyImportReport(int Rows, int Imported, int Updated, int Unchanged);

/// <summary>One indicator of the safety survey for an area, year by year, with the city's value where known.</summary>
/// <param name="Indicator">E.g. <c>Andel som känner sig otrygga ute sent en kväll i sitt område</c>.</param>
/// <param name="Unit">E.g. <c>%</c>.</param>
/// <param name="Source">The report the figures were taken from.</param>
/// <param name="Licence">Terms of the figures.</param>
/// <param name="ImportedAt">When the newest figure was entered.</param>
public sealed record SurveySeries(AreaRef Area, string Indicator, string Unit, string Source, string Licence, DateTimeOffset ImportedAt,
    IReadOnlyList<SurveyPoint> Points);

public sealed record SurveyPoint(int Year, decimal Value, decimal? City);

public sealed record ImportSurveyIndicators(string Csv) : ICommand<SurveyImportReport>;

public sealed record GetSurveySeries(string Area, string? Indicator) : IQuery<IReadOnlyList<SurveySeries>>;

public sealed class GetSurveySeriesValidator : AbstractValidator<GetSurveySeries>
{
    public GetSurveySeriesValidator()
    {
        RuleFor(q => q.Area).AreaSlug();
        RuleFor(q => q.Indicator).MaximumLength(300);
    }
}

/// <summary>
/// The city publishes its safety surveys only as reports, so staff enter the figures in a CSV with the columns
/// <c>area, year, indicator, value, unit, source</c> (area as slug or name). All or nothing: a bad line refuses the file.
/// </summary>
public sealed class SurveyHandlers(DbSession db, AuditLog audit, TimeProvider clock) :
    ICommandHandler<ImportSurveyIndicators, SurveyImportReport>, IQueryHandler<GetSurveySeries, IReadOnlyList<SurveySeries>>
{
    private static readonly string[] Columns = ["area", "year", "indicator", "value", "unit", "source"];

    public async ValueTask<SurveyImportReport> Handle(ImportSurveyIndicators command, CancellationToken ct)
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
                    if (errors.Count < 20) errors.Add(new ValidationFailure($"line {line}", Messages.Get("bra.line", string.Join(", ", problems))));
                    continue;
                }
                rows.Add((area.Id, year, Field("indicator"), value, Field("unit"), Field("source")));
            }
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        if (rows.Count == 0) throw new ValidationException([new ValidationFailure("$", Messages.Get("import.empty"))]);
        if (rows.GroupBy(r => (r.AreaId, r.Year, r.Indicator)).Any(g => g.Count() > 1))
            throw new ValidationException([new ValidationFailure("$", Messages.Get("survey.duplicate"))]);

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
        var report = new SurveyImportReport(rows.Count, written.Count(i => i), written.Count(i => !i), rows.Count - written.Count);
        await audit.WriteAsync("statistics.import.survey", "survey_indicator", "import", report, ct);
        return report;
    }

    public async ValueTask<IReadOnlyList<SurveySeries>> Handle(GetSurveySeries query, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<(string Slug, string Name, string Kind)?>("select slug, name, kind from area where slug = @Area", query, ct)
            ?? throw new NotFoundException("area.notFound", query.Area);
        var rows = await db.QueryAsync<(string Indicator, string Unit, string Source, int Year, decimal Value, decimal? City, DateTimeOffset UpdatedAt)>("""
            select s.indicator, s.unit, s.source, s.year, s.value,
                   (select c.value from survey_indicator c join area ca on ca.id = c.area_id
                    where ca.slug = @CitySlug and c.indicator = s.indicator and c.year = s.year) as city,
                   s.updated_at
            from survey_indicator s join area a on a.id = s.area_id
            where a.slug = @Area and (@Indicator::text is null or s.indicator = @Indicator)
            order by s.indicator, s.year
            """, new { query.Area, query.Indicator, AreaSeed.CitySlug }, ct);
        var areaRef = new AreaRef(area.Slug, area.Name, AreaKinds.Parse(area.Kind));
        return rows.GroupBy(r => r.Indicator)
            .Select(g => new SurveySeries(areaRef, g.Key, g.Last().Unit, g.Last().Source, "Stockholms stad: siffror ur publicerade rapporter",
                Time.Local(g.Max(r => r.UpdatedAt)), g.Select(r => new SurveyPoint(r.Year, r.Value, r.City)).ToList()))
            .ToList();
    }
}

public static class SurveyEndpoints
{
    public static void MapSurvey(this IEndpointRouteBuilder api)
    {
        api.MapPost("/statistics/imports/survey", ImportSurveyIndicators)
            .WithName(nameof(ImportSurveyIndicators)).WithTags("Statistics")
            .WithSummary("Import safety-survey indicators from a CSV with the columns area, year, indicator, value, unit, source.")
            .Accepts<string>("text/csv")
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/statistics/survey", GetSurveySeries)
            .WithName(nameof(GetSurveySeries)).WithTags("Statistics")
            .WithSummary("Safety-survey indicators of an area, year by year, with the city's value and the report each comes from; JSON, or CSV with Accept: text/csv or format=csv.")
            .WithMetadata(new AlternateRepresentation("text/csv", typeof(string)))
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<SurveyImportReport>> ImportSurveyIndicators(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var csv = await CsvImport.ReadBodyAsync(request, ct);
        return TypedResults.Ok(await mediator.Send(new Features.Statistics.ImportSurveyIndicators(csv), ct));
    }

    /// <param name="area" example="fruangen">The area.</param>
    /// <param name="indicator">Only this indicator.</param>
    /// <param name="format">`csv` for CSV, as with `Accept: text/csv`.</param>
    public static async Task<Results<Ok<IReadOnlyList<SurveySeries>>, ContentHttpResult, StatusCodeHttpResult>> GetSurveySeries(
        [System.ComponentModel.DataAnnotations.Required] string? area, string? indicator, string? format, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        StatisticsResponses.ValidateFormat(format);
        var series = await mediator.Send(new Features.Statistics.GetSurveySeries(area ?? "", indicator), ct);
        return StatisticsResponses.Send(http, series, format, all => Csv.Write(
            ["area", "indicator", "unit", "year", "value", "city", "source", "licence", "imported_at"],
            all.SelectMany(s => s.Points.Select(p => new object?[] { s.Area.Slug, s.Indicator, s.Unit, p.Year, p.Value, p.City, s.Source, s.Licence, s.ImportedAt }))));
    }
}
