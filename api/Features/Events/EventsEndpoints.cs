using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>
/// Staff planning of dialogues and walks. The lifecycle is a set of explicit actions:
/// create (draft) → publish (routine checks) → reschedule / cancel → close (after the event, with minutes and feedback).
/// </summary>
public static class EventsEndpoints
{
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<InvitationOptions>(configuration, "Invitations", (invitations, _) =>
            Settings.Between("Invitations__ReminderAfterDays", invitations.ReminderAfterDays, 1, 365));
        services.AddSingleton<IPeriodicJob, InvitationReminders>();
        services.AddSingleton<IStartupTask, DemoSeedTask>();
        services.AddSettings<PublishingOptions>(configuration, "Publishing", (publishing, _) =>
        [
            .. Settings.Between("Publishing__MinimumPublicNoticeDays", publishing.MinimumPublicNoticeDays, 0, 365),
            .. Settings.Between("Publishing__MinimumActorNoticeDays", publishing.MinimumActorNoticeDays, 0, 365),
            .. Settings.Between("Publishing__FeedbackWithinDays", publishing.FeedbackWithinDays, 1, 365),
            .. publishing.RequiredActorKinds.Select((kind, i) => (kind, i))
                .Where(k => !Enum.GetValues<Actors.ActorKind>().Any(v => WireName.Of(v) == k.kind))
                .Select(k => $"Publishing__RequiredActorKinds__{k.i}: '{k.kind}' is no actor kind ({string.Join(", ", Enum.GetValues<Actors.ActorKind>().Select(v => WireName.Of(v)))})."),
            .. publishing.WarnOnly.Select((check, i) => (check, i)).Where(c => !EventTexts.IsCheck(c.check))
                .Select(c => $"Publishing__WarnOnly__{c.i}: '{c.check}' is no routine check."),
        ]);
        services.AddSettings<ContentOptions>(configuration, "Content", SettingsRules.Content);
        return services;
    }

    /// <summary>Staff planning, invitations' RSVP links and the public listings and feeds.</summary>
    public static void MapEvents(this IEndpointRouteBuilder api)
    {
        api.MapEventPlans();
        api.MapRsvp();
        api.MapPublicEvents();
    }

    private static void MapEventPlans(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Planning").RequireRoles(Roles.Admin, Roles.Staff)
            .WithProblemExample(StatusCodes.Status404NotFound, EventTexts.NotFound, ExampleValues.DialogueId)
            .WithProblemExample(StatusCodes.Status409Conflict, EventTexts.Transition, EventTexts.Action("publish"), EventTexts.Status(EventStatus.Held));

        group.MapGet("/", ListEventPlans).WithName(nameof(ListEventPlans))
            .WithSummary("Every dialogue and walk, drafts included, in start order.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapPost("/", CreateEvent).WithName(nameof(CreateEvent))
            .WithSummary("Plan a dialogue or walk as a draft (audited). The slug is generated from title and date unless given.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:guid}", GetEventPlan).WithName(nameof(GetEventPlan))
            .WithSummary("The whole event as staff see it, remote link included; the ETag header carries the version.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateEvent).WithName(nameof(UpdateEvent))
            .WithSummary("Edit a draft or published event (If-Match). A published event's times change only through reschedule.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{id:guid}/publication-check", CheckPublication).WithName(nameof(CheckPublication))
            .WithDescription("""
                Dry run of the routine checks, without publishing: `publicNotice` (at least 14 days' notice to the public),
                `actorNotice` (actors invited at least 21 days ahead), `requiredActors` (the police and the administration
                invited), `venueAccessibility` (address and accessibility stated for on-site and hybrid), `remoteLink`
                (a link for remote and hybrid). Thresholds and which checks only warn are configured under `Publishing`.
                """)
            .WithSummary("Run the routine checks without publishing.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/invitations", ListInvitations).WithName(nameof(ListInvitations))
            .WithSummary("The actors invited to an event and their answers.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/invitations", InviteActors).WithName(nameof(InviteActors))
            .WithSummary("Invite actors (audited). Each new invitation carries the secret of its RSVP link once, in this response.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/publish", PublishEvent).WithName(nameof(PublishEvent))
            .WithSummary("Publish a draft. Failing blocking checks answer 422 with `checks`, unless `overrideReason` is given (audited).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithProblemExample(StatusCodes.Status422UnprocessableEntity, EventTexts.ChecksFailed, "requiredActors");
        group.MapPost("/{id:guid}/reschedule", RescheduleEvent).WithName(nameof(RescheduleEvent))
            .WithSummary("Move a published event to a new time; it is shown as rescheduled and calendars update.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/cancel", CancelEvent).WithName(nameof(CancelEvent))
            .WithSummary("Cancel a published event with a reason shown to the public.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/translations", ListEventTranslations).WithName(nameof(ListEventTranslations))
            .WithSummary("The event's translations (title, description, place texts, agenda) into the content languages, each saying whether the event was edited since.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/translations/{language}", PutEventTranslation).WithName(nameof(PutEventTranslation))
            .WithSummary("Add or replace the translation into one of the content languages (Content__Languages, not sv); audited. Texts that look like personal data come back as `personalDataWarnings`.")
            .WithFieldProblemExample("language", EventTexts.LanguageNotOffered, "de", "sv, en, sv-x-lattlast, fi, ar, so")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}/translations/{language}", DeleteEventTranslation).WithName(nameof(DeleteEventTranslation))
            .WithSummary("Remove the translation into one language (audited); the public reads the event in Swedish or another of its languages again.")
            .WithProblemExample(StatusCodes.Status404NotFound, EventTexts.TranslationNotFound, "ar")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/close", CloseEvent).WithName(nameof(CloseEvent))
            .WithSummary("Close a held event with minutes, attendance on site and remote, and feedback (what was raised, what will happen).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    public const string RsvpTokenHeader = "X-Rsvp-Token";

    private static void MapRsvp(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/rsvp").WithTags("Invitations");
        group.MapGet("/", GetRsvp).WithName(nameof(GetRsvp)).PrivateRead()
            .WithSummary("What an invited actor sees through the secret RSVP link (token in the X-Rsvp-Token header).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPost("/", AnswerRsvp).WithName(nameof(AnswerRsvp))
            .WithSummary("Accept or decline an invitation through the secret RSVP link, with a note.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    /// <param name="kind">Only dialogues or only walks.</param>
    /// <param name="drafts">true: only drafts; false: no drafts.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<EventPlan>>> ListEventPlans([QueryEnum(typeof(EventKind))] string? kind, bool? drafts, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListEventPlansQuery(QueryEnum.Parse<EventKind>(kind, "kind"), drafts, limit, cursor), ct));

    public static async Task<Created<EventPlan>> CreateEvent(EventInput input, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var plan = await mediator.Send(new CreateEventCommand(input), ct);
        return Tagged(http, TypedResults.Created($"/api/v1/events/{plan.Id}", plan));
    }

    public static async Task<Ok<EventPlan>> GetEventPlan(Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new GetEventPlanQuery(id), ct)));

    /// <param name="ifMatch" example="&quot;1&quot;">The ETag of the event as last read.</param>
    public static async Task<Ok<EventPlan>> UpdateEvent(Guid id, [FromHeader(Name = "If-Match"), Required] string? ifMatch, EventInput input,
        IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new UpdateEventCommand(id, ETags.RequireVersion(ifMatch), input), ct)));

    public static async Task<Ok<PublicationReport>> CheckPublication(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CheckPublicationQuery(id), ct));

    public static async Task<Ok<EventPlan>> PublishEvent(Guid id, PublishRequest? request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new PublishEventCommand(id, request?.OverrideReason), ct)));

    public static async Task<Ok<EventPlan>> RescheduleEvent(Guid id, RescheduleRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new RescheduleEventCommand(id, request), ct)));

    public static async Task<Ok<EventPlan>> CancelEvent(Guid id, CancelRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new CancelEventCommand(id, request), ct)));

    public static async Task<Ok<EventPlan>> CloseEvent(Guid id, Closing closing, IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new CloseEventCommand(id, closing), ct)));

    public static async Task<Ok<IReadOnlyList<EventTranslation>>> ListEventTranslations(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListEventTranslationsQuery(id), ct));

    /// <param name="language" example="en">A content language other than <c>sv</c>: <c>en</c>, <c>sv-x-lattlast</c>, <c>fi</c>, <c>ar</c>, <c>so</c> by default.</param>
    public static async Task<Ok<EventTranslation>> PutEventTranslation(Guid id, string language, EventTranslationInput translation, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new PutEventTranslationCommand(id, language, translation), ct));

    /// <param name="language" example="en">A content language other than <c>sv</c>.</param>
    public static async Task<NoContent> DeleteEventTranslation(Guid id, string language, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteEventTranslationCommand(id, language), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<Invitation>>> ListInvitations(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListInvitationsQuery(id), ct));

    public static async Task<Ok<IReadOnlyList<Invitation>>> InviteActors(Guid id, InviteRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new InviteActorsCommand(id, request), ct));

    /// <param name="token">The secret of the RSVP link (the part after <c>#</c>). Sent as a header, never in a URL, so that it
    /// stays out of access logs and browser history.</param>
    public static async Task<Ok<RsvpView>> GetRsvp([FromHeader(Name = RsvpTokenHeader), Required] string? token, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetRsvpQuery(token ?? ""), ct));

    /// <param name="token">The secret of the RSVP link (the part after <c>#</c>), as a header.</param>
    public static async Task<Ok<RsvpView>> AnswerRsvp([FromHeader(Name = RsvpTokenHeader), Required] string? token, RsvpRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AnswerRsvpCommand(token ?? "", request), ct));

    private static T Tagged<T>(HttpContext http, T result) where T : IValueHttpResult
    {
        if (result.Value is EventPlan plan) http.Response.Headers.ETag = ETags.For(plan.Version);
        return result;
    }
}
