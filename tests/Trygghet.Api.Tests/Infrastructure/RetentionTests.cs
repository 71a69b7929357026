using Trygghet.Client;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// Personal data outside registrations is erased when it has served its purpose (defaults: live stream 30 days after the
/// dialogue, sent mail addresses after 30 days, what moderators kept from the public 90 days after the event), and not before.
/// </summary>
public sealed class RetentionTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task Stream_rows_mail_addresses_and_moderated_texts_are_erased_after_their_retention_and_published_text_stays()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(2)));
        await Api.RegisterAsync(dialogue.Id, email: "ada@example.se");
        var published = await AskAsync("Varför är det mörkt vid trappan?", "Ada");
        var rejected = await AskAsync("Grannen i nr 7 säljer narkotika, ring 070-123 45 67.", "Bo");
        var redacted = await AskAsync("Grannen på Fruängsgången 12 har hotat mig.", null);
        await moderator.ApproveQuestionAsync(published.Id, new ApprovalRequest());
        await moderator.RejectQuestionAsync(rejected.Id, new RejectionRequest { Reason = "Innehåller personuppgifter." });
        var held = await moderator.GetModeratedQuestionAsync(redacted.Id);
        await moderator.RedactQuestionAsync(held.Id, $"\"{held.Version}\"", new RedactionRequest { Text = "En granne har hotat mig." });
        var observation = await staff.RecordObservationAsync(new ObservationInput
        {
            Category = ObservationCategory.Other,
            Description = "Ring 070-123 45 67 om lampan.",
            Severity = 1,
            Lat = 59.2846,
            Lon = 17.9694,
        });
        await moderator.RedactObservationDescriptionAsync(observation.Id, new DescriptionRedaction { Text = "Lampan vid trappan är trasig." });
        await Api.DispatchAsync();
        Assert.True(await Scalar<long>("select count(*) from outbox where sent_at is not null and recipient <> ''") > 0);
        Assert.True(await Scalar<long>("select count(*) from question_stream_event") > 0);

        Api.Clock.Set(dialogue.EndsAt.AddDays(25)); // 27 days after the mail was sent
        await Api.DispatchAsync();
        var kept = await Scalar<string>("""
            select (select count(*) from question_stream_event)::text || '/' || (select count(*) from outbox where recipient <> '')::text || '/'
                || (select count(*) from question where original_text is not null)::text
            """);

        Api.Clock.Set(dialogue.EndsAt.AddDays(31));
        await Api.DispatchAsync();
        var afterStream = await Scalar<string>("""
            select (select count(*) from question_stream_event)::text || '/' || (select count(*) from outbox where recipient <> '')::text || '/'
                || (select count(*) from question where original_text is not null)::text
            """);

        Api.Clock.Set(dialogue.EndsAt.AddDays(91));
        await Api.DispatchAsync();

        Assert.All(kept.Split('/'), count => Assert.NotEqual("0", count));
        Assert.StartsWith("0/0/", afterStream);
        Assert.EndsWith("/1", afterStream);
        Assert.Equal(0, await Scalar<long>("select count(*) from question where original_text is not null"));
        Assert.Equal("(raderad)", await Scalar<string>("select text from question where id = @id", new { id = rejected.Id }));
        Assert.Equal(0, await Scalar<long>("select count(*) from question where display_name = 'Bo'"));
        Assert.Equal("Varför är det mörkt vid trappan?|Ada",
            await Scalar<string>("select text || '|' || display_name from question where id = @id", new { id = published.Id }));
        Assert.Equal(0, await Scalar<long>("select count(*) from observation where original_description is not null"));
        Assert.Equal("Lampan vid trappan är trasig.", (await Api.Client().GetObservationAsync(observation.Id)).Description);
        Assert.Equal(0, await Scalar<long>("select count(*) from outbox where recipient like '%@%' or subject <> ''"));

        Task<AskReceipt> AskAsync(string text, string? name) =>
            Api.Client().AskQuestionAsync(dialogue.Id, Guid.NewGuid().ToString(), new QuestionRequest { Text = text, DisplayName = name });
    }
}
