using System.Text.Json;
using Trygghet.Api.Features.Actors;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>
/// Where a question is: <c>pending</c> (waiting for a moderator), <c>published</c>, <c>rejected</c> (with a reason the
/// asker sees), <c>hidden</c> (taken down after publication) or <c>merged</c> into another question.
/// </summary>
public enum QuestionStatus { Pending, Published, Rejected, Hidden, Merged }

/// <summary>Pre-moderation: every question waits for a moderator. Post-moderation: published at once unless the confidentiality filter flags it.</summary>
public enum QuestionModeration { Pre, Post }

/// <summary>Order of the public list; pinned questions always come first.</summary>
public enum QuestionSort { Votes, Time }

/// <summary>Who answered: an invited organisation (actor) or the district administration's staff.</summary>
public enum AnswerAuthorKind { Actor, Staff }

/// <summary>A resident's question.</summary>
/// <param name="Text">The question, 3–1,000 characters of plain text (HTML is shown as typed, never interpreted).</param>
/// <param name="DisplayName">A name to show with the question (1–60 characters); anonymous when left out. Screened like the text.</param>
/// <param name="AddresseeKind">Whom the question is for: police, politicians, the administration…</param>
/// <param name="AddresseeActorId">Or one organisation taking part.</param>
public sealed record QuestionRequest(string Text, string? DisplayName = null, ActorKind? AddresseeKind = null, Guid? AddresseeActorId = null);

/// <summary>The answer to a new question, given once: the private link is not stored in readable form.</summary>
/// <param name="Status"><c>published</c> at once (post-moderation, nothing flagged) or <c>pending</c>.</param>
/// <param name="HeldFor">Why the question waits for a moderator although the event is post-moderated: what looked like personal data in its text or display name.</param>
/// <param name="QuestionToken">The secret of the private question link; send it in the <c>X-Question-Token</c> header.</param>
/// <param name="QuestionUrl">The private page where the asker follows the question (moderation, reason of a rejection, answers).</param>
public sealed record AskReceipt(Guid Id, Guid EventId, QuestionStatus Status, IReadOnlyList<PersonalDataKind> HeldFor, string QuestionToken, string QuestionUrl);

/// <summary>Whom a question is addressed to.</summary>
public sealed record Addressee(ActorKind? Kind, Guid? ActorId, string? Organisation);

/// <summary>An answer, written or given live in the room.</summary>
/// <param name="Text">The written answer; null when it was given live without text.</param>
/// <param name="Live">Answered live at the event.</param>
/// <param name="Author">The organisation that answered (never a person's account).</param>
/// <param name="ActorKind">The kind of organisation, for actors.</param>
public sealed record Answer(Guid Id, string? Text, bool Live, string Author, AnswerAuthorKind AuthorKind, ActorKind? ActorKind, DateTimeOffset AnsweredAt);

/// <summary>A published question as everyone sees it.</summary>
/// <param name="Answered">True when it has at least one answer, written or live.</param>
public sealed record PublicQuestion(Guid Id, Guid EventId, string Text, string? DisplayName, Addressee? Addressee, int Votes, bool Pinned,
    bool AnsweredLive, bool Answered, IReadOnlyList<Answer> Answers, DateTimeOffset AskedAt, DateTimeOffset? PublishedAt);

/// <summary>A question as moderators and staff see it.</summary>
/// <param name="Flags">What the confidentiality filter found in the current text and display name: the field, and offsets to highlight.</param>
/// <param name="OriginalText">The text as asked, when it was redacted: shown to admins only.</param>
/// <param name="Redacted">True when a moderator edited the text.</param>
/// <param name="Version">For <c>If-Match</c> when editing the text.</param>
public sealed record ModeratedQuestion(Guid Id, Guid EventId, QuestionStatus Status, string Text, string? DisplayName, Addressee? Addressee,
    IReadOnlyList<TextFinding> Flags, string? RejectReason, Guid? MergedInto, int Votes, bool Pinned, bool AnsweredLive,
    IReadOnlyList<Answer> Answers, DateTimeOffset AskedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ModeratedAt, bool Redacted,
    string? OriginalText, int Version);

/// <summary>The asker's own view through the private link.</summary>
/// <param name="RejectReason">The moderator's reason, when the question was rejected.</param>
/// <param name="MergedInto">The question it was merged into (its votes and answers are there).</param>
public sealed record MyQuestion(Guid Id, Guid EventId, string EventTitle, QuestionStatus Status, string Text, string? RejectReason, Guid? MergedInto,
    int Votes, IReadOnlyList<Answer> Answers, DateTimeOffset AskedAt);

/// <summary>The published questions of a dialogue.</summary>
/// <param name="StreamPosition">The id of the last event of the live stream when this list was read: subscribe with <c>lastEventId</c> = this to miss nothing.</param>
public sealed record QuestionList(IReadOnlyList<PublicQuestion> Items, string? NextCursor, long StreamPosition);

/// <summary>How a dialogue takes questions.</summary>
public sealed record QuestionSettings(QuestionModeration Moderation);

