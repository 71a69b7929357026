using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>Answers from invited actors and from staff, written or given live.</summary>
public sealed class AnswerQuestionTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task Actors_answer_for_their_organisation_staff_for_the_administration_and_a_question_can_be_answered_live()
    {
        var e = await OpenDialogueAsync();
        var staff = await Api.ClientAs(DevRole.Staff);
        var (_, actor) = await InvitedActorAsync(e.Id, "Polisen lokalpolisområde Globen");
        var question = await PublishedAsync(e.Id, "Hur arbetar polisen mot narkotikaförsäljning vid centrum?");
        var pending = await AskAsync(e.Id, "En obesvarad väntande fråga.");

        await actor.AnswerQuestionAsync(question, new AnswerRequest { Text = "Vi har förstärkt närvaron på kvällstid sedan i våras." });
        var answered = await staff.AnswerQuestionAsync(question, new AnswerRequest { Live = true });
        var empty = await Assert.ThrowsAnyAsync<ApiException>(() => staff.AnswerQuestionAsync(question, new AnswerRequest()));
        var onPending = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.AnswerQuestionAsync(pending.Id, new AnswerRequest { Live = true }));
        var listed = Assert.Single((await Api.Client().ListQuestionsAsync(e.Slug)).Items);

        Assert.True(answered.AnsweredLive);
        Assert.Equal((400, 409), (empty.StatusCode, onPending.StatusCode));
        Assert.True(listed.Answered);
        Assert.Collection(listed.Answers,
            a => Assert.Equal(("Polisen lokalpolisområde Globen", AnswerAuthorKind.Actor, (ActorKind?)ActorKind.Police, false),
                (a.Author, a.AuthorKind, a.ActorKind, a.Live)),
            a => Assert.Equal(("Hägersten-Älvsjö stadsdelsförvaltning", AnswerAuthorKind.Staff, (string?)null, true), (a.Author, a.AuthorKind, a.Text, a.Live)));
    }

    [Fact]
    public async Task Only_actors_that_accepted_an_invitation_answer_and_their_text_is_screened_before_it_is_public()
    {
        var e = await OpenDialogueAsync();
        var other = await OpenDialogueAsync();
        var staff = await Api.ClientAs(DevRole.Staff);
        var (police, invited) = await InvitedActorAsync(e.Id, "Polisen lokalpolisområde Globen");
        var (_, elsewhere) = await InvitedActorAsync(other.Id, "Familjebostäder");
        var declined = await staff.CreateActorAsync(new ActorInput { Organisation = "Stockholm Exergi", Kind = ActorKind.PropertyOwner });
        var rsvp = (await staff.InviteActorsAsync(e.Id, new InviteRequest { ActorIds = [declined.Id] })).Single(i => i.ActorId == declined.Id);
        await Api.Client().AnswerRsvpAsync(rsvp.RsvpToken!, new RsvpRequest { Answer = RsvpAnswer.Decline });
        var question = await PublishedAsync(e.Id, "Vad gör polisen åt mopedåkningen i parken?");
        var answer = new AnswerRequest { Text = "Vi patrullerar där fredagar och lördagar." };

        var uninvited = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => elsewhere.AnswerQuestionAsync(question, answer));
        var declinedClient = await Api.ClientAs(DevRole.Actor, declined.Id);
        var notAccepted = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => declinedClient.AnswerQuestionAsync(question, answer));
        var flagged = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            invited.AnswerQuestionAsync(question, new AnswerRequest { Text = "Ring vår kontaktperson på 070-123 45 67." }));
        await invited.AnswerQuestionAsync(question, answer);
        var staffAnswer = await staff.AnswerQuestionAsync(question, new AnswerRequest { Text = "Förvaltningen ser över belysningen." });

        Assert.Equal((403, 403, 422), (uninvited.StatusCode, notAccepted.StatusCode, flagged.StatusCode));
        var findings = JsonDocument.Parse(flagged.Result.AdditionalProperties["findings"].ToString()!).RootElement;
        Assert.Equal(("text", "phoneNumber"), (findings[0].GetProperty("field").GetString(), findings[0].GetProperty("kind").GetString()));
        Assert.Equal([police.Organisation, "Hägersten-Älvsjö stadsdelsförvaltning"], staffAnswer.Answers.Select(a => a.Author));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from question_answer where text like '%070%'"));
    }
}
