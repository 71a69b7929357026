using System.Text.Json;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

/// <summary>
/// The contract's examples of areas. The district's population is derived from BRÅ's 2024 figures (19,806 reported
/// crimes, 153.8 per 1,000 inhabitants); neighbourhoods have none until staff enter one.
/// </summary>
public sealed class AreaExamples : IContractExamples
{
    private static readonly AreaRef District = new("hagersten-alvsjo", "Hägersten-Älvsjö", AreaKind.District);

    private static readonly JsonElement Boundary = JsonDocument.Parse("""
        {"type":"Polygon","coordinates":[[[17.9561,59.2892],[17.9752,59.2915],[17.9818,59.2837],[17.9636,59.2790],[17.9561,59.2892]]]}
        """).RootElement.Clone();

    public IEnumerable<object> Examples =>
    [
        new AreaNode("stockholm", "Stockholm", AreaKind.City, null, null,
        [
            new("hagersten-alvsjo", "Hägersten-Älvsjö", AreaKind.District, 128_794, 2024,
            [
                new("aspudden", "Aspudden", AreaKind.Neighbourhood, null, null, []),
                new("fruangen", "Fruängen", AreaKind.Neighbourhood, null, null, []),
                new("midsommarkransen", "Midsommarkransen", AreaKind.Neighbourhood, null, null, []),
            ]),
        ]),
        new AreaDetail("fruangen", "Fruängen", AreaKind.Neighbourhood, District,
            [], null, null, Boundary, 1),
        District,
        new AreaPopulationUpdate(128_794, 2024),
        new BaseMap(new MapTiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors", 19),
            new AreaFeatureCollection("FeatureCollection",
                [new AreaFeature("Feature", "fruangen", new AreaRef("fruangen", "Fruängen", AreaKind.Neighbourhood), Boundary)])),
    ];
}
