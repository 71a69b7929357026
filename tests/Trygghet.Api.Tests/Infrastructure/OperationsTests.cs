using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>Errors, languages, limits and health as a client meets them.</summary>
public sealed class OperationsTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Problems_are_Swedish_by_default_and_English_on_request()
    {
        var http = Api.CreateClient();
        var swedish = await Problems.ReadAsync(await http.GetAsync("/api/v1/areas/atlantis"));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var english = await Problems.ReadAsync(await http.GetAsync("/api/v1/areas/atlantis"));

        Assert.Equal(("Hittades inte", "Området 'atlantis' finns inte."), (swedish.Title, swedish.Detail));
        Assert.Equal(("Not found", "Area 'atlantis' does not exist."), (english.Title, english.Detail));
    }

    [Fact]
    public async Task Validation_messages_follow_the_language_too()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/areas/aspudden/population")
        {
            Content = new StringContent("""{"population":-1,"year":2024}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));

        var english = await Problems.ReadAsync(await http.SendAsync(request));
        var swedish = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() =>
            staff.UpdateAreaPopulationAsync("aspudden", "\"1\"", new AreaPopulationUpdate { Population = -1, Year = 2024 }));

        Assert.StartsWith("Population must be between", english.Errors["population"][0]);
        Assert.StartsWith("Folkmängd ska vara mellan", swedish.Result.Errors["population"].Single());
    }

    [Fact]
    public async Task Malformed_JSON_and_a_wrong_type_name_the_field()
    {
        var http = Api.CreateClient();

        var wrongType = await Problems.ReadAsync(await http.PostAsync("/api/v1/dev/token", Json("""{"role":"superuser"}""")));
        var missing = await Problems.ReadAsync(await http.PostAsync("/api/v1/dev/token", Json("{}")));
        var malformed = await Problems.ReadAsync(await http.PostAsync("/api/v1/dev/token", Json("{\"role\":")));

        Assert.Equal(400, wrongType.Status);
        Assert.True(wrongType.Errors.ContainsKey("role"), wrongType.Raw);
        Assert.True(missing.Errors.ContainsKey("role"), missing.Raw);
        Assert.Equal(400, malformed.Status);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/no-such-thing");

        Assert.Equal(404, (await Problems.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await Api.CreateClient().DeleteAsync("/api/v1/areas");

        Assert.Equal(405, (await Problems.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415_problem()
    {
        var response = await Api.CreateClient().PostAsync("/api/v1/dev/token", new StringContent("role=admin", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(415, (await Problems.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await Api.CreateClient().PostAsync("/api/v1/dev/token", Json($$"""{"role":"admin","pad":"{{huge}}"}"""));

        Assert.Equal(413, (await Problems.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task Health_is_live_and_ready_with_the_database_migrated()
    {
        var http = Api.CreateClient();

        var live = await http.GetAsync("/health/live");
        var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("migrations applied", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Three_instances_starting_together_on_an_empty_database_migrate_and_seed_it_once()
    {
        var name = $"trygghet_start_{Guid.NewGuid():N}";
        await using (var admin = new Npgsql.NpgsqlConnection(Fixture.Postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(Fixture.Postgres.ConnectionString) { Database = name }.ConnectionString;
        var instances = Enumerable.Range(0, 3)
            .Select(_ => new ApiFactory(connectionString, settings: new Dictionary<string, string?> { ["Seed:Demo"] = "true" })).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.Server)));
            var ready = await Task.WhenAll(instances.Select(i => i.CreateClient().GetAsync("/health/ready")));

            Assert.All(ready, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            await using var conn = new Npgsql.NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            async Task<long> Count(string sql)
            {
                await using var command = new Npgsql.NpgsqlCommand(sql, conn);
                return (long)(await command.ExecuteScalarAsync())!;
            }
            Assert.Equal(Trygghet.Api.Infrastructure.Migrations.Scripts.Count, await Count("select count(*) from schema_versions"));
            Assert.Equal(await Count("select count(distinct slug) from area"), await Count("select count(*) from area"));
            Assert.Equal(await Count("select count(distinct slug) from event"), await Count("select count(*) from event"));
            Assert.Equal(8, await Count("select count(*) from actor")); // the demo actors, once
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
            await using var admin = new Npgsql.NpgsqlConnection(Fixture.Postgres.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop database if exists {name} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Anonymous_writes_are_rate_limited_with_a_429_problem()
    {
        await using var limited = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Api:AnonymousWritesPerMinute"] = "2",
            ["Database:MigrateOnStartup"] = "false",
        });
        var http = limited.CreateClient();

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/v1/dev/token", Json("""{"role":"staff"}"""))).StatusCode);
        var third = await http.PostAsync("/api/v1/dev/token", Json("""{"role":"staff"}"""));

        var registration = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dialogues/{Guid.NewGuid()}/registrations")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = Json("""{"mode":"onSite","consentVersion":"2026-01"}"""),
        });

        Assert.Equal(429, (await Problems.ReadAsync(third)).Status);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(429, (await Problems.ReadAsync(registration)).Status); // registrations share the client's allowance
        Assert.True(registration.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Without_the_database_reads_are_a_503_problem_with_Retry_After_and_ready_fails()
    {
        await using var down = new ApiFactory("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2", settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
        });
        var http = down.CreateClient();

        var response = await http.GetAsync("/api/v1/areas");
        var ready = await http.GetAsync("/health/ready");
        var live = await http.GetAsync("/health/live");

        Assert.Equal(503, (await Problems.ReadAsync(response)).Status);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_the_token_route_and_Swagger_UI_do_not_exist()
    {
        await using var production = new ApiFactory(Fixture.Postgres.ConnectionString, "Production", ApiFactory.ProductionSettings());
        var http = production.CreateClient();

        var token = await http.PostAsync("/api/v1/dev/token", Json("""{"role":"admin"}"""));
        var swagger = await http.GetAsync("/swagger/v1/swagger.json");
        var areas = await http.GetAsync("/api/v1/areas");

        Assert.Equal(404, (await Problems.ReadAsync(token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, swagger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, areas.StatusCode);
    }

    [Fact]
    public async Task A_development_token_is_not_accepted_outside_Development()
    {
        var token = await Api.TokenFor(DevRole.Admin);
        await using var production = new ApiFactory(Fixture.Postgres.ConnectionString, "Production", ApiFactory.ProductionSettings());
        var http = production.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await http.PutAsync("/api/v1/areas/aspudden/population", Json("""{"population":1,"year":2024}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task After_a_database_restart_the_API_recovers_by_itself_without_a_500()
    {
        if (!Fixture.Postgres.CanRestart) return; // TEST_DATABASE_URL: not ours to restart
        var http = Api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/areas")).StatusCode); // the pool holds open connections

        await Fixture.Postgres.RestartAsync();
        var statuses = new List<int>();
        for (var i = 0; i < 20 && statuses.LastOrDefault() != 200; i++)
        {
            var response = await http.GetAsync("/api/v1/areas");
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode != HttpStatusCode.OK) Assert.Equal(503, (await Problems.ReadAsync(response)).Status);
        }

        Npgsql.NpgsqlConnection.ClearAllPools(); // the tests' own connections to the old server
        Assert.Equal(200, statuses.Last());
        Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 503 }));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
