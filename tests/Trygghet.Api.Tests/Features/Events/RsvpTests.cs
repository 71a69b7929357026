using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

public sealed class RsvpTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task An_actor_answers_through_the_secret_link_and_staff_see_the_answer()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var (police, _) = await planner.RequiredActorsAsync();
        var invitation = Assert.Single(await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id] }));

        var view = await Api.Client().GetRsvpAsync(invitation.RsvpToken!);
        var answered = await Api.Client().AnswerRsvpAsync(invitation.RsvpToken!, new RsvpRequest { Answer = RsvpAnswer.Accept, Note = "Två poliser kommer." });
        var listed = Assert.Single(await planner.Staff.ListInvitationsAsync(draft.Id));
        var reinvited = Assert.Single(await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id] }));

        Assert.Equal(("Lokalpolisområde Globen", InvitationStatus.Pending), (view.Organisation, view.Status));
        Assert.Equal(InvitationStatus.Accepted, answered.Status);
        Assert.Equal((InvitationStatus.Accepted, "Två poliser kommer."), (listed.Status, listed.Note));
        Assert.Null(listed.RsvpToken);
        Assert.Null(reinvited.RsvpToken);
        Assert.Equal(0L, await Scalar<long>("select count(*) from invitation where token_hash = convert_to(@t, 'UTF8')", new { t = invitation.RsvpToken }));
        var unknown = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetRsvpAsync(new string('A', 43)));
        Assert.Equal(404, unknown.StatusCode);
    }
}
