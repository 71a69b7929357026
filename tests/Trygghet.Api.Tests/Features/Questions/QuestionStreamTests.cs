using System.Net;
using System.Net.Http.Headers;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>The live stream as EventSource clients read it: what reaches them, in order, after reconnects and across instances.</summary>
public sealed class QuestionStreamTests(ApiFixture fixture) : QuestionTest(fixture)
{
    private Task<SseReader> SubscribeAsync(EventPlan e, long? lastEventId = null, ApiFactory? api = null) =>
        SseReader.OpenAsync((api ?? Api).CreateClient(), $"/api/v1/dialogues/{e.Slug}/questions/stream", lastEventId);

    [Fact]
    public async Task Subscribers_see_questions_published_answered_voted_pinned_and_hidden_in_order()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var staff = await Api.ClientAs(DevRole.Staff);
        await using var stream = await SubscribeAsync(e);
        var receipt = await AskAsync(e.Id, "Varför tar det så lång tid att laga lamporna i parken?");

        await moderator.ApproveQuestionAsync(receipt.Id, new ApprovalRequest());
        await staff.AnswerQuestionAsync(receipt.Id, new AnswerRequest { Text = "Beställningen är lagd, lamporna byts i mars." });
        await Api.Client().VoteForQuestionAsync(receipt.Id, (await Api.Client().IssueVoterTokenAsync()).Token);
        await moderator.PinQuestionAsync(receipt.Id);
        await moderator.HideQuestionAsync(receipt.Id);

