using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>What a dialogue's questions leave behind: its feedback, the engagement figures and the signals for a follow-up.</summary>
public sealed class QuestionFollowUpTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task A_closed_dialogue_feedback_lists_its_questions_and_answers_and_engagement_counts_them()
    {
        var e = await OpenDialogueAsync();
        var staff = await Api.ClientAs(DevRole.Staff);
        var answered = await PublishedAsync(e.Id, "Vad görs åt klottret i tunneln?");
        await PublishedAsync(e.Id, "När kommer nya lampor i parken?");
        var rejected = await AskAsync(e.Id, "En fråga som avvisas.");
        await (await Api.ClientAs(DevRole.Moderator)).RejectQuestionAsync(rejected.Id, new RejectionRequest { Reason = "Utanför ämnet." });
        await staff.AnswerQuestionAsync(answered, new AnswerRequest { Text = "Klottret saneras inom 24 timmar." });
        Api.Clock.Set(e.EndsAt.AddHours(1));
        await staff.CloseEventAsync(e.Id, new Closing { Minutes = "Protokoll.", Raised = "Klotter och belysning.", Actions = "Sanering.", ParticipantsOnSite = 20, ParticipantsRemote = 5 });

        var feedback = await Api.Client().GetDialogueFeedbackAsync(e.Slug);
        var engagement = await Api.Client().GetEngagementAsync("fruangen", null, null);

        Assert.Equal(2, feedback.Questions.Count);
        Assert.Equal("Klottret saneras inom 24 timmar.", Assert.Single(feedback.Questions.Single(q => q.Id == answered).Answers).Text);
        Assert.Equal((3, 1), (engagement.QuestionsAsked, engagement.QuestionsAnswered));
    }

    [Fact]
    public async Task Unanswered_questions_piling_up_after_a_dialogue_flag_its_neighbourhood_for_a_follow_up_dialogue()
    {
        var e = await OpenDialogueAsync();
        var staff = await Api.ClientAs(DevRole.Staff);
        var questions = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var receipt = await Api.Client().AskQuestionAsync(e.Id, Guid.NewGuid().ToString(),
                new QuestionRequest { Text = $"Obesvarad fråga {i + 1} till polisen om Fruängen.", AddresseeKind = ActorKind.Police });
            await (await Api.ClientAs(DevRole.Moderator)).ApproveQuestionAsync(receipt.Id, new ApprovalRequest());
            questions.Add(receipt.Id);
        }
        await staff.AnswerQuestionAsync(questions[0], new AnswerRequest { Live = true });

        Api.Clock.Set(e.EndsAt.AddDays(13));
        var early = (await staff.GetSignalsAsync()).Single(s => s.Area.Slug == "fruangen");
        Api.Clock.Set(e.EndsAt.AddDays(15));
        var flagged = (await staff.GetSignalsAsync()).Single(s => s.Area.Slug == "fruangen");
        await staff.AnswerQuestionAsync(questions[1], new AnswerRequest { Text = "Svar i efterhand: vi har ökat närvaron." });
        var answeredOne = (await staff.GetSignalsAsync()).Single(s => s.Area.Slug == "fruangen");

        Assert.False(early.QuestionsFlagged);
        Assert.True(flagged.Flagged && flagged.QuestionsFlagged && !flagged.RiseFlagged && !flagged.PileUpFlagged);
        Assert.Equal(5, flagged.UnansweredQuestions);
        Assert.Equal(EventKind.Dialogue, flagged.Suggestion!.Kind);
        Assert.Contains("police", flagged.Suggestion.ActorKinds);
        Assert.Contains("5 frågor", flagged.Explanation);
        Assert.Equal((false, 4), (answeredOne.QuestionsFlagged, answeredOne.UnansweredQuestions));
    }
}
