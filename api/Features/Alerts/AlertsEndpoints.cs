using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

/// <summary>
/// E-mail alerts by area, without an account: subscribe (double opt-in), then confirm, change or unsubscribe through the
/// links in the e-mails; mail apps unsubscribe in one click (RFC 8058).
/// </summary>
public static class AlertsEndpoints
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AlertOptions>(configuration, "Alerts", (a, _) =>
        [
            .. Settings.Between("Alerts__UnconfirmedDays", a.UnconfirmedDays, 1, 90),
        ]);
        services.AddSingleton<AlertMail>();
        services.AddSingleton<IPeriodicJob, AlertDispatch>();
        services.ConfigureSwaggerGen(options => options.SchemaFilter<AreaSlugsSchemaFilter>());
        return services;
    }

    public static void MapAlerts(this IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapPost("/subscriptions", Subscribe).WithName("SubscribeToAlerts")
            .WithSummary("Ask for e-mail alerts about one or more areas, or the whole district, at once or weekly, without an account.")
            .WithDescription("""
                Anonymous and rate limited. Double opt-in: the answer is always 202 and an e-mail goes to the address, so the API never
                tells whether an address is subscribed. A new address (or one not yet confirmed) gets a confirmation link
                `/bevaka/bekrafta#<token>`; until it is used nothing else is sent, and after `Alerts:UnconfirmedDays` (default 7) the
                address is erased. An address already subscribed is left as it is and gets a link to manage its subscription.

                Alerts cover dialogues and walks published or cancelled, feedback published after one, and measures added or
                changing status, in the chosen areas (a dialogue for the whole district reaches every neighbourhood). `immediate`
                sends one e-mail per alert within minutes; `weekly` one summary a week. Every e-mail carries a manage link
                `/bevaka/hantera#<token>` and the RFC 8058 headers `List-Unsubscribe` (an address of `POST /alerts/unsubscribe`)
                and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`.
                """)
            .RequireRateLimiting(Operations.AnonymousWrites)
            .WithFieldProblemExample("areas", AreaTexts.UnknownArea, "fruangn")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);

        var mine = alerts.MapGroup("/subscription").WithProblemExample(StatusCodes.Status404NotFound, AlertTexts.LinkUnknown);
        mine.MapGet("/", GetMyAlertSubscription).WithName(nameof(GetMyAlertSubscription)).PrivateRead()
            .WithSummary("The subscription behind a link of its e-mails (token in the X-Alert-Token header), with its address.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        mine.MapPost("/confirm", ConfirmAlertSubscription).WithName(nameof(ConfirmAlertSubscription))
            .WithSummary("Confirm a subscription with the link of its confirmation e-mail: alerts are sent from now on. Confirming again changes nothing.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        mine.MapPut("/", ChangeMyAlertSubscription).WithName(nameof(ChangeMyAlertSubscription))
            .WithSummary("Change the areas, how often or the language of the e-mails. Alerts already sent are not sent again.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .WithFieldProblemExample("areas", AreaTexts.UnknownArea, "fruangn")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        mine.MapDelete("/", UnsubscribeFromAlerts).WithName(nameof(UnsubscribeFromAlerts))
            .WithSummary("Unsubscribe: the address is erased at once, with the e-mails to it not yet sent. A link already used answers 204 as well.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);

        alerts.MapPost("/unsubscribe", UnsubscribeFromAlertsInOneClick).WithName(nameof(UnsubscribeFromAlertsInOneClick))
            .WithSummary("RFC 8058 one-click unsubscribe: the address of every alert e-mail's List-Unsubscribe header, POSTed by the mail app.")
            .WithDescription("""
                The mail app sends `POST` with the form body `List-Unsubscribe=One-Click` (RFC 8058) to the address in the header, which
                carries the link's secret as `token`; no other authentication. The address is erased as with
                `DELETE /alerts/subscription`, and the answer is 204 whether or not the subscription was still there. The body is not
                required: nothing but the secret decides.
                """)
            .DisableAntiforgery()
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Accepted> Subscribe(AlertSubscriptionRequest request, IMediator mediator, CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";
        await mediator.Send(new SubscribeToAlertsCommand(request, language), ct);
        return TypedResults.Accepted((string?)null);
    }

    /// <param name="token">The secret of a link of the subscription's e-mails (the part after <c>#</c>). Sent as a header, never in a URL.</param>
    public static async Task<Ok<AlertSubscriptionView>> GetMyAlertSubscription([FromHeader(Name = AlertRules.TokenHeader), Required] string? token,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMyAlertSubscriptionQuery(token ?? ""), ct));

    /// <param name="token">The secret of the confirmation link, as a header.</param>
    public static async Task<Ok<AlertSubscriptionView>> ConfirmAlertSubscription([FromHeader(Name = AlertRules.TokenHeader), Required] string? token,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ConfirmAlertSubscriptionCommand(token ?? ""), ct));

    /// <param name="token">The secret of a link of the subscription's e-mails, as a header.</param>
    public static async Task<Ok<AlertSubscriptionView>> ChangeMyAlertSubscription([FromHeader(Name = AlertRules.TokenHeader), Required] string? token,
        AlertSubscriptionChange change, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ChangeMyAlertSubscriptionCommand(token ?? "", change), ct));

    /// <param name="token">The secret of a link of the subscription's e-mails, as a header.</param>
    public static async Task<NoContent> UnsubscribeFromAlerts([FromHeader(Name = AlertRules.TokenHeader), Required] string? token,
        IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new UnsubscribeFromAlertsCommand(token ?? ""), ct);
        return TypedResults.NoContent();
    }

    /// <param name="token" example="q3Jb0oWl6R8m1nX9cVtZs2Yk4pEa7uHdLfGiOjQwPxy">The secret of the link, from the List-Unsubscribe address.</param>
    public static async Task<NoContent> UnsubscribeFromAlertsInOneClick([FromQuery, Required] string? token, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new UnsubscribeFromAlertsCommand(token ?? ""), ct);
        return TypedResults.NoContent();
    }
}
