using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Measures;
using Trygghet.Api.Features.Observations;
using Trygghet.Api.Features.Questions;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Feedback;

/// <summary>
/// The feedback (återkoppling) of a closed dialogue or walk: what was raised, what was answered, and what is being
/// done. The page a resident is sent after the event.
/// </summary>
/// <param name="Raised">What participants raised, as staff summed it up when closing the event.</param>
/// <param name="Actions">What will happen, as staff summed it up.</param>
/// <param name="Minutes">The minutes.</param>
/// <param name="Observations">Observations made on the walk (for a dialogue: on the walks linked to it), with their follow-up.</param>
/// <param name="Measures">Measures that answer the event or its observations, with their status.</param>
/// <param name="Questions">The questions residents raised (published ones, most votes first) and their answers.</param>
public sealed record EventFeedback(Guid EventId, EventKind Kind, string Slug, string Title, DateTimeOffset StartsAt, AreaRef Area, DateTimeOffset ClosedAt,
    string Minutes, string Raised, string Actions, int ParticipantsOnSite, int ParticipantsRemote, IReadOnlyList<Observation> Observations,
    IReadOnlyList<Measure> Measures, IReadOnlyList<PublicQuestion> Questions);

public sealed record GetEventFeedbackQuery(EventKind Kind, string IdOrSlug) : IQuery<EventFeedback>;

public sealed class GetEventFeedbackHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetEventFeedbackQuery, EventFeedback>
{
    public async ValueTask<EventFeedback> Handle(GetEventFeedbackQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.QuerySingleOrDefaultAsync<EventRow>(EventRow.Select + """
             where e.kind = @Kind and e.status <> 'draft' and (e.slug = @IdOrSlug or e.id::text = @IdOrSlug)
            """, new { Kind = WireName.Of(query.Kind), query.IdOrSlug }, ct) ?? throw new NotFoundException(EventTexts.NotFound, query.IdOrSlug);
        if (row.ClosingValue is not { } closing || row.ClosedAt is not { } closedAt) throw new ConflictException(FeedbackTexts.NotClosed);
        var observations = await db.LoadObservationsAsync(
            "(o.walk_id = @Id or o.walk_id in (select id from event where linked_dialogue_id = @Id))", new { row.Id }, now, ct, orderBy: "o.number");
        var measures = await db.LoadMeasuresAsync("""
            (m.id in (select measure_id from measure_event where event_id = @Id)
             or m.id in (select measure_id from measure_observation where observation_id = any(@ObservationIds)))
            """, new { row.Id, ObservationIds = observations.Select(o => o.Id).ToArray() }, ct);
        var questions = await db.LoadQuestionsAsync("q.event_id = @Id and q.status = 'published'", new { row.Id }, ct,
            "q.pinned desc, q.votes desc, q.published_at, q.id");
        return new EventFeedback(row.Id, row.KindValue, row.Slug, row.Title, Time.Local(row.StartsAt),
            new AreaRef(row.AreaSlug, row.AreaName, AreaKinds.Parse(row.AreaKind)), Time.Local(closedAt), closing.Minutes, closing.Raised, closing.Actions,
            closing.ParticipantsOnSite, closing.ParticipantsRemote, observations, measures, [.. questions.Select(q => q.Row.ToPublic(q.Answers))]);
    }
}
