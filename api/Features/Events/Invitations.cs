using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>An actor's answer to an invitation.</summary>
public enum RsvpAnswer { Accept, Decline }

/// <summary>Whether an invited actor has answered.</summary>
public enum InvitationStatus { Pending, Accepted, Declined }

/// <summary>Actors to invite to an event.</summary>
/// <param name="ActorIds">The actors; already invited ones are left as they are.</param>
public sealed record InviteRequest(IReadOnlyList<Guid> ActorIds);

/// <summary>An invitation as staff see it.</summary>
/// <param name="RsvpToken">The secret of the RSVP link; returned only when the invitation is created (it is stored hashed).</param>
public sealed record Invitation(Guid Id, Guid ActorId, string Organisation, string ActorKind, InvitationStatus Status, string? Note,
    DateTimeOffset InvitedAt, DateTimeOffset? AnsweredAt, string? RsvpToken = null);

/// <summary>What the holder of an RSVP link sees.</summary>
public sealed record RsvpView(string Organisation, string EventTitle, EventKind EventKind, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string AreaName, InvitationStatus Status, string? Note);

/// <summary>The answer given through an RSVP link.</summary>
/// <param name="Answer">Accept or decline.</param>
/// <param name="Note">A note to the organisers, e.g. who will come.</param>
public sealed record RsvpRequest(RsvpAnswer Answer, string? Note = null);

public sealed record InviteActors(Guid EventId, InviteRequest Request) : ICommand<IReadOnlyList<Invitation>>;

public sealed record ListInvitations(Guid EventId) : IQuery<IReadOnlyList<Invitation>>;

public sealed record GetRsvp(string Token) : IQuery<RsvpView>;

public sealed record AnswerRsvp(string Token, RsvpRequest Request) : ICommand<RsvpView>;

public sealed class InviteActorsValidator : AbstractValidator<InviteActors>
{
    public InviteActorsValidator() => RuleFor(c => c.Request.ActorIds).NotEmpty().Must(ids => ids.Count <= 100).OverridePropertyName("actorIds");
}

public sealed class GetRsvpValidator : AbstractValidator<GetRsvp>
{
    public GetRsvpValidator() => RuleFor(q => q.Token).Must(SecretTokens.LooksValid).WithMessage("Ogiltig länk. / Invalid link.")
        .OverridePropertyName("X-Rsvp-Token");
}

public sealed class AnswerRsvpValidator : AbstractValidator<AnswerRsvp>
{
    public AnswerRsvpValidator()
    {
        RuleFor(c => c.Token).Must(SecretTokens.LooksValid).WithMessage("Ogiltig länk. / Invalid link.").OverridePropertyName("X-Rsvp-Token");
        RuleFor(c => c.Request.Answer).IsInEnum().OverridePropertyName("answer");
        RuleFor(c => c.Request.Note).MaximumLength(2_000).OverridePropertyName("note");
    }
}

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
    public RsvpView ToView() => new(Organisation, Title, WireName.Parse<EventKind>(Kind), StartsAt, EndsAt, AreaName,
        WireName.Parse<InvitationStatus>(Status), Note);
}

