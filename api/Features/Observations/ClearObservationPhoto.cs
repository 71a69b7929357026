using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>Staff have looked at a report's photo and publish it (audited).</summary>
public sealed record ClearObservationPhotoCommand(Guid Id, bool Admin) : ICommand<ObservationReview>;

public sealed class ClearObservationPhotoHandler(DbSession db, TimeProvider clock, AuditLog audit, ReportFollowers followers) : ICommandHandler<ClearObservationPhotoCommand, ObservationReview>
{
    public async ValueTask<ObservationReview> Handle(ClearObservationPhotoCommand command, CancellationToken ct)
    {
        var current = await ObservationReviewRow.LockAsync(db, command.Id, ct);
        var before = await db.LoadObservationAsync(command.Id, clock.GetUtcNow(), ct);
        if (current.PhotoStatus is null) throw new NotFoundException(ObservationTexts.NoPhoto, command.Id);
        if (current.PhotoStatus != "held") throw new ConflictException(ObservationTexts.PhotoNotHeld);
        var now = clock.GetUtcNow();
        await db.ExecuteAsync("""
            update observation_photo set status = 'cleared', reviewed_at = @now where observation_id = @Id;
            update observation set updated_at = @now where id = @Id;
            """, new { command.Id, now }, ct);
        await audit.WriteAsync("observation.clearPhoto", "observation", command.Id.ToString(), null, ct);
        await followers.TellAsync(before, await db.LoadObservationAsync(command.Id, clock.GetUtcNow(), ct), ct);
        return (await ObservationReviewRow.LockAsync(db, command.Id, ct)).ToReview(command.Admin);
    }
}
