using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>Approving a question from the moderation queue: published, and a flagged one only when acknowledged or redacted.</summary>
public sealed class ApproveQuestionTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task A_question_waits_for_a_moderator_and_is_published_when_approved()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);

        var receipt = await AskAsync(e.Id, "Varför är det så mörkt i gångtunneln vid Fruängens centrum?", name: "Boende i Fruängen");
        var listedBefore = await Api.Client().ListQuestionsAsync(e.Slug);
        var queue = await moderator.ListModerationQueueAsync(e.Id);
        var approved = await moderator.ApproveQuestionAsync(receipt.Id, new ApprovalRequest());
        var listedAfter = await Api.Client().ListQuestionsAsync(e.Slug);
        var mine = await Api.Client().GetMyQuestionAsync(receipt.QuestionToken);

        Assert.Equal(QuestionStatus.Pending, receipt.Status);
        Assert.Empty(receipt.HeldFor);
        Assert.EndsWith($"/fraga#{receipt.QuestionToken}", receipt.QuestionUrl);
        Assert.Empty(listedBefore.Items);
        Assert.Equal(receipt.Id, Assert.Single(queue.Items).Id);
        Assert.Equal(QuestionStatus.Published, approved.Status);
        var published = Assert.Single(listedAfter.Items);
        Assert.Equal(("Varför är det så mörkt i gångtunneln vid Fruängens centrum?", "Boende i Fruängen"), (published.Text, published.DisplayName));
        Assert.Equal(QuestionStatus.Published, mine.Status);
        Assert.Empty((await moderator.ListModerationQueueAsync(e.Id)).Items);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from audit_log where action = 'question.approve'"));
        Assert.Equal(1, await Scalar<int>("select count(*)::int from question where token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = receipt.QuestionToken }));
    }

    [Fact]
    public async Task A_flagged_question_is_approved_only_when_acknowledged_and_a_redaction_keeps_the_original_for_admins()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var admin = await Api.ClientAs(DevRole.Admin);
        var receipt = await AskAsync(e.Id, "Grannen på Fruängsgången 12 har hotat mig, vad gör polisen?");

        var refused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => moderator.ApproveQuestionAsync(receipt.Id, new ApprovalRequest()));
        var current = await moderator.GetModeratedQuestionAsync(receipt.Id);
        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            moderator.RedactQuestionAsync(receipt.Id, $"\"{current.Version + 1}\"", new RedactionRequest { Text = "x x x" }));
        var redacted = await moderator.RedactQuestionAsync(receipt.Id, $"\"{current.Version}\"",
            new RedactionRequest { Text = "En granne har hotat mig, vad gör polisen?" });
        var approved = await moderator.ApproveQuestionAsync(receipt.Id, new ApprovalRequest());
        var seenByAdmin = await admin.GetModeratedQuestionAsync(receipt.Id);
        var seenByModerator = await moderator.GetModeratedQuestionAsync(receipt.Id);
        var publicText = Assert.Single((await Api.Client().ListQuestionsAsync(e.Slug)).Items).Text;

        Assert.Equal(422, refused.StatusCode);
        Assert.Equal(PersonalDataKind.StreetAddress, Assert.Single(current.Flags).Kind);
        Assert.Equal(412, stale.StatusCode);
        Assert.Empty(redacted.Flags);
        Assert.True(redacted.Redacted);
        Assert.Equal(QuestionStatus.Published, approved.Status);
        Assert.Equal("Grannen på Fruängsgången 12 har hotat mig, vad gör polisen?", seenByAdmin.OriginalText);
        Assert.Null(seenByModerator.OriginalText);
        Assert.Equal("En granne har hotat mig, vad gör polisen?", publicText);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from audit_log where details::text like '%Fruängsgången 12%'"));

        var other = await AskAsync(e.Id, "Min e-post är ada@example.se, kontakta mig.");
        var acknowledged = await moderator.ApproveQuestionAsync(other.Id, new ApprovalRequest { AcknowledgeFlags = true });
        Assert.Equal(QuestionStatus.Published, acknowledged.Status);
    }
}
