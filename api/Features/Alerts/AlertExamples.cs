using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

/// <summary>The contract's examples of a resident following Fruängen and Midsommarkransen by e-mail.</summary>
public sealed class AlertExamples : IContractExamples
{
    private static readonly DateTimeOffset Confirmed = new(2027, 2, 20, 20, 44, 0, TimeSpan.FromHours(1));

    public IEnumerable<object> Examples =>
    [
        new AlertSubscriptionRequest("anna.lindqvist@example.se", ["fruangen", "midsommarkransen"], AlertFrequency.Weekly, AlertLanguage.Sv),
        new AlertSubscriptionChange(["hagersten-alvsjo"], AlertFrequency.Immediate),
        new AlertSubscriptionView("anna.lindqvist@example.se", false, [new AlertArea("fruangen", "Fruängen"), new AlertArea("midsommarkransen", "Midsommarkransen")],
            AlertFrequency.Weekly, AlertLanguage.Sv, true, Confirmed),
    ];
}
