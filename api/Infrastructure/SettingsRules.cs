namespace Trygghet.Api.Infrastructure;

/// <summary>
/// What the shared settings must be. Ranges hold in every environment; in Production the settings a city deployment
/// cannot do without are required too (Development runs with local defaults: the development token, the mail folder).
/// </summary>
public static class SettingsRules
{
    public static IEnumerable<string> Api(ApiOptions api, IHostEnvironment environment) =>
    [
        .. Settings.AtLeast("Api__MaxRequestBodyBytes", api.MaxRequestBodyBytes, 1024),
        .. Settings.AtLeast("Api__AnonymousWritesPerMinute", api.AnonymousWritesPerMinute, 1),
        .. Settings.AtLeast("Api__VoterTokensPerMinute", api.VoterTokensPerMinute, 1),
        .. Settings.AtLeast("Api__VotesPerMinute", api.VotesPerMinute, 1),
        .. Settings.AtLeast("Api__PlaceSearchesPerMinute", api.PlaceSearchesPerMinute, 1),
        .. Settings.AtLeast("Api__MaxStreamsPerAddress", api.MaxStreamsPerAddress, 1),
        .. api.CorsOrigins.SelectMany((origin, i) => Settings.Origin($"Api__CorsOrigins__{i}", origin, environment)),
    ];

    public static IEnumerable<string> Auth(AuthOptions auth, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(auth.Authority))
        {
            // Development signs its own tokens; every other environment validates the city's.
            if (!environment.IsDevelopment()) yield return $"Auth__Authority is required in {environment.EnvironmentName}: the OIDC issuer whose keys sign staff tokens (e.g. https://login.stockholm.se/realms/trygghet).";
        }
        else if (!Uri.TryCreate(auth.Authority, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https"))
            yield return $"Auth__Authority must be an absolute https address of the OIDC issuer, not '{auth.Authority}'.";
        else if (!environment.IsDevelopment() && issuer.Scheme != "https")
            yield return $"Auth__Authority must use https in {environment.EnvironmentName}, not '{auth.Authority}'.";
        if (string.IsNullOrWhiteSpace(auth.Audience)) yield return "Auth__Audience must not be empty: tokens are accepted only for this audience.";
    }

    public static IEnumerable<string> Site(SiteOptions site, IHostEnvironment environment) =>
    [
        .. Settings.PublicAddress("Site__PublicUrl", environment.IsProduction() && site.PublicUrl == new SiteOptions().PublicUrl ? null : site.PublicUrl, environment),
        .. string.IsNullOrWhiteSpace(site.Organiser) ? ["Site__Organiser must not be empty: feeds and e-mails name the organiser."] : Array.Empty<string>(),
    ];

    public static IEnumerable<string> Mail(MailOptions mail, IHostEnvironment environment) =>
    [
        .. Settings.MailAddress("Mail__From", mail.From),
        .. environment.IsProduction() && string.IsNullOrWhiteSpace(mail.SmtpHost)
            ? ["Mail__SmtpHost is required in Production: without it e-mails are only written to a folder (Mail__PickupDirectory, for development)."]
            : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(mail.SmtpHost) && string.IsNullOrWhiteSpace(mail.PickupDirectory)
            ? ["Mail__PickupDirectory must name a folder when no Mail__SmtpHost is set."] : Array.Empty<string>(),
        .. Settings.Between("Mail__SmtpPort", mail.SmtpPort, 1, 65535),
        .. !string.IsNullOrEmpty(mail.SmtpUsername) && string.IsNullOrEmpty(mail.SmtpPassword)
            ? ["Mail__SmtpPassword is required with Mail__SmtpUsername."] : Array.Empty<string>(),
        .. Settings.Between("Mail__PollSeconds", mail.PollSeconds, 1, 3600),
        .. Settings.Between("Mail__MaxAttempts", mail.MaxAttempts, 1, 1000),
        .. Settings.Between("Mail__SmtpConnections", mail.SmtpConnections, 1, 64),
        .. Settings.Between("Mail__SmtpTimeoutSeconds", mail.SmtpTimeoutSeconds, 1, 600),
        .. Settings.Between("Mail__BatchSize", mail.BatchSize, 1, 10_000),
        .. Settings.Between("Mail__ClaimSeconds", mail.ClaimSeconds, 2, 86_400),
        .. mail.ClaimSeconds < 2 * mail.SmtpTimeoutSeconds
            ? ["Mail__ClaimSeconds must be at least twice Mail__SmtpTimeoutSeconds: a message is only started while its claim outlasts one send."]
            : Array.Empty<string>(),
    ];

    public static IEnumerable<string> Retention(RetentionOptions retention, IHostEnvironment environment) =>
    [
        .. Settings.AtLeast("Retention__StreamDays", retention.StreamDays, 0),
        .. Settings.AtLeast("Retention__SentMailDays", retention.SentMailDays, 0),
        .. Settings.AtLeast("Retention__ModerationDays", retention.ModerationDays, 0),
        .. Settings.AtLeast("Retention__ReportDays", retention.ReportDays, 0),
    ];

    /// <summary>The content languages: BCP 47 tags, once each, Swedish among them (the events' own texts).</summary>
    public static IEnumerable<string> Content(ContentOptions content, IHostEnvironment environment) =>
    [
        .. content.Languages.Contains("sv") ? Array.Empty<string>() : ["Content__Languages must include sv: the events' own texts are Swedish."],
        .. content.Languages.Select((language, i) => (language, i))
            .Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l.language, "^[a-z]{2,3}(-[a-z0-9]{1,8})*$"))
            .Select(l => $"Content__Languages__{l.i} must be a lower-case BCP 47 language tag such as fi or sv-x-lattlast, not '{l.language}'."),
        .. content.Languages.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => $"Content__Languages lists '{g.Key}' more than once."),
    ];

    public static IEnumerable<string> Jobs(JobOptions jobs, IHostEnvironment environment) =>
        Settings.Between("Jobs__IntervalSeconds", jobs.IntervalSeconds, 1, 86_400);
}
