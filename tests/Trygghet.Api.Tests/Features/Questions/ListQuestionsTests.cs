using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>The public list: pinned first, then by votes or time, paged, without hidden questions.</summary>
public sealed class ListQuestionsTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task Pinned_questions_come_first_then_by_votes_or_by_time_and_hidden_ones_are_gone()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var first = await PublishedAsync(e.Id, "Första frågan om trygghet i Fruängen.");
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var popular = await PublishedAsync(e.Id, "Andra frågan, den populära.");
        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        var latest = await PublishedAsync(e.Id, "Tredje frågan, den senaste.");
        await VoteAsync(popular);
        await VoteAsync(popular);
        await VoteAsync(latest);

        var byVotes = await Api.Client().ListQuestionsAsync(e.Slug, QuestionSort.Votes);
        await moderator.PinQuestionAsync(first);
        var pinned = await Api.Client().ListQuestionsAsync(e.Slug, QuestionSort.Votes);
        var byTime = await Api.Client().ListQuestionsAsync(e.Slug, QuestionSort.Time);
        var page1 = await Api.Client().ListQuestionsAsync(e.Slug, QuestionSort.Votes, limit: 2);
        var page2 = await Api.Client().ListQuestionsAsync(e.Slug, QuestionSort.Votes, limit: 2, cursor: page1.NextCursor);
        await moderator.HideQuestionAsync(popular);
        var afterHide = await Api.Client().ListQuestionsAsync(e.Slug);
        var pinPending = await AskAsync(e.Id, "Väntande fråga som inte kan fästas.");
        var pinRefused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => moderator.PinQuestionAsync(pinPending.Id));
        var republished = await moderator.ApproveQuestionAsync(popular, new ApprovalRequest());

        Assert.Equal([popular, latest, first], byVotes.Items.Select(q => q.Id));
        Assert.Equal([first, popular, latest], pinned.Items.Select(q => q.Id));
        Assert.True(pinned.Items.First().Pinned);
        Assert.Equal([first, latest, popular], byTime.Items.Select(q => q.Id));
        Assert.Equal([first, popular, latest], page1.Items.Concat(page2.Items).Select(q => q.Id));
        Assert.Null(page2.NextCursor);
        Assert.Equal([first, latest], afterHide.Items.Select(q => q.Id));
        Assert.Equal(409, pinRefused.StatusCode);
        Assert.Equal((QuestionStatus.Published, 2), (republished.Status, republished.Votes));
    }
}
