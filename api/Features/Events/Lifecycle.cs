using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

// The explicit state changes of an event. Each checks the current state (409 otherwise), changes the row,
// bumps the calendar sequence where the public sees the change, and writes the audit log.

/// <summary>Publish a draft.</summary>
/// <param name="OverrideReason">Publish although blocking routine checks fail; the reason is audited and kept on the event.</param>
public sealed record PublishRequest(string? OverrideReason = null);

/// <summary>Move a published event to a new time.</summary>
/// <param name="StartsAt">New start.</param>
/// <param name="EndsAt">New end.</param>
/// <param name="RegistrationDeadline">New registration deadline, if any.</param>
public sealed record RescheduleRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? RegistrationDeadline = null);

/// <summary>Cancel a published event.</summary>
/// <param name="Reason">Why; shown to the public.</param>
public sealed record CancelRequest(string Reason);

public sealed record CheckPublication(Guid Id) : IQuery<PublicationReport>;

public sealed record PublishEvent(Guid Id, string? OverrideReason) : ICommand<EventPlan>;

public sealed record RescheduleEvent(Guid Id, RescheduleRequest Request) : ICommand<EventPlan>;

public sealed record CancelEvent(Guid Id, CancelRequest Request) : ICommand<EventPlan>;

public sealed record CloseEvent(Guid Id, Closing Closing) : ICommand<EventPlan>;

public sealed class PublishEventValidator : AbstractValidator<PublishEvent>
{
    public PublishEventValidator() => RuleFor(c => c.OverrideReason).MaximumLength(2_000)
        .Must(r => r is null || r.Trim().Length >= 10).WithMessage("Motivera med minst 10 tecken. / Give a reason of at least 10 characters.");
}

public sealed class RescheduleEventValidator : AbstractValidator<RescheduleEvent>
{
    public RescheduleEventValidator()
    {
        RuleFor(c => c.Request.EndsAt).GreaterThan(c => c.Request.StartsAt).OverridePropertyName("endsAt");
        RuleFor(c => c.Request.RegistrationDeadline).LessThanOrEqualTo(c => c.Request.EndsAt)
            .When(c => c.Request.RegistrationDeadline is not null).OverridePropertyName("registrationDeadline");
    }
}

public sealed class CancelEventValidator : AbstractValidator<CancelEvent>
{
    public CancelEventValidator() => RuleFor(c => c.Request.Reason).NotEmpty().MaximumLength(2_000).OverridePropertyName("reason");
}

public sealed class CloseEventValidator : AbstractValidator<CloseEvent>
{
    public CloseEventValidator()
    {
        RuleFor(c => c.Closing.Minutes).NotEmpty().MaximumLength(20_000).OverridePropertyName("minutes");
        RuleFor(c => c.Closing.Raised).NotEmpty().MaximumLength(20_000).OverridePropertyName("raised");
        RuleFor(c => c.Closing.Actions).NotEmpty().MaximumLength(20_000).OverridePropertyName("actions");
        RuleFor(c => c.Closing.ParticipantsOnSite).InclusiveBetween(0, 100_000).OverridePropertyName("participantsOnSite");
        RuleFor(c => c.Closing.ParticipantsRemote).InclusiveBetween(0, 100_000).OverridePropertyName("participantsRemote");
    }
}

public sealed class CheckPublicationHandler(DbSession db, TimeProvider clock, PublishingOptions options)
    : IQueryHandler<CheckPublication, PublicationReport>
{
    public async ValueTask<PublicationReport> Handle(CheckPublication query, CancellationToken ct) =>
        await RoutineChecks.RunAsync(db, await db.LoadAsync(query.Id, ct), clock.GetUtcNow(), options, ct);
}

