using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>Base of the question tests: an open dialogue, questions asked or published, invited actors and votes, through the generated client.</summary>
public abstract class QuestionTest(ApiFixture fixture) : ApiTest(fixture)
{
    protected DateTimeOffset Now => Api.Clock.GetUtcNow();

    protected Task<EventPlan> OpenDialogueAsync(int daysAhead = 7) => Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(daysAhead)));

    protected Task<AskReceipt> AskAsync(Guid eventId, string text, string? key = null, string? name = null) =>
        Api.Client().AskQuestionAsync(eventId, key ?? Guid.NewGuid().ToString(), new QuestionRequest { Text = text, DisplayName = name });

    /// <summary>Asked and approved: a published question.</summary>
    protected async Task<Guid> PublishedAsync(Guid eventId, string text)
    {
        var receipt = await AskAsync(eventId, text);
        await (await Api.ClientAs(DevRole.Moderator)).ApproveQuestionAsync(receipt.Id, new ApprovalRequest());
        return receipt.Id;
    }

    /// <summary>An organisation invited to the event that accepted through its RSVP link, and a client with its actor token.</summary>
    protected async Task<(Actor Actor, TrygghetClient Client)> InvitedActorAsync(Guid eventId, string organisation, ActorKind kind = ActorKind.Police)
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var actor = await staff.CreateActorAsync(new ActorInput { Organisation = organisation, Kind = kind });
        var invitation = (await staff.InviteActorsAsync(eventId, new InviteRequest { ActorIds = [actor.Id] })).Single(i => i.ActorId == actor.Id);
        await Api.Client().AnswerRsvpAsync(invitation.RsvpToken!, new RsvpRequest { Answer = RsvpAnswer.Accept });
        return (actor, await Api.ClientAs(DevRole.Actor, actor.Id));
    }

    protected async Task<int> VoteAsync(Guid questionId, string? token = null)
    {
        token ??= (await Api.Client().IssueVoterTokenAsync()).Token;
        return (await Api.Client().VoteForQuestionAsync(questionId, token)).Votes;
    }
}
