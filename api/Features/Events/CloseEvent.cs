using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

public sealed record CloseEventCommand(Guid Id, Closing Closing) : ICommand<EventPlan>;

public sealed class CloseEventValidator : AbstractValidator<CloseEventCommand>
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

public sealed class CloseEventHandler(DbSession db, AuditLog audit, TimeProvider clock, IPublisher publisher) : ICommandHandler<CloseEventCommand, EventPlan>
{
    public async ValueTask<EventPlan> Handle(CloseEventCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        if (row.StatusAt(now) is EventStatus.Published or EventStatus.Rescheduled) throw new ConflictException(EventTexts.NotEnded);
        row.RequireStatus(now, "close", EventStatus.Held);
        var closing = command.Closing;
        await db.ExecuteAsync("""
            update event set status = 'closed', closed_at = @now, minutes = @Minutes, participants_on_site = @ParticipantsOnSite,
                   participants_remote = @ParticipantsRemote, feedback_raised = @Raised, feedback_actions = @Actions,
                   sequence = sequence + 1, version = version + 1, updated_at = @now
            where id = @Id
            """, new { row.Id, now, closing.Minutes, closing.ParticipantsOnSite, closing.ParticipantsRemote, closing.Raised, closing.Actions }, ct);
        await Alerts.AlertEvents.RecordEventAsync(db, row.Id, Alerts.AlertKind.Feedback, now, ct);
        await audit.WriteAsync("event.close", "event", row.Id.ToString(),
            new { closing.ParticipantsOnSite, closing.ParticipantsRemote }, ct);
        await publisher.Publish(new EventClosed(row.Id, now), ct);
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}
