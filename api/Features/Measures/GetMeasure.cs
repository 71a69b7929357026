using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

public sealed record GetMeasureQuery(Guid Id) : IQuery<Measure>;

public sealed class GetMeasureHandler(DbSession db) : IQueryHandler<GetMeasureQuery, Measure>
{
    public async ValueTask<Measure> Handle(GetMeasureQuery query, CancellationToken ct) => await db.LoadMeasureAsync(query.Id, ct);
}
