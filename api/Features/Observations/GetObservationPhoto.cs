using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>An observation's photo or thumbnail: public once cleared; held, only for those who review it.</summary>
public sealed record GetObservationPhotoQuery(Guid Id, bool Thumbnail, bool Reviewer) : IQuery<PhotoFile>;

/// <param name="Public">True when the photo is cleared (public and cacheable); false when a reviewer sees a held one.</param>
public sealed record PhotoFile(byte[] Content, string Version, bool Public);

public sealed class GetObservationPhotoHandler(DbSession db) : IQueryHandler<GetObservationPhotoQuery, PhotoFile>
{
    public async ValueTask<PhotoFile> Handle(GetObservationPhotoQuery query, CancellationToken ct)
    {
        var photo = await db.QuerySingleOrDefaultAsync<(byte[] Content, string Version, string Status)?>("""
            select case when @Thumbnail then thumbnail else image end, version, status from observation_photo where observation_id = @Id
            """, new { query.Id, query.Thumbnail }, ct);
        // A held photo is as absent as a removed one to everyone who does not review it.
        if (photo is not { } found || (found.Status != "cleared" && !query.Reviewer)) throw new NotFoundException(ObservationTexts.NoPhoto, query.Id);
        return new PhotoFile(found.Content, found.Version, found.Status == "cleared");
    }
}
