using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Move a published event to a new time.</summary>
/// <param name="StartsAt">New start.</param>
/// <param name="EndsAt">New end.</param>
/// <param name="RegistrationDeadline">New registration deadline, if any.</param>
public sealed record RescheduleRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? RegistrationDeadline = null);

public sealed record RescheduleEventCommand(Guid Id, RescheduleRequest Request) : ICommand<EventPlan>;

public sealed class RescheduleEventValidator : AbstractValidator<RescheduleEventCommand>
{
    public RescheduleEventValidator()
    {
        RuleFor(c => c.Request.EndsAt).GreaterThan(c => c.Request.StartsAt).WithMessage(_ => EventTexts.EndsAfterStart.Format()).OverridePropertyName("endsAt");
        RuleFor(c => c.Request.RegistrationDeadline).LessThanOrEqualTo(c => c.Request.EndsAt).WithMessage(_ => EventTexts.DeadlineBeforeEnd.Format())
            .When(c => c.Request.RegistrationDeadline is not null).OverridePropertyName("registrationDeadline");
    }
}

public sealed class RescheduleEventHandler(DbSession db, AuditLog audit, TimeProvider clock, IPublisher publisher)
    : ICommandHandler<RescheduleEventCommand, EventPlan>
{
    public async ValueTask<EventPlan> Handle(RescheduleEventCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await publisher.Publish(new EventChanging(command.Id), ct);
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
        await publisher.Publish(new EventRescheduled(row.Id, now), ct);
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}
