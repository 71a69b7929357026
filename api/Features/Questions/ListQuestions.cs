using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The published questions of a dialogue, pinned first, then by votes or by time.</summary>
public sealed record ListQuestions(string IdOrSlug, QuestionSort? Sort, int? Limit, string? Cursor) : IQuery<QuestionList>;

/// <summary>The moderation queue (pending, oldest first) or the dialogue's questions in another status.</summary>
public sealed record ListModerationQueue(Guid EventId, QuestionStatus? Status, int? Limit, string? Cursor, bool Admin) : IQuery<Page<ModeratedQuestion>>;

public sealed record GetModeratedQuestion(Guid Id, bool Admin) : IQuery<ModeratedQuestion>;

public sealed record GetMyQuestion(string Token) : IQuery<MyQuestion>;

public sealed record GetQuestionSettings(Guid EventId) : IQuery<QuestionSettings>;

/// <summary>The id of a public dialogue, to subscribe to its stream.</summary>
public sealed record FindStreamDialogue(string IdOrSlug) : IQuery<Guid>;

public static class QuestionTokens
{
    public const string Header = "X-Question-Token";
}

public sealed class ListQuestionsValidator : AbstractValidator<ListQuestions>
{
    public ListQuestionsValidator()
    {
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).Must(c => c is null || Infrastructure.Cursor.TryDecode(c, out long _))
            .WithMessage(_ => Messages.Get("paging.badCursor"));
    }
}

public sealed class ListModerationQueueValidator : AbstractValidator<ListModerationQueue>
{
    public ListModerationQueueValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class GetMyQuestionValidator : AbstractValidator<GetMyQuestion>
{
    public GetMyQuestionValidator() =>
        RuleFor(q => q.Token).Must(SecretTokens.LooksValid).WithMessage(_ => Messages.Get("question.badLink")).OverridePropertyName(QuestionTokens.Header);
}

public sealed class QuestionQueries(DbSession db) :
    IQueryHandler<ListQuestions, QuestionList>, IQueryHandler<ListModerationQueue, Page<ModeratedQuestion>>,
    IQueryHandler<GetModeratedQuestion, ModeratedQuestion>, IQueryHandler<GetMyQuestion, MyQuestion>,
    IQueryHandler<GetQuestionSettings, QuestionSettings>, IQueryHandler<FindStreamDialogue, Guid>
{
    public async ValueTask<Guid> Handle(FindStreamDialogue query, CancellationToken ct) => (await QuestionEvent.FindPublicAsync(db, query.IdOrSlug, ct)).Id;

    public async ValueTask<QuestionList> Handle(ListQuestions query, CancellationToken ct)
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

    public async ValueTask<Page<ModeratedQuestion>> Handle(ListModerationQueue query, CancellationToken ct)
    {
        await QuestionEvent.LoadAsync(db, query.EventId, ct);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var rows = await db.LoadQuestionsAsync(
            "q.event_id = @EventId and q.status = @Status" + (hasCursor ? " and (q.asked_at, q.id) > (@at, @after)" : ""),
            new { query.EventId, Status = WireName.Of(query.Status ?? QuestionStatus.Pending), at, after }, ct, "q.asked_at, q.id", limit + 1);
        return Cursor.ToPage(rows, limit, r => (r.Row.AskedAt, r.Row.Id), r => r.Row.ToModerated(r.Answers, query.Admin));
    }

    public async ValueTask<ModeratedQuestion> Handle(GetModeratedQuestion query, CancellationToken ct)
    {
        var (row, answers) = await db.LoadQuestionAsync(query.Id, ct);
        return row.ToModerated(answers, query.Admin);
    }

    public async ValueTask<MyQuestion> Handle(GetMyQuestion query, CancellationToken ct)
    {
        var id = await db.QuerySingleOrDefaultAsync<Guid?>("select id from question where token_hash = @Hash", new { Hash = SecretTokens.Hash(query.Token) }, ct)
            ?? throw new NotFoundException("question.notFound", "");
        var (row, answers) = await db.LoadQuestionAsync(id, ct);
        var title = await db.QuerySingleOrDefaultAsync<string>("select title from event where id = @EventId", row, ct) ?? "";
        return new MyQuestion(row.Id, row.EventId, title, row.StatusValue, row.Text, row.RejectReason, row.MergedInto, row.Votes, answers,
            Time.Local(row.AskedAt));
    }

    public async ValueTask<QuestionSettings> Handle(GetQuestionSettings query, CancellationToken ct) =>
        new((await QuestionEvent.LoadAsync(db, query.EventId, ct)).QuestionModeration == "post" ? QuestionModeration.Post : QuestionModeration.Pre);
}
