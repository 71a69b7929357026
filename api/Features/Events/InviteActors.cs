using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Actors;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Actors to invite to an event.</summary>
/// <param name="ActorIds">The actors; already invited ones are left as they are.</param>
public sealed record InviteRequest(IReadOnlyList<Guid> ActorIds);

public sealed record InviteActorsCommand(Guid EventId, InviteRequest Request) : ICommand<IReadOnlyList<Invitation>>;

public sealed class InviteActorsValidator : AbstractValidator<InviteActorsCommand>
{
    public InviteActorsValidator() => RuleFor(c => c.Request.ActorIds).NotEmpty().Must(ids => ids.Count <= 100).WithMessage(_ => CommonTexts.AtMostChosen.Format(100)).OverridePropertyName("actorIds");
}

public sealed class InviteActorsHandler(DbSession db, AuditLog audit, TimeProvider clock, ISecretTokens tokens, Outbox outbox, SiteOptions site)
    : ICommandHandler<InviteActorsCommand, IReadOnlyList<Invitation>>
{
    public async ValueTask<IReadOnlyList<Invitation>> Handle(InviteActorsCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.LoadAsync(command.EventId, ct, forUpdate: true);
        row.RequireStatus(now, "invite", EventStatus.Draft, EventStatus.Published, EventStatus.Rescheduled);
        var ids = command.Request.ActorIds.Distinct().ToArray();
        var known = await db.QueryAsync<Guid>("select id from actor where id = any(@ids)", new { ids }, ct);
        if (known.Count != ids.Length) throw new BusinessRuleException(ActorTexts.NotFound);

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
}
