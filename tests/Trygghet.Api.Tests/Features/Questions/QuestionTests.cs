using System.Net;
using System.Text;
using System.Text.Json;
using Trygghet.Api.Tests.Features.Events;
using Trygghet.Api.Tests.Features.Registrations;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>Asking, moderation, answers and votes, through the generated client against the real database.</summary>
public sealed class QuestionTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    private Task<EventPlan> OpenDialogueAsync(int daysAhead = 7) => Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(daysAhead)));

    private Task<AskReceipt> AskAsync(Guid eventId, string text, string? key = null, string? name = null) =>
        Api.Client().AskQuestionAsync(eventId, key ?? Guid.NewGuid().ToString(), new QuestionRequest { Text = text, DisplayName = name });

    /// <summary>Asked and approved: a published question.</summary>
    private async Task<Guid> PublishedAsync(Guid eventId, string text)
    {
        var receipt = await AskAsync(eventId, text);
        await (await Api.ClientAs(DevRole.Moderator)).ApproveQuestionAsync(receipt.Id, new ApprovalRequest());
        return receipt.Id;
    }

    /// <summary>An organisation invited to the event that accepted through its RSVP link, and a client with its actor token.</summary>
    private async Task<(Actor Actor, TrygghetClient Client)> InvitedActorAsync(Guid eventId, string organisation, ActorKind kind = ActorKind.Police)
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var actor = await staff.CreateActorAsync(new ActorInput { Organisation = organisation, Kind = kind });
        var invitation = (await staff.InviteActorsAsync(eventId, new InviteRequest { ActorIds = [actor.Id] })).Single(i => i.ActorId == actor.Id);
        await Api.Client().AnswerRsvpAsync(invitation.RsvpToken!, new RsvpRequest { Answer = RsvpAnswer.Accept });
        return (actor, await Api.ClientAs(DevRole.Actor, actor.Id));
    }

    private async Task<int> VoteAsync(Guid questionId, string? token = null)
    {
        token ??= (await Api.Client().IssueVoterTokenAsync()).Token;
        return (await Api.Client().VoteForQuestionAsync(questionId, token)).Votes;
    }

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
        var findings = Observations.ObservationReviewTests.Findings(flagged);
        Assert.Equal(("text", "phoneNumber"), (findings[0].GetProperty("field").GetString(), findings[0].GetProperty("kind").GetString()));
        Assert.Equal([police.Organisation, "Hägersten-Älvsjö stadsdelsförvaltning"], staffAnswer.Answers.Select(a => a.Author));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from question_answer where text like '%070%'"));
    }

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
