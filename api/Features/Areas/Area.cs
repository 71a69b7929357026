using System.Text.Json;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

/// <summary>Level of an area: the city, a district (stadsdelsområde) or a neighbourhood (stadsdel).</summary>
public enum AreaKind
{
    City,
    District,
    Neighbourhood,
}

/// <summary>An area in the tree of <c>GET /api/v1/areas</c>, without geometry.</summary>
/// <param name="Slug">Stable identifier used in URLs, e.g. <c>midsommarkransen</c>.</param>
/// <param name="Name">Name as written by the city, e.g. <c>Midsommarkransen</c>.</param>
/// <param name="Kind">Level of the area.</param>
/// <param name="Population">Number of inhabitants, where known.</param>
/// <param name="PopulationYear">Year the population figure refers to.</param>
/// <param name="Children">Areas within this one, sorted by name.</param>
public sealed record AreaNode(string Slug, string Name, AreaKind Kind, int? Population, int? PopulationYear, IReadOnlyList<AreaNode> Children);

/// <summary>A reference to another area.</summary>
public sealed record AreaRef(string Slug, string Name, AreaKind Kind);

/// <summary>One area with its boundary.</summary>
/// <param name="Slug">Stable identifier used in URLs.</param>
/// <param name="Name">Name as written by the city.</param>
/// <param name="Kind">Level of the area.</param>
/// <param name="Parent">The enclosing area; null for the city.</param>
/// <param name="Children">Areas within this one, sorted by name.</param>
/// <param name="Population">Number of inhabitants, where known.</param>
/// <param name="PopulationYear">Year the population figure refers to.</param>
/// <param name="Boundary">Boundary as a GeoJSON geometry (RFC 7946, lon/lat); null where unknown.</param>
/// <param name="Version">Row version; the same value is sent as the <c>ETag</c> header.</param>
public sealed record AreaDetail(
    string Slug,
    string Name,
    AreaKind Kind,
    AreaRef? Parent,
    IReadOnlyList<AreaRef> Children,
    int? Population,
    int? PopulationYear,
    [property: GeoJson("GeoJSON geometry (Polygon or MultiPolygon, RFC 7946, WGS84 lon/lat).")] JsonElement? Boundary,
    int Version);

internal static class AreaKinds
{
    public static AreaKind Parse(string kind) => kind switch
    {
        "city" => AreaKind.City,
        "district" => AreaKind.District,
        "neighbourhood" => AreaKind.Neighbourhood,
        _ => throw new InvalidOperationException($"Unknown area kind '{kind}'."),
    };
}
