using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The dialogue a question belongs to, and whether it takes questions and votes now.</summary>
internal sealed record QuestionEvent(Guid Id, string Kind, string Status, string Title, DateTimeOffset EndsAt, string QuestionModeration)
{
    public const string Select = "select id, kind, status, title, ends_at, question_moderation from event";

    /// <summary>Questions and votes are taken from publication until the end; never for drafts (404), cancelled or past events (409).</summary>
    public void RequireOpen(DateTimeOffset now)
    {
        if (Status == "draft") throw new NotFoundException(QuestionTexts.DialogueNotFound, Id);
        if (Status == "cancelled") throw new ConflictException(QuestionTexts.EventCancelled);
        if (Status == "closed" || now >= EndsAt) throw new ConflictException(QuestionTexts.Closed);
    }

    public static async Task<QuestionEvent> LoadAsync(DbSession db, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<QuestionEvent>(Select + " where id = @id and kind = 'dialogue'", new { id }, ct)
            ?? throw new NotFoundException(QuestionTexts.DialogueNotFound, id);

    public static async Task<QuestionEvent> FindPublicAsync(DbSession db, string idOrSlug, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<QuestionEvent>(Select + " where kind = 'dialogue' and status <> 'draft' and (slug = @idOrSlug or id::text = @idOrSlug)",
            new { idOrSlug }, ct) ?? throw new NotFoundException(QuestionTexts.DialogueNotFound, idOrSlug);
}
