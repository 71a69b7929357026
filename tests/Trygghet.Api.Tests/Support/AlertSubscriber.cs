using System.Text.RegularExpressions;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Support;

/// <summary>A confirmed alert subscription, made as a resident makes one: subscribe, then the link of the confirmation e-mail.</summary>
public static partial class AlertSubscriber
{
    /// <summary>Subscribes the address to Fruängen and confirms; returns the secret of the confirmation link.</summary>
    public static async Task<string> SubscribeAsync(ApiFactory api, string email)
    {
        await api.Client().SubscribeToAlertsAsync(new AlertSubscriptionRequest { Email = email, Areas = ["fruangen"], Frequency = AlertFrequency.Immediate });
        await api.DispatchAsync();
        var mail = api.Mails().Last(m => m.To.Mailboxes.Any(a => a.Address == email));
        var token = ConfirmLink().Match(mail.TextBody ?? "").Groups[1].Value;
        await api.Client().ConfirmAlertSubscriptionAsync(token);
        return token;
    }

    [GeneratedRegex("/bevaka/bekrafta#([A-Za-z0-9_-]{43})")]
    private static partial Regex ConfirmLink();
}
