using System.Text.Json;
using Trygghet.Api.Features.Actors;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

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
