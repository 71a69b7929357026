using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

public sealed record GetEventSurveyResultsQuery(EventKind Kind, string IdOrSlug) : IQuery<EventSurveyResults>;

/// <summary>What an event's participants answered: figures and approved texts only from the minimum number of answers.</summary>
public sealed class GetEventSurveyResultsHandler(DbSession db, SurveyOptions options) : IQueryHandler<GetEventSurveyResultsQuery, EventSurveyResults>
{
    public async ValueTask<EventSurveyResults> Handle(GetEventSurveyResultsQuery query, CancellationToken ct)
    {
        var e = await db.QuerySingleOrDefaultAsync<(Guid Id, string Title)?>("""
            select id, title from event where kind = @Kind and status <> 'draft' and (slug = @IdOrSlug or id::text = @IdOrSlug)
            """, new { Kind = WireName.Of(query.Kind), query.IdOrSlug }, ct) ?? throw new NotFoundException(EventTexts.NotFound, query.IdOrSlug);
        var invited = await db.QuerySingleOrDefaultAsync<int>("select count(*)::int from survey_invitation where event_id = @Id", new { e.Id }, ct);
        var counts = await db.QuerySingleOrDefaultAsync<SurveyCounts>($"select {SurveyCounts.Select} from survey_answer a where a.event_id = @Id",
            new { e.Id }, ct) ?? SurveyCounts.None;
        var enough = counts.Enough(options);
        IReadOnlyList<string> priorities = enough
            ? await db.QueryAsync<string>("""
                select a.priority from survey_answer a where a.event_id = @Id and a.priority_status = 'approved' order by a.reviewed_at, a.id
                """, new { e.Id }, ct)
            : [];
        return new EventSurveyResults(e.Id, query.Kind, e.Title, invited, counts.Answers, options.MinimumAnswers, !enough,
            counts.Figures(options), priorities, SurveyTexts.Note.Format());
    }
}
