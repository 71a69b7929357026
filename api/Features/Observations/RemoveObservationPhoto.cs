using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>Staff remove a report's photo, held or public: its bytes are deleted, not hidden (audited).</summary>
public sealed record RemoveObservationPhotoCommand(Guid Id, bool Admin) : ICommand<ObservationReview>;

public sealed class RemoveObservationPhotoHandler(DbSession db, TimeProvider clock, AuditLog audit, ReportFollowers followers) : ICommandHandler<RemoveObservationPhotoCommand, ObservationReview>
{
    public async ValueTask<ObservationReview> Handle(RemoveObservationPhotoCommand command, CancellationToken ct)
    {
        var current = await ObservationReviewRow.LockAsync(db, command.Id, ct);
        var before = await db.LoadObservationAsync(command.Id, clock.GetUtcNow(), ct);
        if (current.PhotoStatus is null) throw new NotFoundException(ObservationTexts.NoPhoto, command.Id);
        await db.ExecuteAsync("""
            delete from observation_photo where observation_id = @Id;
            update observation set updated_at = @now where id = @Id;
            """, new { command.Id, now = clock.GetUtcNow() }, ct);
        await audit.WriteAsync("observation.removePhoto", "observation", command.Id.ToString(), new { wasPublic = current.PhotoStatus == "cleared" }, ct);
        await followers.TellAsync(before, await db.LoadObservationAsync(command.Id, clock.GetUtcNow(), ct), ct);
        return (await ObservationReviewRow.LockAsync(db, command.Id, ct)).ToReview(command.Admin);
    }
}
