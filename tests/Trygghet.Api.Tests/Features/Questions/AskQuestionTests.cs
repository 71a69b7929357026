using System.Net;
using System.Text;
using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>Asking a question: idempotent, plain text, only while the dialogue is open, and held when it looks like personal data.</summary>
public sealed class AskQuestionTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Fact]
    public async Task A_retry_with_the_same_key_asks_once_and_another_body_with_that_key_is_refused()
    {
        var e = await OpenDialogueAsync();
        var http = Api.CreateClient();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Ask(string text) => new(HttpMethod.Post, $"/api/v1/dialogues/{e.Id}/questions")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = new StringContent(JsonSerializer.Serialize(new { text }), Encoding.UTF8, "application/json"),
        };

        var first = await http.SendAsync(Ask("Hur många anmälningar om inbrott kom in förra året?"));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.SendAsync(Ask("Hur många anmälningar om inbrott kom in förra året?"))));
        var other = await http.SendAsync(Ask("En helt annan fråga om belysning."));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        foreach (var again in concurrent)
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal(id, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
            Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        }
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        await Problems.ReadAsync(other);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from question"));
    }

    [Fact]
    public async Task Text_is_plain_text_of_3_to_1000_characters_and_markup_is_kept_as_typed()
    {
        var e = await OpenDialogueAsync();

        var tooShort = await Assert.ThrowsAnyAsync<ApiException>(() => AskAsync(e.Id, " ok "));
        var tooLong = await Assert.ThrowsAnyAsync<ApiException>(() => AskAsync(e.Id, new string('a', 1001)));
        var control = await Assert.ThrowsAnyAsync<ApiException>(() => AskAsync(e.Id, "Fråga\u0007 med kontrolltecken"));
        var markup = await AskAsync(e.Id, "<script>alert('x')</script> Varför <b>stängs</b> fritidsgården?");
        var stored = await (await Api.ClientAs(DevRole.Moderator)).GetModeratedQuestionAsync(markup.Id);

        Assert.Equal((400, 400, 400), (tooShort.StatusCode, tooLong.StatusCode, control.StatusCode));
        Assert.Equal("<script>alert('x')</script> Varför <b>stängs</b> fritidsgården?", stored.Text);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from question"));
    }

    [Fact]
    public async Task Questions_are_taken_until_the_end_and_never_for_drafts_cancelled_events_or_walks()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var e = await OpenDialogueAsync();
        var draft = await staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(9)));
        var walk = await Registrar.OpenAsync(Api, Planner.Walk(Now.AddDays(9)));
        var cancelled = await OpenDialogueAsync(10);
        await staff.CancelEventAsync(cancelled.Id, new CancelRequest { Reason = "Lokalen är vattenskadad." });

        Api.Clock.Set(e.StartsAt.AddMinutes(30));
        var live = await AskAsync(e.Id, "Fråga under pågående dialog.");
        Api.Clock.Set(e.EndsAt);
        var ended = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => AskAsync(e.Id, "För sent ställd fråga."));
        var onDraft = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => AskAsync(draft.Id, "Fråga till ett utkast."));
        var onWalk = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => AskAsync(walk.Id, "Fråga till en vandring."));
        var onCancelled = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => AskAsync(cancelled.Id, "Fråga till inställd dialog."));

        Assert.Equal(QuestionStatus.Pending, live.Status);
        Assert.Equal((409, 404, 404, 409), (ended.StatusCode, onDraft.StatusCode, onWalk.StatusCode, onCancelled.StatusCode));
        Assert.Equal(1, await Scalar<int>("select count(*)::int from question"));
    }

    [Fact]
    public async Task Post_moderation_publishes_at_once_but_never_a_text_that_looks_like_personal_data()
    {
        var e = await OpenDialogueAsync();
        await (await Api.ClientAs(DevRole.Staff)).SetQuestionSettingsAsync(e.Id, new QuestionSettings { Moderation = QuestionModeration.Post });

        var clean = await AskAsync(e.Id, "Kan polisen vara mer synlig vid Västertorps centrum på kvällarna?");
        var flagged = await AskAsync(e.Id, "Ring mig på 070-123 45 67 så berättar jag vem som säljer.");
        var listed = await Api.Client().ListQuestionsAsync(e.Id.ToString());
        var queued = await (await Api.ClientAs(DevRole.Moderator)).ListModerationQueueAsync(e.Id);

        Assert.Equal(QuestionStatus.Published, clean.Status);
        Assert.Equal(QuestionStatus.Pending, flagged.Status);
        Assert.Equal([PersonalDataKind.PhoneNumber], flagged.HeldFor);
        Assert.Equal(clean.Id, Assert.Single(listed.Items).Id);
        var held = Assert.Single(queued.Items);
        var flag = Assert.Single(held.Flags);
        Assert.Equal("070-123 45 67", held.Text.Substring(flag.Start, flag.Length));
    }

    [Theory]
    [InlineData("19811218-9876", PersonalDataKind.PersonalIdentityNumber)]
    [InlineData("070-123 45 67", PersonalDataKind.PhoneNumber)]
    [InlineData("anna.svensson@example.se", PersonalDataKind.Email)]
    [InlineData("Anna, Sedelvägen 7", PersonalDataKind.StreetAddress)]
    public async Task A_display_name_that_looks_like_personal_data_holds_the_question_even_under_post_moderation(string name, PersonalDataKind kind)
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        await moderator.SetQuestionSettingsAsync(e.Id, new QuestionSettings { Moderation = QuestionModeration.Post });

        var receipt = await AskAsync(e.Id, "Kan belysningen i parken bli bättre?", name: name);
        var listed = await Api.Client().ListQuestionsAsync(e.Slug);
        var held = await moderator.GetModeratedQuestionAsync(receipt.Id);
        var redacted = await moderator.RedactQuestionAsync(receipt.Id, $"\"{held.Version}\"",
            new RedactionRequest { Text = held.Text, RemoveDisplayName = true });
        var approved = await moderator.ApproveQuestionAsync(receipt.Id, new ApprovalRequest());
        var published = Assert.Single((await Api.Client().ListQuestionsAsync(e.Slug)).Items);

        Assert.Equal(QuestionStatus.Pending, receipt.Status);
        Assert.Equal([kind], receipt.HeldFor);
        Assert.Empty(listed.Items);
        var finding = Assert.Single(held.Flags);
        Assert.Equal("displayName", finding.Field);
        Assert.Equal(kind, finding.Kind);
        Assert.Contains(held.DisplayName!.Substring(finding.Start, finding.Length), name);
        Assert.Empty(redacted.Flags);
        Assert.Null(redacted.DisplayName);
        Assert.Equal(QuestionStatus.Published, approved.Status);
        Assert.Null(published.DisplayName);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from question_stream_event where payload::text like @name", new { name = $"%{name}%" }));
    }
}
