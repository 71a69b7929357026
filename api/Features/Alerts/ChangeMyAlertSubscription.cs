using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

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
