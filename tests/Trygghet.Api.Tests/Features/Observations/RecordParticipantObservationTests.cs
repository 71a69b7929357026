using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Observations;

public sealed class RecordParticipantObservationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task A_walk_participant_records_an_observation_through_the_manage_link_during_the_walk()
    {
        var walk = await Registrar.OpenAsync(Api, Planner.Walk(Now.AddDays(20)));
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(20)));
        var participant = await Api.Client().RegisterForWalkAsync(walk.Id, Guid.NewGuid().ToString(),
            new RegistrationRequest { Mode = RegistrationMode.OnSite, ConsentVersion = Registrar.Consent });
        var dialogueParticipant = await Api.RegisterAsync(dialogue.Id, email: null);
        var input = new ParticipantObservationInput { Category = ObservationCategory.Vegetation, Description = "Höga buskar skymmer entrén.", Severity = 3, Lat = 59.2846, Lon = 17.9694 };

        var early = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().RecordParticipantObservationAsync(participant.ManageToken, input));
        Api.Clock.Set(walk.StartsAt.AddMinutes(30));
        var observation = await Api.Client().RecordParticipantObservationAsync(participant.ManageToken, input);
        var notAWalk = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().RecordParticipantObservationAsync(dialogueParticipant.ManageToken, input));

        Assert.Equal(409, early.StatusCode);
        Assert.Equal((walk.Id, "fruangen"), (observation.WalkId, observation.Area.Slug));
        Assert.Equal(409, notAWalk.StatusCode);
        Assert.Equal("participant", await Scalar<string>("select reporter_kind from observation"));
    }
}