internal sealed record QuestionRow(Guid Id, Guid EventId, string Text, string? OriginalText, string? DisplayName, string? AddresseeKind,
    Guid? AddresseeActorId, string? AddresseeOrganisation, string Status, string Flags, string? RejectReason, Guid? MergedInto, bool Pinned,
    bool AnsweredLive, int Votes, DateTimeOffset AskedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ModeratedAt, int Version)
{
    public const string Select = """
        select q.id, q.event_id, q.text, q.original_text, q.display_name, q.addressee_kind, q.addressee_actor_id,
               aa.organisation as addressee_organisation, q.status, q.flags::text as flags, q.reject_reason, q.merged_into,
               q.pinned, q.answered_live, q.votes, q.asked_at, q.published_at, q.moderated_at, q.version
        from question q left join actor aa on aa.id = q.addressee_actor_id
        """;

    public QuestionStatus StatusValue => WireName.Parse<QuestionStatus>(Status);

    public Addressee? ToAddressee() => AddresseeKind is null && AddresseeActorId is null ? null
        : new Addressee(AddresseeKind is null ? null : WireName.Parse<ActorKind>(AddresseeKind), AddresseeActorId, AddresseeOrganisation);

    public PublicQuestion ToPublic(IReadOnlyList<Answer> answers) => new(Id, EventId, Text, DisplayName, ToAddressee(), Votes, Pinned, AnsweredLive,
        AnsweredLive || answers.Count > 0, answers, Time.Local(AskedAt), PublishedAt is { } at ? Time.Local(at) : null);

    public ModeratedQuestion ToModerated(IReadOnlyList<Answer> answers, bool admin) => new(Id, EventId, StatusValue, Text, DisplayName, ToAddressee(),
        JsonSerializer.Deserialize<List<TextFinding>>(Flags, Json.Options) ?? [], RejectReason, MergedInto, Votes, Pinned, AnsweredLive, answers,
        Time.Local(AskedAt), PublishedAt is { } at ? Time.Local(at) : null, ModeratedAt is { } m ? Time.Local(m) : null, OriginalText is not null,
        admin ? OriginalText : null, Version);
}

internal sealed record AnswerRow(Guid Id, Guid QuestionId, string? Text, bool Live, string AuthorKind, string? ActorKind, string Author, DateTimeOffset AnsweredAt)
{
    public const string Select = """
        select qa.id, qa.question_id, qa.text, qa.live, qa.author_kind, a.kind as actor_kind, qa.author, qa.answered_at
        from question_answer qa left join actor a on a.id = qa.actor_id
        """;

    public Answer ToAnswer() => new(Id, Text, Live, Author, WireName.Parse<AnswerAuthorKind>(AuthorKind),
        ActorKind is null ? null : WireName.Parse<ActorKind>(ActorKind), Time.Local(AnsweredAt));
}

internal static class QuestionStore
{
    /// <summary>Questions with their answers, in the order asked for.</summary>
    public static async Task<IReadOnlyList<(QuestionRow Row, IReadOnlyList<Answer> Answers)>> LoadQuestionsAsync(this DbSession db, string where,
        object param, CancellationToken ct, string orderBy = "q.asked_at, q.id", int? limit = null, int offset = 0)
    {
        var rows = await db.QueryAsync<QuestionRow>($"{QuestionRow.Select} where {where} order by {orderBy}"
            + (limit is { } take ? $" limit {take}" : "") + (offset > 0 ? $" offset {offset}" : ""), param, ct);
        if (rows.Count == 0) return [];
        var answers = (await db.QueryAsync<AnswerRow>(AnswerRow.Select + " where qa.question_id = any(@ids) order by qa.answered_at, qa.id",
            new { ids = rows.Select(r => r.Id).ToArray() }, ct)).ToLookup(a => a.QuestionId);
        return rows.Select(r => (r, (IReadOnlyList<Answer>)answers[r.Id].Select(a => a.ToAnswer()).ToList())).ToList();
    }

    public static async Task<(QuestionRow Row, IReadOnlyList<Answer> Answers)> LoadQuestionAsync(this DbSession db, Guid id, CancellationToken ct) =>
        (await db.LoadQuestionsAsync("q.id = @id", new { id }, ct)).SingleOrDefault() is { Row: not null } found ? found
            : throw new NotFoundException("question.notFound", id);
}

/// <summary>The dialogue a question belongs to, and whether it takes questions and votes now.</summary>
internal sealed record QuestionEvent(Guid Id, string Kind, string Status, string Title, DateTimeOffset EndsAt, string QuestionModeration)
{
    public const string Select = "select id, kind, status, title, ends_at, question_moderation from event";

    /// <summary>Questions and votes are taken from publication until the end; never for drafts (404), cancelled or past events (409).</summary>
    public void RequireOpen(DateTimeOffset now)
    {
        if (Status == "draft") throw new NotFoundException("event.notFound", Id);
        if (Status == "cancelled") throw new ConflictException("question.eventCancelled");
        if (Status == "closed" || now >= EndsAt) throw new ConflictException("question.closed");
    }

    public static async Task<QuestionEvent> LoadAsync(DbSession db, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<QuestionEvent>(Select + " where id = @id and kind = 'dialogue'", new { id }, ct)
            ?? throw new NotFoundException("event.notFound", id);

    public static async Task<QuestionEvent> FindPublicAsync(DbSession db, string idOrSlug, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<QuestionEvent>(Select + " where kind = 'dialogue' and status <> 'draft' and (slug = @idOrSlug or id::text = @idOrSlug)",
            new { idOrSlug }, ct) ?? throw new NotFoundException("event.notFound", idOrSlug);
}
