using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The published questions of a dialogue.</summary>
/// <param name="StreamPosition">The id of the last event of the live stream when this list was read: subscribe with <c>lastEventId</c> = this to miss nothing.</param>
public sealed record QuestionList(IReadOnlyList<PublicQuestion> Items, string? NextCursor, long StreamPosition);

/// <summary>The published questions of a dialogue, pinned first, then by votes or by time.</summary>
public sealed record ListQuestionsQuery(string IdOrSlug, QuestionSort? Sort, int? Limit, string? Cursor) : IQuery<QuestionList>;

public sealed class ListQuestionsValidator : AbstractValidator<ListQuestionsQuery>
{
    public ListQuestionsValidator()
    {
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).Must(c => c is null || Infrastructure.Cursor.TryDecode(c, out long _))
            .WithMessage(_ => CommonTexts.BadCursor.Format());
    }
}

public sealed class ListQuestionsHandler(DbSession db) : IQueryHandler<ListQuestionsQuery, QuestionList>
{
    public async ValueTask<QuestionList> Handle(ListQuestionsQuery query, CancellationToken ct)
    {
        var dialogue = await QuestionEvent.FindPublicAsync(db, query.IdOrSlug, ct);
        // Read the stream's position first: whatever changes after it reaches a client that subscribes from there.
        var position = await QuestionStream.HeadAsync(db, dialogue.Id, StreamAudience.Public, ct);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var offset = Cursor.TryDecode(query.Cursor, out long skip) ? (int)Math.Min(skip, 100_000) : 0;
        var orderBy = query.Sort == QuestionSort.Time
            ? "q.pinned desc, q.published_at desc, q.id desc"
            : "q.pinned desc, q.votes desc, q.published_at, q.id";
        var rows = await db.LoadQuestionsAsync("q.event_id = @Id and q.status = 'published'", new { dialogue.Id }, ct, orderBy, limit + 1, offset);
        var items = rows.Take(limit).Select(r => r.Row.ToPublic(r.Answers)).ToList();
        return new QuestionList(items, rows.Count > limit ? Cursor.Encode(offset + limit) : null, position);
    }
}
