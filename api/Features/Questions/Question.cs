using Trygghet.Api.Features.Actors;
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

/// <summary>How a dialogue takes questions.</summary>
public sealed record QuestionSettings(QuestionModeration Moderation);

/// <param name="Votes">The question's votes now.</param>
/// <param name="Counted">False when this voter had already voted for the question (a second vote changes nothing).</param>
public sealed record VoteResult(Guid QuestionId, int Votes, bool Counted);
