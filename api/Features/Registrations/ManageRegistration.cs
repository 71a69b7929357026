using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

// Self-service through the secret manage link, without an account: view, change mode, cancel, erase, join remotely.

public sealed record GetMyRegistration(string Token) : IQuery<ManagedRegistration>;

public sealed record ChangeMyMode(string Token, ModeChangeRequest Request) : ICommand<ManagedRegistration>;

public sealed record CancelMyRegistration(string Token) : ICommand<ManagedRegistration>;

public sealed record EraseMyPersonalData(string Token) : ICommand<Unit>;

public sealed record JoinMeeting(string Token) : ICommand<MeetingLink>;

internal static class ManageTokenRules
{
    public const string Header = "X-Registration-Token";

    public static void ValidToken<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> token) =>
        validator.RuleFor(token).Must(SecretTokens.LooksValid).WithMessage(_ => Messages.Get("registration.badLink")).OverridePropertyName(Header);
}

public sealed class GetMyRegistrationValidator : AbstractValidator<GetMyRegistration>
{
    public GetMyRegistrationValidator() => this.ValidToken(q => q.Token);
}

public sealed class ChangeMyModeValidator : AbstractValidator<ChangeMyMode>
{
    public ChangeMyModeValidator()
    {
        this.ValidToken(c => c.Token);
        RuleFor(c => c.Request.Mode).IsInEnum().OverridePropertyName("mode");
        RuleFor(c => c.Request.Email).MaximumLength(320).Must(RegistrationRequestValidator.BeAnAddress)
            .WithMessage(_ => Messages.Get("registration.emailInvalid")).OverridePropertyName("email");
    }
}

public sealed class CancelMyRegistrationValidator : AbstractValidator<CancelMyRegistration>
{
    public CancelMyRegistrationValidator() => this.ValidToken(c => c.Token);
}

public sealed class EraseMyPersonalDataValidator : AbstractValidator<EraseMyPersonalData>
{
    public EraseMyPersonalDataValidator() => this.ValidToken(c => c.Token);
}

public sealed class JoinMeetingValidator : AbstractValidator<JoinMeeting>
{
    public JoinMeetingValidator() => this.ValidToken(c => c.Token);
}

