using System.Text.RegularExpressions;
using MimeKit;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Surveys;

public sealed partial class SurveyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    private static SurveyAnswerRequest Answer(int safety, string? priority = null) =>
        new() { Safety = safety, Useful = SurveyUseful.Yes, ComeAgain = SurveyComeAgain.Unsure, Priority = priority };

    /// <summary>A dialogue with registrants, held and closed by staff; the survey e-mails sent.</summary>
    private async Task<(EventPlan Dialogue, List<MimeMessage> Mails)> CloseWithRegistrantsAsync(int withEmail, int withoutEmail = 0,
        string title = "Trygghetsdialog i Fruängen")
    {
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(7), title: title));
        for (var i = 0; i < withEmail; i++) await Api.RegisterAsync(dialogue.Id, email: $"deltagare{i}@example.se");
        for (var i = 0; i < withoutEmail; i++) await Api.RegisterAsync(dialogue.Id, email: null);
        await Api.DispatchAsync();
        var before = Api.Mails().Count;
        Api.Clock.Set(dialogue.EndsAt.AddHours(2));
        await (await Api.ClientAs(DevRole.Staff)).CloseEventAsync(dialogue.Id, new Closing
        {
            Minutes = "Vi pratade om belysningen.",
            Raised = "Mörkt vid tunnelbanan.",
            Actions = "Belysningen ses över.",
            ParticipantsOnSite = withEmail + withoutEmail,
            ParticipantsRemote = 0,
        });
        await Api.DispatchAsync();
        return (dialogue, Api.Mails().Skip(before).Where(m => m.Subject?.StartsWith("Fyra korta frågor", StringComparison.Ordinal) == true).ToList());
    }

    private static string Token(MimeMessage mail) => SurveyLink().Match(mail.TextBody ?? "").Groups[1].Value;

    [GeneratedRegex("/enkat#([A-Za-z0-9_-]{43})")]
    private static partial Regex SurveyLink();

    [Fact]
    public async Task Closing_an_event_mails_each_registrant_with_an_address_a_personal_survey_link()
    {
        var (dialogue, mails) = await CloseWithRegistrantsAsync(withEmail: 2, withoutEmail: 1);

        Assert.Equal(["deltagare0@example.se", "deltagare1@example.se"], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        var tokens = mails.Select(Token).ToList();
        Assert.All(tokens, t => Assert.Equal(43, t.Length));
        Assert.NotEqual(tokens[0], tokens[1]);
        var form = await Api.Client().GetSurveyFormAsync(tokens[0]);
        Assert.Equal((dialogue.Id, "Trygghetsdialog i Fruängen", false, null), (form.EventId, form.EventTitle, form.Expired, form.AnsweredAt));
        Assert.Equal([SurveyQuestionId.Safety, SurveyQuestionId.Useful, SurveyQuestionId.ComeAgain, SurveyQuestionId.Priority], form.Questions.Select(q => q.Id));
        Assert.Equal("2026-1", form.Version);
        // The form is the link holder's, and carries nothing personal.
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Add("X-Survey-Token", tokens[0]);
        var raw = await http.GetAsync("/api/v1/survey");
        var json = await raw.Content.ReadAsStringAsync();
        Assert.DoesNotContain("deltagare0", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", json, StringComparison.Ordinal);
        Assert.True(raw.Headers.CacheControl is { Private: true, NoStore: true }, $"{raw.Headers.CacheControl}");
        Assert.Equal(2, await Scalar<int>("select count(*)::int from survey_invitation where event_id = @Id", new { dialogue.Id }));
    }

    [Fact]
    public async Task A_link_takes_one_answer_and_the_answer_is_not_linked_to_the_registration()
    {
        var (_, mails) = await CloseWithRegistrantsAsync(withEmail: 1);
        var token = Token(Assert.Single(mails));

        var receipt = await Api.Client().AnswerSurveyAsync(token, Answer(4));
        var again = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().AnswerSurveyAsync(token, Answer(1)));

        Assert.False(receipt.PriorityHeld);
        Assert.Equal(409, again.StatusCode);
        Assert.Contains("redan besvarad", again.Result.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from survey_answer"));
        Assert.Equal(4, await Scalar<int>("select safety::int from survey_answer"));
        Assert.Equal(0, await Scalar<int>("""
            select count(*)::int from information_schema.columns
            where table_name = 'survey_answer' and column_name in ('registration_id', 'invitation_id', 'token_hash')
            """));
        Assert.NotNull((await Api.Client().GetSurveyFormAsync(token)).AnsweredAt);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_an_unknown_one_is_not_found()
    {
        var (_, mails) = await CloseWithRegistrantsAsync(withEmail: 1);
        var token = Token(Assert.Single(mails));
        Api.Clock.Set(Now.AddDays(14).AddMinutes(1));

        var form = await Api.Client().GetSurveyFormAsync(token);
        var late = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().AnswerSurveyAsync(token, Answer(3)));
        var unknown = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().AnswerSurveyAsync(new string('A', 43), Answer(3)));

        Assert.True(form.Expired);
        Assert.Equal(409, late.StatusCode);
        Assert.Contains("stängde", late.Result.Detail, StringComparison.Ordinal);
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from survey_answer"));
    }

    [Fact]
    public async Task Results_are_hidden_below_the_minimum_and_shown_at_it()
    {
        var (dialogue, mails) = await CloseWithRegistrantsAsync(withEmail: 5);
        var tokens = mails.Select(Token).ToList();
        for (var i = 0; i < 4; i++) await Api.Client().AnswerSurveyAsync(tokens[i], Answer(i + 1));

        var below = await Api.Client().GetDialogueSurveyResultsAsync(dialogue.Slug);
        var areaBelow = await Api.Client().GetAreaSurveyResultsAsync("fruangen");
        await Api.Client().AnswerSurveyAsync(tokens[4], Answer(5));
        var at = await Api.Client().GetDialogueSurveyResultsAsync(dialogue.Id.ToString());
        var areaAt = await Api.Client().GetAreaSurveyResultsAsync("fruangen");
        var district = await Api.Client().GetAreaSurveyResultsAsync("hagersten-alvsjo", SurveyPeriod.Quarter);
        var elsewhere = await Api.Client().GetAreaSurveyResultsAsync("aspudden");

        Assert.Equal((5, 4, 5, true, null), (below.Invited, below.Answers, below.MinimumAnswers, below.TooFewAnswers, below.Figures));
        Assert.True(areaBelow.TooFewAnswers);
        Assert.Null(areaBelow.Figures);
        Assert.All(areaBelow.Trend, p => Assert.Equal((true, null, 0), (p.TooFewAnswers, p.SafetyMean, p.Safety.Count)));
        Assert.False(at.TooFewAnswers);
        Assert.Equal(3.0, at.Figures!.SafetyMean);
        Assert.Equal([1, 1, 1, 1, 1], at.Figures.Safety.Select(c => c.Count));
        Assert.Equal(5, at.Figures.ComeAgain.Single(c => c.Value == "unsure").Count);
        Assert.Contains("inte en representativ", at.Note, StringComparison.Ordinal);
        Assert.Equal(3.0, areaAt.Figures!.SafetyMean);
        var point = Assert.Single(areaAt.Trend);
        Assert.Equal((5, false, 3.0), (point.Answers, point.TooFewAnswers, point.SafetyMean));
        Assert.Matches(@"^\d{4} H[12]$", point.Period);
        Assert.Matches(@"^\d{4} Q[1-4]$", Assert.Single(district.Trend).Period);
        Assert.Equal(5, district.Answers);
        Assert.Equal((0, true), (elsewhere.Answers, elsewhere.TooFewAnswers));
    }

    [Fact]
    public async Task Free_text_with_personal_data_is_refused_and_other_text_is_public_only_after_approval()
    {
        var (dialogue, mails) = await CloseWithRegistrantsAsync(withEmail: 5);
        var tokens = mails.Select(Token).ToList();

        var refused = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            Api.Client().AnswerSurveyAsync(tokens[0], Answer(2, "Ring mig på 070-123 45 67 om lamporna.")));
        Assert.Equal(422, refused.StatusCode);
        Assert.True(refused.Result.AdditionalProperties.ContainsKey("findings"));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from survey_answer"));
        Assert.Null((await Api.Client().GetSurveyFormAsync(tokens[0])).AnsweredAt); // the link still takes the rephrased answer

        var held = await Api.Client().AnswerSurveyAsync(tokens[0], Answer(2, "Bättre belysning vid tunnelbanan."));
        await Api.Client().AnswerSurveyAsync(tokens[1], Answer(3, "Fler vuxna ute på kvällarna."));
        for (var i = 2; i < 5; i++) await Api.Client().AnswerSurveyAsync(tokens[i], Answer(4));
        var beforeReview = await Api.Client().GetDialogueSurveyResultsAsync(dialogue.Slug);
        var moderator = await Api.ClientAs(DevRole.Moderator);
        var queue = await moderator.ListSurveyTextsAsync();
        var lighting = queue.Items.Single(t => t.Text.StartsWith("Bättre", StringComparison.Ordinal));
        var adults = queue.Items.Single(t => t.Text.StartsWith("Fler", StringComparison.Ordinal));
        await moderator.ApproveSurveyTextAsync(lighting.Id);
        await moderator.RejectSurveyTextAsync(adults.Id);
        var afterReview = await Api.Client().GetDialogueSurveyResultsAsync(dialogue.Slug);
        var forbidden = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(async () => await Api.Client().ListSurveyTextsAsync());

        Assert.True(held.PriorityHeld);
        Assert.Equal(2, queue.Items.Count);
        Assert.All(queue.Items, t => Assert.Equal((SurveyTextStatus.Pending, dialogue.Id), (t.Status, t.EventId)));
        Assert.Empty(beforeReview.Priorities);
        Assert.Equal(["Bättre belysning vid tunnelbanan."], afterReview.Priorities);
        Assert.Empty((await moderator.ListSurveyTextsAsync()).Items);
        Assert.Equal(adults.Id, Assert.Single((await moderator.ListSurveyTextsAsync(SurveyTextStatus.Rejected)).Items).Id);
        Assert.Equal(401, forbidden.StatusCode);
        Assert.Equal(2, await Scalar<int>("select count(*)::int from audit_log where action like 'survey.text.%'"));
    }

    [Fact]
    public async Task Approved_text_stays_hidden_while_the_event_has_too_few_answers()
    {
        var (dialogue, mails) = await CloseWithRegistrantsAsync(withEmail: 2);
        await Api.Client().AnswerSurveyAsync(Token(mails[0]), Answer(3, "Mer belysning i parken."));
        var moderator = await Api.ClientAs(DevRole.Moderator);
        await moderator.ApproveSurveyTextAsync(Assert.Single((await moderator.ListSurveyTextsAsync()).Items).Id);

        var results = await Api.Client().GetDialogueSurveyResultsAsync(dialogue.Slug);

        Assert.True(results.TooFewAnswers);
        Assert.Empty(results.Priorities);
    }

    [Fact]
    public async Task Engagement_counts_the_surveys_sent_and_answered()
    {
        var (_, mails) = await CloseWithRegistrantsAsync(withEmail: 4);
        await Api.Client().AnswerSurveyAsync(Token(mails[0]), Answer(4));

        var engagement = await Api.Client().GetEngagementAsync("fruangen");
        var http = Api.CreateClient();
        var csv = await http.GetStringAsync("/api/v1/statistics/engagement?area=fruangen&format=csv");

        Assert.Equal((4, 1, 0.25), (engagement.SurveysSent, engagement.SurveysAnswered, engagement.SurveyResponseRate));
        Assert.Contains("surveys_sent,surveys_answered,survey_response_rate", csv, StringComparison.Ordinal);
        Assert.Null((await Api.Client().GetEngagementAsync("aspudden")).SurveyResponseRate);
    }

    [Fact]
    public async Task A_registrant_who_registered_in_English_gets_the_survey_in_English()
    {
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(7)));
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await Api.Client(http).RegisterForDialogueAsync(dialogue.Id, Guid.NewGuid().ToString(), new RegistrationRequest
        {
            Mode = RegistrationMode.OnSite,
            ConsentVersion = Registrar.Consent,
            Email = "visitor@example.se",
        });
        Api.Clock.Set(dialogue.EndsAt.AddHours(1));
        await (await Api.ClientAs(DevRole.Staff)).CloseEventAsync(dialogue.Id, new Closing
        {
            Minutes = "M",
            Raised = "R",
            Actions = "A",
            ParticipantsOnSite = 1,
            ParticipantsRemote = 0,
        });
        await Api.DispatchAsync();
        var mail = Assert.Single(Api.Mails(), m => m.Subject?.StartsWith("Four short questions", StringComparison.Ordinal) == true);
        var form = await Api.Client(http).GetSurveyFormAsync(Token(mail));

        Assert.StartsWith("How safe", form.Questions.First().Text, StringComparison.Ordinal);
        Assert.Equal("Very safe", form.Questions.First().Choices.Last().Label[4..]);
    }

    [Fact]
    public async Task Erasing_a_registration_before_the_survey_is_sent_drops_its_e_mail()
    {
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(7)));
        var erased = await Api.RegisterAsync(dialogue.Id, email: "glomd@example.se");
        await Api.RegisterAsync(dialogue.Id, email: "kvar@example.se");
        var cancelled = await Api.RegisterAsync(dialogue.Id, email: "avbokad@example.se");
        await Api.Client().CancelMyRegistrationAsync(cancelled.ManageToken);
        await Api.DispatchAsync();
        Api.Clock.Set(dialogue.EndsAt.AddHours(1));
        await (await Api.ClientAs(DevRole.Staff)).CloseEventAsync(dialogue.Id, new Closing
        {
            Minutes = "M",
            Raised = "R",
            Actions = "A",
            ParticipantsOnSite = 2,
            ParticipantsRemote = 0,
        });
        await Api.Client().EraseMyPersonalDataAsync(erased.ManageToken);
        await Api.DispatchAsync();

        var surveys = Api.Mails().Where(m => m.Subject?.StartsWith("Fyra korta frågor", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["kvar@example.se"], surveys.Select(m => m.To.Mailboxes.Single().Address));
    }
}
