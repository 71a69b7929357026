using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

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
