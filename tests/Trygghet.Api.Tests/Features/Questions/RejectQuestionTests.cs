using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>Rejecting a question with a reason the asker reads through the private link.</summary>
public sealed class RejectQuestionTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task A_rejected_question_shows_its_reason_only_to_the_asker()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var receipt = await AskAsync(e.Id, "Alla som bor i det gula huset är kriminella!");

        var rejected = await moderator.RejectQuestionAsync(receipt.Id, new RejectionRequest { Reason = "Frågan pekar ut boende. Formulera den gärna om." });
        var again = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => moderator.RejectQuestionAsync(receipt.Id, new RejectionRequest { Reason = "Igen" }));
        var noReason = await Assert.ThrowsAnyAsync<ApiException>(() => moderator.RejectQuestionAsync(receipt.Id, new RejectionRequest { Reason = " " }));
        var mine = await Api.Client().GetMyQuestionAsync(receipt.QuestionToken);
        var wrongLink = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetMyQuestionAsync(new string('A', 43)));

        Assert.Equal(QuestionStatus.Rejected, rejected.Status);
        Assert.Equal((409, 400, 404), (again.StatusCode, noReason.StatusCode, wrongLink.StatusCode));
        Assert.Equal((QuestionStatus.Rejected, "Frågan pekar ut boende. Formulera den gärna om."), (mine.Status, mine.RejectReason));
        Assert.Empty((await Api.Client().ListQuestionsAsync(e.Slug)).Items);
    }
}
