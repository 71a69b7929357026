using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>Voting with a voter token.</summary>
public sealed class VoteForQuestionTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task A_voter_counts_once_per_question_and_only_on_published_questions_of_open_dialogues()
    {
        var e = await OpenDialogueAsync();
        var question = await PublishedAsync(e.Id, "Kan fler poliser patrullera vid stationen?");
        var pending = await AskAsync(e.Id, "En fråga som väntar.");
        var token = (await Api.Client().IssueVoterTokenAsync()).Token;

        var first = await Api.Client().VoteForQuestionAsync(question, token);
        var second = await Api.Client().VoteForQuestionAsync(question, token);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Api.Client().VoteForQuestionAsync(question, token)));
        var onPending = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().VoteForQuestionAsync(pending.Id, token));
        var unknown = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().VoteForQuestionAsync(question, new string('B', 43)));
        var malformed = await Assert.ThrowsAnyAsync<ApiException>(() => Api.Client().VoteForQuestionAsync(question, "kort"));
        var lateToken = (await Api.Client().IssueVoterTokenAsync()).Token;
        Api.Clock.Set(e.EndsAt.AddMinutes(1));
        var late = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().VoteForQuestionAsync(question, lateToken));

        Assert.Equal((true, 1), (first.Counted, first.Votes));
        Assert.Equal((false, 1), (second.Counted, second.Votes));
        Assert.All(concurrent, r => Assert.Equal((false, 1), (r.Counted, r.Votes)));
        Assert.Equal((404, 422, 400, 409), (onPending.StatusCode, unknown.StatusCode, malformed.StatusCode, late.StatusCode));
        Assert.Equal(1, await Scalar<int>("select votes from question where id = @question", new { question }));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from question_vote where encode(voter_hash, 'escape') like '%' || @token || '%'", new { token }));
    }
}
