using System.Net.Http.Headers;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Support;

/// <summary>The API in-process over a real database, configured as in Development unless told otherwise.</summary>
public class ApiFactory(string connectionString, string environment = "Development", IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>The API's clock; tests move it to reach deadlines and event ends.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Where this host writes e-mails as .eml files.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), $"trygghet-test-mail-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("DATABASE_URL", ConnectionString);
        builder.UseSetting("Api:AnonymousWritesPerMinute", "100000");
        builder.UseSetting("Api:PlaceSearchesPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Mail:DispatcherEnabled", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Stream:HeartbeatSeconds", "1");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>What Production requires besides the database (none of it contacted in a test), without migrating.</summary>
    public static Dictionary<string, string?> ProductionSettings() => new()
    {
        ["Auth:Authority"] = "https://login.example.invalid/realms/stockholm",
        ["Site:PublicUrl"] = "https://trygghet.example.se",
        ["Mail:SmtpHost"] = "smtp.example.invalid",
        ["Database:MigrateOnStartup"] = "false",
    };

    public TrygghetClient Client(HttpClient? http = null)
    {
        http ??= CreateClient();
        return new(http.BaseAddress!, http);
    }

    /// <summary>A client carrying a development token for the role.</summary>
    public async Task<TrygghetClient> ClientAs(DevRole role, Guid? actorId = null)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(role, actorId));
        return new TrygghetClient(http.BaseAddress!, http);
    }

    public async Task<string> TokenFor(DevRole role, Guid? actorId = null) =>
        (await Client().CreateDevTokenAsync(new DevTokenRequest { Role = role, ActorId = actorId })).AccessToken;
}

/// <summary>
/// One database and one API host for the whole run. Each test starts from the same state: every table
/// is emptied except reference data and the migration journal, and reference data is restored.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private static readonly string[] KeptTables = ["schema_versions", "area", "observation_category"];

    public PostgresServer Postgres { get; private set; } = null!;
    public ApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.StartAsync();
        Api = new ApiFactory(Postgres.ConnectionString);
        _ = Api.Server; // starts the host: migrations and reference data
    }

    public async Task ResetAsync()
    {
        await using var conn = new NpgsqlConnection(Postgres.ConnectionString);
        await conn.OpenAsync();
        var tables = (await conn.QueryAsync<string>(
            "select quote_ident(tablename) from pg_tables where schemaname = 'public' and tablename <> all(@KeptTables)",
            new { KeptTables })).ToList();
        if (tables.Count > 0) await conn.ExecuteAsync($"truncate {string.Join(", ", tables)} restart identity cascade");
        Api.Clock.Reset();
        if (Directory.Exists(Api.MailDirectory)) Directory.Delete(Api.MailDirectory, recursive: true);
        await conn.ExecuteAsync("update area set population = null, population_year = null, version = 1 where version <> 1 or population is not null");
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>Base of tests against the shared API: resets the data before each test.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFixture fixture) : IAsyncLifetime
{
    protected ApiFixture Fixture { get; } = fixture;
    protected ApiFactory Api => Fixture.Api;

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<T> Scalar<T>(string sql, object? param = null)
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        return await conn.ExecuteScalarAsync<T>(sql, param) ?? throw new InvalidOperationException("No value.");
    }
}
