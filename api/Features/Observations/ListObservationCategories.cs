using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record ListObservationCategoriesQuery : IQuery<IReadOnlyList<CategoryInfo>>;

public sealed class ListObservationCategoriesHandler(DbSession db) : IQueryHandler<ListObservationCategoriesQuery, IReadOnlyList<CategoryInfo>>
{
    public async ValueTask<IReadOnlyList<CategoryInfo>> Handle(ListObservationCategoriesQuery query, CancellationToken ct) =>
        (await db.QueryAsync<(string Code, string NameSv, string NameEn, string Description, string Parameter)>(
            "select code, name_sv, name_en, description, safetipin_parameter from observation_category order by sort", null, ct))
        .Select(c => new CategoryInfo(WireName.Parse<ObservationCategory>(c.Code), c.NameSv, c.NameEn, c.Description, c.Parameter)).ToList();
}
