using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record ChangeMyModeCommand(string Token, ModeChangeRequest Request) : ICommand<ManagedRegistration>;

public sealed class ChangeMyModeValidator : AbstractValidator<ChangeMyModeCommand>
{
    public ChangeMyModeValidator()
    {
        this.ValidToken(c => c.Token);
        RuleFor(c => c.Request.Mode).IsInEnum().OverridePropertyName("mode");
        RuleFor(c => c.Request.Email).MaximumLength(320).Must(RegistrationRules.IsAnAddress)
            .WithMessage(_ => RegistrationTexts.EmailInvalid.Format()).OverridePropertyName("email");
    }
}

/// <summary>Moves the place to the other mode, if it has one free; the place left behind goes to the waitlist.</summary>
public sealed class ChangeMyModeHandler(DbSession db, TimeProvider clock, Outbox outbox, SiteOptions site, RegistrationOptions options)
    : ICommandHandler<ChangeMyModeCommand, ManagedRegistration>
{
    public async ValueTask<ManagedRegistration> Handle(ChangeMyModeCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (registration, row) = await ManagedRegistrations.LockAsync(db, command.Token, ct);
        var mode = command.Request.Mode;
        if (registration.StatusValue == RegistrationStatus.Cancelled) throw new ConflictException(RegistrationTexts.IsCancelled);
        if (RegistrationQueue.ClosedReason(row, now) is { } reason) throw RegistrationQueue.Closed(reason);
        if (registration.ModeValue == mode) return ManagedRegistrations.View(registration, row, now, options);
        if (!RegistrationQueue.Offers(row, mode)) throw RegistrationQueue.Closed(RegistrationClosedReason.ModeNotOffered);
        var email = command.Request.Email?.Trim() ?? registration.Email;
        if (mode == RegistrationMode.Remote && email is null) throw new BusinessRuleException(RegistrationTexts.EmailForRemote);

        var capacity = RegistrationQueue.Capacity(row, mode);
        var target = RegistrationQueue.For(await db.QueryAsync<RegistrationQueue.ModeCount>(RegistrationQueue.TallySql, new { EventId = row.Id }, ct), mode);
        if (capacity is not null && (target.Waitlisted > 0 || target.Confirmed >= capacity)) throw new BusinessRuleException(RegistrationTexts.ModeFull);

        await db.ExecuteAsync("""
            update registration set mode = @Mode, status = 'confirmed', email = @email, erased_at = case when @email::text is null then erased_at end,
                   checked_in_at = null, joined_at = null, updated_at = @now
            where id = @Id
            """, new { registration.Id, Mode = WireName.Of(mode), email, now }, ct);
        var (confirmed, waitlisted) = RegistrationQueue.Weight(registration.StatusValue);
        await RegistrationQueue.AdjustTallyAsync(db, row.Id, registration.ModeValue, -confirmed, -waitlisted, ct);
        await RegistrationQueue.AdjustTallyAsync(db, row.Id, mode, 1, 0, ct);
        await RegistrationQueue.PromoteAsync(db, outbox, row, site, options, now, ct);
        if (email is not null)
        {
            var (subject, body, calendar) = RegistrationMail.Compose(RegistrationMailKind.Confirmed, row, mode, null, null, registration.Language, site, options, now,
                registration.CheckInCode);
            await outbox.EnqueueAsync("registration.modeChanged", email, subject, body, calendar, ct, registration.Id);
        }
        return ManagedRegistrations.View(await ManagedRegistrations.FindAsync(db, command.Token, forUpdate: false, ct), row, now, options);
    }
}
