using System.Net;
using System.Text;
using System.Text.Json;
using Trygghet.Api.Tests.Features.Events;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Registrations;

public sealed class RegistrationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    private static StringContent Body(string mode = "onSite", string? email = "ada@example.se") => new(
        JsonSerializer.Serialize(new { mode, consentVersion = Registrar.Consent, email, name = "Ada Lovelace" }), Encoding.UTF8, "application/json");

    private static HttpRequestMessage Post(Guid eventId, string key, StringContent body) =>
        new(HttpMethod.Post, $"/api/v1/dialogues/{eventId}/registrations") { Headers = { { "Idempotency-Key", key } }, Content = body };

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

    /// <summary>The running tally agrees with the rows it counts.</summary>
    private async Task AssertTallyAsync() => Assert.Equal(
        await Scalar<string>("""
            select coalesce(string_agg(x, ',' order by x), '') from (
                select event_id || '/' || mode || '/' || count(*) filter (where status = 'confirmed') || '/' || count(*) filter (where status = 'waitlisted') as x
                from registration group by event_id, mode) s
            """),
        await Scalar<string>("""
            select coalesce(string_agg(x, ',' order by x), '') from (
                select event_id || '/' || mode || '/' || sum(confirmed) || '/' || sum(waitlisted) as x from registration_tally group by event_id, mode) s
            """));

    private async Task<List<Guid>> ConfirmedPromotedAsync()
    {
        await using var conn = new Npgsql.NpgsqlConnection(Fixture.Postgres.ConnectionString);
        return (await Dapper.SqlMapper.QueryAsync<Guid>(conn, "select id from registration where promoted_at is not null order by queue")).ToList();
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

    [Fact]
    public async Task A_capacity_increase_promotes_the_waitlist_and_a_mode_change_needs_a_free_place()
    {
        var input = Planner.Dialogue(Now.AddDays(30));
        input.CapacityOnSite = 1;
        input.CapacityRemote = 1;
        var e = await Registrar.OpenAsync(Api, input);
        var first = await Api.RegisterAsync(e.Id, email: "first@example.se");
        var second = await Api.RegisterAsync(e.Id, email: "second@example.se");
        var remote = await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "remote@example.se");
        Assert.Equal((RegistrationStatus.Waitlisted, 1), (second.Status, second.WaitlistPosition));

        // Remote → on site: no free place; the registration stays as it was.
        var full = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            Api.Client().ChangeMyModeAsync(remote.ManageToken, new ModeChangeRequest { Mode = RegistrationMode.OnSite }));
        Assert.Equal(422, full.StatusCode);
        Assert.Equal(RegistrationMode.Remote, (await Api.Client().GetMyRegistrationAsync(remote.ManageToken)).Mode);

        // The remote participant cancels; the first on-site participant moves to remote, and the waitlisted one gets the seat.
        await Api.Client().CancelMyRegistrationAsync(remote.ManageToken);
        var moved = await Api.Client().ChangeMyModeAsync(first.ManageToken, new ModeChangeRequest { Mode = RegistrationMode.Remote });
        Assert.Equal((RegistrationMode.Remote, RegistrationStatus.Confirmed), (moved.Mode, moved.Status));
        Assert.Equal(RegistrationStatus.Confirmed, (await Api.Client().GetMyRegistrationAsync(second.ManageToken)).Status);

        // A larger capacity promotes at once.
        var third = await Api.RegisterAsync(e.Id, email: "third@example.se");
        Assert.Equal(RegistrationStatus.Waitlisted, third.Status);
        var staff = await Api.ClientAs(DevRole.Staff);
        var plan = await staff.GetEventPlanAsync(e.Id);
        input.CapacityOnSite = 2;
        (input.StartsAt, input.EndsAt, input.RegistrationDeadline) = (plan.StartsAt, plan.EndsAt, plan.RegistrationDeadline);
        await staff.UpdateEventAsync(e.Id, $"\"{plan.Version}\"", input);
        Assert.Equal(RegistrationStatus.Confirmed, (await Api.Client().GetMyRegistrationAsync(third.ManageToken)).Status);
        Assert.Equal(new[] { "second@example.se", "third@example.se" },
            (await Scalar<string>("select string_agg(recipient, ',' order by id) from outbox where kind = 'registration.promoted'")).Split(','));
        await AssertTallyAsync();
    }

    [Fact]
    public async Task The_meeting_link_is_given_only_to_confirmed_remote_participants_inside_the_window()
    {
        var input = Planner.Dialogue(Now.AddDays(30));
        input.CapacityRemote = 1;
        var e = await Registrar.OpenAsync(Api, input);
        var remote = await Api.RegisterAsync(e.Id, RegistrationMode.Remote);
        var waitlisted = await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "bea@example.se");
        var onSite = await Api.RegisterAsync(e.Id);
        var opensAt = e.StartsAt.AddMinutes(-30);

        Api.Clock.Set(opensAt.AddSeconds(-1));
        var early = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().JoinMeetingAsync(remote.ManageToken));
        var view = await Api.Client().GetMyRegistrationAsync(remote.ManageToken);
        Assert.Equal(409, early.StatusCode);
        Assert.Equal(opensAt, DateTimeOffset.Parse(early.Result.AdditionalProperties["opensAt"].ToString()!, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
        Assert.Equal((opensAt, false), (view.Meeting!.OpensAt, view.Meeting.Open));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from registration where joined_at is not null"));

        Api.Clock.Set(opensAt);
        Assert.Equal("https://meet.example.se/trygghet-fruangen", (await Api.Client().JoinMeetingAsync(remote.ManageToken)).Url);
        Assert.True((await Api.Client().GetMyRegistrationAsync(remote.ManageToken)).Meeting!.Open);
        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().JoinMeetingAsync(waitlisted.ManageToken))).StatusCode);
        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().JoinMeetingAsync(onSite.ManageToken))).StatusCode);

        Api.Clock.Set(e.EndsAt.AddSeconds(-1));
        Assert.Equal("https://meet.example.se/trygghet-fruangen", (await Api.Client().JoinMeetingAsync(remote.ManageToken)).Url);
        Api.Clock.Set(e.EndsAt);
        Assert.Equal(409, (await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().JoinMeetingAsync(remote.ManageToken))).StatusCode);

        // Nobody else ever sees it: not the public pages, not the other views, not the e-mails.
        var http = Api.CreateClient();
        foreach (var url in new[] { $"/api/v1/dialogues/{e.Slug}", "/api/v1/dialogues", $"/api/v1/dialogues/{e.Slug}/calendar.ics", $"/api/v1/dialogues/{e.Slug}/availability" })
            Assert.DoesNotContain("meet.example.se", await http.GetStringAsync(url));
        Assert.DoesNotContain("meet.example.se", JsonSerializer.Serialize(await Api.Client().GetMyRegistrationAsync(onSite.ManageToken)));
        await Api.DispatchAsync();
        Assert.All(Api.Mails(), m => Assert.DoesNotContain("meet.example.se", m.TextBody));
        Assert.Equal(1, await Scalar<int>("select count(*)::int from registration where joined_at is not null"));
    }

    [Fact]
    public async Task Staff_list_export_and_check_in_with_every_read_of_personal_data_audited()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(30)));
        var ada = await Api.RegisterAsync(e.Id);
        await Api.RegisterAsync(e.Id, name: "=HYPERLINK(\"http://evil.example\")", email: "eve@example.se");
        await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "remote@example.se", name: null);
        var staff = await Api.ClientAs(DevRole.Staff);

        var page = await staff.ListRegistrationsAsync(e.Id, 2, null);
        var rest = await staff.ListRegistrationsAsync(e.Id, 2, page.NextCursor);
        var csv = await Api.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/events/{e.Id}/registrations/export")
        {
            Headers = { Authorization = new("Bearer", await Api.TokenFor(DevRole.Admin)) },
        });
        var checkedIn = await staff.CheckInAsync(e.Id, new CheckInRequest { Code = $" {ada.CheckInCode[..4].ToLowerInvariant()} {ada.CheckInCode[4..]}" });
        var again = await staff.CheckInAsync(e.Id, new CheckInRequest { Code = ada.CheckInCode });
        var unknown = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.CheckInAsync(e.Id, new CheckInRequest { Code = "AAAAAAAA" }));
        var summary = await staff.GetRegistrationSummaryAsync(e.Id);

        Assert.Equal(["ada@example.se", "eve@example.se"], page.Items.Select(r => r.Email));
        Assert.Equal("remote@example.se", Assert.Single(rest.Items).Email);
        Assert.Null(rest.NextCursor);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("mode,status,waitlist_position,check_in_code,name,email", text);
        Assert.Contains("'=HYPERLINK", text); // never a live formula in a spreadsheet
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.NotNull(checkedIn.CheckedInAt);
        Assert.Equal(e.EndsAt.AddDays(30), summary.PersonalDataErasedAfter);
        Assert.Equal(checkedIn.CheckedInAt, again.CheckedInAt);
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal((2, 1, 60), (summary.OnSite.Confirmed, summary.OnSite.Attended, summary.OnSite.Capacity!.Value));
        Assert.Equal((1, 0), (summary.Remote.Confirmed, summary.Remote.Attended));
        Assert.Equal("registration.read,registration.read,registration.export,registration.checkIn,registration.checkIn",
            await Scalar<string>("select string_agg(action, ',' order by id) from audit_log where action like 'registration.%'"));
    }

    [Fact]
    public async Task Engagement_counts_registrations_and_attendance_on_site_and_remote()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(2)));
        var ada = await Api.RegisterAsync(e.Id);
        await Api.RegisterAsync(e.Id, email: null);
        var remote = await Api.RegisterAsync(e.Id, RegistrationMode.Remote);
        var gone = await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "gone@example.se");
        await Api.Client().CancelMyRegistrationAsync(gone.ManageToken);
        await (await Api.ClientAs(DevRole.Staff)).CheckInAsync(e.Id, new CheckInRequest { Code = ada.CheckInCode });
        Api.Clock.Set(e.StartsAt);
        await Api.Client().JoinMeetingAsync(remote.ManageToken);
        Api.Clock.Set(e.EndsAt.AddDays(1));

        var engagement = await Api.Client().GetEngagementAsync("fruangen", null, null, null);

        Assert.Equal((3, 2, 1), (engagement.Registrations, engagement.RegistrationsOnSite, engagement.RegistrationsRemote));
        Assert.Equal((1, 1), (engagement.ParticipantsOnSite, engagement.ParticipantsRemote));
    }
}
