using System.Globalization;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>What a registration e-mail is about.</summary>
internal enum RegistrationMailKind { Confirmed, Waitlisted, Promoted, Reminder, SelfCancelled, EventCancelled, EventRescheduled }

/// <summary>
/// The e-mails to a registrant, in the language they registered in (Swedish or English). Those about a time carry
/// the event as an iCalendar attachment. Never the meeting link: remote participants fetch it through their manage
/// link when it opens.
/// </summary>
internal static class RegistrationMail
{
    private const string TokenPlaceholder = "\u0000token\u0000";
    private const string CodePlaceholder = "\u0000code\u0000";
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Subject, string Body, string? Calendar)> Confirmations = new();

    /// <summary>
    /// The confirmation of a new registration: the same for every registrant of an event as it stands, but for the
    /// link, so it is composed (calendar included) once per event version and mode and reused.
    /// </summary>
    public static (string Subject, string Body, string? Calendar) Confirmation(EventRow row, RegistrationMode mode, string token, string checkInCode,
        string language, SiteOptions site, RegistrationOptions options, DateTimeOffset now)
    {
        var key = $"{row.Id}/{row.Version}/{row.Sequence}/{row.UpdatedAt.UtcTicks}/{row.StatusAt(now)}/{mode}/{language}";
        if (!Confirmations.TryGetValue(key, out var mail))
        {
            if (Confirmations.Count > 1_000) Confirmations.Clear();
            mail = Confirmations[key] = Compose(RegistrationMailKind.Confirmed, row, mode, TokenPlaceholder, null, language, site, options, now, CodePlaceholder);
        }
        return (mail.Subject, mail.Body.Replace(TokenPlaceholder, token, StringComparison.Ordinal).Replace(CodePlaceholder, checkInCode, StringComparison.Ordinal),
            mail.Calendar);
    }

    /// <param name="checkInCode">The registration's check-in code: mails that confirm a place on site carry it, since the
    /// registration page tells people to show it at the door.</param>
    public static (string Subject, string Body, string? Calendar) Compose(RegistrationMailKind kind, EventRow row, RegistrationMode mode,
        string? token, int? waitlistPosition, string language, SiteOptions site, RegistrationOptions options, DateTimeOffset now,
        string? checkInCode = null)
    {
        var e = PublicEvents.ToPublic(row, [], now);
        var en = language == "en";
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "sv-SE");
        var when = Time.Local(row.StartsAt).ToString(en ? "dddd d MMMM yyyy 'at' HH:mm" : "dddd d MMMM yyyy 'kl.' HH:mm", culture);
        var what = en
            ? (e.Kind == EventKind.Walk ? "safety walk" : "safety dialogue")
            : (e.Kind == EventKind.Walk ? "trygghetsvandring" : "trygghetsdialog");
        var where = mode == RegistrationMode.Remote
            ? (en ? "remotely" : "på distans")
            : string.Join(", ", new[] { e.Venue?.Name, e.Venue?.Address, e.Walk?.MeetingPoint }.Where(s => !string.IsNullOrWhiteSpace(s)));
        // The secret goes after '#': browsers never send the fragment to a server, so it stays out of every access log.
        var link = token is null ? null : $"{site.PublicUrl.TrimEnd('/')}/anmalan#{token}";
        var remote = mode == RegistrationMode.Remote
            ? en
                ? $"The meeting link is shown on your registration page from {options.MeetingLinkOpensMinutesBefore} minutes before the start."
                : $"Möteslänken visas på din anmälningssida från {options.MeetingLinkOpensMinutesBefore} minuter före start."
            : "";

        var (subject, lead, calendar) = (kind, en) switch
        {
            (RegistrationMailKind.Confirmed, false) => ($"Anmälan bekräftad: {e.Title}", $"Du är anmäld till {what}en {e.Title}.", true),
            (RegistrationMailKind.Confirmed, true) => ($"Registration confirmed: {e.Title}", $"You are registered for the {what} {e.Title}.", true),
            (RegistrationMailKind.Waitlisted, false) => ($"Du står på väntelistan: {e.Title}",
                $"Platserna är fulla. Du står som nummer {waitlistPosition} på väntelistan och får e-post om du får en plats.", false),
            (RegistrationMailKind.Waitlisted, true) => ($"You are on the waiting list: {e.Title}",
                $"All places are taken. You are number {waitlistPosition} on the waiting list and will be e-mailed if a place frees up.", false),
            (RegistrationMailKind.Promoted, false) => ($"Du har fått en plats: {e.Title}", $"En plats har blivit ledig och är din: {e.Title}.", true),
            (RegistrationMailKind.Promoted, true) => ($"You have a place: {e.Title}", $"A place has become free and it is yours: {e.Title}.", true),
            (RegistrationMailKind.Reminder, false) => ($"Påminnelse: {e.Title}", $"Välkommen till {what}en {e.Title}.", true),
            (RegistrationMailKind.Reminder, true) => ($"Reminder: {e.Title}", $"Welcome to the {what} {e.Title}.", true),
            (RegistrationMailKind.SelfCancelled, false) => ($"Anmälan avbokad: {e.Title}", "Din anmälan är avbokad. Välkommen tillbaka en annan gång.", false),
            (RegistrationMailKind.SelfCancelled, true) => ($"Registration cancelled: {e.Title}", "Your registration is cancelled. Welcome another time.", false),
            (RegistrationMailKind.EventCancelled, false) => ($"Inställt: {e.Title}", $"{what[..1].ToUpperInvariant()}{what[1..]}en är inställd. {row.CancelReason}", true),
            (RegistrationMailKind.EventCancelled, true) => ($"Cancelled: {e.Title}", $"The {what} is cancelled. {row.CancelReason}", true),
            (RegistrationMailKind.EventRescheduled, false) => ($"Ny tid: {e.Title}", $"{what[..1].ToUpperInvariant()}{what[1..]}en har flyttats. Din anmälan gäller den nya tiden.", true),
            (RegistrationMailKind.EventRescheduled, true) => ($"New time: {e.Title}", $"The {what} has moved. Your registration stands for the new time.", true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var showsPlace = kind is not (RegistrationMailKind.SelfCancelled or RegistrationMailKind.EventCancelled);
        var lines = new List<string> { en ? "Hello," : "Hej!", "", lead.Trim(), "" };
        lines.Add($"{(en ? "When" : "När")}: {when}");
        if (where.Length > 0) lines.Add($"{(en ? "Where" : "Var")}: {where}");
        if (showsPlace && remote.Length > 0 && kind != RegistrationMailKind.Waitlisted) lines.AddRange(["", remote]);
        if (checkInCode is not null && mode == RegistrationMode.OnSite
            && kind is RegistrationMailKind.Confirmed or RegistrationMailKind.Promoted or RegistrationMailKind.Reminder)
            lines.AddRange(["", en ? $"Your check-in code: {checkInCode}" : $"Din incheckningskod: {checkInCode}",
                en ? "Show it at the door when you arrive." : "Visa den vid entrén när du kommer."]);
        if (showsPlace && link is not null)
        {
            lines.Add("");
            lines.Add(en
                ? "See or change your registration, cancel it or erase your details here. The link is personal: do not share it."
                : "Se eller ändra din anmälan, avboka eller radera dina uppgifter här. Länken är personlig: dela den inte.");
            lines.Add(link);
        }
        lines.AddRange(["", en ? "Kind regards" : "Med vänlig hälsning", site.Organiser]);
        return (subject, string.Join('\n', lines), calendar ? Syndication.ToICalendar([e], site, e.Title, en) : null);
    }
}
