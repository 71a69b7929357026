namespace Trygghet.Api.Features.Alerts;

/// <summary>How often a subscriber is e-mailed: one message per alert soon after it happens, or one summary a week.</summary>
public enum AlertFrequency { Immediate, Weekly }

/// <summary>The language of the e-mails.</summary>
public enum AlertLanguage { Sv, En }

/// <summary>A resident asks for e-mail alerts about areas, without an account.</summary>
/// <param name="Email" example="ada@example.se">Where the alerts go. Used for nothing else; erased on unsubscribing.</param>
/// <param name="Areas" example="[&quot;fruangen&quot;]">Slugs of neighbourhoods, or of the district (<c>hagersten-alvsjo</c>) for everything.</param>
/// <param name="Frequency">Each alert at once, or a weekly summary.</param>
/// <param name="Language">The language of the e-mails; by default the request's (<c>Accept-Language</c>).</param>
public sealed record AlertSubscriptionRequest(string Email, IReadOnlyList<string> Areas, AlertFrequency Frequency, AlertLanguage? Language = null);

/// <summary>New choices for a subscription.</summary>
/// <param name="Areas" example="[&quot;fruangen&quot;, &quot;midsommarkransen&quot;]">Slugs of neighbourhoods, or of the district for everything.</param>
/// <param name="Frequency">Each alert at once, or a weekly summary.</param>
/// <param name="Language">The language of the e-mails; unchanged when left out.</param>
public sealed record AlertSubscriptionChange(IReadOnlyList<string> Areas, AlertFrequency Frequency, AlertLanguage? Language = null);

/// <summary>An area a subscription follows.</summary>
public sealed record AlertArea(string Slug, string Name);

/// <summary>A subscription as its owner sees it through a link of its e-mails.</summary>
/// <param name="Email">The address the alerts go to.</param>
/// <param name="WholeDistrict">True when it follows the whole district (every area).</param>
/// <param name="Areas">The neighbourhoods it follows (empty for the whole district).</param>
/// <param name="Confirmed">False until a link from the confirmation e-mail is used: until then nothing is sent.</param>
public sealed record AlertSubscriptionView(string Email, bool WholeDistrict, IReadOnlyList<AlertArea> Areas, AlertFrequency Frequency,
    AlertLanguage Language, bool Confirmed, DateTimeOffset? ConfirmedAt);

/// <summary>Options of alerts by area.</summary>
public sealed class AlertOptions
{
    /// <summary>Days an unconfirmed subscription is kept before it is erased with its address.</summary>
    public int UnconfirmedDays { get; set; } = 7;
}
