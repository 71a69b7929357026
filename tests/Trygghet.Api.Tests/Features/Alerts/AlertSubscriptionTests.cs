using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Alerts;

public sealed partial class AlertSubscriptionTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Ada = "ada.bevakar@example.se";

    [Fact]
    public async Task A_confirmed_subscriber_gets_an_alert_for_a_new_dialogue_in_the_area_and_none_for_another_area()
    {
        var token = await SubscribeAndConfirmAsync(Ada, ["fruangen"], AlertFrequency.Immediate);
        var confirmation = Assert.Single(Api.Mails());

        var inFruangen = await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(20), title: "Trygghetsdialog om Fruängens centrum"));
        var elsewhere = Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(21), title: "Trygghetsdialog om Västberga industriområde");
        elsewhere.AreaSlug = "vastberga";
        await Registrar.OpenAsync(Api, elsewhere);
        await Api.DispatchAsync();
        await Api.DispatchAsync(); // a second round sends nothing twice

        var alerts = Api.Mails().Skip(1).ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal(Ada, alert.To.Mailboxes.Single().Address);
        Assert.Contains("Fruängens centrum", alert.Subject);
        Assert.Contains($"/dialoger/{inFruangen.Slug}", alert.TextBody);
        Assert.DoesNotContain("Västberga", alert.TextBody);
        foreach (var mail in new[] { confirmation, alert })
        {
            Assert.Matches(@"^<https?://[^>]+/api/v1/alerts/unsubscribe\?token=[A-Za-z0-9_-]{43}>$", mail.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
            Assert.Matches("/bevaka/hantera#[A-Za-z0-9_-]{43}", mail.TextBody);
        }
        Assert.Equal(1, await Scalar<int>("select count(*)::int from alert_delivery"));
        Assert.True((await Api.Client().GetMyAlertSubscriptionAsync(token)).Confirmed);
    }

    [Fact]
    public async Task Nothing_but_the_confirmation_is_sent_before_the_link_is_used()
    {
        await Api.Client().SubscribeToAlertsAsync(new AlertSubscriptionRequest { Email = Ada, Areas = ["fruangen"], Frequency = AlertFrequency.Immediate });
        await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(20)));
        await Api.DispatchAsync();

        var mail = Assert.Single(Api.Mails());
        Assert.StartsWith("Bekräfta din bevakning av Fruängen", mail.Subject);
        Assert.Matches("/bevaka/bekrafta#[A-Za-z0-9_-]{43}", mail.TextBody);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from alert_delivery"));
    }

    [Fact]
    public async Task Subscribing_an_address_already_subscribed_answers_the_same_and_mails_its_owner_a_manage_link()
    {
        await SubscribeAndConfirmAsync(Ada, ["fruangen"], AlertFrequency.Immediate);
        var again = await Api.CreateClient().PostAsJsonAsync("/api/v1/alerts/subscriptions",
            new { email = Ada.ToUpperInvariant(), areas = new[] { "vastberga" }, frequency = "weekly" });
        var fresh = await Api.CreateClient().PostAsJsonAsync("/api/v1/alerts/subscriptions",
            new { email = "ny@example.se", areas = new[] { "vastberga" }, frequency = "weekly" });
        await Api.DispatchAsync();

        Assert.Equal((System.Net.HttpStatusCode.Accepted, System.Net.HttpStatusCode.Accepted), (again.StatusCode, fresh.StatusCode));
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var owner = Api.Mails().Where(m => m.To.Mailboxes.Single().Address == Ada).Last();
        Assert.Contains("redan en bevakning: Fruängen", owner.TextBody);
        Assert.Matches("/bevaka/hantera#[A-Za-z0-9_-]{43}", owner.TextBody);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from alert_subscription where lower(email) = lower(@Ada) and not whole_district", new { Ada }));
        Assert.Equal("fruangen", await Scalar<string>("select a.slug from alert_subscription_area sa join area a on a.id = sa.area_id join alert_subscription s on s.id = sa.subscription_id where s.email = @Ada", new { Ada }));
    }

    [Fact]
    public async Task A_weekly_subscriber_gets_one_digest_listing_every_alert_of_the_week()
    {
        Api.Clock.Set(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await SubscribeAndConfirmAsync(Ada, ["hagersten-alvsjo"], AlertFrequency.Weekly);
        var staff = await Api.ClientAs(DevRole.Staff);
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(20), title: "Trygghetsdialog om Fruängens centrum"));
        var walk = Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(22), title: "Trygghetsdialog om Västberga industriområde");
        walk.AreaSlug = "vastberga";
        var other = await Registrar.OpenAsync(Api, walk);
        await staff.CancelEventAsync(other.Id, new CancelRequest { Reason = "Lokalen är vattenskadad." });
        await staff.CreateMeasureAsync(new MeasureInput { Title = "Ny belysning i gångtunneln", Description = "", AreaSlug = "fruangen", Status = MeasureStatus.Planned });
        Api.Clock.Advance(TimeSpan.FromDays(3));
        await Api.DispatchAsync();
        Assert.Single(Api.Mails()); // the confirmation: the week is not over

        Api.Clock.Advance(TimeSpan.FromDays(4));
        await Api.DispatchAsync();
        await Api.DispatchAsync();

        var digest = Assert.Single(Api.Mails().Skip(1));
        Assert.Equal(Ada, digest.To.Mailboxes.Single().Address);
        Assert.Contains("(4 st)", digest.Subject);
        Assert.Contains($"/dialoger/{dialogue.Slug}", digest.TextBody);
        Assert.Contains("Inställd: Trygghetsdialog om Västberga industriområde", digest.TextBody);
        Assert.Contains("Orsak: Lokalen är vattenskadad.", digest.TextBody);
        Assert.Contains("Åtgärd i Fruängen: Ny belysning i gångtunneln – Planerad", digest.TextBody);
        Assert.NotNull(digest.Headers["List-Unsubscribe"]);
        Assert.Equal(4, await Scalar<int>("select count(*)::int from alert_delivery"));
    }

    [Fact]
    public async Task Feedback_and_a_measure_changing_status_reach_immediate_subscribers_in_their_language()
    {
        Api.Clock.Set(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var staff = await Api.ClientAs(DevRole.Staff);
        var measure = await staff.CreateMeasureAsync(new MeasureInput { Title = "Ny belysning i gångtunneln", Description = "", AreaSlug = "fruangen", Status = MeasureStatus.Planned });
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(1)));
        Api.Clock.Advance(TimeSpan.FromMinutes(5)); // what happened before the subscription is not sent
        await SubscribeAndConfirmAsync(Ada, ["fruangen"], AlertFrequency.Immediate, AlertLanguage.En);
        await staff.UpdateMeasureAsync(measure.Id, $"\"{measure.Version}\"", new MeasureInput
        {
            Title = measure.Title,
            Description = "",
            AreaSlug = "fruangen",
            Status = MeasureStatus.InProgress,
        });
        Api.Clock.Advance(TimeSpan.FromDays(2));
        await staff.CloseEventAsync(dialogue.Id, new Closing
        {
            Minutes = "Protokoll.",
            Raised = "Belysningen.",
            Actions = "Ny belysning.",
            ParticipantsOnSite = 20,
            ParticipantsRemote = 5,
        });
        await Api.DispatchAsync();

        var subjects = Api.Mails().Skip(1).Select(m => m.Subject).Order(StringComparer.Ordinal).ToList(); // sent concurrently
        Assert.Equal(["Feedback published: Trygghetsdialog i Fruängen (Fruängen)", "Measure in Fruängen: Ny belysning i gångtunneln – In progress"], subjects);
    }

    [Fact]
    public async Task One_click_unsubscribing_erases_every_trace_of_the_address()
    {
        await SubscribeAndConfirmAsync(Ada, ["fruangen", "vastberga"], AlertFrequency.Immediate);
        await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(20)));
        await Api.DispatchAsync();
        var alert = Api.Mails().Last();
        await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(25), title: "Trygghetsvandring i Fruängen"));
        await Api.Services.GetRequiredService<Trygghet.Api.Infrastructure.PeriodicJobRunner>().RunOnceAsync(CancellationToken.None); // queued, not sent
        Assert.Equal(1, await Scalar<int>("select count(*)::int from outbox where sent_at is null and recipient = @Ada", new { Ada }));

        var url = new Uri(alert.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var response = await Api.CreateClient().PostAsync(url.PathAndQuery,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
        var again = await Api.CreateClient().PostAsync(url.PathAndQuery,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
        await Api.DispatchAsync();

        Assert.Equal((System.Net.HttpStatusCode.NoContent, System.Net.HttpStatusCode.NoContent), (response.StatusCode, again.StatusCode));
        Assert.Empty(await TablesHoldingAsync(Ada));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from alert_subscription"));
        var manage = ManageToken(alert);
        var gone = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetMyAlertSubscriptionAsync(manage));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task Closing_an_event_sends_its_registrant_the_survey_and_the_area_subscriber_the_feedback_and_unsubscribing_drops_only_the_alert()
    {
        await SubscribeAndConfirmAsync(Ada, ["fruangen"], AlertFrequency.Immediate);
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(7)));
        await Api.RegisterAsync(dialogue.Id, email: Ada);
        await Api.RegisterAsync(dialogue.Id, email: "bara.deltagare@example.se");
        await Api.DispatchAsync();
        var published = Api.Mails().Last(m => m.To.Mailboxes.Single().Address == Ada && m.Headers["List-Unsubscribe"] is not null);
        var before = Api.Mails().Count;

        Api.Clock.Set(dialogue.EndsAt.AddHours(2));
        await (await Api.ClientAs(DevRole.Staff)).CloseEventAsync(dialogue.Id, new Closing
        {
            Minutes = "Protokoll.",
            Raised = "Belysningen.",
            Actions = "Ny belysning.",
            ParticipantsOnSite = 2,
            ParticipantsRemote = 0,
        });
        await Api.Services.GetRequiredService<Trygghet.Api.Infrastructure.PeriodicJobRunner>().RunOnceAsync(CancellationToken.None); // queued, not sent
        Assert.Equal(2, await Scalar<int>("select count(*)::int from outbox where sent_at is null and recipient = @Ada", new { Ada }));
        var url = new Uri(published.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var unsubscribed = await Api.CreateClient().PostAsync(url.PathAndQuery,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
        await Api.DispatchAsync();

        Assert.Equal(System.Net.HttpStatusCode.NoContent, unsubscribed.StatusCode);
        var sent = Api.Mails().Skip(before).Select(m => (To: m.To.Mailboxes.Single().Address, Survey: m.Subject!.StartsWith("Fyra korta frågor", StringComparison.Ordinal)))
            .OrderBy(m => m.To, StringComparer.Ordinal).ToList();
        // The survey belongs to the registration and goes; the feedback alert belonged to the subscription and went with it.
        Assert.Equal([(Ada, true), ("bara.deltagare@example.se", true)], sent);
        Assert.DoesNotContain(await TablesHoldingAsync(Ada), t => t.StartsWith("alert", StringComparison.Ordinal));
        Assert.Equal(["registration.confirmed", "survey.invitation"],
            await Scalar<string[]>("select array_agg(kind order by kind) from outbox where recipient = @Ada", new { Ada }));
        Assert.Equal(2, await Scalar<int>("select count(*)::int from survey_invitation where event_id = @Id", new { dialogue.Id }));
    }

    [Fact]
    public async Task Unconfirmed_subscriptions_are_erased_after_seven_days()
    {
        Api.Clock.Set(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await Api.Client().SubscribeToAlertsAsync(new AlertSubscriptionRequest { Email = Ada, Areas = ["fruangen"], Frequency = AlertFrequency.Immediate });
        var kept = await SubscribeAndConfirmAsync("bo@example.se", ["fruangen"], AlertFrequency.Immediate);
        await Api.DispatchAsync();
        Api.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await Api.DispatchAsync();
        Assert.Equal(2, await Scalar<int>("select count(*)::int from alert_subscription"));

        Api.Clock.Advance(TimeSpan.FromMinutes(2));
        await Api.DispatchAsync();

        Assert.Empty(await TablesHoldingAsync(Ada));
        Assert.Equal("bo@example.se", (await Api.Client().GetMyAlertSubscriptionAsync(kept)).Email);
    }

    [Fact]
    public async Task The_manage_link_changes_areas_and_frequency_and_unsubscribes()
    {
        var token = await SubscribeAndConfirmAsync(Ada, ["fruangen"], AlertFrequency.Immediate);

        var changed = await Api.Client().ChangeMyAlertSubscriptionAsync(token, new AlertSubscriptionChange { Areas = ["vastberga", "midsommarkransen"], Frequency = AlertFrequency.Weekly });
        var whole = await Api.Client().ChangeMyAlertSubscriptionAsync(token, new AlertSubscriptionChange { Areas = ["hagersten-alvsjo"], Frequency = AlertFrequency.Weekly });
        var unknown = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() =>
            Api.Client().ChangeMyAlertSubscriptionAsync(token, new AlertSubscriptionChange { Areas = ["fruangn"], Frequency = AlertFrequency.Weekly }));
        await Api.Client().UnsubscribeFromAlertsAsync(token);

        Assert.Equal(["Midsommarkransen", "Västberga"], changed.Areas.Select(a => a.Name));
        Assert.Equal(AlertFrequency.Weekly, changed.Frequency);
        Assert.True(whole.WholeDistrict);
        Assert.Empty(whole.Areas);
        Assert.Contains("areas", unknown.Result.Errors!.Keys);
        Assert.Empty(await TablesHoldingAsync(Ada));
    }

    private async Task<string> SubscribeAndConfirmAsync(string email, string[] areas, AlertFrequency frequency, AlertLanguage language = AlertLanguage.Sv)
    {
        var before = Api.Mails().Count;
        await Api.Client().SubscribeToAlertsAsync(new AlertSubscriptionRequest { Email = email, Areas = areas, Frequency = frequency, Language = language });
        await Api.DispatchAsync();
        var mail = Api.Mails().Skip(before).Single(m => m.To.Mailboxes.Single().Address == email);
        var token = ConfirmLink().Match(mail.TextBody ?? "").Groups[1].Value;
        var confirmed = await Api.Client().ConfirmAlertSubscriptionAsync(token);
        Assert.True(confirmed.Confirmed);
        return token;
    }

    private static string ManageToken(MimeMessage mail) => Regex.Match(mail.TextBody ?? "", "/bevaka/hantera#([A-Za-z0-9_-]{43})").Groups[1].Value;

    /// <summary>Every table (and column) whose rows mention the text anywhere, in any case.</summary>
    private async Task<List<string>> TablesHoldingAsync(string text)
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        var tables = await conn.QueryAsync<string>("select quote_ident(tablename) from pg_tables where schemaname = 'public'");
        var holding = new List<string>();
        foreach (var table in tables)
            if (await conn.ExecuteScalarAsync<bool>($"select exists (select 1 from {table} t where t::text ilike @pattern)", new { pattern = $"%{text}%" }))
                holding.Add(table);
        return holding;
    }

    [GeneratedRegex("/bevaka/bekrafta#([A-Za-z0-9_-]{43})")]
    private static partial Regex ConfirmLink();
}
