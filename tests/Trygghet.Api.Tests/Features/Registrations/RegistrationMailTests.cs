using Microsoft.Extensions.DependencyInjection;
using Trygghet.Api.Infrastructure;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Registrations;

public sealed class RegistrationMailTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    private async Task RunJobsAsync()
    {
        foreach (var job in Api.Services.GetServices<IPeriodicJob>()) await job.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Confirmation_and_waitlist_mails_are_real_MIME_files_with_the_manage_link_and_a_calendar()
    {
        var input = Planner.Dialogue(Now.AddDays(30), EventFormat.OnSite);
        input.CapacityOnSite = 1;
        var e = await Registrar.OpenAsync(Api, input);
        var ada = await Api.RegisterAsync(e.Id);
        await Api.RegisterAsync(e.Id, email: null); // no e-mail, no message
        var bea = await Api.Client().RegisterForDialogueAsync(e.Id, Guid.NewGuid().ToString(),
            new RegistrationRequest { Mode = RegistrationMode.OnSite, ConsentVersion = Registrar.Consent, Email = "bea@example.se" });

        Assert.Equal(2, await Api.DispatchAsync());
        var mails = Api.Mails();
        Assert.Equal(2, mails.Count);
        var confirmation = mails.Single(m => m.To.Mailboxes.Single().Address == "ada@example.se");
        var waitlist = mails.Single(m => m.To.Mailboxes.Single().Address == "bea@example.se");
        Assert.StartsWith("Anmälan bekräftad: ", confirmation.Subject);
        Assert.Equal(ada.ManageToken, Registrar.ManageToken(confirmation));
        Assert.Contains("BEGIN:VEVENT", await MailFolder.CalendarOf(confirmation));
        Assert.StartsWith("Du står på väntelistan", waitlist.Subject);
        Assert.Contains("nummer 2 på väntelistan", waitlist.TextBody); // after the one registered without e-mail
        Assert.Equal(bea.ManageToken, Registrar.ManageToken(waitlist));
        Assert.Null(await MailFolder.CalendarOf(waitlist));
        Assert.Equal(2, await Scalar<int>("select count(*)::int from outbox where sent_at is not null and body = ''")); // links not kept once sent
        Assert.Equal(0, await Api.DispatchAsync());
    }

    [Fact]
    public async Task The_on_site_confirmation_carries_the_check_in_code_in_its_text_and_HTML_parts()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(30), EventFormat.Hybrid));
        var onSite = await Api.RegisterAsync(e.Id);
        var remote = await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "bo@example.se");
        await Api.DispatchAsync();

        var mails = Api.Mails();
        var confirmation = mails.Single(m => m.To.Mailboxes.Single().Address == "ada@example.se");
        Assert.Contains($"Din incheckningskod: {onSite.CheckInCode}", confirmation.TextBody);
        Assert.Contains($"Din incheckningskod: {onSite.CheckInCode}", confirmation.HtmlBody);
        Assert.Contains($"/anmalan#{onSite.ManageToken}\">", confirmation.HtmlBody); // the manage link is a link
        // Remote participants check in by joining: their code would only confuse.
        var remoteMail = mails.Single(m => m.To.Mailboxes.Single().Address == "bo@example.se");
        Assert.DoesNotContain(remote.CheckInCode, remoteMail.TextBody);
        Assert.DoesNotContain("incheckningskod", remoteMail.HtmlBody);
    }

    [Fact]
    public async Task A_registration_made_in_English_is_answered_in_English()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(30)));
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        await new TrygghetClient(http.BaseAddress!, http).RegisterForDialogueAsync(e.Id, Guid.NewGuid().ToString(),
            new RegistrationRequest { Mode = RegistrationMode.Remote, ConsentVersion = Registrar.Consent, Email = "visitor@example.se" });
        await Api.DispatchAsync();

        var mail = Assert.Single(Api.Mails());
        Assert.StartsWith("Registration confirmed: ", mail.Subject);
        Assert.Contains("The meeting link is shown on your registration page from 30 minutes before the start.", mail.TextBody);
        Assert.Contains("When: ", mail.TextBody);
    }

    [Fact]
    public async Task A_failing_mail_folder_loses_nothing_and_several_dispatchers_send_each_message_once()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(30)));
        for (var i = 0; i < 30; i++) await Api.RegisterAsync(e.Id, email: $"person{i}@example.se");
        File.WriteAllText(Api.MailDirectory, "a file where the mail folder should be");
        try
        {
            await Api.DispatchAsync();
            await Api.DispatchAsync();
        }
        finally
        {
            File.Delete(Api.MailDirectory);
        }
        Assert.Equal(30, await Scalar<int>("select count(*)::int from outbox where sent_at is null and attempts = 1 and last_error is not null"));
        Api.Clock.Set(Now.AddMinutes(5));

        // Three instances' dispatchers at once: SKIP LOCKED hands each message to exactly one.
        var dispatchers = Enumerable.Range(0, 3).Select(_ => Api.DispatchAsync());
        await Task.WhenAll(dispatchers);
        await Api.DispatchAsync();

        var recipients = Api.Mails().Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(30, recipients.Count);
        Assert.Equal(30, recipients.Distinct().Count());
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox where sent_at is null"));
    }

    [Fact]
    public async Task A_reminder_goes_once_before_the_start_with_a_second_link_and_both_links_work()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(10)));
        var ada = await Api.RegisterAsync(e.Id);
        await Api.DispatchAsync();

        Api.Clock.Set(e.StartsAt.AddHours(-48).AddMinutes(-1));
        await Api.DispatchAsync();
        Assert.Single(Api.Mails());
        Api.Clock.Set(e.StartsAt.AddHours(-48));
        await Api.DispatchAsync();
        await Api.DispatchAsync();

        var reminder = Api.Mails().Last();
        Assert.Equal(2, Api.Mails().Count);
        Assert.StartsWith("Påminnelse: ", reminder.Subject);
        Assert.Contains("BEGIN:VEVENT", await MailFolder.CalendarOf(reminder));
        var second = Registrar.ManageToken(reminder);
        Assert.NotEqual(ada.ManageToken, second);
        Assert.Equal(ada.Id, (await Api.Client().GetMyRegistrationAsync(second)).Id);
        Assert.Equal(ada.Id, (await Api.Client().GetMyRegistrationAsync(ada.ManageToken)).Id);
    }

    [Fact]
    public async Task When_the_event_is_cancelled_every_registrant_is_told_with_a_cancelled_calendar_entry()
    {
        var input = Planner.Dialogue(Now.AddDays(30));
        input.CapacityOnSite = 1;
        var e = await Registrar.OpenAsync(Api, input);
        await Api.RegisterAsync(e.Id, email: "ada@example.se");
        await Api.RegisterAsync(e.Id, email: "bea@example.se"); // waitlisted
        await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "cid@example.se", name: null);
        var gone = await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "gone@example.se");
        await Api.Client().CancelMyRegistrationAsync(gone.ManageToken);
        await Api.DispatchAsync();
        var before = Api.Mails().Count;

        await (await Api.ClientAs(DevRole.Staff)).CancelEventAsync(e.Id, new CancelRequest { Reason = "Lokalen har vattenskada." });
        await Api.DispatchAsync();

        var told = Api.Mails().Skip(before).ToList();
        Assert.Equal(["ada@example.se", "bea@example.se", "cid@example.se"], told.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(told, m => Assert.StartsWith("Inställt: ", m.Subject));
        Assert.All(told, m => Assert.Contains("Lokalen har vattenskada.", m.TextBody));
        foreach (var mail in told) Assert.Contains("STATUS:CANCELLED", await MailFolder.CalendarOf(mail));
    }

    [Fact]
    public async Task When_the_event_moves_everyone_registered_is_told_and_reminded_again_before_the_new_time()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(10)));
        await Api.RegisterAsync(e.Id);
        Api.Clock.Set(e.StartsAt.AddHours(-40));
        await Api.DispatchAsync(); // confirmation and reminder
        var newStart = e.StartsAt.AddDays(14);

        await (await Api.ClientAs(DevRole.Staff)).RescheduleEventAsync(e.Id, new RescheduleRequest { StartsAt = newStart, EndsAt = newStart.AddHours(2) });
        await Api.DispatchAsync();
        var moved = Api.Mails().Last();
        Api.Clock.Set(newStart.AddHours(-47));
        await Api.DispatchAsync();

        var subjects = Api.Mails().Select(m => m.Subject ?? "").ToList();
        Assert.Equal(4, subjects.Count);
        Assert.StartsWith("Ny tid: ", moved.Subject);
        Assert.Contains("SEQUENCE:1", await MailFolder.CalendarOf(moved));
        Assert.Equal(2, subjects.Count(s => s.StartsWith("Påminnelse: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Personal_data_is_erased_after_the_retention_time_and_on_request_while_counts_remain()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(3)));
        var ada = await Api.RegisterAsync(e.Id);
        var bea = await Api.RegisterAsync(e.Id, RegistrationMode.Remote, email: "bea@example.se", name: "Bea");
        await (await Api.ClientAs(DevRole.Staff)).CheckInAsync(e.Id, new CheckInRequest { Code = ada.CheckInCode });

        // Erasure on request: at once, with the unsent message; the place is kept.
        await Api.Client().EraseMyPersonalDataAsync(bea.ManageToken);
        var erased = await Api.Client().GetMyRegistrationAsync(bea.ManageToken);
        Assert.True(erased.PersonalDataErased);
        Assert.Equal((null, null, RegistrationStatus.Confirmed), (erased.Email, erased.Name, erased.Status));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox where recipient = 'bea@example.se'"));
        await Api.DispatchAsync();
        Assert.Equal(1, await Scalar<int>("select count(*)::int from outbox where recipient = 'ada@example.se' and sent_at is not null"));

        // After the event: kept for 30 days, then erased; counts and attendance remain.
        Api.Clock.Set(e.EndsAt.AddDays(30).AddMinutes(-1));
        await RunJobsAsync();
        Assert.Equal("ada@example.se", (await Api.Client().GetMyRegistrationAsync(ada.ManageToken)).Email);
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunJobsAsync();

        var view = await Api.Client().GetMyRegistrationAsync(ada.ManageToken);
        Assert.True(view.PersonalDataErased);
        Assert.Equal((null, null, null), (view.Email, view.Name, view.AccessibilityNeeds));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from registration where email is not null or name is not null or needs is not null"));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox where recipient like '%@%' and registration_id is not null"));
        var summary = await (await Api.ClientAs(DevRole.Staff)).GetRegistrationSummaryAsync(e.Id);
        Assert.Equal((1, 1, 1), (summary.OnSite.Confirmed, summary.OnSite.Attended, summary.Remote.Confirmed));
    }

    [Fact]
    public async Task Stored_answers_to_idempotent_requests_reveal_nothing_and_are_forgotten_after_a_day()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(30)));
        var receipt = await Api.RegisterAsync(e.Id, key: "retry-key-0001");

        var stored = await Scalar<byte[]>("select response from idempotency_key");
        Assert.DoesNotContain(receipt.ManageToken, System.Text.Encoding.UTF8.GetString(stored));
        Assert.Equal(receipt.ManageToken, Idempotency.Open<Trygghet.Api.Features.Registrations.RegistrationReceipt>("retry-key-0001", stored).ManageToken);
        Api.Clock.Set(Now.AddDays(1).AddMinutes(1));
        await RunJobsAsync();
        Assert.Equal(0, await Scalar<int>("select count(*)::int from idempotency_key"));
    }
}
