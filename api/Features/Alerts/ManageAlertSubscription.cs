using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

public sealed record GetMyAlertSubscriptionQuery(string Token) : IQuery<AlertSubscriptionView>;

public sealed class GetMyAlertSubscriptionValidator : AbstractValidator<GetMyAlertSubscriptionQuery>
{
    public GetMyAlertSubscriptionValidator() => this.ValidToken(q => q.Token);
}

/// <summary>The subscription behind a link of its e-mails, with the address it goes to.</summary>
public sealed class GetMyAlertSubscriptionHandler(DbSession db) : IQueryHandler<GetMyAlertSubscriptionQuery, AlertSubscriptionView>
{
    public async ValueTask<AlertSubscriptionView> Handle(GetMyAlertSubscriptionQuery query, CancellationToken ct) =>
        await AlertStore.ViewAsync(db, (await AlertStore.FindAsync(db, query.Token, forUpdate: false, ct)).Id, ct);
}

public sealed record ConfirmAlertSubscriptionCommand(string Token) : ICommand<AlertSubscriptionView>;

public sealed class ConfirmAlertSubscriptionValidator : AbstractValidator<ConfirmAlertSubscriptionCommand>
{
    public ConfirmAlertSubscriptionValidator() => this.ValidToken(c => c.Token);
}

/// <summary>
/// The second step of the double opt-in: from now on alerts are sent (only about what happens from now on). Confirming again
/// keeps the first time. A weekly subscription's first week starts now.
/// </summary>
public sealed class ConfirmAlertSubscriptionHandler(DbSession db, TimeProvider clock) : ICommandHandler<ConfirmAlertSubscriptionCommand, AlertSubscriptionView>
{
    public async ValueTask<AlertSubscriptionView> Handle(ConfirmAlertSubscriptionCommand command, CancellationToken ct)
    {
        var row = await AlertStore.FindAsync(db, command.Token, forUpdate: true, ct);
        if (row.ConfirmedAt is null)
            await db.ExecuteAsync("update alert_subscription set confirmed_at = @now, digest_from = @now where id = @Id",
                new { row.Id, now = clock.GetUtcNow() }, ct);
        return await AlertStore.ViewAsync(db, row.Id, ct);
    }
}

public sealed record ChangeMyAlertSubscriptionCommand(string Token, AlertSubscriptionChange Change) : ICommand<AlertSubscriptionView>;

public sealed class ChangeMyAlertSubscriptionValidator : AbstractValidator<ChangeMyAlertSubscriptionCommand>
{
    public ChangeMyAlertSubscriptionValidator()
    {
        this.ValidToken(c => c.Token);
        this.ValidAreas(c => c.Change.Areas);
        RuleFor(c => c.Change.Frequency).IsInEnum().OverridePropertyName("frequency");
        RuleFor(c => c.Change.Language).IsInEnum().OverridePropertyName("language");
    }
}

/// <summary>
/// New areas, frequency or language. Using a link also confirms: it could only have come from an e-mail to the address.
/// Alerts already sent are not sent again; a change to weekly starts its week now.
/// </summary>
public sealed class ChangeMyAlertSubscriptionHandler(DbSession db, TimeProvider clock) : ICommandHandler<ChangeMyAlertSubscriptionCommand, AlertSubscriptionView>
{
    public async ValueTask<AlertSubscriptionView> Handle(ChangeMyAlertSubscriptionCommand command, CancellationToken ct)
    {
        var row = await AlertStore.FindAsync(db, command.Token, forUpdate: true, ct);
        var (wholeDistrict, areaIds) = await AlertStore.ResolveAreasAsync(db, command.Change.Areas, ct);
        var frequency = WireName.Of(command.Change.Frequency);
        await db.ExecuteAsync("""
            update alert_subscription set whole_district = @wholeDistrict, frequency = @frequency, language = @language,
                   confirmed_at = coalesce(confirmed_at, @now),
                   digest_from = case when frequency = @frequency and digest_from is not null then digest_from else @now end
            where id = @Id
            """, new
        {
            row.Id,
            wholeDistrict,
            frequency,
            now = clock.GetUtcNow(),
            language = command.Change.Language is { } l ? WireName.Of(l) : row.Language,
        }, ct);
        await AlertStore.SaveAreasAsync(db, row.Id, areaIds, ct);
        return await AlertStore.ViewAsync(db, row.Id, ct);
    }
}

public sealed record UnsubscribeFromAlertsCommand(string Token) : ICommand<Unit>;

public sealed class UnsubscribeFromAlertsValidator : AbstractValidator<UnsubscribeFromAlertsCommand>
{
    public UnsubscribeFromAlertsValidator() => this.ValidToken(c => c.Token);
}

/// <summary>
/// Ends the subscription and erases the address: the row goes, with its areas, links and record of what was sent, and the
/// messages to it not yet sent. Those already sent kept no address (the outbox forgets it on sending). Nothing personal is
/// left, so an unknown link answers the same as a used one: nothing to unsubscribe.
/// </summary>
public sealed class UnsubscribeFromAlertsHandler(DbSession db) : ICommandHandler<UnsubscribeFromAlertsCommand, Unit>
{
    public async ValueTask<Unit> Handle(UnsubscribeFromAlertsCommand command, CancellationToken ct)
    {
        await db.ExecuteAsync("""
            with ended as (
                delete from alert_subscription where id = (select subscription_id from alert_link where token_hash = @hash)
                returning id)
            delete from outbox where sent_at is null and alert_subscription_id in (select id from ended)
            """, new { hash = SecretTokens.Hash(command.Token) }, ct);
        return Unit.Value;
    }
}
