using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Feedback;

/// <summary>The feedback of closed dialogues and walks, public: what was raised, answered and is being done.</summary>
public static class FeedbackEndpoints
{
    public static void MapFeedback(this IEndpointRouteBuilder api)
    {
        foreach (var (path, kind, singular, tag) in new[] { ("/dialogues", EventKind.Dialogue, "Dialogue", "Dialogues"), ("/walks", EventKind.Walk, "Walk", "Walks") })
            api.MapGet($"{path}/{{idOrSlug}}/feedback", (string idOrSlug, IMediator mediator, CancellationToken ct) => GetFeedback(kind, idOrSlug, mediator, ct))
                .WithName($"Get{singular}Feedback").PublicCache(SharedCache.Listing).WithTags(tag, "Measures")
                .WithSummary($"The feedback (återkoppling) of a closed {singular.ToLowerInvariant()}: what was raised, answered and is being done (409 before it is closed).")
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<EventFeedback>> GetFeedback(EventKind kind, string idOrSlug, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEventFeedbackQuery(kind, idOrSlug), ct));
}
