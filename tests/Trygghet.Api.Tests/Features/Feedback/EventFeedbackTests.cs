using Trygghet.Client;
using static Trygghet.Api.Tests.Support.ObservationInputs;

namespace Trygghet.Api.Tests.Features.Feedback;

public sealed class EventFeedbackTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task The_feedback_of_a_closed_walk_assembles_what_was_raised_answered_and_done()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var walk = await Registrar.OpenAsync(Api, Planner.Walk(Now.AddDays(5)));
        var observation = await staff.RecordObservationAsync(At(59.2846, 17.9694, walk: walk.Id));
        await staff.RecordObservationAsync(At(59.2846, 17.9694)); // not from this walk
        var measure = await staff.CreateMeasureAsync(new MeasureInput
        {
            Title = "Belysning vid tunnelbaneentrén",
            Description = "",
            AreaSlug = "fruangen",
            Status = MeasureStatus.Planned,
            ObservationIds = [observation.Id],
            EventIds = [walk.Id],
        });
        var early = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetWalkFeedbackAsync(walk.Slug));
        Api.Clock.Set(walk.EndsAt.AddHours(1));
        await staff.CloseEventAsync(walk.Id, new Closing
        {
            Minutes = "Vi gick rundan kring centrum.",
            Raised = "Mörkt vid entrén.",
            Actions = "Belysningen ses över.",
            ParticipantsOnSite = 14,
            ParticipantsRemote = 0,
        });

        var feedback = await Api.Client().GetWalkFeedbackAsync(walk.Slug);

        Assert.Equal(409, early.StatusCode);
        Assert.Equal(("Mörkt vid entrén.", "Belysningen ses över.", 14), (feedback.Raised, feedback.Actions, feedback.ParticipantsOnSite));
        Assert.Equal(observation.Id, Assert.Single(feedback.Observations).Id);
        Assert.Equal(measure.Id, Assert.Single(feedback.Measures).Id);
    }
}
