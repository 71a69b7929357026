using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Registrations;

/// <summary>Registering for a dialogue or walk: places, the waitlist, idempotency and closed registration.</summary>
public sealed class RegisterTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    private static StringContent Body(string mode = "onSite", string? email = "ada@example.se") => new(
        JsonSerializer.Serialize(new { mode, consentVersion = Registrar.Consent, email, name = "Ada Lovelace" }), Encoding.UTF8, "application/json");

    private static HttpRequestMessage Post(Guid eventId, string key, StringContent body) =>
        new(HttpMethod.Post, $"/api/v1/dialogues/{eventId}/registrations") { Headers = { { "Idempotency-Key", key } }, Content = body };

    private Task AssertTallyAsync() => RegistrationTally.AssertMatchesRowsAsync(Fixture.Postgres.ConnectionString);

    private async Task<List<Guid>> ConfirmedPromotedAsync()
    {
        await using var conn = new Npgsql.NpgsqlConnection(Fixture.Postgres.ConnectionString);
        return (await Dapper.SqlMapper.QueryAsync<Guid>(conn, "select id from registration where promoted_at is not null order by queue")).ToList();
    }

    [Fact]
    public async Task A_resident_registers_without_an_account_and_manages_it_through_the_secret_link()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(30)));

        var receipt = await Api.RegisterAsync(e.Id);
        var view = await Api.Client().GetMyRegistrationAsync(receipt.ManageToken);

        Assert.Equal(RegistrationStatus.Confirmed, receipt.Status);
        Assert.Null(receipt.WaitlistPosition);
        Assert.Matches("^[ACDEFGHJKMNPQRTWXY34679]{8}$", receipt.CheckInCode);
        Assert.EndsWith($"/anmalan#{receipt.ManageToken}", receipt.ManageUrl);
        Assert.Equal(e.Id, view.Event.Id);
        Assert.Equal("ada@example.se", view.Email);
        Assert.Equal("Hörslinga", view.AccessibilityNeeds);
        Assert.True(view.CanChange);
        Assert.Null(view.Meeting); // on site
        var stored = await Scalar<int>("select count(*)::int from registration where token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = receipt.ManageToken });
        Assert.Equal(1, stored); // the link is stored as its hash
        Assert.Equal(0, await Scalar<int>("select count(*)::int from registration where encode(token_hash, 'escape') like '%' || @t || '%'", new { t = receipt.ManageToken }));
        var availability = await Api.Client().GetDialogueAvailabilityAsync(e.Slug);
        Assert.True(availability.Open);
        Assert.Equal(59, availability.OnSite!.Available);
        Assert.Equal(200, availability.Remote!.Available);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_gets_the_same_answer_and_registers_nobody_twice()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(30)));
        var http = Api.CreateClient();
        var key = Guid.NewGuid().ToString();

        var first = await http.SendAsync(Post(e.Id, key, Body()));
        var again = await http.SendAsync(Post(e.Id, key, Body()));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.SendAsync(Post(e.Id, key, Body()))));
        var other = await http.SendAsync(Post(e.Id, key, Body(mode: "remote")));
        var missing = await http.PostAsync($"/api/v1/dialogues/{e.Id}/registrations", Body());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        foreach (var response in concurrent) Assert.Equal(await first.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        Assert.Equal(422, (await Problems.ReadAsync(other)).Status);
        Assert.Contains("Idempotency-Key", (await Problems.ReadAsync(missing)).Errors.Keys);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from registration"));
        Assert.Equal(1, await Scalar<int>("select count(*)::int from outbox where kind like 'registration.%'"));
    }

    [Fact]
    public async Task Five_hundred_parallel_registrations_for_fifty_seats_confirm_exactly_fifty_and_cancellations_promote_in_order()
    {
        var input = Planner.Dialogue(Now.AddDays(30), EventFormat.OnSite);
        input.CapacityOnSite = 50;
        var e = await Registrar.OpenAsync(Api, input);
        var http = Api.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => http.SendAsync(Post(e.Id, $"parallel-key-{i:D4}", Body(email: $"person{i}@example.se")))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var receipts = await Task.WhenAll(responses.Select(async r => JsonSerializer.Deserialize<JsonElement>(await r.Content.ReadAsStringAsync())));
        Assert.Equal(50, receipts.Count(r => r.GetProperty("status").GetString() == "confirmed"));
        var waitlisted = receipts.Where(r => r.GetProperty("status").GetString() == "waitlisted").ToList();
        Assert.Equal(450, waitlisted.Count);
        Assert.Equal(Enumerable.Range(1, 450), waitlisted.Select(r => r.GetProperty("waitlistPosition").GetInt32()).Order());
        Assert.Equal(500, receipts.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(500, receipts.Select(r => r.GetProperty("checkInCode").GetString()).Distinct().Count());
        Assert.Equal(500, await Scalar<int>("select count(*)::int from registration"));
        Assert.Equal(50, await Scalar<int>("select count(*)::int from registration where status = 'confirmed'"));

        var next = waitlisted.OrderBy(r => r.GetProperty("waitlistPosition").GetInt32()).Take(10).Select(r => r.GetProperty("id").GetString()).ToList();
        foreach (var confirmed in receipts.Where(r => r.GetProperty("status").GetString() == "confirmed").Take(10))
            await Api.Client().CancelMyRegistrationAsync(confirmed.GetProperty("manageToken").GetString()!);

        Assert.Equal(next, (await ConfirmedPromotedAsync()).Select(id => id.ToString()));
        Assert.Equal(50, await Scalar<int>("select count(*)::int from registration where status = 'confirmed'"));
        Assert.Equal(440, await Scalar<int>("select count(*)::int from registration where status = 'waitlisted'"));
        Assert.Equal(10, await Scalar<int>("select count(*)::int from outbox where kind = 'registration.promoted'"));
        await AssertTallyAsync();
    }

    [Fact]
    public async Task Registrations_during_a_database_restart_are_503_or_stored_and_a_retry_with_the_key_loses_and_doubles_nothing()
    {
        if (!Fixture.Postgres.CanRestart) return; // TEST_DATABASE_URL: not ours to restart
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(30)));
        var http = Api.CreateClient();
        var keys = new System.Collections.Concurrent.ConcurrentBag<string>();
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var restarted = false;

        async Task SendAsync(string key)
        {
            var response = await http.SendAsync(Post(e.Id, key, Body(email: $"{key}@example.se")));
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Created)
                acknowledged[key] = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("id").GetString()!;
            else Assert.Equal(503, (await Problems.ReadAsync(response)).Status);
        }

        // Eight clients register one after another until the database has been restarted under them.
        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = 0; !Volatile.Read(ref restarted) || i < 10; i++)
            {
                var key = $"restart-{worker}-{i:D4}";
                keys.Add(key);
                await SendAsync(key);
            }
        }));
        await Task.Delay(100);
        await Fixture.Postgres.RestartAsync();
        Volatile.Write(ref restarted, true);
        await load;
        // The client retries what was not acknowledged, with the same keys, until the database is back.
        for (var round = 0; round < 30 && acknowledged.Count < keys.Count; round++)
        {
            foreach (var key in keys.Where(k => !acknowledged.ContainsKey(k)).ToList()) await SendAsync(key);
            if (acknowledged.Count < keys.Count) await Task.Delay(500);
        }
        Npgsql.NpgsqlConnection.ClearAllPools(); // the tests' own connections to the old server

        Assert.All(statuses, s => Assert.Contains(s, new[] { 201, 503 }));
        Assert.Contains(503, statuses); // the restart did cut requests
        Assert.Equal(keys.Count, acknowledged.Count);
        Assert.Equal(keys.Count, await Scalar<int>("select count(*)::int from registration"));
        Assert.Equal(Math.Min(60, keys.Count), await Scalar<int>("select count(*)::int from registration where status = 'confirmed'")); // the hall's 60 seats
        Assert.Equal(keys.Count, await Scalar<int>("select count(distinct id)::int from registration where id = any(@ids)",
            new { ids = acknowledged.Values.Select(Guid.Parse).ToArray() }));
        Assert.Equal(keys.Count, await Scalar<int>("select count(distinct registration_id)::int from outbox where kind in ('registration.confirmed', 'registration.waitlisted')"));
        Assert.Equal(keys.Count, await Scalar<int>("select count(*)::int from outbox"));
        await AssertTallyAsync();
    }

    [Fact]
    public async Task A_check_in_code_already_taken_in_the_event_is_drawn_again_on_either_path()
    {
        var ample = Planner.Dialogue(Now.AddDays(30));
        ample.CapacityOnSite = 100_000; // far from the limit: the shared path
        var open = await Registrar.OpenAsync(Api, ample);
        var hall = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(31), title: "Liten sal")); // 60 seats: the exclusive path
        var codes = new ScriptedCodes("AAAAAAAA", "AAAAAAAA", "CCCCCCCC", "AAAAAAAA", "AAAAAAAA", "DDDDDDDD");
        await using var host = Api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<Trygghet.Api.Features.Registrations.ICheckInCodes>(codes)));
        var http = host.CreateClient();

        async Task<string> CodeAsync(Guid eventId, string key)
        {
            var response = await http.SendAsync(Post(eventId, key, Body(email: $"{key}@example.se")));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("checkInCode").GetString()!;
        }

        Assert.Equal("AAAAAAAA", await CodeAsync(open.Id, "code-open-1"));
        Assert.Equal("CCCCCCCC", await CodeAsync(open.Id, "code-open-2"));
        Assert.Equal("AAAAAAAA", await CodeAsync(hall.Id, "code-hall-1"));
        Assert.Equal("DDDDDDDD", await CodeAsync(hall.Id, "code-hall-2"));
        Assert.Equal(4, await Scalar<int>("select count(*)::int from registration"));
        Assert.Equal(4, await Scalar<int>("select count(*)::int from outbox where kind = 'registration.confirmed'"));
        Assert.Equal(4, await Scalar<int>("select count(*)::int from idempotency_key"));
        await AssertTallyAsync();
    }

    /// <summary>Check-in codes in a set order, the last one repeated.</summary>
    private sealed class ScriptedCodes(params string[] codes) : Trygghet.Api.Features.Registrations.ICheckInCodes
    {
        private int next = -1;

        public string New() => codes[Math.Min(Interlocked.Increment(ref next), codes.Length - 1)];
    }

    [Fact]
    public async Task Every_closed_registration_names_its_reason()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var draft = await staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var onSiteOnly = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(31), EventFormat.OnSite, "Dialog på plats"));
        var cancelled = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(32), title: "Inställd dialog"));
        await staff.CancelEventAsync(cancelled.Id, new CancelRequest { Reason = "Lokalen är inte tillgänglig." });
        var soon = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(33), title: "Snart"));

        async Task<(int Status, string Reason)> Closed(Guid id, RegistrationMode mode = RegistrationMode.OnSite)
        {
            var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.RegisterAsync(id, mode));
            return (error.StatusCode, error.Result.AdditionalProperties["reason"].ToString()!);
        }

        Assert.Equal((409, "notPublished"), await Closed(draft.Id));
        Assert.Equal((409, "cancelled"), await Closed(cancelled.Id));
        Assert.Equal((422, "modeNotOffered"), await Closed(onSiteOnly.Id, RegistrationMode.Remote));
        Api.Clock.Set(soon.RegistrationDeadline!.Value.AddSeconds(-1));
        Assert.Equal(RegistrationStatus.Confirmed, (await Api.RegisterAsync(soon.Id)).Status);
        Api.Clock.Set(soon.RegistrationDeadline!.Value);
        Assert.Equal((422, "deadlinePassed"), await Closed(soon.Id));
        Assert.Equal(RegistrationClosedReason.DeadlinePassed, (await Api.Client().GetDialogueAvailabilityAsync(soon.Slug)).ClosedReason);
        Api.Clock.Set(soon.EndsAt);
        Assert.Equal((409, "held"), await Closed(soon.Id));
        Assert.Equal(1, await Scalar<int>("select count(*)::int from registration"));
    }
}
