using System.Globalization;
using System.Text;
using Dapper;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Npgsql;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

/// <summary>
/// Reference data: Stockholm, the district Hägersten-Älvsjö and its 17 neighbourhoods with the city's
/// boundaries (CC0, see <c>Data/areas/README.md</c>). Idempotent: names and boundaries follow the files;
/// populations set by staff are kept.
/// </summary>
/// <summary>Seeds the areas at every start-up (reference data, first of all).</summary>
public sealed class AreaSeedTask(NpgsqlDataSource dataSource) : IStartupTask
{
    public int Order => 10;

    public bool DemoOnly => false;

    public Task RunAsync(CancellationToken ct) => AreaSeed.ApplyAsync(dataSource, ct);
}

public static class AreaSeed
{
    private static readonly System.Text.Json.JsonSerializerOptions GeoJson =
        new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    public const string CitySlug = "stockholm";
    public const string DistrictSlug = "hagersten-alvsjo";

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var neighbourhoods = LoadNeighbourhoods();
        var district = UnaryUnionOp.Union(neighbourhoods.Select(n => n.Boundary).ToList());

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string upsert = """
            insert into area (slug, name, kind, parent_id, boundary)
            values (@Slug, @Name, @Kind, (select id from area where slug = @ParentSlug), @Boundary::jsonb)
            on conflict (slug) do update
            set name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id, boundary = excluded.boundary
            where (area.name, area.kind, area.parent_id, area.boundary) is distinct from
                  (excluded.name, excluded.kind, excluded.parent_id, excluded.boundary)
            """;
        await conn.ExecuteAsync(new CommandDefinition(upsert,
            new { Slug = CitySlug, Name = "Stockholm", Kind = "city", ParentSlug = (string?)null, Boundary = (string?)null }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(upsert,
            new { Slug = DistrictSlug, Name = "Hägersten-Älvsjö", Kind = "district", ParentSlug = CitySlug, Boundary = AreaLocator.WriteGeometry(district) }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(upsert,
            neighbourhoods.Select(n => new { Slug = Slugify(n.Name), n.Name, Kind = "neighbourhood", ParentSlug = DistrictSlug, Boundary = AreaLocator.WriteGeometry(n.Boundary) }),
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary><c>Örby slott</c> → <c>orby-slott</c>.</summary>
    public static string Slugify(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }

    internal static List<(string Name, Geometry Boundary)> LoadNeighbourhoods()
    {
        var names = ReadResource("hagersten-alvsjo-stadsdelar.csv")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cols => cols[1], cols => cols[0]);
        var features = System.Text.Json.JsonSerializer.Deserialize<FeatureCollection>(
            ReadResource("hagersten-alvsjo-stadsdelar-fullsize.geo.json"),
            GeoJson)!;
        var result = features
            .Select(f => (GeoJsonName: (string)f.Attributes["name"], f.Geometry))
            .Select(f => (Name: names.TryGetValue(f.GeoJsonName, out var name) ? name : throw new InvalidDataException($"Unknown stadsdel {f.GeoJsonName}"), Boundary: f.Geometry))
            .ToList();
        if (result.Count != names.Count) throw new InvalidDataException($"Expected {names.Count} neighbourhoods, found {result.Count}.");
        return result;
    }

    private static string ReadResource(string fileName)
    {
        var assembly = typeof(AreaSeed).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