public sealed class ManageRegistrationHandlers(DbSession db, TimeProvider clock, Outbox outbox, AuditLog audit, SiteOptions site, RegistrationOptions options) :
    IQueryHandler<GetMyRegistration, ManagedRegistration>, ICommandHandler<ChangeMyMode, ManagedRegistration>,
    ICommandHandler<CancelMyRegistration, ManagedRegistration>, ICommandHandler<EraseMyPersonalData, Unit>, ICommandHandler<JoinMeeting, MeetingLink>
{
    public async ValueTask<ManagedRegistration> Handle(GetMyRegistration query, CancellationToken ct)
    {
        var registration = await FindAsync(query.Token, forUpdate: false, ct);
        return View(registration, await db.LoadAsync(registration.EventId, ct), clock.GetUtcNow());
    }

    public async ValueTask<ManagedRegistration> Handle(ChangeMyMode command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (registration, row) = await LockAsync(command.Token, ct);
        var mode = command.Request.Mode;
        if (registration.StatusValue == RegistrationStatus.Cancelled) throw new ConflictException("registration.isCancelled");
        if (RegistrationQueue.ClosedReason(row, now) is { } reason) throw RegistrationQueue.Closed(reason);
        if (registration.ModeValue == mode) return View(registration, row, now);
        if (!RegistrationQueue.Offers(row, mode)) throw RegistrationQueue.Closed(RegistrationClosedReason.ModeNotOffered);
        var email = command.Request.Email?.Trim() ?? registration.Email;
        if (mode == RegistrationMode.Remote && email is null) throw new BusinessRuleException("registration.emailForRemote");

        var capacity = RegistrationQueue.Capacity(row, mode);
        var target = RegistrationQueue.For(await db.QueryAsync<RegistrationQueue.ModeCount>(RegistrationQueue.TallySql, new { EventId = row.Id }, ct), mode);
        if (capacity is not null && (target.Waitlisted > 0 || target.Confirmed >= capacity)) throw new BusinessRuleException("registration.modeFull");

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
            var (subject, body, calendar) = RegistrationMail.Compose(RegistrationMailKind.Confirmed, row, mode, null, null, registration.Language, site, options, now);
            await outbox.EnqueueAsync("registration.modeChanged", email, subject, body, calendar, ct, registration.Id);
        }
        return View(await FindAsync(command.Token, forUpdate: false, ct), row, now);
    }

    public async ValueTask<ManagedRegistration> Handle(CancelMyRegistration command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (registration, row) = await LockAsync(command.Token, ct);
        if (registration.StatusValue == RegistrationStatus.Cancelled) return View(registration, row, now);
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
        return View(await FindAsync(command.Token, forUpdate: false, ct), row, now);
    }

    public async ValueTask<Unit> Handle(EraseMyPersonalData command, CancellationToken ct)
    {
        var registration = await FindAsync(command.Token, forUpdate: true, ct);
        await RegistrationRetention.EraseAsync(db, [registration.Id], clock.GetUtcNow(), ct);
        await audit.WriteAsync("registration.erase", "registration", registration.Id.ToString(), new { by = "registrant" }, ct);
        return Unit.Value;
    }

    public async ValueTask<MeetingLink> Handle(JoinMeeting command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var registration = await FindAsync(command.Token, forUpdate: true, ct);
        var row = await db.LoadAsync(registration.EventId, ct);
        if (registration.ModeValue != RegistrationMode.Remote || registration.StatusValue != RegistrationStatus.Confirmed)
            throw new ConflictException("registration.notRemoteConfirmed");
        if (row.StatusAt(now) == EventStatus.Cancelled) throw RegistrationQueue.Closed(RegistrationClosedReason.Cancelled);
        var window = Window(row);
        if (now >= window.ClosesAt || row.StatusAt(now) is EventStatus.Held or EventStatus.Closed) throw RegistrationQueue.Closed(RegistrationClosedReason.Held);
        if (now < window.OpensAt)
        {
            var early = new ConflictException("registration.linkNotOpen", window.OpensAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            early.Extensions["opensAt"] = window.OpensAt;
            throw early;
        }
        if (row.RemoteUrl is null) throw new ConflictException("registration.noMeetingLink");
        await db.ExecuteAsync("update registration set joined_at = coalesce(joined_at, @now) where id = @Id", new { registration.Id, now }, ct);
        return new MeetingLink(row.RemoteUrl, window.ClosesAt);
    }

    private MeetingWindow Window(EventRow row) =>
        new(Time.Local(row.StartsAt.AddMinutes(-options.MeetingLinkOpensMinutesBefore)), Time.Local(row.EndsAt), false);

    private ManagedRegistration View(RegistrationRow r, EventRow row, DateTimeOffset now)
    {
        var status = row.StatusAt(now);
        var window = r.ModeValue == RegistrationMode.Remote && r.StatusValue == RegistrationStatus.Confirmed && status != EventStatus.Cancelled
            ? Window(row) is var w ? w with { Open = now >= w.OpensAt && now < w.ClosesAt && status is EventStatus.Published or EventStatus.Rescheduled } : null
            : null;
        var registeredEvent = new RegisteredEvent(row.Id, row.KindValue, row.Slug, row.Title, status, row.FormatValue, Time.Local(row.StartsAt),
            Time.Local(row.EndsAt), row.AreaName, row.VenueName, row.VenueAddress, row.CancelReason);
        return new ManagedRegistration(r.Id, registeredEvent, r.ModeValue, r.StatusValue, r.WaitlistPosition, r.CheckInCode, r.Email, r.Name, r.Needs,
            r.ConsentVersion, r.ErasedAt is not null, Time.Local(r.CreatedAt), r.CheckedInAt is { } at ? Time.Local(at) : null, window,
            CanChange: r.StatusValue != RegistrationStatus.Cancelled && status is EventStatus.Published or EventStatus.Rescheduled && now < row.StartsAt);
    }

    /// <summary>The registration and its event, under the event's exclusive lock (places may change hands).</summary>
    private async Task<(RegistrationRow, EventRow)> LockAsync(string token, CancellationToken ct)
    {
        var eventId = (await FindAsync(token, forUpdate: false, ct)).EventId;
        await RegistrationQueue.LockAsync(db, eventId, ct);
        return (await FindAsync(token, forUpdate: true, ct), await db.LoadAsync(eventId, ct));
    }

    private async Task<RegistrationRow> FindAsync(string token, bool forUpdate, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<RegistrationRow>(
            $"{RegistrationRow.Select} where {RegistrationRow.ByToken}" + (forUpdate ? " for update of r" : ""),
            new { Hash = SecretTokens.Hash(token) }, ct)
        ?? throw new NotFoundException("registration.notFound");
}
