using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

public sealed class EventLifecycleTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task A_published_event_is_rescheduled_then_cancelled_with_a_public_reason()
    {
        var planner = await Planner.StaffAsync(Api);
        var published = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));

        var timeEdit = Planner.Dialogue(published.StartsAt.AddDays(1));
        var moveByEdit = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.UpdateEventAsync(published.Id, $"\"{published.Version}\"", timeEdit));
        var moved = await planner.Staff.RescheduleEventAsync(published.Id, new RescheduleRequest { StartsAt = published.StartsAt.AddDays(7), EndsAt = published.EndsAt.AddDays(7) });
        var cancelled = await planner.Staff.CancelEventAsync(published.Id, new CancelRequest { Reason = "Lokalen är vattenskadad." });
        var again = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.CancelEventAsync(published.Id, new CancelRequest { Reason = "Igen." }));

        Assert.Equal(409, moveByEdit.StatusCode);
        Assert.Equal(EventStatus.Rescheduled, moved.Status);
        Assert.Equal(published.StartsAt.AddDays(7), moved.StartsAt);
        Assert.Equal(published.Sequence + 1, moved.Sequence);
        Assert.Equal((EventStatus.Cancelled, "Lokalen är vattenskadad."), (cancelled.Status, cancelled.CancelReason));
        Assert.Equal(moved.Sequence + 1, cancelled.Sequence);
        Assert.Equal(409, again.StatusCode);
    }

    [Fact]
    public async Task An_event_is_held_once_it_has_ended_and_then_closed_with_minutes_and_feedback()
    {
        var planner = await Planner.StaffAsync(Api);
        var published = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var closing = new Closing { Minutes = "Ett fyrtiotal deltog.", ParticipantsOnSite = 38, ParticipantsRemote = 17, Raised = "Belysningen i gångtunneln.", Actions = "Trafikkontoret byter armaturer i maj." };

        var early = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => planner.Staff.CloseEventAsync(published.Id, closing));
        Api.Clock.Set(published.EndsAt.AddMinutes(1));
        var held = await planner.Staff.GetEventPlanAsync(published.Id);
        var reschedule = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.RescheduleEventAsync(published.Id, new RescheduleRequest { StartsAt = Now.AddDays(1), EndsAt = Now.AddDays(1).AddHours(2) }));
        var closed = await planner.Staff.CloseEventAsync(published.Id, closing);

        Assert.Equal(409, early.StatusCode);
        Assert.Equal(EventStatus.Held, held.Status);
        Assert.Equal(409, reschedule.StatusCode);
        Assert.Equal(EventStatus.Closed, closed.Status);
        Assert.Equal((38, 17), (closed.Closing!.ParticipantsOnSite, closed.Closing.ParticipantsRemote));
        Assert.Equal("Trafikkontoret byter armaturer i maj.", closed.Closing.Actions);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("reschedule")]
    [InlineData("cancel")]
    [InlineData("close")]
    public async Task Illegal_transitions_are_409_and_change_nothing(string action)
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var target = action == "publish" ? await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(31))) : draft;
        var closing = new Closing { Minutes = "m", Raised = "r", Actions = "a" };

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => action switch
        {
            "publish" => planner.Staff.PublishEventAsync(target.Id, new PublishRequest()),
            "reschedule" => planner.Staff.RescheduleEventAsync(target.Id, new RescheduleRequest { StartsAt = Now.AddDays(40), EndsAt = Now.AddDays(40).AddHours(1) }),
            "cancel" => planner.Staff.CancelEventAsync(target.Id, new CancelRequest { Reason = "r" }),
            _ => planner.Staff.CloseEventAsync(target.Id, closing),
        });

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(target.Version, (await planner.Staff.GetEventPlanAsync(target.Id)).Version);
    }

    [Fact]
    public async Task A_cancelled_or_closed_event_can_no_longer_be_edited_or_invited_to()
    {
        var planner = await Planner.StaffAsync(Api);
        var cancelled = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        cancelled = await planner.Staff.CancelEventAsync(cancelled.Id, new CancelRequest { Reason = "Inställt." });
        var (police, _) = await planner.RequiredActorsAsync();

        var edit = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.UpdateEventAsync(cancelled.Id, $"\"{cancelled.Version}\"", Planner.Dialogue(cancelled.StartsAt)));
        var invite = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.InviteActorsAsync(cancelled.Id, new InviteRequest { ActorIds = [police.Id] }));

        Assert.Equal((409, 409), (edit.StatusCode, invite.StatusCode));
    }
}
