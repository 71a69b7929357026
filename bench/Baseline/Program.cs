using System.Text.Json;
using Npgsql;

// GET /api/v1/areas as bare as ASP.NET Core allows: one data source, raw Npgsql, no middleware, no mediator,
// no logging. Same SQL, same tree, same JSON and Cache-Control as the API, so that the difference between the
// two is what the API's own request pipeline costs.

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(ConnectionString(
    builder.Configuration["DATABASE_URL"] ?? throw new InvalidOperationException("DATABASE_URL is required."))));

var app = builder.Build();

app.MapGet("/api/v1/areas", async (NpgsqlDataSource dataSource, HttpContext http, CancellationToken ct) =>
{
    var rows = new List<Row>(32);
    await using (var command = dataSource.CreateCommand("""
        select id, parent_id, slug, name, kind, population, population_year
        from area
        order by name collate "sv-SE-x-icu"
        """))
    await using (var reader = await command.ExecuteReaderAsync(ct))
    {
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(
                reader.GetGuid(0),
                reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6)));
        }
    }

    // Rows come sorted by name, so every list of children keeps that order.
    var children = rows.ToLookup(r => r.ParentId);
    Node Build(Row row) => new(row.Slug, row.Name, row.Kind, row.Population, row.PopulationYear,
        children[row.Id].Select(Build).ToList());

    http.Response.Headers.CacheControl = "public, max-age=300";
    return TypedResults.Ok(children[null].Select(Build).ToList());
});

app.Run();

// DATABASE_URL as postgres://user[:password]@host[:port]/db → keyword form, with the API's auto-prepare setting.
static string ConnectionString(string url)
{
    if (!url.StartsWith("postgres://", StringComparison.Ordinal) && !url.StartsWith("postgresql://", StringComparison.Ordinal))
        return new NpgsqlConnectionStringBuilder(url) { MaxAutoPrepare = 64 }.ConnectionString;
    var uri = new Uri(url);
    var userInfo = uri.UserInfo.Split(':', 2);
    return new NpgsqlConnectionStringBuilder
    {
        Host = uri.Host,
        Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
        Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        Username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null,
        Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
        MaxAutoPrepare = 64,
        ApplicationName = "trygghet-bench-baseline",
    }.ConnectionString;
}

internal sealed record Row(Guid Id, Guid? ParentId, string Slug, string Name, string Kind, int? Population, int? PopulationYear);

/// <summary>The API's AreaNode, with the kind already the lower-case word the API's enum converter writes.</summary>
internal sealed record Node(string Slug, string Name, string Kind, int? Population, int? PopulationYear, IReadOnlyList<Node> Children);
