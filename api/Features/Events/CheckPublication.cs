using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

public sealed record CheckPublicationQuery(Guid Id) : IQuery<PublicationReport>;

public sealed class CheckPublicationHandler(DbSession db, TimeProvider clock, PublishingOptions options)
    : IQueryHandler<CheckPublicationQuery, PublicationReport>
{
    public async ValueTask<PublicationReport> Handle(CheckPublicationQuery query, CancellationToken ct) =>
        await RoutineChecks.RunAsync(db, await db.LoadAsync(query.Id, ct), clock.GetUtcNow(), options, ct);
}
