using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>How residents take part, for an area and a period.</summary>
/// <param name="DialoguesHeld">Safety dialogues whose end lies in the period (held or closed, not cancelled).</param>
/// <param name="WalksHeld">Safety walks whose end lies in the period.</param>
/// <param name="Cancelled">Events of the period that were cancelled.</param>
/// <param name="ParticipantsOnSite">Attendance on site: as recorded when an event was closed, else the registrations checked in.</param>
/// <param name="ParticipantsRemote">Attendance at a distance: as recorded when an event was closed, else the remote registrants who fetched the meeting link.</param>
/// <param name="EventsWithFeedback">Events closed with published feedback (återkoppling).</param>
/// <param name="ActorsTakingPart">Organisations that accepted an invitation to an event of the period.</param>
/// <param name="Registrations">Registrations for the events held (not cancelled by the registrant).</param>
/// <param name="RegistrationsOnSite">Of those, on site.</param>
/// <param name="RegistrationsRemote">Of those, remote.</param>
/// <param name="QuestionsAsked">Questions residents asked at the dialogues held (a duplicate merged into another counts once).</param>
/// <param name="QuestionsAnswered">Published questions answered in writing or live.</param>
/// <param name="ObservationsOpen">Observations reported in the period and still open (reported, investigating, planned, in progress).</param>
/// <param name="ObservationsFixed">Observations fixed in the period.</param>
/// <param name="MedianDaysToFix">Median days from report to fix of the observations fixed in the period; null while none is.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record Engagement(AreaRef Area, DateOnly From, DateOnly To, int DialoguesHeld, int WalksHeld, int Cancelled,
    int ParticipantsOnSite, int ParticipantsRemote, int EventsWithFeedback, int ActorsTakingPart, int Registrations, int RegistrationsOnSite,
    int RegistrationsRemote, int QuestionsAsked,
    int QuestionsAnswered, int ObservationsOpen, int ObservationsFixed, double? MedianDaysToFix, string Source);

public sealed record GetEngagement(string Area, DateOnly? From, DateOnly? To) : IQuery<Engagement>;

public sealed class GetEngagementValidator : AbstractValidator<GetEngagement>
{
    public GetEngagementValidator()
    {
        RuleFor(q => q.Area).AreaSlug();
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

public sealed class GetEngagementHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetEngagement, Engagement>
{
    public async ValueTask<Engagement> Handle(GetEngagement q, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<(Guid Id, string Slug, string Name, string Kind)?>(
            "select id, slug, name, kind from area where slug = @Area", q, ct) ?? throw new NotFoundException("area.notFound", q.Area);
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
        return new Engagement(new AreaRef(area.Slug, area.Name, AreaKinds.Parse(area.Kind)), from, to,
            row.Dialogues, row.Walks, row.Cancelled, row.OnSite, row.Remote, row.Feedback, row.Actors,
            row.RegisteredOnSite + row.RegisteredRemote, row.RegisteredOnSite, row.RegisteredRemote, row.QuestionsAsked, row.QuestionsAnswered, observations.Open, observations.Fixed,
            observations.MedianDays is { } days ? Math.Round(days, 1) : null,
            Source: "Trygghet: stadsdelsförvaltningens egna uppgifter om dialoger och vandringar");
    }
}

public static class EngagementEndpoints
{
    public static void MapEngagement(this IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/engagement", GetEngagement)
            .WithName(nameof(GetEngagement)).WithTags("Statistics")
            .WithSummary("Dialogues and walks held, registrations and attendance on site and remote, feedback published and organisations taking part, for an area and period; JSON or CSV.")
            .WithMetadata(new AlternateRepresentation("text/csv", typeof(string)))
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

    /// <param name="area" example="hagersten-alvsjo">The city, the district (all its neighbourhoods) or a neighbourhood.</param>
    /// <param name="from">First day (default a year before `to`).</param>
    /// <param name="to">Last day (default today).</param>
    /// <param name="format">`csv` for CSV, as with `Accept: text/csv`.</param>
    public static async Task<Results<Ok<Engagement>, ContentHttpResult, StatusCodeHttpResult>> GetEngagement(
        [System.ComponentModel.DataAnnotations.Required] string? area, DateOnly? from, DateOnly? to, string? format, IMediator mediator, HttpContext http,
        CancellationToken ct)
    {
        StatisticsResponses.ValidateFormat(format);
        var engagement = await mediator.Send(new Features.Statistics.GetEngagement(area ?? "", from, to), ct);
        return StatisticsResponses.Send(http, engagement, format, e => Csv.Write(
            ["area", "from", "to", "dialogues_held", "walks_held", "cancelled", "participants_on_site", "participants_remote", "events_with_feedback",
             "actors_taking_part", "registrations", "registrations_on_site", "registrations_remote", "questions_asked", "questions_answered", "observations_open", "observations_fixed", "median_days_to_fix", "source"],
            [[e.Area.Slug, e.From, e.To, e.DialoguesHeld, e.WalksHeld, e.Cancelled, e.ParticipantsOnSite, e.ParticipantsRemote, e.EventsWithFeedback,
              e.ActorsTakingPart, e.Registrations, e.RegistrationsOnSite, e.RegistrationsRemote, e.QuestionsAsked, e.QuestionsAnswered, e.ObservationsOpen, e.ObservationsFixed, e.MedianDaysToFix, e.Source]]));
    }
}
