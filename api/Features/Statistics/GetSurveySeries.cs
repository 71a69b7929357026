using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

public sealed record GetSurveySeriesQuery(string Area, string? Indicator) : IQuery<IReadOnlyList<SurveySeries>>;

public sealed class GetSurveySeriesValidator : AbstractValidator<GetSurveySeriesQuery>
{
    public GetSurveySeriesValidator(KnownAreas areas)
    {
        RuleFor(q => q.Area).Cascade(CascadeMode.Stop).NotEmpty().KnownArea(areas);
        RuleFor(q => q.Indicator).MaximumLength(300);
    }
}

public sealed class GetSurveySeriesHandler(DbSession db) : IQueryHandler<GetSurveySeriesQuery, IReadOnlyList<SurveySeries>>
{
    public async ValueTask<IReadOnlyList<SurveySeries>> Handle(GetSurveySeriesQuery query, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<(string Slug, string Name, string Kind)?>("select slug, name, kind from area where slug = @Area", query, ct)
            ?? throw AreaRules.Unknown(query.Area);
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
