using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

public sealed record GetAreaSurveyResultsQuery(string Slug, SurveyPeriod? Period) : IQuery<AreaSurveyResults>;

public sealed class GetAreaSurveyResultsValidator : AbstractValidator<GetAreaSurveyResultsQuery>
{
    public GetAreaSurveyResultsValidator() => RuleFor(q => q.Period).IsInEnum();
}

/// <summary>
/// What participants of an area's dialogues and walks answered (the district: of all its neighbourhoods; the city: of
/// all), and how safe they felt period by period, by when the event ended (Europe/Stockholm). Every figure, overall and
/// per period, needs the minimum number of answers.
/// </summary>
public sealed class GetAreaSurveyResultsHandler(DbSession db, SurveyOptions options) : IQueryHandler<GetAreaSurveyResultsQuery, AreaSurveyResults>
{
    private sealed record PeriodRow(int Year, int Part, int Answers, double? SafetyMean, int Safety1, int Safety2, int Safety3, int Safety4, int Safety5);

    private const string Scope = """
        from survey_answer a join event e on e.id = a.event_id join area ar on ar.id = e.area_id
        where (ar.id = @Id or ar.parent_id = @Id or @IsCity)
        """;

    public async ValueTask<AreaSurveyResults> Handle(GetAreaSurveyResultsQuery query, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<(Guid Id, string Slug, string Name, string Kind)?>(
            "select id, slug, name, kind from area where slug = @Slug", query, ct) ?? throw new NotFoundException(AreaTexts.NotFound, query.Slug);
        var scope = new { area.Id, IsCity = area.Kind == "city" };
        var counts = await db.QuerySingleOrDefaultAsync<SurveyCounts>($"select {SurveyCounts.Select} {Scope}", scope, ct) ?? SurveyCounts.None;
        var period = query.Period ?? SurveyPeriod.HalfYear;
        var rows = await db.QueryAsync<PeriodRow>($"""
            select extract(year from l.local)::int as year,
                   (case when @Quarter then extract(quarter from l.local) else case when extract(month from l.local) <= 6 then 1 else 2 end end)::int as part,
                   count(*)::int as answers, avg(a.safety)::float8 as safety_mean,
                   count(*) filter (where a.safety = 1)::int as safety1, count(*) filter (where a.safety = 2)::int as safety2,
                   count(*) filter (where a.safety = 3)::int as safety3, count(*) filter (where a.safety = 4)::int as safety4,
                   count(*) filter (where a.safety = 5)::int as safety5
            from survey_answer a join event e on e.id = a.event_id join area ar on ar.id = e.area_id
                 cross join lateral (select e.ends_at at time zone 'Europe/Stockholm' as local) l
            where (ar.id = @Id or ar.parent_id = @Id or @IsCity)
            group by 1, 2 order by 1, 2
            """, new { scope.Id, scope.IsCity, Quarter = period == SurveyPeriod.Quarter }, ct);
        var trend = rows.Select(r =>
        {
            var months = period == SurveyPeriod.Quarter ? 3 : 6;
            var from = new DateOnly(r.Year, (r.Part - 1) * months + 1, 1);
            var enough = r.Answers >= options.MinimumAnswers;
            return new SurveyTrendPoint(period == SurveyPeriod.Quarter ? $"{r.Year} Q{r.Part}" : $"{r.Year} H{r.Part}", from, from.AddMonths(months).AddDays(-1),
                r.Answers, !enough, enough ? Math.Round(r.SafetyMean ?? 0, 1, MidpointRounding.AwayFromZero) : null,
                enough ? [new("1", r.Safety1), new("2", r.Safety2), new("3", r.Safety3), new("4", r.Safety4), new("5", r.Safety5)] : []);
        }).ToList();
        return new AreaSurveyResults(new AreaRef(area.Slug, area.Name, AreaKinds.Parse(area.Kind)), counts.Answers, options.MinimumAnswers,
            !counts.Enough(options), counts.Figures(options), period, trend, SurveyTexts.Note.Format());
    }
}
