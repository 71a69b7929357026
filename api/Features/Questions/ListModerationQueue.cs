using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The moderation queue (pending, oldest first) or the dialogue's questions in another status.</summary>
public sealed record ListModerationQueueQuery(Guid EventId, QuestionStatus? Status, int? Limit, string? Cursor, bool Admin) : IQuery<Page<ModeratedQuestion>>;

public sealed class ListModerationQueueValidator : AbstractValidator<ListModerationQueueQuery>
{
    public ListModerationQueueValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ListModerationQueueHandler(DbSession db) : IQueryHandler<ListModerationQueueQuery, Page<ModeratedQuestion>>
{
    public async ValueTask<Page<ModeratedQuestion>> Handle(ListModerationQueueQuery query, CancellationToken ct)
    {
        await QuestionEvent.LoadAsync(db, query.EventId, ct);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var rows = await db.LoadQuestionsAsync(
            "q.event_id = @EventId and q.status = @Status" + (hasCursor ? " and (q.asked_at, q.id) > (@at, @after)" : ""),
            new { query.EventId, Status = WireName.Of(query.Status ?? QuestionStatus.Pending), at, after }, ct, "q.asked_at, q.id", limit + 1);
        return Cursor.ToPage(rows, limit, r => (r.Row.AskedAt, r.Row.Id), r => r.Row.ToModerated(r.Answers, query.Admin));
    }
}
