using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record CancelMyRegistrationCommand(string Token) : ICommand<ManagedRegistration>;

public sealed class CancelMyRegistrationValidator : AbstractValidator<CancelMyRegistrationCommand>
{
    public CancelMyRegistrationValidator() => this.ValidToken(c => c.Token);
}

/// <summary>Gives the place up; the first on the waitlist gets it. Cancelling again changes nothing.</summary>
public sealed class CancelMyRegistrationHandler(DbSession db, TimeProvider clock, Outbox outbox, SiteOptions site, RegistrationOptions options)
    : ICommandHandler<CancelMyRegistrationCommand, ManagedRegistration>
{
    public async ValueTask<ManagedRegistration> Handle(CancelMyRegistrationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (registration, row) = await ManagedRegistrations.LockAsync(db, command.Token, ct);
        if (registration.StatusValue == RegistrationStatus.Cancelled) return ManagedRegistrations.View(registration, row, now, options);
        if (row.StatusAt(now) is EventStatus.Held or EventStatus.Closed) throw RegistrationQueue.Closed(RegistrationClosedReason.Held);
        await db.ExecuteAsync("update registration set status = 'cancelled', cancelled_at = @now, updated_at = @now where id = @Id",
            new { registration.Id, now }, ct);
        var (confirmed, waitlisted) = RegistrationQueue.Weight(registration.StatusValue);
        await RegistrationQueue.AdjustTallyAsync(db, row.Id, registration.ModeValue, -confirmed, -waitlisted, ct);
        await RegistrationQueue.PromoteAsync(db, outbox, row, site, options, now, ct);
        if (registration.Email is not null)
        {
            var (subject, body, calendar) = RegistrationMail.Compose(RegistrationMailKind.SelfCancelled, row, registration.ModeValue, null, null,
                registration.Language, site, options, now);
            await outbox.EnqueueAsync("registration.cancelled", registration.Email, subject, body, calendar, ct, registration.Id);
        }
        return ManagedRegistrations.View(await ManagedRegistrations.FindAsync(db, command.Token, forUpdate: false, ct), row, now, options);
    }
}