public sealed class PublishEventHandler(DbSession db, AuditLog audit, TimeProvider clock, PublishingOptions options)
    : ICommandHandler<PublishEvent, EventPlan>
{
    public async ValueTask<EventPlan> Handle(PublishEvent command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        row.RequireStatus(now, "publish", EventStatus.Draft);
        if (row.EndsAt <= now) throw new ConflictException("event.transition", "publish", "held");
        var report = await RoutineChecks.RunAsync(db, row, now, options, ct);
        var failed = report.Checks.Where(c => !c.Passed && c.Blocking).ToList();
        var reason = command.OverrideReason?.Trim();
        if (failed.Count > 0 && reason is null)
        {
            var problem = new BusinessRuleException("event.checksFailed", string.Join(", ", failed.Select(c => c.Name)));
            problem.Extensions["checks"] = report.Checks;
            throw problem;
        }
        await db.ExecuteAsync("""
            update event set status = 'published', published_at = @now, publish_override = @Override,
                   version = version + 1, updated_at = @now
            where id = @Id
            """, new { row.Id, now, Override = failed.Count > 0 ? reason : null }, ct);
        await audit.WriteAsync("event.publish", "event", row.Id.ToString(),
            new { overrideReason = failed.Count > 0 ? reason : null, failedChecks = failed.Select(c => c.Name) }, ct);
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}

public sealed class RescheduleEventHandler(DbSession db, AuditLog audit, TimeProvider clock, Outbox outbox, SiteOptions site, RegistrationOptions options)
    : ICommandHandler<RescheduleEvent, EventPlan>
{
    public async ValueTask<EventPlan> Handle(RescheduleEvent command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await RegistrationQueue.LockAsync(db, command.Id, ct);
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        row.RequireStatus(now, "reschedule", EventStatus.Published, EventStatus.Rescheduled);
        var request = command.Request;
        await db.ExecuteAsync("""
            update event set starts_at = @StartsAt, ends_at = @EndsAt, registration_deadline = @RegistrationDeadline,
                   rescheduled = true, sequence = sequence + 1, version = version + 1, updated_at = @now
            where id = @Id
            """, new { row.Id, request.StartsAt, request.EndsAt, request.RegistrationDeadline, now }, ct);
        await audit.WriteAsync("event.reschedule", "event", row.Id.ToString(),
            new { from = row.StartsAt, to = request.StartsAt }, ct);
        // Registrations stand for the new time: everyone is told, and reminded again before it.
        await db.ExecuteAsync("update registration set reminded_at = null where event_id = @Id", new { row.Id }, ct);
        await RegistrationQueue.NotifyAllAsync(db, outbox, RegistrationMailKind.EventRescheduled, row.Id, site, options, now, ct);
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}

public sealed class CancelEventHandler(DbSession db, AuditLog audit, TimeProvider clock, Outbox outbox, SiteOptions site, RegistrationOptions options)
    : ICommandHandler<CancelEvent, EventPlan>
{
    public async ValueTask<EventPlan> Handle(CancelEvent command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Under the exclusive lock no registration is in flight: everyone registered is told.
        await RegistrationQueue.LockAsync(db, command.Id, ct);
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        row.RequireStatus(now, "cancel", EventStatus.Published, EventStatus.Rescheduled);
        await db.ExecuteAsync("""
            update event set status = 'cancelled', cancel_reason = @Reason, cancelled_at = @now,
                   sequence = sequence + 1, version = version + 1, updated_at = @now
            where id = @Id
            """, new { row.Id, Reason = command.Request.Reason.Trim(), now }, ct);
        await audit.WriteAsync("event.cancel", "event", row.Id.ToString(), new { reason = command.Request.Reason }, ct);
        await RegistrationQueue.NotifyAllAsync(db, outbox, RegistrationMailKind.EventCancelled, row.Id, site, options, now, ct);
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}

public sealed class CloseEventHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<CloseEvent, EventPlan>
{
    public async ValueTask<EventPlan> Handle(CloseEvent command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        if (row.StatusAt(now) is EventStatus.Published or EventStatus.Rescheduled) throw new ConflictException("event.notEnded");
        row.RequireStatus(now, "close", EventStatus.Held);
        var closing = command.Closing;
        await db.ExecuteAsync("""
            update event set status = 'closed', closed_at = @now, minutes = @Minutes, participants_on_site = @ParticipantsOnSite,
                   participants_remote = @ParticipantsRemote, feedback_raised = @Raised, feedback_actions = @Actions,
                   sequence = sequence + 1, version = version + 1, updated_at = @now
            where id = @Id
            """, new { row.Id, now, closing.Minutes, closing.ParticipantsOnSite, closing.ParticipantsRemote, closing.Raised, closing.Actions }, ct);
        await audit.WriteAsync("event.close", "event", row.Id.ToString(),
            new { closing.ParticipantsOnSite, closing.ParticipantsRemote }, ct);
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}
