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

    public async Task<AreaRef?> LocateAsync(double lat, double lon, CancellationToken ct)
    {
        var point = new Point(lon, lat);
        foreach (var (area, boundary) in await BoundariesAsync(ct))
            if (boundary.Covers(point)) return area;
        return null;
    }

    public static Geometry ReadGeometry(string geoJson) =>
        JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson) ?? throw new JsonException("Empty geometry.");

    public static string WriteGeometry(Geometry geometry) => JsonSerializer.Serialize(geometry, GeoJson);

    private async Task<IReadOnlyList<(AreaRef, IPreparedGeometry)>> BoundariesAsync(CancellationToken ct)
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