public sealed class InvitationHandlers(DbSession db, AuditLog audit, TimeProvider clock, ISecretTokens tokens, Outbox outbox, SiteOptions site) :
    ICommandHandler<InviteActors, IReadOnlyList<Invitation>>, IQueryHandler<ListInvitations, IReadOnlyList<Invitation>>,
    IQueryHandler<GetRsvp, RsvpView>, ICommandHandler<AnswerRsvp, RsvpView>
{
    private const string RsvpSelect = """
        select i.id, a.organisation, e.title, e.kind, e.starts_at, e.ends_at, ar.name as area_name, i.status, i.note, e.status as event_status
        from invitation i join actor a on a.id = i.actor_id join event e on e.id = i.event_id join area ar on ar.id = e.area_id
        where i.token_hash = @Hash
        """;

    public async ValueTask<IReadOnlyList<Invitation>> Handle(InviteActors command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.LoadAsync(command.EventId, ct, forUpdate: true);
        row.RequireStatus(now, "invite", EventStatus.Draft, EventStatus.Published, EventStatus.Rescheduled);
        var ids = command.Request.ActorIds.Distinct().ToArray();
        var known = await db.QueryAsync<Guid>("select id from actor where id = any(@ids)", new { ids }, ct);
        if (known.Count != ids.Length) throw new BusinessRuleException("actor.notFound");

        var fresh = ids.Select(id => (ActorId: id, Token: tokens.New())).ToList();
        var created = await db.QueryAsync<Guid>("""
            insert into invitation (event_id, actor_id, token_hash, invited_at)
            select @EventId, actor_id, token_hash, @now from unnest(@ActorIds, @Hashes) as t(actor_id, token_hash)
            on conflict (event_id, actor_id) do nothing
            returning actor_id
            """, new { command.EventId, now, ActorIds = fresh.Select(f => f.ActorId).ToArray(), Hashes = fresh.Select(f => SecretTokens.Hash(f.Token)).ToArray() }, ct);
        await audit.WriteAsync("event.invite", "event", command.EventId.ToString(), new { actorIds = created }, ct);
        var emails = await db.QueryAsync<(Guid Id, string Organisation, string Email)>(
            "select id, organisation, contact_email from actor where id = any(@created) and contact_email is not null", new { created = created.ToArray() }, ct);
        foreach (var (actorId, organisation, email) in emails)
        {
            var (subject, body, calendar) = InvitationMail.Compose(row, organisation, fresh.Single(f => f.ActorId == actorId).Token, site, now, reminder: false);
            await outbox.EnqueueAsync("invitation", email, subject, body, calendar, ct);
        }
        var tokenByActor = fresh.Where(f => created.Contains(f.ActorId)).ToDictionary(f => f.ActorId, f => f.Token);
        var rows = await db.QueryAsync<InvitationRow>(InvitationRow.Select + " where i.event_id = @EventId order by a.organisation", command, ct);
        return rows.Select(r => r.ToInvitation(tokenByActor.GetValueOrDefault(r.ActorId))).ToList();
    }

    public async ValueTask<IReadOnlyList<Invitation>> Handle(ListInvitations query, CancellationToken ct)
    {
        await db.LoadAsync(query.EventId, ct);
        var rows = await db.QueryAsync<InvitationRow>(InvitationRow.Select + " where i.event_id = @EventId order by a.organisation", query, ct);
        return rows.Select(r => r.ToInvitation()).ToList();
    }

    public async ValueTask<RsvpView> Handle(GetRsvp query, CancellationToken ct) =>
        (await FindAsync(query.Token, ct)).ToView();

    public async ValueTask<RsvpView> Handle(AnswerRsvp command, CancellationToken ct)
    {
        var row = await FindAsync(command.Token, ct);
        if (row.EventStatus is "cancelled" or "closed") throw new ConflictException("event.transition", "rsvp", row.EventStatus);
        // The event's public list of participating organisations changes with the answer, so its listings must too.
        await db.ExecuteAsync("""
            update invitation set status = @Status, note = @Note, answered_at = @Now where id = @Id;
            update event set updated_at = @Now where id = (select event_id from invitation where id = @Id);
            """,
            new { row.Id, Status = command.Request.Answer == RsvpAnswer.Accept ? "accepted" : "declined", command.Request.Note, Now = clock.GetUtcNow() }, ct);
        return (await FindAsync(command.Token, ct)).ToView();
    }

    private async Task<RsvpRow> FindAsync(string token, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<RsvpRow>(RsvpSelect, new { Hash = SecretTokens.Hash(token) }, ct)
        ?? throw new NotFoundException("invitation.notFound");
}
