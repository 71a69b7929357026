using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Cancel a published event.</summary>
/// <param name="Reason">Why; shown to the public.</param>
public sealed record CancelRequest(string Reason);

public sealed record CancelEventCommand(Guid Id, CancelRequest Request) : ICommand<EventPlan>;

public sealed class CancelEventValidator : AbstractValidator<CancelEventCommand>
{
    public CancelEventValidator() => RuleFor(c => c.Request.Reason).NotEmpty().MaximumLength(2_000).OverridePropertyName("reason");
}

public sealed class CancelEventHandler(DbSession db, AuditLog audit, TimeProvider clock, IPublisher publisher)
    : ICommandHandler<CancelEventCommand, EventPlan>
{
    public async ValueTask<EventPlan> Handle(CancelEventCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await publisher.Publish(new EventChanging(command.Id), ct);
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        row.RequireStatus(now, "cancel", EventStatus.Published, EventStatus.Rescheduled);
        await db.ExecuteAsync("""
            update event set status = 'cancelled', cancel_reason = @Reason, cancelled_at = @now,
                   sequence = sequence + 1, version = version + 1, updated_at = @now
            where id = @Id
            """, new { row.Id, Reason = command.Request.Reason.Trim(), now }, ct);
        await Alerts.AlertEvents.RecordEventAsync(db, row.Id, Alerts.AlertKind.Cancelled, now, ct);
        await audit.WriteAsync("event.cancel", "event", row.Id.ToString(), new { reason = command.Request.Reason }, ct);
        await publisher.Publish(new EventCancelled(row.Id, now), ct);
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}
