using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Registrations;

/// <summary>An event's registrations as staff see them: the list, the export, check-in, the summary and the attendance counted.</summary>
public sealed class StaffRegistrationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

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
