using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>An actor's answer to an invitation.</summary>
public enum RsvpAnswer { Accept, Decline }

/// <summary>Whether an invited actor has answered.</summary>
public enum InvitationStatus { Pending, Accepted, Declined }

/// <summary>An invitation as staff see it.</summary>
/// <param name="RsvpToken">The secret of the RSVP link; returned only when the invitation is created (it is stored hashed).</param>
public sealed record Invitation(Guid Id, Guid ActorId, string Organisation, string ActorKind, InvitationStatus Status, string? Note,
    DateTimeOffset InvitedAt, DateTimeOffset? AnsweredAt, string? RsvpToken = null);

/// <summary>What the holder of an RSVP link sees.</summary>
public sealed record RsvpView(string Organisation, string EventTitle, EventKind EventKind, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string AreaName, InvitationStatus Status, string? Note);

internal sealed record InvitationRow(Guid Id, Guid ActorId, string Organisation, string ActorKind, string Status, string? Note,
    DateTimeOffset InvitedAt, DateTimeOffset? AnsweredAt)
{
    public const string Select = """
        select i.id, i.actor_id, a.organisation, a.kind as actor_kind, i.status, i.note, i.invited_at, i.answered_at
        from invitation i join actor a on a.id = i.actor_id
        """;

    public Invitation ToInvitation(string? token = null) =>
        new(Id, ActorId, Organisation, ActorKind, WireName.Parse<InvitationStatus>(Status), Note, InvitedAt, AnsweredAt, token);
}

internal sealed record RsvpRow(Guid Id, string Organisation, string Title, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string AreaName, string Status, string? Note, string EventStatus)
{
    private const string Select = """
        select i.id, a.organisation, e.title, e.kind, e.starts_at, e.ends_at, ar.name as area_name, i.status, i.note, e.status as event_status
        from invitation i join actor a on a.id = i.actor_id join event e on e.id = i.event_id join area ar on ar.id = e.area_id
        where i.token_hash = @Hash
        """;

    /// <summary>The invitation an RSVP link opens; 404 for an unknown secret.</summary>
    public static async Task<RsvpRow> FindAsync(DbSession db, string token, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<RsvpRow>(Select, new { Hash = SecretTokens.Hash(token) }, ct)
        ?? throw new NotFoundException(EventTexts.InvitationNotFound);

    public RsvpView ToView() => new(Organisation, Title, WireName.Parse<EventKind>(Kind), StartsAt, EndsAt, AreaName,
        WireName.Parse<InvitationStatus>(Status), Note);
}
