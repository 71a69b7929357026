using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Registrations;

/// <summary>The meeting link of a remote event, and who may see it when.</summary>
public sealed class JoinMeetingTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

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
}
