using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

/// <summary>Where map tiles come from. Without a tile address the maps draw the neighbourhoods themselves.</summary>
public sealed class MapOptions
{
    /// <summary>A tile address template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c>, e.g. OpenStreetMap's or the city's own map service.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The credit the tile source asks for, shown on every map.</summary>
    public string? TileAttribution { get; set; }

    /// <summary>The closest zoom the tile source serves.</summary>
    public int MaxZoom { get; set; } = 19;
}

/// <summary>What every map starts from: the tile source, if any, and the neighbourhoods as GeoJSON.</summary>
/// <param name="Tiles">The configured tile source; null when none is configured (the neighbourhoods are then the base).</param>
/// <param name="Areas">The neighbourhoods within the area asked for, as a GeoJSON FeatureCollection (RFC 7946, lon/lat).</param>
public sealed record BaseMap(MapTiles? Tiles, AreaFeatureCollection Areas);

/// <summary>A raster tile source.</summary>
/// <param name="UrlTemplate">Tile address with <c>{z}</c>, <c>{x}</c> and <c>{y}</c>.</param>
/// <param name="Attribution">The credit to show on the map, as plain text.</param>
/// <param name="MaxZoom">The closest zoom the source serves.</param>
public sealed record MapTiles(string UrlTemplate, string Attribution, int MaxZoom);

/// <summary>A GeoJSON FeatureCollection of areas.</summary>
/// <param name="Type">Always <c>FeatureCollection</c>.</param>
/// <param name="Features">One feature per area with a known boundary, sorted by name.</param>
public sealed record AreaFeatureCollection(string Type, IReadOnlyList<AreaFeature> Features);

/// <summary>A GeoJSON Feature: one area's boundary.</summary>
/// <param name="Type">Always <c>Feature</c>.</param>
/// <param name="Id">The area's slug.</param>
/// <param name="Properties">The area's name and level.</param>
/// <param name="Geometry">The boundary (Polygon or MultiPolygon), coordinates to five decimals (about a metre).</param>
public sealed record AreaFeature(
    string Type,
    string Id,
    AreaRef Properties,
    [property: GeoJson("GeoJSON geometry (Polygon or MultiPolygon, RFC 7946, WGS84 lon/lat).")] JsonElement Geometry);

public sealed record GetBaseMapQuery(string Area) : IQuery<BaseMap>;

public sealed class GetBaseMapValidator : AbstractValidator<GetBaseMapQuery>
{
    public GetBaseMapValidator(KnownAreas areas) => RuleFor(q => q.Area).KnownArea(areas).OverridePropertyName("area");
}

public sealed class GetBaseMapHandler(DbSession db, MapOptions options) : IQueryHandler<GetBaseMapQuery, BaseMap>
{
    private sealed record Row(string Slug, string Name, string Kind, string Boundary);

    public async ValueTask<BaseMap> Handle(GetBaseMapQuery query, CancellationToken ct)
    {
        // The area itself when it is a neighbourhood; otherwise every neighbourhood below it.
        var rows = await db.QueryAsync<Row>("""
            with recursive below as (
                select id, kind from area where slug = @Area
                union all
                select a.id, a.kind from area a join below b on a.parent_id = b.id
            )
            select a.slug, a.name, a.kind, a.boundary::text as boundary
            from area a join below b on b.id = a.id
            where a.kind = 'neighbourhood' and a.boundary is not null
            order by a.name
            """, query, ct);
        var features = rows.Select(r => new AreaFeature("Feature", r.Slug, new AreaRef(r.Slug, r.Name, AreaKinds.Parse(r.Kind)), Rounded(r.Boundary))).ToList();
        var tiles = string.IsNullOrWhiteSpace(options.TileUrl)
            ? null
            : new MapTiles(options.TileUrl, options.TileAttribution ?? "", options.MaxZoom);
        return new BaseMap(tiles, new AreaFeatureCollection("FeatureCollection", features));
    }

    /// <summary>The geometry with coordinates to five decimals: a metre is finer than any boundary drawn, and the answer is a third the size.</summary>
    internal static JsonElement Rounded(string geometry)
    {
        var node = JsonNode.Parse(geometry)!;
        Round(node["coordinates"]);
        return JsonSerializer.SerializeToElement(node);

        static void Round(JsonNode? node)
        {
            if (node is not JsonArray array) return;
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonValue value && value.TryGetValue<double>(out var number)) array[i] = Math.Round(number, 5);
                else Round(array[i]);
            }
        }
    }
}
