using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

/// <summary>
/// The survey after each dialogue and walk: participants answer through their personal link, the results are public per
/// event and per area from a minimum number of answers, and moderators decide which free texts are shown.
/// </summary>
public static class SurveysEndpoints
{
    private static readonly string[] Moderators = [Roles.Admin, Roles.Staff, Roles.Moderator];

    /// <summary>The feature's settings (section <c>Surveys</c>) and its questions (section <c>SurveyQuestions</c>).</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        var sets = SurveyQuestionSets.Read(configuration);
        services.AddSingleton(sets);
        services.AddSettings<SurveyOptions>(configuration, "Surveys", (s, _) =>
        [
            .. Settings.Between("Surveys__AnswerDays", s.AnswerDays, 1, 365),
            // Fewer than three answers would let participants of a small walk recognise each other's.
            .. Settings.Between("Surveys__MinimumAnswers", s.MinimumAnswers, 3, 10_000),
            .. sets.Problems(s),
        ]);
        return services;
    }

    public static void MapSurveys(this IEndpointRouteBuilder api)
    {
        var survey = api.MapGroup("/survey").WithTags("Surveys")
            .WithProblemExample(StatusCodes.Status404NotFound, SurveyTexts.NotFound);
        survey.MapGet("/", GetSurveyForm).WithName(nameof(GetSurveyForm)).PrivateRead()
            .WithSummary("The survey behind a participant's link (token in the X-Survey-Token header): the event, the questions and whether it still takes an answer.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        survey.MapPost("/answer", AnswerSurvey).WithName(nameof(AnswerSurvey))
            .WithSummary("Answer the survey, once per link, before the link expires.")
            .WithDescription("""
                The answer is stored without any link to the registration or the e-mail address. A second answer through the
                same link is a 409 problem, as is an answer after the link expired (`Surveys__AnswerDays` after the event was
                closed). The free text `priority` is optional (at most 500 characters); text that looks like personal data
                (identity numbers, phone numbers, e-mail or street addresses) is a 422 problem with `findings`, so it can be
                rephrased, and any other text is public only once a moderator approves it.
                """)
            .RequireRateLimiting(Operations.AnonymousWrites)
            .WithFieldProblemExample("safety", SurveyTexts.SafetyRange)
            .WithProblemExample(StatusCodes.Status409Conflict, SurveyTexts.AlreadyAnswered)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);

        foreach (var (path, kind, singular, tag) in new[] { ("/dialogues", EventKind.Dialogue, "Dialogue", "Dialogues"), ("/walks", EventKind.Walk, "Walk", "Walks") })
            api.MapGet($"{path}/{{idOrSlug}}/survey-results", (string idOrSlug, IMediator mediator, CancellationToken ct) => GetResults(kind, idOrSlug, mediator, ct))
                .WithName($"Get{singular}SurveyResults").PublicCache(SharedCache.Listing, CacheVary.Language).WithTags(tag, "Surveys")
                .WithSummary($"What the {singular.ToLowerInvariant()}'s participants answered afterwards: figures and approved texts only from `minimumAnswers` answers (`tooFewAnswers` below).")
                .WithProblemExample(StatusCodes.Status404NotFound, EventTexts.NotFound, "tryggare-fruangen")
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/areas/{slug}/survey-results", GetAreaSurveyResults).WithName(nameof(GetAreaSurveyResults))
            .PublicCache(SharedCache.Listing, CacheVary.Language).WithTags("Areas", "Surveys", "Statistics")
            .WithSummary("Perceived safety from the surveys after the area's dialogues and walks: over all answers and per half-year or quarter, each only from `minimumAnswers` answers. Not a representative survey.")
            .WithProblemExample(StatusCodes.Status404NotFound, AreaTexts.NotFound, "fruangn")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var moderation = api.MapGroup("/survey-texts").WithTags("Surveys").RequireRoles(Moderators)
            .WithProblemExample(StatusCodes.Status404NotFound, SurveyTexts.TextNotFound);
        moderation.MapGet("/", ListSurveyTexts).WithName(nameof(ListSurveyTexts))
            .WithSummary("Participants' free texts for moderation: pending ones oldest first (or another status, or one event's).")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        moderation.MapPost("/{id:guid}/approve", ApproveSurveyText).WithName(nameof(ApproveSurveyText))
            .WithSummary("Show the text with the event's results (audited).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        moderation.MapPost("/{id:guid}/reject", RejectSurveyText).WithName(nameof(RejectSurveyText))
            .WithSummary("Keep the text out of public view (audited); it can still be approved later.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    /// <param name="token">The secret of the survey link (the part after <c>#</c>). Sent as a header, never in a URL.</param>
    public static async Task<Ok<SurveyForm>> GetSurveyForm([FromHeader(Name = SurveyInvitations.Header), Required] string? token, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSurveyFormQuery(token ?? ""), ct));

    /// <param name="token">The secret of the survey link, as a header.</param>
    public static async Task<Ok<SurveyReceipt>> AnswerSurvey([FromHeader(Name = SurveyInvitations.Header), Required] string? token,
        SurveyAnswerRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AnswerSurveyCommand(token ?? "", request), ct));

    private static async Task<Ok<EventSurveyResults>> GetResults(EventKind kind, string idOrSlug, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEventSurveyResultsQuery(kind, idOrSlug), ct));

    /// <param name="slug" example="fruangen">The area: a neighbourhood, the district (all its neighbourhoods) or the city.</param>
    /// <param name="period">Periods of the trend: `halfYear` (default) or `quarter`.</param>
    public static async Task<Ok<AreaSurveyResults>> GetAreaSurveyResults(string slug, [QueryEnum(typeof(SurveyPeriod))] string? period,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetAreaSurveyResultsQuery(slug, QueryEnum.Parse<SurveyPeriod>(period, "period")), ct));

    /// <param name="status">Which texts: `pending` (default), `approved` or `rejected`.</param>
    /// <param name="eventId">Only this event's.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<SurveyText>>> ListSurveyTexts([QueryEnum(typeof(SurveyTextStatus))] string? status, Guid? eventId, int? limit,
        string? cursor, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSurveyTextsQuery(QueryEnum.Parse<SurveyTextStatus>(status, "status"), eventId, limit, cursor), ct));

    public static async Task<Ok<SurveyText>> ApproveSurveyText(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReviewSurveyTextCommand(id, SurveyTextStatus.Approved), ct));

    public static async Task<Ok<SurveyText>> RejectSurveyText(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReviewSurveyTextCommand(id, SurveyTextStatus.Rejected), ct));
}
