using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trygghet.Api.Infrastructure;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Observations;

/// <summary>
/// A resident who gave an e-mail address with a report follows it: an acknowledgement once, then an e-mail for each change
/// the public can see, each with the public page and a link to stop following that erases the address at once. Nothing
/// that is not public is in them, and nothing is sent once the address is gone.
/// </summary>
public sealed partial class FollowReportTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const double Lat = 59.2846, Lon = 17.9694; // Fruängen

    [Fact]
    public async Task A_report_with_an_address_is_acknowledged_once_even_when_retried_with_the_same_key()
    {
        const string address = "tack.41c2@example.se";
        var key = Guid.NewGuid().ToString();
        var photo = TestPhotos.Png(60, 40);
        Task<Observation> ReportAsync() => Api.Client().ReportObservationAsync(key, ObservationCategory.Lighting, "Lampan vid gångtunneln är trasig.",
            Lat, Lon, null, "fruangen", null, address, new FileParameter(new MemoryStream(photo), "bild.png", "image/png"));

        var report = await ReportAsync();
        var retried = await ReportAsync();
        await Api.DispatchAsync();
        await Api.DispatchAsync();

        Assert.Equal(report.Id, retried.Id);
        var mail = Assert.Single(Api.Mails());
        Assert.Equal(address, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal($"Tack för din rapport (nr {report.Number})", mail.Subject);
        Assert.Contains($"Nummer: {report.Number}", mail.TextBody!);
        Assert.Contains("Kategori: Belysning", mail.TextBody!);
        Assert.Contains("Var: Fruängen (59.28460, 17.96940)", mail.TextBody!);
        Assert.Contains("Status: Rapporterad", mail.TextBody!);
        Assert.Contains("Fotot visas först när personalen har tittat på det.", mail.TextBody!);
        Assert.Contains("med platsen, kategorin och beskrivningen", mail.TextBody!); // the description was not held
        Assert.Contains(PageUrl(report.Id), mail.TextBody!);
        Assert.Contains($"href=\"{PageUrl(report.Id)}\"", mail.HtmlBody);
        Assert.Matches(StopLink(), mail.TextBody!);
        Assert.Contains("raderas din e-postadress 90 dagar efter", mail.TextBody!);
        // The outbox forgets the address once the message is sent; only the report keeps it.
        Assert.Equal(["observation.reporter_email"], await RowsHolding(address));
        Assert.Equal(1, await Scalar<int>("select count(*)::int from observation_follow_link"));
    }

    [Fact]
    public async Task A_report_made_in_English_is_followed_in_English_whoever_changes_it()
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var report = await Api.Client(http).ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Graffiti,
            "Call me on 070-123 45 67 about the tags on the wall.", Lat, Lon, null, null, null, "eng@example.se", null!);
        await (await Api.ClientAs(DevRole.Staff)).ChangeObservationStatusAsync(report.Id,
            new StatusChangeRequest { Status = ObservationStatus.Investigating, Note = "Vi tittar på saken." });
        await Api.DispatchAsync();

        var mails = Api.Mails().OrderBy(m => m.Subject!.StartsWith("Your", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Equal($"Thank you for your report (no. {report.Number})", mails[0].Subject);
        Assert.Contains("Category: Graffiti and vandalism", mails[0].TextBody!);
        Assert.Contains("The description is reviewed before it is shown", mails[0].TextBody!);
        Assert.Contains("with its place and category", mails[0].TextBody!);
        Assert.DoesNotContain("070-123", mails[0].TextBody!); // a held description is not public, so it is not in the mail
        Assert.DoesNotContain("070-123", mails[0].HtmlBody);
        Assert.Equal($"Your report no. {report.Number}: Being investigated", mails[1].Subject);
        Assert.Contains("New status: Being investigated", mails[1].TextBody!);
        Assert.Contains("Note: Vi tittar på saken.", mails[1].TextBody!);
    }

    [Fact]
    public async Task A_status_change_with_a_note_and_an_assignment_are_e_mailed_with_the_note_the_page_and_a_new_stop_link()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var actor = await staff.CreateActorAsync(new ActorInput { Organisation = "Trafikkontoret", Kind = ActorKind.Administration });
        var report = await ReportAsync("folj.9d0e@example.se");
        await Api.DispatchAsync();

        await staff.ChangeObservationStatusAsync(report.Id, new StatusChangeRequest { Status = ObservationStatus.Planned, Note = "Lampan byts vecka 12." });
        await staff.AssignObservationAsync(report.Id, new AssignRequest { ActorId = actor.Id, Deadline = new DateTimeOffset(2027, 3, 26, 0, 0, 0, TimeSpan.Zero) });
        await Api.DispatchAsync();

        var mails = Api.Mails();
        Assert.Equal(3, mails.Count);
        var status = Assert.Single(mails, m => m.TextBody!.Contains("Ny status", StringComparison.Ordinal));
        Assert.Equal($"Din rapport nr {report.Number}: Planerad", status.Subject);
        Assert.Contains($"(nr {report.Number}, Belysning, Fruängen)", status.TextBody!);
        Assert.Contains("Ny status: Planerad", status.TextBody!);
        Assert.Contains("Kommentar: Lampan byts vecka 12.", status.TextBody!);
        Assert.Contains(PageUrl(report.Id), status.TextBody!);
        Assert.Contains("Kommentar: Lampan byts vecka 12.", status.HtmlBody);
        var assigned = Assert.Single(mails, m => m.TextBody!.Contains("Ansvarig", StringComparison.Ordinal));
        Assert.Contains("Ansvarig: Trafikkontoret", assigned.TextBody!);
        Assert.Contains("Ska vara klart: 26 mars 2027", assigned.TextBody!);
        Assert.Contains("Status: Planerad", assigned.TextBody!);
        Assert.DoesNotContain("Kommentar", assigned.TextBody!);
        var links = mails.Select(m => StopLink().Match(m.TextBody!).Groups[1].Value).ToList();
        Assert.Equal(3, links.Distinct().Count()); // a new link in every mail; each one works
        Assert.Equal(3, await Scalar<int>("select count(*)::int from observation_follow_link where observation_id = @Id", new { report.Id }));
    }

    [Fact]
    public async Task The_held_description_and_photo_published_or_removed_are_e_mailed_without_what_was_held()
    {
        var staff = await Api.ClientAs(DevRole.Moderator);
        var report = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Other,
            "Ring mig på 070-123 45 67 om buskarna vid skolan.", Lat, Lon, null, null, null, "granskad@example.se",
            new FileParameter(new MemoryStream(TestPhotos.Png(60, 40)), "bild.png", "image/png"));
        await Api.DispatchAsync();

        await staff.RedactObservationDescriptionAsync(report.Id, new DescriptionRedaction { Text = "Buskarna vid skolan skymmer gångvägen." });
        await staff.RemoveObservationPhotoAsync(report.Id);
        await Api.DispatchAsync();

        var mails = Api.Mails();
        Assert.Equal(3, mails.Count);
        var edited = Assert.Single(mails, m => m.TextBody!.Contains("En moderator har redigerat beskrivningen och publicerat den.", StringComparison.Ordinal));
        Assert.Contains("Status: Rapporterad", edited.TextBody!);
        Assert.Single(mails, m => m.TextBody!.Contains("Ditt foto publicerades inte och har raderats.", StringComparison.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain("070-123", m.TextBody! + m.HtmlBody));
    }

    [Fact]
    public async Task A_change_the_public_cannot_see_or_a_refused_one_sends_nothing()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var actor = await staff.CreateActorAsync(new ActorInput { Organisation = "Stockholm Vatten", Kind = ActorKind.Administration });
        var report = await ReportAsync("tyst.5a7b@example.se");
        var assignment = new AssignRequest { ActorId = actor.Id };
        await staff.AssignObservationAsync(report.Id, assignment);
        await Api.DispatchAsync();
        var before = Api.Mails().Count;

        await staff.AssignObservationAsync(report.Id, assignment); // the same organisation, no deadline: nothing new to see
        var refused = await Assert.ThrowsAnyAsync<ApiException>(() =>
            staff.ChangeObservationStatusAsync(report.Id, new StatusChangeRequest { Status = ObservationStatus.Reported }));
        var other = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Litter, "Full papperskorg.", Lat, Lon,
            null, null, null, null, null!);
        await staff.ChangeObservationStatusAsync(other.Id, new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Tömd." });
        await Api.DispatchAsync();

        Assert.Equal(2, before); // the acknowledgement and the first assignment
        Assert.Equal(409, refused.StatusCode);
        Assert.Equal(before, Api.Mails().Count);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox where sent_at is null"));
    }

    [Fact]
    public async Task Stopping_erases_the_address_at_once_with_the_unsent_mail_and_nothing_more_is_sent()
    {
        const string address = "sluta.0c3f@example.se";
        var staff = await Api.ClientAs(DevRole.Staff);
        var report = await ReportAsync(address);
        await Api.DispatchAsync();
        var token = StopLink().Match(Assert.Single(Api.Mails()).TextBody!).Groups[1].Value;
        await staff.ChangeObservationStatusAsync(report.Id, new StatusChangeRequest { Status = ObservationStatus.Investigating, Note = "Vi tittar." });
        var waiting = await RowsHolding(address);

        await Api.Client().StopFollowingObservationAsync(token);
        var after = await RowsHolding(address);
        await Api.Client().StopFollowingObservationAsync(token); // again: the same answer
        await staff.ChangeObservationStatusAsync(report.Id, new StatusChangeRequest { Status = ObservationStatus.Fixed, Note = "Lagad." });
        await Api.DispatchAsync();
        var unknown = await Stop("Zr5Tq1Wx8Km3Pv7Ny2Lb6Hd0Fg4Js9Ac-e_Oi1Uw5Qy");
        var malformed = await Stop("kort");

        Assert.Equal(["observation.reporter_email", "outbox.recipient"], waiting.Order());
        Assert.Empty(after);
        Assert.Single(Api.Mails()); // the acknowledgement only
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox where sent_at is null"));
        Assert.Equal(1, await Scalar<int>("select count(*)::int from audit_log where action = 'observation.stopFollowing'"));
        Assert.Equal(ObservationStatus.Fixed, (await Api.Client().GetObservationAsync(report.Id)).Status); // the report itself goes on
        Assert.Equal((404, "Länken finns inte. Den kan vara felskriven."), ((await Problems.ReadAsync(unknown)).Status, (await Problems.ReadAsync(unknown)).Detail));
        var problem = await Problems.ReadAsync(malformed);
        Assert.Equal(400, problem.Status);
        Assert.Contains("X-Follow-Token", problem.Errors.Keys);
    }

    [Fact]
    public async Task When_retention_erases_the_address_its_unsent_mail_goes_with_it_and_nothing_more_is_sent()
    {
        const string address = "gallrad.77e1@example.se";
        var staff = await Api.ClientAs(DevRole.Staff);
        var report = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Lighting, "Lampan vid trappan är trasig.",
            Lat, Lon, null, null, null, address, new FileParameter(new MemoryStream(TestPhotos.Png(60, 40)), "bild.png", "image/png"));
        await staff.ChangeObservationStatusAsync(report.Id, new StatusChangeRequest { Status = ObservationStatus.Fixed, Note = "Lampan är lagad." });
        await Api.DispatchAsync();
        var token = StopLink().Match(Api.Mails()[0].TextBody!).Groups[1].Value;
        // A message still waiting when the report's personal data is due (the mail server away for months, say).
        await staff.ClearObservationPhotoAsync(report.Id);
        await Scalar<int>("update outbox set available_at = available_at + interval '1 year' where sent_at is null returning 1");

        Api.Clock.Set(Api.Clock.GetUtcNow().AddDays(91));
        await Api.DispatchAsync();
        var erased = await RowsHolding(address);
        await staff.ChangeObservationStatusAsync(report.Id, new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Avslutad." });
        await Api.DispatchAsync();
        using var stop = await Stop(token);

        Assert.Empty(erased);
        Assert.Equal(2, Api.Mails().Count); // the acknowledgement and "fixed", sent before the erasure
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox where sent_at is null"));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox where observation_id = @Id and recipient <> ''", new { report.Id }));
        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode); // the link still answers: the address is gone either way
    }

    [Fact]
    public async Task A_report_without_an_address_sends_nothing_and_has_no_link()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var report = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Lighting, "Mörkt vid busshållplatsen.",
            Lat, Lon, null, null, null, null, new FileParameter(new MemoryStream(TestPhotos.Png(60, 40)), "bild.png", "image/png"));

        await staff.ClearObservationPhotoAsync(report.Id);
        await staff.ChangeObservationStatusAsync(report.Id, new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Belysningen är lagad." });
        await Api.DispatchAsync();

        Assert.Empty(Api.Mails());
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox"));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from observation_follow_link"));
    }

    private Task<Observation> ReportAsync(string email) => Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Lighting,
        "Lampan vid trappan är trasig.", Lat, Lon, null, null, null, email, null!);

    private string PageUrl(Guid id) => $"{Api.Services.GetRequiredService<SiteOptions>().PublicUrl.TrimEnd('/')}/iakttagelser/{id}";

    private async Task<HttpResponseMessage> Stop(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/observations/follow/stop") { Headers = { { "X-Follow-Token", token } } };
        return await Api.CreateClient().SendAsync(request);
    }

    [GeneratedRegex(@"/iakttagelser/sluta-folja#([A-Za-z0-9_-]{43})\n")]
    private static partial Regex StopLink();

    /// <summary>Every column of every table that holds the value (text as text, bytes as UTF-8), as <c>table.column</c>.</summary>
    private async Task<List<string>> RowsHolding(string value)
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        var columns = await conn.QueryAsync<(string Table, string Column, string Type)>("""
            select c.table_name, c.column_name, c.data_type from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
            where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
            """);
        var holding = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var condition = type == "bytea"
                ? $"position(convert_to(@value, 'UTF8') in \"{column}\") > 0"
                : $"strpos(lower(\"{column}\"::text), lower(@value)) > 0";
            if (await conn.ExecuteScalarAsync<bool>($"select exists (select 1 from \"{table}\" where {condition})", new { value }))
                holding.Add($"{table}.{column}");
        }
        return holding;
    }
}
