using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>
/// Registration without an account: residents register for a dialogue or walk (idempotent, rate limited), then
/// manage it through the secret link; staff see the list and check people in.
/// </summary>
public static class RegistrationsEndpoints
{
    private const string IdempotencyExample = "0f8fad5b-d9cb-469f-a165-70867728950e";

    /// <summary>The feature's options, services and periodic jobs.</summary>
    public static IServiceCollection AddRegistrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RegistrationOptions>(configuration, "Registrations", (r, _) =>
        [
            .. Settings.Between("Registrations__MeetingLinkOpensMinutesBefore", r.MeetingLinkOpensMinutesBefore, 0, 7 * 24 * 60),
            .. Settings.Between("Registrations__ReminderHoursBefore", r.ReminderHoursBefore, 1, 30 * 24),
            .. Settings.AtLeast("Registrations__RetentionDays", r.RetentionDays, 0),
        ]);
        services.AddSingleton<OpenEvents>();
        services.AddSingleton<ICheckInCodes, CheckInCodes>();
        services.AddSingleton<IPeriodicJob, RegistrationReminders>();
        services.AddSingleton<IPeriodicJob, RegistrationRetention>();
        return services;
    }

    public static void MapRegistrations(this IEndpointRouteBuilder api)
    {
        foreach (var (path, kind, singular, tag) in new[] { ("/dialogues", EventKind.Dialogue, "Dialogue", "Dialogues"), ("/walks", EventKind.Walk, "Walk", "Walks") })
        {
            api.MapPost($"{path}/{{id:guid}}/registrations", (Guid id, [FromHeader(Name = Idempotency.Header), Required] string? idempotencyKey,
                    RegistrationRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
                    Register(kind, id, idempotencyKey, request, mediator, http, ct))
                .WithName($"RegisterFor{singular}").WithTags(tag, "Registrations")
                .WithSummary($"Register for a {singular.ToLowerInvariant()}, on site or remotely, without an account.")
                .WithDescription("""
                    Anonymous and rate limited. Requires an `Idempotency-Key` header (8–255 visible ASCII characters, e.g. a UUID):
                    a retry with the same key and body gets the same answer (header `Idempotent-Replayed: true`) and registers nobody
                    twice; the same key with another body is a 422 problem. Places are given first come, first served, per mode;
                    when they are taken the registration is `waitlisted` and promoted in order when places free up. Closed
                    registration is a problem naming `reason`: 409 for `notPublished`, `cancelled`, `held`; 422 for `deadlinePassed`,
                    `modeNotOffered`. The answer carries the secret manage link once; an e-mail (when given) carries it too.
                    """)
                .RequireRateLimiting(Operations.AnonymousWrites)
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                    StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests)
                .WithFieldProblemExample("email", RegistrationTexts.EmailInvalid)
                .WithProblemExample(StatusCodes.Status404NotFound, EventTexts.NotFound, ExampleValues.DialogueId)
                .WithProblemReasonExample(StatusCodes.Status409Conflict, RegistrationTexts.Cancelled, "cancelled")
                .WithProblemReasonExample(StatusCodes.Status422UnprocessableEntity, RegistrationTexts.DeadlinePassed, "deadlinePassed");

            api.MapGet($"{path}/{{idOrSlug}}/availability", async (string idOrSlug, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    return TypedResults.Ok(await mediator.Send(new GetAvailabilityQuery(kind, idOrSlug), ct));
                })
                .WithName($"Get{singular}Availability").PublicCache(SharedCache.Live).WithTags(tag, "Registrations")
                .WithSummary($"Whether the {singular.ToLowerInvariant()} takes registrations, and the places left on site and remotely.")
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        }

        var manage = api.MapGroup("/registration").WithTags("Registrations")
            .WithProblemExample(StatusCodes.Status404NotFound, RegistrationTexts.NotFound);
        manage.MapGet("/", GetMyRegistration).WithName(nameof(GetMyRegistration)).PrivateRead()
            .WithSummary("The registration behind a manage link (token in the X-Registration-Token header), with the personal data kept.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        manage.MapPost("/mode", ChangeMyMode).WithName(nameof(ChangeMyMode))
            .WithSummary("Change between on site and remote; 422 when the new mode has no free place (the registration stays as it was).")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);
        manage.MapPost("/cancel", CancelMyRegistration).WithName(nameof(CancelMyRegistration))
            .WithSummary("Cancel the registration; the place goes to the first on the waitlist. Cancelling again changes nothing.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);
        manage.MapDelete("/personal-data", EraseMyPersonalData).WithName(nameof(EraseMyPersonalData))
            .WithSummary("Erase e-mail, name and accessibility needs now, with the messages about the registration. The place is kept.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        manage.MapPost("/join", JoinMeeting).WithName(nameof(JoinMeeting))
            .WithSummary("The meeting link, for a confirmed remote participant from a set time before the start (default 30 minutes) until the end.")
            .WithDescription("Before the window opens: 409 with `opensAt`. Fetching the link counts as remote attendance.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);

        var staff = api.MapGroup("/events/{id:guid}").WithTags("Registrations").RequireRoles(Roles.Admin, Roles.Staff);
        staff.MapGet("/registrations", ListRegistrations).WithName(nameof(ListRegistrations))
            .WithSummary("An event's registrations in the order they came, with personal data (every read is audited).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        staff.MapGet("/registrations/export", ExportRegistrations).WithName(nameof(ExportRegistrations))
            .WithSummary("All of an event's registrations as CSV (times in Europe/Stockholm; audited).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblems(StatusCodes.Status404NotFound);
        staff.MapGet("/registrations/summary", GetRegistrationSummary).WithName(nameof(GetRegistrationSummary))
            .WithSummary("Registrations and attendance on site and remote.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        staff.MapPost("/check-ins", CheckIn).WithName(nameof(CheckIn))
            .WithSummary("Check a participant in by their eight-character code (audited). Checking in twice keeps the first time.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    /// <param name="idempotencyKey" example="0f8fad5b-d9cb-469f-a165-70867728950e">A key the client generates per registration and reuses on retries.</param>
    private static async Task<Created<RegistrationReceipt>> Register(EventKind kind, Guid id, string? idempotencyKey, RegistrationRequest request,
        IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";
        var outcome = await mediator.Send(new RegisterCommand(kind, id, idempotencyKey ?? "", request, language), ct);
        if (outcome.Replayed) http.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return TypedResults.Created("/api/v1/registration", outcome.Receipt);
    }

    /// <param name="token">The secret of the manage link (the part after <c>#</c>). Sent as a header, never in a URL.</param>
    public static async Task<Ok<ManagedRegistration>> GetMyRegistration([FromHeader(Name = ManageTokenRules.Header), Required] string? token,
        IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMyRegistrationQuery(token ?? ""), ct));

    /// <param name="token">The secret of the manage link, as a header.</param>
    public static async Task<Ok<ManagedRegistration>> ChangeMyMode([FromHeader(Name = ManageTokenRules.Header), Required] string? token,
        ModeChangeRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ChangeMyModeCommand(token ?? "", request), ct));

    /// <param name="token">The secret of the manage link, as a header.</param>
    public static async Task<Ok<ManagedRegistration>> CancelMyRegistration([FromHeader(Name = ManageTokenRules.Header), Required] string? token,
        IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CancelMyRegistrationCommand(token ?? ""), ct));

    /// <param name="token">The secret of the manage link, as a header.</param>
    public static async Task<NoContent> EraseMyPersonalData([FromHeader(Name = ManageTokenRules.Header), Required] string? token,
        IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new EraseMyPersonalDataCommand(token ?? ""), ct);
        return TypedResults.NoContent();
    }

    /// <param name="token">The secret of the manage link, as a header.</param>
    public static async Task<Ok<MeetingLink>> JoinMeeting([FromHeader(Name = ManageTokenRules.Header), Required] string? token,
        IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new JoinMeetingCommand(token ?? ""), ct));

    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<StaffRegistration>>> ListRegistrations(Guid id, int? limit, string? cursor, IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListRegistrationsQuery(id, limit, cursor), ct));

    public static async Task<ContentHttpResult> ExportRegistrations(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var csv = await mediator.Send(new ExportRegistrationsQuery(id), ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"anmalningar-{id:N}.csv\"";
        return TypedResults.Text(csv, "text/csv; charset=utf-8");
    }

    public static async Task<Ok<RegistrationSummary>> GetRegistrationSummary(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetRegistrationSummaryQuery(id), ct));

    public static async Task<Ok<StaffRegistration>> CheckIn(Guid id, CheckInRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CheckInCommand(id, request), ct));

}
