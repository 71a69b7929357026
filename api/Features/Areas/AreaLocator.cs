using System.Text.Json;
using Dapper;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;
using Npgsql;

namespace Trygghet.Api.Features.Areas;

/// <summary>
/// Point-in-polygon over the neighbourhood boundaries. Boundaries change only when the reference
/// data is seeded at start-up, so they are read once and kept prepared in memory.
/// </summary>
public sealed class AreaLocator(NpgsqlDataSource dataSource) : IDisposable
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyList<(AreaRef Area, IPreparedGeometry Boundary)>? boundaries;
    private IReadOnlyList<(AreaRef Area, double Lat, double Lon)>? representativePoints;

    public async Task<AreaRef?> LocateAsync(double lat, double lon, CancellationToken ct)
    {
        var point = new Point(lon, lat);
        foreach (var (area, boundary) in await BoundariesAsync(ct))
            if (boundary.Covers(point)) return area;
        return null;
    }

    /// <summary>
    /// Each neighbourhood with a point that lies inside its boundary (not its centroid, which a bent boundary can leave
    /// outside), sorted by slug: where a map centres on the neighbourhood and a report placed "in Fruängen" lands.
    /// </summary>
    public async Task<IReadOnlyList<(AreaRef Area, double Lat, double Lon)>> RepresentativePointsAsync(CancellationToken ct) =>
        representativePoints ??= [.. (await BoundariesAsync(ct)).Select(b => Inside(b.Area, b.Boundary.Geometry))];

    private static (AreaRef Area, double Lat, double Lon) Inside(AreaRef area, Geometry boundary)
    {
        var point = boundary.InteriorPoint;
        return (area, point.Y, point.X);
    }

    /// <summary>The bounding box of all neighbourhoods (WGS84), or null before the boundaries are seeded.</summary>
    public async Task<(double West, double South, double East, double North)?> BoundsAsync(CancellationToken ct)
    {
        var all = await BoundariesAsync(ct);
        if (all.Count == 0) return null;
        var envelope = new Envelope();
        foreach (var (_, boundary) in all) envelope.ExpandToInclude(boundary.Geometry.EnvelopeInternal);
        return (envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
    }

    public static Geometry ReadGeometry(string geoJson) =>
        JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson) ?? throw new JsonException("Empty geometry.");

    public static string WriteGeometry(Geometry geometry) => JsonSerializer.Serialize(geometry, GeoJson);

    private async Task<IReadOnlyList<(AreaRef Area, IPreparedGeometry Boundary)>> BoundariesAsync(CancellationToken ct)
    {
        if (boundaries is not null) return boundaries;
        await gate.WaitAsync(ct);
        try
        {
            if (boundaries is not null) return boundaries;
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            var rows = await conn.QueryAsync<(string Slug, string Name, string Boundary)>(new CommandDefinition("""
                select slug, name, boundary::text from area
                where kind = 'neighbourhood' and boundary is not null
                order by slug
                """, cancellationToken: ct));
            boundaries = rows
                .Select(r => (new AreaRef(r.Slug, r.Name, AreaKind.Neighbourhood), PreparedGeometryFactory.Prepare(ReadGeometry(r.Boundary))))
                .ToList();
            return boundaries;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
