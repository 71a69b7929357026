using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

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
