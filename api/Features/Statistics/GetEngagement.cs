using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

public sealed record GetEngagementQuery(string Area, DateOnly? From, DateOnly? To) : IQuery<Engagement>;

public sealed class GetEngagementValidator : AbstractValidator<GetEngagementQuery>
{
    public GetEngagementValidator(KnownAreas areas)
    {
        RuleFor(q => q.Area).Cascade(CascadeMode.Stop).NotEmpty().KnownArea(areas);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage(_ => CommonTexts.PeriodEndNotBeforeStart.Format()).When(q => q.From is not null && q.To is not null);
    }
}

public sealed class GetEngagementHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetEngagementQuery, Engagement>
{
    public async ValueTask<Engagement> Handle(GetEngagementQuery q, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<(Guid Id, string Slug, string Name, string Kind)?>(
            "select id, slug, name, kind from area where slug = @Area", q, ct) ?? throw AreaRules.Unknown(q.Area);
        var today = DateOnly.FromDateTime(Time.Local(clock.GetUtcNow()).DateTime);
        var to = q.To ?? today;
        var from = q.From ?? to.AddYears(-1).AddDays(1);
        var row = await db.QuerySingleOrDefaultAsync<(int Dialogues, int Walks, int Cancelled, int OnSite, int Remote, int Feedback, int Actors,
            int RegisteredOnSite, int RegisteredRemote, int QuestionsAsked, int QuestionsAnswered)>("""
            with scope as (
                select e.* from event e join area a on a.id = e.area_id
                where (a.id = @Id or a.parent_id = @Id or @IsCity)
                  and e.status <> 'draft'
                  and e.ends_at >= (@From::timestamp at time zone 'Europe/Stockholm')
                  and e.ends_at < (@Until::timestamp at time zone 'Europe/Stockholm')
                  and (e.status = 'cancelled' or e.ends_at <= @Now)),
            registered as (
                select r.event_id,
                       count(*) filter (where r.mode = 'onSite') as on_site,
                       count(*) filter (where r.mode = 'remote') as remote,
                       count(*) filter (where r.mode = 'onSite' and r.checked_in_at is not null) as checked_in,
                       count(*) filter (where r.mode = 'remote' and (r.joined_at is not null or r.checked_in_at is not null)) as joined
                from registration r
                where r.status <> 'cancelled' and r.event_id in (select id from scope where status <> 'cancelled')
                group by r.event_id)
            select count(*) filter (where kind = 'dialogue' and status <> 'cancelled')::int,
                   count(*) filter (where kind = 'walk' and status <> 'cancelled')::int,
                   count(*) filter (where status = 'cancelled')::int,
                   coalesce(sum(case when status = 'closed' then participants_on_site else g.checked_in end), 0)::int,
                   coalesce(sum(case when status = 'closed' then participants_remote else g.joined end), 0)::int,
                   count(*) filter (where status = 'closed' and feedback_actions is not null)::int,
                   (select count(distinct i.actor_id) from invitation i where i.status = 'accepted' and i.event_id in (select id from scope where status <> 'cancelled'))::int,
                   coalesce(sum(g.on_site), 0)::int,
                   coalesce(sum(g.remote), 0)::int,
                   -- A duplicate merged into another question is counted once, with it.
                   (select count(*) from question q where q.status <> 'merged' and q.event_id in (select id from scope where status <> 'cancelled'))::int,
                   (select count(*) from question q where q.status = 'published' and q.event_id in (select id from scope where status <> 'cancelled')
                      and (q.answered_live or exists (select from question_answer qa where qa.question_id = q.id)))::int
            from scope left join registered g on g.event_id = scope.id
            """,
            new
            {
                area.Id,
                IsCity = area.Kind == "city",
                From = from.ToDateTime(TimeOnly.MinValue),
                Until = to.AddDays(1).ToDateTime(TimeOnly.MinValue),
                Now = clock.GetUtcNow(),
            }, ct);
        var observations = await db.QuerySingleOrDefaultAsync<(int Open, int Fixed, double? MedianDays)>("""
            with scope as (select id from area where id = @Id or parent_id = @Id or @IsCity)
            select count(*) filter (where o.status in ('reported', 'investigating', 'planned', 'inProgress')
                                      and o.created_at >= @FromAt and o.created_at < @UntilAt)::int,
                   count(*) filter (where o.fixed_at >= @FromAt and o.fixed_at < @UntilAt)::int,
                   percentile_cont(0.5) within group (order by extract(epoch from o.fixed_at - o.created_at) / 86400)
                       filter (where o.fixed_at >= @FromAt and o.fixed_at < @UntilAt)
            from observation o where o.area_id in (select id from scope)
            """, new
        {
            area.Id,
            IsCity = area.Kind == "city",
            FromAt = Time.StartOfDay(from),
            UntilAt = Time.StartOfDay(to.AddDays(1)),
        }, ct);
        var surveys = await db.QuerySingleOrDefaultAsync<(int Sent, int Answered)>("""
            select count(*)::int, count(s.answered_at)::int
            from survey_invitation s join event e on e.id = s.event_id join area a on a.id = e.area_id
            where (a.id = @Id or a.parent_id = @Id or @IsCity)
              and e.ends_at >= (@From::timestamp at time zone 'Europe/Stockholm')
              and e.ends_at < (@Until::timestamp at time zone 'Europe/Stockholm')
            """, new
        {
            area.Id,
            IsCity = area.Kind == "city",
            From = from.ToDateTime(TimeOnly.MinValue),
            Until = to.AddDays(1).ToDateTime(TimeOnly.MinValue),
        }, ct);
        return new Engagement(new AreaRef(area.Slug, area.Name, AreaKinds.Parse(area.Kind)), from, to,
            row.Dialogues, row.Walks, row.Cancelled, row.OnSite, row.Remote, row.Feedback, row.Actors,
            row.RegisteredOnSite + row.RegisteredRemote, row.RegisteredOnSite, row.RegisteredRemote, row.QuestionsAsked, row.QuestionsAnswered, observations.Open, observations.Fixed,
            observations.MedianDays is { } days ? Math.Round(days, 1) : null,
            Source: "Trygghet: stadsdelsförvaltningens egna uppgifter om dialoger och vandringar",
            SurveysSent: surveys.Sent, SurveysAnswered: surveys.Answered,
            SurveyResponseRate: surveys.Sent == 0 ? null : Math.Round((double)surveys.Answered / surveys.Sent, 3));
    }
}
