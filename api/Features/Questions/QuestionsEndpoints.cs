using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>
/// Questions and live Q&amp;A: residents ask and vote anonymously, moderators keep it constructive and confidential,
/// actors and staff answer, and everyone follows it live.
/// </summary>
public static class QuestionsEndpoints
{
    private static readonly string[] Moderators = [Roles.Admin, Roles.Staff, Roles.Moderator];

    /// <summary>The live stream's options and the hub that fans it out to this instance's subscribers.</summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StreamOptions>(configuration, "Stream", (stream, _) =>
        [
            .. Settings.Between("Stream__HeartbeatSeconds", stream.HeartbeatSeconds, 1, 300),
            .. Settings.Between("Stream__SubscriberBuffer", stream.SubscriberBuffer, 1, 1_000_000),
        ]);
        services.AddSingleton<QuestionStreamHub>();
        services.AddHostedService(provider => provider.GetRequiredService<QuestionStreamHub>());
        return services;
    }

    public static void MapQuestions(this IEndpointRouteBuilder api)
    {
        var dialogue = api.MapGroup("/dialogues").WithTags("Questions")
            .WithProblemExample(StatusCodes.Status404NotFound, QuestionTexts.DialogueNotFound, ExampleValues.DialogueId)
            .WithProblemExample(StatusCodes.Status409Conflict, QuestionTexts.Closed)
            .WithFieldProblemExample("text", QuestionTexts.Length);
        dialogue.MapPost("/{id:guid}/questions", AskQuestion).WithName(nameof(AskQuestion))
            .WithSummary("Ask the dialogue a question, anonymously, before or during the event.")
            .WithDescription("""
                Requires an `Idempotency-Key` header: a retry with the same key and body gets the same answer (header
                `Idempotent-Replayed: true`) and asks nothing twice. Text is plain text, 3–1,000 characters. Questions are
                pre-moderated unless the dialogue is post-moderated; text that looks like personal data (identity numbers,
                phone numbers, e-mail or street addresses) always waits for a moderator (`heldFor` says why). The answer
                carries the private question link once. 409 after the event's end or when it is cancelled.
                """)
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);
        dialogue.MapGet("/{idOrSlug}/questions", ListQuestions).WithName(nameof(ListQuestions)).PublicCache(SharedCache.Live)
            .WithSummary("The published questions, pinned first, then by votes (default) or newest first; with the live stream's position.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        dialogue.MapGet("/{idOrSlug}/questions/stream", StreamQuestions).WithName(nameof(StreamQuestions))
            .WithSummary("The live stream of published questions as Server-Sent Events.")
            .WithDescription("""
                `text/event-stream` with events `published`, `updated`, `answered`, `pinned` (data: the question), `voted`
                (data: `{questionId, votes}`) and `hidden` (data: `{id}`: remove it). Every event has an `id`; a client
                reconnecting with the `Last-Event-ID` header (or `lastEventId`, e.g. the list's `streamPosition`) receives
                exactly what came after it. A comment line is sent as a heartbeat every 15 seconds.

                One client address may hold a limited number of live streams open at once (`Api__MaxStreamsPerAddress`,
                500 by default, enough for a room on one network); one more is answered 429 with `Retry-After`, and
                closing a stream frees its place.
                """)
            .RequireRateLimiting(Operations.Streams)
            .Produces<string>(StatusCodes.Status200OK, ServerSentEvents.ContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);

        dialogue.MapGet("/{idOrSlug}/join-link", GetJoinLink).WithName(nameof(GetJoinLink)).PublicCache(SharedCache.Listing)
            .WithSummary("The short code and link that join the dialogue's questions from the room (the room screen's QR code).")
            .WithDescription("""
                The code is six characters without look-alikes (no 0/O, 1/I/L), derived from the dialogue's id: it never
                changes. `shortUrl` is `Site__PublicUrl` + `/q/` + the code; the app sends it on to the questions page.
                """)
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/join-codes/{code}", FindJoinCode).WithName(nameof(FindJoinCode)).WithTags("Questions").PublicCache(SharedCache.Listing)
            .WithSummary("The dialogue a join code leads to (as typed: any case, spaces and dashes ignored).")
            .WithProblemExample(StatusCodes.Status404NotFound, QuestionTexts.JoinCodeNotFound, "K7M3PX")
            .WithFieldProblemExample("code", QuestionTexts.JoinCodeInvalid)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var moderation = api.MapGroup("/dialogues/{id:guid}/questions").WithTags("Questions").RequireRoles(Moderators);
        moderation.MapGet("/queue", ListModerationQueue).WithName(nameof(ListModerationQueue))
            .WithSummary("The moderation queue: pending questions oldest first, with what the confidentiality filter flagged (or another status).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        moderation.MapGet("/queue/stream", StreamModerationQueue).WithName(nameof(StreamModerationQueue))
            .WithSummary("The moderators' live stream as Server-Sent Events: `queued`, `updated` and `moderated` (data: the question as moderators see it).")
            .WithDescription("""
                Resumes with `Last-Event-ID` (or `lastEventId`) like the public stream. One client address may hold a
                limited number of live streams open at once (`Api__MaxStreamsPerAddress`, 500 by default), public and
                moderators' streams together; one more is answered 429 with `Retry-After`.
                """)
            .RequireRateLimiting(Operations.Streams)
            .Produces<string>(StatusCodes.Status200OK, ServerSentEvents.ContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        moderation.MapGet("/settings", GetQuestionSettings).WithName(nameof(GetQuestionSettings))
            .WithSummary("How the dialogue takes questions (pre- or post-moderation).")
            .ProducesProblems(StatusCodes.Status404NotFound);
        moderation.MapPut("/settings", SetQuestionSettings).WithName(nameof(SetQuestionSettings))
            .WithSummary("Choose pre-moderation (default) or post-moderation for the dialogue (audited); moderators may change it.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var question = api.MapGroup("/questions/{id:guid}").WithTags("Questions");
        question.MapGet("/", GetModeratedQuestion).WithName(nameof(GetModeratedQuestion))
            .WithSummary("A question as moderators see it, with flags; the original of a redacted text for admins only.")
            .RequireRoles(Moderators)
            .ProducesProblems(StatusCodes.Status404NotFound);
        question.MapPost("/approve", ApproveQuestion).WithName(nameof(ApproveQuestion))
            .WithSummary("Publish a pending, hidden or rejected question; a flagged text needs `acknowledgeFlags` (422 otherwise).")
            .RequireRoles(Moderators)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        question.MapPost("/reject", RejectQuestion).WithName(nameof(RejectQuestion))
            .WithSummary("Reject a pending or hidden question with a reason the asker sees through the private link.")
            .RequireRoles(Moderators)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        question.MapPost("/merge", MergeQuestion).WithName(nameof(MergeQuestion))
            .WithSummary("Merge a duplicate into another question of the same dialogue; its votes move there (each voter counted once).")
            .RequireRoles(Moderators)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        question.MapPost("/pin", (Guid id, IMediator mediator, ClaimsPrincipal user, CancellationToken ct) => Pin(id, true, mediator, user, ct))
            .WithName("PinQuestion").WithSummary("Pin a published question to the top of the list.")
            .RequireRoles(Moderators)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        question.MapPost("/unpin", (Guid id, IMediator mediator, ClaimsPrincipal user, CancellationToken ct) => Pin(id, false, mediator, user, ct))
            .WithName("UnpinQuestion").WithSummary("Unpin a question.")
            .RequireRoles(Moderators)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        question.MapPost("/hide", HideQuestion).WithName(nameof(HideQuestion))
            .WithSummary("Take a pending or published question out of public view (approve publishes it again).")
            .RequireRoles(Moderators)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        question.MapPut("/text", RedactQuestion).WithName(nameof(RedactQuestion))
            .WithSummary("Edit the text to redact it (If-Match); the original is kept for admins and the audit.")
            .RequireRoles(Moderators)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired);
        question.MapPost("/answers", AnswerQuestion).WithName(nameof(AnswerQuestion))
            .WithSummary("Answer a published question in writing, or mark it answered live (actors answer for their organisation).")
            .WithDescription("""
                Staff answer for the organiser. An actor answers for its organisation, and only in a dialogue it accepted an
                invitation to (403 otherwise). An actor's text is published as written, so text that looks like personal data
                (identity numbers, phone numbers, e-mail or street addresses) is a 422 whose `findings` say what and where.
                """)
            .RequireRoles(Roles.Admin, Roles.Staff, Roles.Actor)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);
        question.MapPost("/votes", VoteForQuestion).WithName(nameof(VoteForQuestion))
            .WithSummary("Up-vote a published question with a voter token; a second vote by the same token changes nothing.")
            .RequireRateLimiting(Operations.Votes)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);

        api.MapPost("/voter-tokens", IssueVoterToken).WithName(nameof(IssueVoterToken)).WithTags("Questions")
            .WithSummary("A voter token for up-voting questions, without an account.")
            .RequireRateLimiting(Operations.AnonymousSessions)
            .ProducesProblems(StatusCodes.Status429TooManyRequests);
        api.MapGet("/question", GetMyQuestion).WithName(nameof(GetMyQuestion)).PrivateRead().WithTags("Questions")
            .WithSummary("The asker's own question through the private link (token in the X-Question-Token header): status, a rejection's reason, answers.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        api.MapPost("/questions/receipt-email", EmailQuestionReceipt).WithName(nameof(EmailQuestionReceipt)).WithTags("Questions")
            .WithSummary("E-mail the private question link to the asker; the address is erased once the message is sent.")
            .WithDescription("""
                The token travels in the body, never in the URL. One e-mail in the request's language (`Accept-Language`)
                names the event, carries the private link and says what it lets the asker do. The address is used for
                that message alone: it is not stored with the question, and the outbox erases it as soon as the message
                is sent (or finally given up). Requires an `Idempotency-Key` header: a retry with the same key and body
                sends nothing twice (`Idempotent-Replayed: true`). 404 when no question has the token.
                """)
            .RequireRateLimiting(Operations.AnonymousWrites)
            .WithProblemExample(StatusCodes.Status404NotFound, QuestionTexts.LinkUnknown)
            .WithProblemExample(StatusCodes.Status422UnprocessableEntity, CommonTexts.IdempotencyMismatch)
            .WithFieldProblemExample("email", RegistrationTexts.EmailInvalid)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status429TooManyRequests);
    }

    /// <param name="idempotencyKey" example="0f8fad5b-d9cb-469f-a165-70867728950e">A key the client generates per question and reuses on retries.</param>
    public static async Task<Created<AskReceipt>> AskQuestion(Guid id, [FromHeader(Name = Idempotency.Header), Required] string? idempotencyKey,
        QuestionRequest request, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var outcome = await mediator.Send(new AskQuestionCommand(id, idempotencyKey ?? "", request), ct);
        if (outcome.Replayed) http.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return TypedResults.Created("/api/v1/question", outcome.Receipt);
    }

    /// <param name="sort">votes (default) or time.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<QuestionList>> ListQuestions(string idOrSlug, [QueryEnum(typeof(QuestionSort))] string? sort, int? limit, string? cursor,
        IMediator mediator, HttpContext http, CancellationToken ct)
    {
        return TypedResults.Ok(await mediator.Send(
            new ListQuestionsQuery(idOrSlug, QueryEnum.Parse<QuestionSort>(sort, "sort"), limit, cursor), ct));
    }

    public static async Task<Ok<JoinLink>> GetJoinLink(string idOrSlug, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetJoinLinkQuery(idOrSlug), ct));

    /// <param name="code" example="K7M3PX">The code shown on the room's screen.</param>
    public static async Task<Ok<JoinTarget>> FindJoinCode(string code, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FindJoinCodeQuery(code), ct));

    /// <param name="lastEventIdHeader" example="0">The id of the last event received (sent by EventSource on reconnect).</param>
    /// <param name="lastEventId">The same as a query parameter, for the first connection (e.g. the list's <c>streamPosition</c>).</param>
    public static async Task StreamQuestions(string idOrSlug, [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader, long? lastEventId,
        IMediator mediator, DbSession db, QuestionStreamHub hub, NpgsqlDataSource dataSource, HttpContext http)
    {
        var after = LastEventId(lastEventIdHeader, lastEventId);
        var eventId = await mediator.Send(new FindStreamDialogueQuery(idOrSlug), http.RequestAborted);
        await db.ReleaseAsync();
        await ServerSentEvents.WriteAsync(http, hub, dataSource, eventId, StreamAudience.Public, after);
    }

    /// <param name="lastEventIdHeader" example="0">The id of the last event received (sent by EventSource on reconnect).</param>
    /// <param name="lastEventId">The same as a query parameter.</param>
    public static async Task StreamModerationQueue(Guid id, [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader, long? lastEventId,
        IMediator mediator, DbSession db, QuestionStreamHub hub, NpgsqlDataSource dataSource, HttpContext http)
    {
        var after = LastEventId(lastEventIdHeader, lastEventId);
        await mediator.Send(new GetQuestionSettingsQuery(id), http.RequestAborted);
        await db.ReleaseAsync();
        await ServerSentEvents.WriteAsync(http, hub, dataSource, id, StreamAudience.Moderators, after);
    }

    private static long? LastEventId(string? header, long? query)
    {
        if (string.IsNullOrEmpty(header)) return query is null or >= 0 ? query : throw InvalidLastEventId();
        return long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw InvalidLastEventId();
    }

    private static FluentValidation.ValidationException InvalidLastEventId() =>
        new([new FluentValidation.Results.ValidationFailure("Last-Event-ID", QuestionTexts.BadLastEventId.Format())]);

    /// <param name="status">pending (default: the queue), published, rejected, hidden or merged.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<ModeratedQuestion>>> ListModerationQueue(Guid id, [QueryEnum(typeof(QuestionStatus))] string? status, int? limit,
        string? cursor, IMediator mediator, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListModerationQueueQuery(id, QueryEnum.Parse<QuestionStatus>(status, "status"), limit,
            cursor, IsAdmin(user)), ct));

    public static async Task<Ok<QuestionSettings>> GetQuestionSettings(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetQuestionSettingsQuery(id), ct));

    public static async Task<Ok<QuestionSettings>> SetQuestionSettings(Guid id, QuestionSettings settings, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SetQuestionSettingsCommand(id, settings), ct));

    public static async Task<Ok<ModeratedQuestion>> GetModeratedQuestion(Guid id, IMediator mediator, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new GetModeratedQuestionQuery(id, IsAdmin(user)), ct)));

    public static async Task<Ok<ModeratedQuestion>> ApproveQuestion(Guid id, ApprovalRequest request, IMediator mediator, ClaimsPrincipal user,
        HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new ApproveQuestionCommand(id, request, IsAdmin(user)), ct)));

    public static async Task<Ok<ModeratedQuestion>> RejectQuestion(Guid id, RejectionRequest request, IMediator mediator, ClaimsPrincipal user,
        HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new RejectQuestionCommand(id, request, IsAdmin(user)), ct)));

    public static async Task<Ok<ModeratedQuestion>> MergeQuestion(Guid id, MergeRequest request, IMediator mediator, ClaimsPrincipal user,
        HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new MergeQuestionCommand(id, request, IsAdmin(user)), ct)));

    private static async Task<Ok<ModeratedQuestion>> Pin(Guid id, bool pinned, IMediator mediator, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new PinQuestionCommand(id, pinned, IsAdmin(user)), ct));

    public static async Task<Ok<ModeratedQuestion>> HideQuestion(Guid id, IMediator mediator, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new HideQuestionCommand(id, IsAdmin(user)), ct)));

    /// <param name="ifMatch" example="&quot;1&quot;">The ETag of the question as last read.</param>
    public static async Task<Ok<ModeratedQuestion>> RedactQuestion(Guid id, [FromHeader(Name = "If-Match"), Required] string? ifMatch,
        RedactionRequest request, IMediator mediator, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new RedactQuestionCommand(id, ETags.RequireVersion(ifMatch), request, IsAdmin(user)), ct)));

    public static async Task<Ok<ModeratedQuestion>> AnswerQuestion(Guid id, AnswerRequest request, IMediator mediator, ClaimsPrincipal user,
        HttpContext http, CancellationToken ct)
    {
        Guid? actorId = user.IsInRole(Roles.Actor) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Staff) ? user.RequireActorId() : null;
        return Tagged(http, TypedResults.Ok(await mediator.Send(new AnswerQuestionCommand(id, request, actorId, IsAdmin(user)), ct)));
    }

    /// <param name="voterToken">The voter token from <c>POST /voter-tokens</c>.</param>
    public static async Task<Ok<VoteResult>> VoteForQuestion(Guid id, [FromHeader(Name = VoterTokens.Header), Required] string? voterToken,
        IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new VoteForQuestionCommand(id, voterToken ?? ""), ct));

    public static async Task<Created<VoterToken>> IssueVoterToken(IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Created((string?)null, await mediator.Send(new IssueVoterTokenCommand(), ct));

    /// <param name="token">The secret of the private question link (the part after <c>#</c>), as a header.</param>
    public static async Task<Ok<MyQuestion>> GetMyQuestion([FromHeader(Name = QuestionTokens.Header), Required] string? token, IMediator mediator,
        HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMyQuestionQuery(token ?? ""), ct));

    /// <param name="idempotencyKey" example="6c1f5d2a-3b4e-4f8a-9d7c-1e2b3a4c5d6f">A key the client generates per sending and reuses on retries.</param>
    public static async Task<Accepted> EmailQuestionReceipt([FromHeader(Name = Idempotency.Header), Required] string? idempotencyKey,
        QuestionReceiptEmailRequest request, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";
        var replayed = await mediator.Send(new EmailQuestionReceiptCommand(idempotencyKey ?? "", request, language), ct);
        if (replayed) http.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return TypedResults.Accepted((string?)null);
    }

    private static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    private static Ok<ModeratedQuestion> Tagged(HttpContext http, Ok<ModeratedQuestion> result)
    {
        http.Response.Headers.ETag = ETags.For(result.Value!.Version);
        return result;
    }

}
