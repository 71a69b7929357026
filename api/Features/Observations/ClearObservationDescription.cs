using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record ClearObservationDescriptionCommand(Guid Id, DescriptionClearance Request, bool Admin) : ICommand<ObservationReview>;

public sealed class ClearObservationDescriptionHandler(DbSession db, TimeProvider clock, AuditLog audit, ReportFollowers followers) :
    ICommandHandler<ClearObservationDescriptionCommand, ObservationReview>
{
    public async ValueTask<ObservationReview> Handle(ClearObservationDescriptionCommand command, CancellationToken ct)
    {
        var current = await ObservationReviewRow.LockAsync(db, command.Id, ct);
        var before = await db.LoadObservationAsync(command.Id, clock.GetUtcNow(), ct);
        if (current.DescriptionStatus != "held") throw new ConflictException(ObservationTexts.DescriptionNotHeld);
        var findings = current.FindingsValue;
        if (findings.Count > 0 && !command.Request.AcknowledgeFindings)
            throw new BusinessRuleException(ObservationTexts.DescriptionFlagged) { Extensions = { [ConfidentialityPolicy.FindingsExtension] = findings } };
        await db.ExecuteAsync("""
            update observation set description_status = 'cleared', description_reviewed_at = @now, updated_at = @now where id = @Id
            """, new { command.Id, now = clock.GetUtcNow() }, ct);
        await audit.WriteAsync("observation.clearDescription", "observation", command.Id.ToString(), new { findings = findings.Count }, ct);
        await followers.TellAsync(before, await db.LoadObservationAsync(command.Id, clock.GetUtcNow(), ct), ct);
        return (await ObservationReviewRow.LockAsync(db, command.Id, ct)).ToReview(command.Admin);
    }
}
