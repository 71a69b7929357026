using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Trygghet.Api.Features.Statistics;
using Trygghet.Api.Infrastructure;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Statistics;

/// <summary>The scheduled fetch against a stand-in for polisen.se/api/events on a loopback port, over the real database.</summary>
public sealed class FetchPoliceEventsTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Response = "events-2025-12-31-kommun-era.json";

    /// <summary>An API instance with the fetch on, pointed at the stand-in; retries wait 50 ms instead of the Police's 10 s.</summary>
    private ApiFactory Instance(PoliceApiServer police, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["PoliceFetch:Enabled"] = "true",
            ["PoliceFetch:Url"] = police.Url,
        };
        foreach (var (key, value) in settings) all[key] = value;
        var instance = new ApiFactory(Fixture.Postgres.ConnectionString, settings: all);
        instance.Services.GetRequiredService<PoliceFetchOptions>().RetryDelay = TimeSpan.FromMilliseconds(50);
        return instance;
    }

    /// <summary>One run of the job, as the periodic job runner runs it.</summary>
    private static Task FetchAsync(ApiFactory instance) =>
        instance.Services.GetServices<IPeriodicJob>().OfType<PoliceFetchJob>().Single().RunAsync(CancellationToken.None);

    private static async Task<Client.PoliceFetchStatus> StatusAsync(ApiFactory instance) =>
        await (await instance.ClientAs(DevRole.Staff)).GetPoliceFetchStatusAsync();

    private Task<long> Imports() => Scalar<long>("select count(*) from audit_log where action = 'statistics.import.police'");

    [Fact]
    public async Task A_fetch_imports_the_answer_as_an_upload_would_and_names_the_service_in_its_User_Agent()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Then(PoliceApiServer.File(Response));
        await using var instance = Instance(police);

        await FetchAsync(instance);
        var status = await StatusAsync(instance);

        Assert.Equal(500L, await Scalar<long>("select count(*) from police_event"));
        Assert.True(await Scalar<long>("select count(*) from police_event_month") > 0); // the monthly recount ran
        Assert.Equal(1L, await Imports()); // and the audit, as the system
        Assert.Equal("system", await Scalar<string>("select subject from audit_log where action = 'statistics.import.police'"));
        Assert.Equal(new PoliceFetchOptions().UserAgent, Assert.Single(police.UserAgents));
        Assert.StartsWith("Trygghet/", police.UserAgents.Single(), StringComparison.Ordinal);
        Assert.True(status.Enabled);
        Assert.NotNull(status.LastSuccessAt);
        Assert.Null(status.LastError);
        Assert.Equal((1, 0, 500L), (status.Fetches, status.Failures, status.EventsImported));
        Assert.Equal((500, 500, 0), (status.Last!.Received, status.Last.Imported, status.Last.Skipped));
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:05:56+01:00", System.Globalization.CultureInfo.InvariantCulture), status.NewestEventAt);
    }

    [Fact]
    public async Task Within_the_interval_no_second_call_is_made_and_after_it_the_same_answer_changes_nothing()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Otherwise = PoliceApiServer.File(Response);
        await using var instance = Instance(police);

        await FetchAsync(instance);
        await FetchAsync(instance);
        Assert.Equal(1, police.Calls);

        instance.Clock.Advance(TimeSpan.FromSeconds(new PoliceFetchOptions().IntervalSeconds));
        await FetchAsync(instance);
        var status = await StatusAsync(instance);

        Assert.Equal(2, police.Calls);
        Assert.Equal((2, 500L), (status.Fetches, status.EventsImported));
        Assert.Equal((500, 0, 0, 500), (status.Last!.Received, status.Last.Imported, status.Last.Updated, status.Last.Unchanged));
    }

    [Fact]
    public async Task An_empty_body_is_recorded_as_an_error_and_imports_nothing()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Then(PoliceApiServer.File(Response), PoliceApiServer.Body([]));
        await using var instance = Instance(police);
        await FetchAsync(instance);
        instance.Clock.Advance(TimeSpan.FromMinutes(10));

        await FetchAsync(instance); // does not throw
        var status = await StatusAsync(instance);

        Assert.Equal("empty body", status.LastError);
        Assert.NotNull(status.LastErrorAt);
        Assert.Equal((2, 1), (status.Fetches, status.Failures));
        Assert.Equal(500, status.Last!.Imported); // the last success stays as it was
        Assert.Equal(1L, await Imports());
        Assert.Equal(2, police.Calls); // an empty 200 is an answer, not retried
    }

    [Fact]
    public async Task A_truncated_body_is_recorded_as_an_error_and_imports_nothing()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Then(PoliceApiServer.File(Response, bytes: 20_000));
        await using var instance = Instance(police);

        await FetchAsync(instance);
        var status = await StatusAsync(instance);

        Assert.StartsWith("not valid JSON", status.LastError, StringComparison.Ordinal);
        Assert.Null(status.LastSuccessAt);
        Assert.Equal(0L, await Scalar<long>("select count(*) from police_event"));
        Assert.Equal(0L, await Imports());
    }

    [Fact]
    public async Task An_answer_that_breaks_off_mid_body_is_recorded_as_an_error_and_imports_nothing()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Otherwise = PoliceApiServer.BrokenOff(Response, bytes: 20_000);
        await using var instance = Instance(police);

        await FetchAsync(instance);
        var status = await StatusAsync(instance);

        Assert.Equal("the answer broke off", status.LastError);
        Assert.Equal((1, 1), (status.Fetches, status.Failures));
        Assert.Equal(0L, await Scalar<long>("select count(*) from police_event"));
        Assert.Equal(0L, await Imports());
    }

    [Fact]
    public async Task A_503_is_retried_and_the_answer_that_follows_imported()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Then(PoliceApiServer.Status(StatusCodes.Status503ServiceUnavailable), PoliceApiServer.File(Response));
        await using var instance = Instance(police);

        await FetchAsync(instance);
        var status = await StatusAsync(instance);

        Assert.Equal(2, police.Calls);
        Assert.Equal(2, police.UserAgents.Count(ua => ua == new PoliceFetchOptions().UserAgent)); // the retry names the service too
        Assert.Equal((1, 0), (status.Fetches, status.Failures));
        Assert.Equal(500L, await Scalar<long>("select count(*) from police_event"));
    }

    [Fact]
    public async Task Answers_that_stay_5xx_are_tried_three_times_then_recorded_as_an_error()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Otherwise = PoliceApiServer.Status(StatusCodes.Status502BadGateway);
        await using var instance = Instance(police);

        await FetchAsync(instance);
        var status = await StatusAsync(instance);

        Assert.Equal(PoliceFetchOptions.Retries + 1, police.Calls);
        Assert.Equal("HTTP 502 (BadGateway)", status.LastError);
        Assert.Equal(0L, await Imports());
    }

    [Fact]
    public async Task A_police_API_that_does_not_answer_in_time_is_recorded_as_timed_out()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Otherwise = PoliceApiServer.Slow(TimeSpan.FromSeconds(30));
        await using var instance = Instance(police, ("PoliceFetch:TimeoutSeconds", "1"));

        await FetchAsync(instance);
        var status = await StatusAsync(instance);

        Assert.Equal("timed out", status.LastError);
        Assert.Equal(PoliceFetchOptions.Retries + 1, police.Calls);
        Assert.Equal(0L, await Imports());
    }

    [Fact]
    public async Task Two_instances_fetching_at_once_call_the_police_and_import_once()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Otherwise = PoliceApiServer.File(Response);
        await using var first = Instance(police);
        await using var second = Instance(police);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => FetchAsync(i % 2 == 0 ? first : second))));

        Assert.Equal(1, police.Calls);
        Assert.Equal(1L, await Imports());
        Assert.Equal(1, (await StatusAsync(second)).Fetches);
    }

    [Fact]
    public async Task The_fetch_is_off_in_development_and_the_tests_and_on_in_production_with_the_Police_rules_as_defaults()
    {
        await using var production = new ApiFactory(Fixture.Postgres.ConnectionString, "Production", ApiFactory.ProductionSettings());

        var development = Api.Services.GetRequiredService<PoliceFetchOptions>();
        var live = production.Services.GetRequiredService<PoliceFetchOptions>();

        Assert.False(development.Enabled);
        Assert.True(live.Enabled);
        Assert.Equal(("https://polisen.se/api/events", 600), (live.Url, live.IntervalSeconds));
        Assert.True(3600 / live.IntervalSeconds * (PoliceFetchOptions.Retries + 1) <= 60); // calls an hour, retries included
        Assert.True(live.RetryDelay >= TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("PoliceFetch:IntervalSeconds", "60", "PoliceFetch__IntervalSeconds")]
    [InlineData("PoliceFetch:UserAgent", " ", "PoliceFetch__UserAgent")]
    [InlineData("PoliceFetch:UserAgent", "Trygghet Hägersten/1.0", "PoliceFetch__UserAgent")]
    [InlineData("PoliceFetch:Url", "polisen.se/api/events", "PoliceFetch__Url")]
    public async Task Settings_outside_the_Police_rules_stop_the_start(string key, string value, string named)
    {
        await using var instance = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            [key] = value,
        });

        var failure = Assert.ThrowsAny<Exception>(() => instance.Server);

        Assert.Contains(named, (failure.InnerException ?? failure).Message + failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_degraded_while_the_fetch_is_on_and_the_newest_event_is_too_old_and_ignores_the_age_when_it_is_off()
    {
        await using var police = await PoliceApiServer.StartAsync();
        police.Otherwise = PoliceApiServer.File(Response);
        await using var instance = Instance(police, ("PoliceFetch:StaleAfter", "06:00:00"));
        async Task<(HttpStatusCode Code, string Status, string Check)> Ready(ApiFactory api)
        {
            var response = await api.CreateClient().GetAsync("/health/ready");
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (response.StatusCode, json.GetProperty("status").GetString()!, json.GetProperty("checks").GetProperty("policeData").GetProperty("status").GetString()!);
        }

        var before = await Ready(instance);
        instance.Clock.Set(DateTimeOffset.Parse("2026-01-01T03:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
        await FetchAsync(instance);
        var fresh = await Ready(instance);
        instance.Clock.Advance(TimeSpan.FromHours(7));
        var stale = await Ready(instance);

        Assert.Equal((HttpStatusCode.OK, "Degraded", "Degraded"), before); // nothing fetched yet
        Assert.Equal((HttpStatusCode.OK, "Healthy", "Healthy"), fresh);
        Assert.Equal((HttpStatusCode.OK, "Degraded", "Degraded"), stale);
        Assert.True((await StatusAsync(instance)).Stale);
        Assert.Equal((HttpStatusCode.OK, "Healthy", "Healthy"), await Ready(Api)); // the same old data, the fetch off
    }
}
