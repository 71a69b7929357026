using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>Merging a duplicate into another question.</summary>
public sealed class MergeQuestionTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task Merging_a_duplicate_moves_its_votes_counting_each_voter_once()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var original = await PublishedAsync(e.Id, "Varför är belysningen släckt på Fruängsgången?");
        var duplicateReceipt = await AskAsync(e.Id, "Belysningen på Fruängsgången är släckt, varför?");
        await moderator.ApproveQuestionAsync(duplicateReceipt.Id, new ApprovalRequest());
        var both = (await Api.Client().IssueVoterTokenAsync()).Token;
        await VoteAsync(original, both);
        await VoteAsync(duplicateReceipt.Id, both);
        await VoteAsync(duplicateReceipt.Id);

        var merged = await moderator.MergeQuestionAsync(duplicateReceipt.Id, new MergeRequest { Into = original });
        var intoItself = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => moderator.MergeQuestionAsync(original, new MergeRequest { Into = original }));
        var listed = await Api.Client().ListQuestionsAsync(e.Slug);
        var asker = await Api.Client().GetMyQuestionAsync(duplicateReceipt.QuestionToken);

        Assert.Equal((QuestionStatus.Merged, original), (merged.Status, merged.MergedInto));
        Assert.Equal(422, intoItself.StatusCode);
        var remaining = Assert.Single(listed.Items);
        Assert.Equal((original, 2), (remaining.Id, remaining.Votes));
        Assert.Equal(original, asker.MergedInto);
    }
}
