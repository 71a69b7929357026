using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

internal static class AlertTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["AlertSubscriptionRequest.Email"] = new("E-postadress", "E-mail address"),
        ["AlertSubscriptionRequest.Areas"] = new("Områden", "Areas"),
        ["AlertSubscriptionRequest.Frequency"] = new("Hur ofta", "How often"),
        ["AlertSubscriptionRequest.Language"] = new("Språk i e-posten", "Language of the e-mails"),
        ["AlertSubscriptionChange.Areas"] = new("Områden", "Areas"),
        ["AlertSubscriptionChange.Frequency"] = new("Hur ofta", "How often"),
        ["AlertSubscriptionChange.Language"] = new("Språk i e-posten", "Language of the e-mails"),
    };

    public static readonly Text EmailInvalid = new("Ange en e-postadress som namn@example.se.", "Give an e-mail address such as name@example.se.");
    public static readonly Text AreasRequired = new("Välj minst ett område, eller hela stadsdelsområdet.", "Choose at least one area, or the whole district.");
    public static readonly Text TooManyAreas = new("Välj högst {0} områden.", "Choose at most {0} areas.");
    public static readonly Text LinkInvalid = new("Ogiltig länk.", "Invalid link.");
    public static readonly Text LinkUnknown = new("Bevakningen finns inte. Länken kan vara felskriven, eller så har bevakningen avslutats.",
        "No such alert subscription. The link may be mistyped, or the subscription has ended.");

    /// <summary>A measure's status (as stored) in words, as the measure pages say it.</summary>
    public static Text MeasureStatusName(string? status) => status switch
    {
        "inProgress" => new("Pågår", "In progress"),
        "completed" => new("Genomförd", "Completed"),
        "cancelled" => new("Inställd", "Cancelled"),
        _ => new("Planerad", "Planned"),
    };

    /// <summary>The texts of the alert e-mails.</summary>
    internal static class Mail
    {
        public static readonly Text Hello = new("Hej!", "Hello,");
        public static readonly Text ConfirmSubject = new("Bekräfta din bevakning av {0}", "Confirm your alerts for {0}");
        public static readonly Text Confirm = new("Du (eller någon som angav din e-postadress) vill få e-post från Trygghet Hägersten-Älvsjö om {0}, {1}. Öppna länken för att bekräfta:",
            "You (or someone who gave your e-mail address) asked for e-mails from Trygghet Hägersten-Älvsjö about {0}, {1}. Open the link to confirm:");
        public static readonly Text NotYou = new("Var det inte du? Gör ingenting: utan bekräftelse skickas inget mer, och adressen raderas efter {0} dagar.",
            "Was it not you? Do nothing: without confirmation nothing more is sent, and the address is erased after {0} days.");
        public static readonly Text AlreadySubject = new("Din bevakning av Trygghet Hägersten-Älvsjö", "Your Trygghet Hägersten-Älvsjö alerts");
        public static readonly Text Already = new("Någon bad om bevakning till den här adressen, men den har redan en bevakning: {0}, {1}. Inget har ändrats.",
            "Someone asked for alerts to this address, but it already has a subscription: {0}, {1}. Nothing was changed.");
        public static readonly Text Manage = new("Ändra områden eller hur ofta, eller avsluta bevakningen:", "Change areas or how often, or unsubscribe:");
        public static readonly Text Erasure = new("När du avslutar raderas din e-postadress.", "Unsubscribing erases your e-mail address.");
        public static readonly Text Regards = new("Hälsningar", "Regards");
        public static readonly Text WholeDistrict = new("hela Hägersten-Älvsjö", "all of Hägersten-Älvsjö");
        public static readonly Text Immediate = new("direkt när något händer", "as soon as something happens");
        public static readonly Text Weekly = new("en sammanfattning i veckan", "a weekly summary");
        public static readonly Text DigestSubject = new("Veckans nyheter från Trygghet Hägersten-Älvsjö ({0} st)", "This week from Trygghet Hägersten-Älvsjö ({0})");
        public static readonly Text DigestIntro = new("Det här har hänt i de områden du bevakar:", "This is what happened in the areas you follow:");
        public static readonly Text Published = new("Ny {0} i {1}: {2}", "New {0} in {1}: {2}");
        public static readonly Text Cancelled = new("Inställd: {0} ({1})", "Cancelled: {0} ({1})");
        public static readonly Text Feedback = new("Återkoppling publicerad: {0} ({1})", "Feedback published: {0} ({1})");
        public static readonly Text MeasureStatus = new("Åtgärd i {0}: {1} – {2}", "Measure in {0}: {1} – {2}");
        public static readonly Text When = new("När: {0}", "When: {0}");
        public static readonly Text Where = new("Var: {0}", "Where: {0}");
        public static readonly Text Reason = new("Orsak: {0}", "Reason: {0}");
        public static readonly Text Read = new("Läs mer:", "Read more:");
        public static readonly Text Dialogue = new("trygghetsdialog", "safety dialogue");
        public static readonly Text Walk = new("trygghetsvandring", "safety walk");
    }
}