        var events = new List<SseEvent>();
        for (var i = 0; i < 5; i++) events.Add(await stream.NextAsync());
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["published", "answered", "voted", "pinned", "hidden"], events.Select(x => x.Event));
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(x => x.Id));
        Assert.All(events, x => Assert.Equal(receipt.Id.ToString(), (string?)(x.Json["id"] ?? x.Json["questionId"])));
        Assert.Equal("Varför tar det så lång tid att laga lamporna i parken?", (string?)events[0].Json["text"]);
        Assert.Equal("Beställningen är lagd, lamporna byts i mars.", (string?)events[1].Json["answers"]![0]!["text"]);
        Assert.Equal(1, (int?)events[2].Json["votes"]);
        Assert.True((bool?)events[3].Json["pinned"]);
    }

    [Fact]
    public async Task Pending_rejected_and_hidden_questions_never_reach_the_public_stream()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        await using var stream = await SubscribeAsync(e);

        var pending = await AskAsync(e.Id, "Hemlig väntande fråga med känsligt innehåll.");
        var rejected = await AskAsync(e.Id, "Avvisad fråga som ingen ska se.");
        await moderator.RejectQuestionAsync(rejected.Id, new RejectionRequest { Reason = "Utanför ämnet." });
        var hidden = await AskAsync(e.Id, "Dold fråga som ingen ska se.");
        await moderator.HideQuestionAsync(hidden.Id);
        await moderator.RedactQuestionAsync(pending.Id, "\"1\"", new RedactionRequest { Text = "Redigerad men fortfarande väntande fråga." });
        var visible = await AskAsync(e.Id, "Den enda publicerade frågan.");
        await moderator.ApproveQuestionAsync(visible.Id, new ApprovalRequest());

        var first = await stream.NextAsync();
        var nothingMore = await stream.TryNextAsync(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(("published", visible.Id.ToString()), (first.Event, (string?)first.Json["id"]));
        Assert.Null(nothingMore);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from question_stream_event where audience = 'public'"));
    }

    [Fact]
    public async Task A_client_that_reconnects_with_Last_Event_ID_resumes_without_gaps_or_repeats()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var questions = new List<Guid>();
        for (var i = 0; i < 4; i++) questions.Add((await AskAsync(e.Id, $"Fråga nummer {i + 1} om tryggheten.")).Id);
        long lastSeen;
        await using (var stream = await SubscribeAsync(e))
        {
            await moderator.ApproveQuestionAsync(questions[0], new ApprovalRequest());
            lastSeen = (await stream.NextAsync()).Id;
        }

        // While the client is away: two questions published and a vote.
        await moderator.ApproveQuestionAsync(questions[1], new ApprovalRequest());
        await moderator.ApproveQuestionAsync(questions[2], new ApprovalRequest());
        await Api.Client().VoteForQuestionAsync(questions[1], (await Api.Client().IssueVoterTokenAsync()).Token);
        await using var resumed = await SubscribeAsync(e, lastSeen);
        var missed = new[] { await resumed.NextAsync(), await resumed.NextAsync(), await resumed.NextAsync() };
        await moderator.ApproveQuestionAsync(questions[3], new ApprovalRequest());
        var live = await resumed.NextAsync();

        Assert.Equal([lastSeen + 1, lastSeen + 2, lastSeen + 3, lastSeen + 4], missed.Append(live).Select(x => x.Id));
        Assert.Equal([questions[1].ToString(), questions[2].ToString()], missed.Take(2).Select(x => (string?)x.Json["id"]));
        Assert.Equal(("voted", questions[1].ToString()), (missed[2].Event, (string?)missed[2].Json["questionId"]));
        Assert.Equal(questions[3].ToString(), (string?)live.Json["id"]);

        // A first connection may start from the list's position, given as a query parameter.
        var list = await Api.Client().ListQuestionsAsync(e.Slug);
        await moderator.PinQuestionAsync(questions[0]);
        await using var fromList = await SseReader.OpenAsync(Api.CreateClient(),
            $"/api/v1/dialogues/{e.Id}/questions/stream?lastEventId={list.StreamPosition}");
        var next = await fromList.NextAsync();
        Assert.Equal(("pinned", list.StreamPosition + 1), (next.Event, next.Id));
    }

    [Fact]
    public async Task A_client_resuming_from_the_start_never_receives_the_text_of_a_hidden_or_redacted_question()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var hidden = await AskAsync(e.Id, "Grannen Kalle i port 3 langar, gör något!");
        await moderator.ApproveQuestionAsync(hidden.Id, new ApprovalRequest());
        await Api.Client().VoteForQuestionAsync(hidden.Id, (await Api.Client().IssueVoterTokenAsync()).Token);
        await moderator.HideQuestionAsync(hidden.Id);
        var redacted = await AskAsync(e.Id, "Mejla mig på kalle@example.se om belysningen.");
        await moderator.ApproveQuestionAsync(redacted.Id, new ApprovalRequest { AcknowledgeFlags = true });
        var current = await moderator.GetModeratedQuestionAsync(redacted.Id);
        await moderator.RedactQuestionAsync(redacted.Id, $"\"{current.Version}\"", new RedactionRequest { Text = "Hör av er om belysningen." });

        await using var replay = await SubscribeAsync(e, lastEventId: 0);
        var events = new List<SseEvent>();
        for (var i = 0; i < 5; i++) events.Add(await replay.NextAsync());

        Assert.Equal([1L, 2, 3, 4, 5], events.Select(x => x.Id));
        Assert.Equal(["hidden", "hidden", "hidden", "published", "updated"], events.Select(x => x.Event));
        Assert.All(events, x => Assert.DoesNotContain("kalle", x.Data, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Hör av er om belysningen.", (string?)events[3].Json["text"]);
        var queued = await Scalar<string>("select string_agg(payload::text, ' ') from question_stream_event where audience = 'moderators'");
        Assert.DoesNotContain("kalle@example.se", queued);
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeats_and_a_bad_Last_Event_ID_is_a_problem()
    {
        var e = await OpenDialogueAsync();
        await using var stream = await SubscribeAsync(e);
        await Task.Delay(TimeSpan.FromMilliseconds(2500));

        var http = Api.CreateClient();
        var bad = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dialogues/{e.Slug}/questions/stream") { Headers = { { "Last-Event-ID", "abc" } } };
        var badResponse = await http.SendAsync(bad);
        var unknown = await http.GetAsync("/api/v1/dialogues/finns-inte/questions/stream");

        Assert.True(stream.Heartbeats >= 1, $"heartbeats: {stream.Heartbeats}");
        Assert.Equal(HttpStatusCode.BadRequest, badResponse.StatusCode);
        await Problems.ReadAsync(badResponse);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await Problems.ReadAsync(unknown);
    }

    [Fact]
    public async Task Moderators_follow_their_queue_live()
    {
        var e = await OpenDialogueAsync();
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Moderator));
        await using var queue = await SseReader.OpenAsync(http, $"/api/v1/dialogues/{e.Id}/questions/queue/stream");

        var receipt = await AskAsync(e.Id, "Ring mig på 070-123 45 67 om klottret.");
        var queued = await queue.NextAsync();
        await moderator.RejectQuestionAsync(receipt.Id, new RejectionRequest { Reason = "Innehåller ett telefonnummer." });
        var moderated = await queue.NextAsync();

        Assert.Equal(("queued", receipt.Id.ToString()), (queued.Event, (string?)queued.Json["id"]));
        Assert.Equal("phoneNumber", (string?)queued.Json["flags"]![0]!["kind"]);
        Assert.Equal(("moderated", "rejected"), (moderated.Event, (string?)moderated.Json["status"]));
    }

    [Fact]
    public async Task A_question_approved_on_one_instance_reaches_a_subscriber_on_another()
    {
        var e = await OpenDialogueAsync();
        await using var instanceB = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?> { ["Stream:HeartbeatSeconds"] = "60" });
        var receipt = await AskAsync(e.Id, "Syns den här frågan på den andra servern?");
        await using var onB = await SubscribeAsync(e, api: instanceB);

        var approvedOnA = DateTimeOffset.UtcNow;
        await (await Api.ClientAs(DevRole.Moderator)).ApproveQuestionAsync(receipt.Id, new ApprovalRequest());
        var received = await onB.NextAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(("published", receipt.Id.ToString()), (received.Event, (string?)received.Json["id"]));
        // Heartbeats on B come once a minute: the event came by NOTIFY, not by B's periodic read.
        Assert.True(DateTimeOffset.UtcNow - approvedOnA < TimeSpan.FromSeconds(5));
    }
}
