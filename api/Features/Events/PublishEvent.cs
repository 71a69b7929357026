using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Publish a draft.</summary>
/// <param name="OverrideReason">Publish although blocking routine checks fail; the reason is audited and kept on the event.</param>
public sealed record PublishRequest(string? OverrideReason = null);

public sealed record PublishEventCommand(Guid Id, string? OverrideReason) : ICommand<EventPlan>;

public sealed class PublishEventValidator : AbstractValidator<PublishEventCommand>
{
    public PublishEventValidator() => RuleFor(c => c.OverrideReason).MaximumLength(2_000)
        .Must(r => r is null || r.Trim().Length >= 10).WithMessage(_ => EventTexts.OverrideReasonLength.Format());
}

public sealed class PublishEventHandler(DbSession db, AuditLog audit, TimeProvider clock, PublishingOptions options)
    : ICommandHandler<PublishEventCommand, EventPlan>
{
    public async ValueTask<EventPlan> Handle(PublishEventCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        row.RequireStatus(now, "publish", EventStatus.Draft);
        if (row.EndsAt <= now) throw new ConflictException(EventTexts.Transition, EventTexts.Action("publish"), EventTexts.Status(EventStatus.Held));
        var report = await RoutineChecks.RunAsync(db, row, now, options, ct);
        var failed = report.Checks.Where(c => !c.Passed && c.Blocking).ToList();
        var reason = command.OverrideReason?.Trim();
        if (failed.Count > 0 && reason is null)
        {
            var problem = new BusinessRuleException(EventTexts.ChecksFailed, string.Join(", ", failed.Select(c => EventTexts.Check(c.Name))));
            problem.Extensions["checks"] = report.Checks;
            throw problem;
        }
        await db.ExecuteAsync("""
            update event set status = 'published', published_at = @now, publish_override = @Override,
                   version = version + 1, updated_at = @now
            where id = @Id
            """, new { row.Id, now, Override = failed.Count > 0 ? reason : null }, ct);
        await Alerts.AlertEvents.RecordEventAsync(db, row.Id, Alerts.AlertKind.Published, now, ct);
        await audit.WriteAsync("event.publish", "event", row.Id.ToString(),
            new { overrideReason = failed.Count > 0 ? reason : null, failedChecks = failed.Select(c => c.Name) }, ct);
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}
