using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

internal static class ObservationTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["ObservationInput.Category"] = new("Kategori", "Category"),
        ["ParticipantObservationInput.Category"] = new("Kategori", "Category"),
        ["ObservationInput.Description"] = new("Beskrivning", "Description"),
        ["ParticipantObservationInput.Description"] = new("Beskrivning", "Description"),
        ["Severity"] = new("Allvar", "Severity"),
        ["StatusChangeRequest.Status"] = new("Status", "Status"),
        ["DuplicateOf"] = new("Dubblett av", "Duplicate of"),
        ["DescriptionRedaction.Text"] = new("Beskrivning", "Description"),
        ["Open311KeyRequest.Name"] = new("Namn på klienten", "Client name"),
        ["category"] = new("Kategori", "Category"),
        ["description"] = new("Beskrivning", "Description"),
        ["latitude"] = new("Latitud", "Latitude"),
        ["longitude"] = new("Longitud", "Longitude"),
        ["severity"] = new("Allvar", "Severity"),
        ["areaSlug"] = new("Område", "Area"),
        ["eventId"] = new("Trygghetsvandring", "Safety walk"),
        ["email"] = new("E-postadress", "E-mail address"),
        ["photo"] = new("Foto", "Photo"),
    };

    /// <summary>An observation's status in words.</summary>
    public static Text Status(ObservationStatus status) => status switch
    {
        ObservationStatus.Reported => new("Rapporterad", "Reported"),
        ObservationStatus.Investigating => new("Utreds", "Being investigated"),
        ObservationStatus.Planned => new("Planerad", "Planned"),
        ObservationStatus.InProgress => new("Pågår", "In progress"),
        ObservationStatus.Fixed => new("Åtgärdad", "Fixed"),
        ObservationStatus.NotResponsible => new("Inte vårt ansvar", "Not our responsibility"),
        ObservationStatus.Duplicate => new("Dubblett", "Duplicate"),
        _ => new("Avslutad", "Closed"),
    };

    public static readonly Text NotFound = new("Iakttagelsen '{0}' finns inte.", "Observation '{0}' does not exist.");
    public static readonly Text OutsideDistrict = new("Platsen ligger utanför Hägersten-Älvsjö.", "The point lies outside Hägersten-Älvsjö.");
    public static readonly Text WalkUnknown = new("Trygghetsvandringen '{0}' finns inte.", "Safety walk '{0}' does not exist.");
    public static readonly Text NotAWalkParticipant = new("Bara deltagare i en trygghetsvandring kan rapportera iakttagelser med länken.",
        "Only participants of a safety walk can report observations through the link.");
    public static readonly Text OutsideWalk = new("Iakttagelser rapporteras från vandringens start till två veckor efter den.",
        "Observations are reported from the walk's start until two weeks after it.");
    public static readonly Text NoteRequired = new("Ange en offentlig kommentar.", "Give a public note.");
    public static readonly Text Transition = new("Status kan inte ändras från ”{0}” till ”{1}”.", "The status cannot change from “{0}” to “{1}”.");
    public static readonly Text Ended = new("Iakttagelsen är avslutad (”{0}”).", "The observation has ended (“{0}”).");

    public static readonly Text DuplicateUnknown = new("Ange en annan, befintlig iakttagelse som dubbletten gäller.",
        "Name another, existing observation that this one repeats.");
    public static readonly Text NotYours = new("Iakttagelsen är inte tilldelad din organisation.", "The observation is not assigned to your organisation.");
    public static readonly Text DescriptionFlagged = new(
        "Beskrivningen ser ut att innehålla personuppgifter. Redigera den, eller bekräfta att den inte pekar ut någon.",
        "The description looks like it holds personal data. Redact it, or confirm that it identifies no one.");
    public static readonly Text DescriptionNotHeld = new("Beskrivningen väntar inte på granskning.", "The description is not waiting for review.");

    public static readonly Text SendMultipart = new("Skicka rapporten som multipart/form-data (fälten och ett eventuellt foto i fältet 'photo').",
        "Send the report as multipart/form-data (the fields, and any photo in the field 'photo').");
    public static readonly Text PointOutsideDistrict = new("Platsen ligger utanför Hägersten-Älvsjö. Välj en plats i stadsdelsområdet.",
        "The point lies outside Hägersten-Älvsjö. Choose a place in the district.");
    public static readonly Text NotANumber = new("Ange ett tal med punkt som decimaltecken, till exempel 59.2846.", "Give a number with a decimal point, e.g. 59.2846.");
    public static readonly Text UnknownCategory = new("Välj en av kategorierna (GET /api/v1/observation-categories).",
        "Choose one of the categories (GET /api/v1/observation-categories).");
    public static readonly Text NotAnId = new("Ange ett id (uuid).", "Give an id (a uuid).");
    public static readonly Text InvalidEmail = new("Ange en giltig e-postadress, eller lämna fältet tomt.", "Give a valid e-mail address, or leave the field empty.");
    public static readonly Text OnePhoto = new("Bifoga högst ett foto, i fältet 'photo'.", "Attach at most one photo, in the field 'photo'.");
    public static readonly Text PhotoFormat = new("Fotot måste vara en JPEG-, PNG- eller WebP-bild. Filens innehåll avgör, inte dess namn.",
        "The photo must be a JPEG, PNG or WebP image. The file's content decides, not its name.");
    public static readonly Text PhotoHeic = new(
        "HEIC-bilder stöds inte. Välj ”Mest kompatibel” under Kamera › Format på iPhone, eller spara bilden som JPEG och försök igen.",
        "HEIC images are not supported. Choose “Most Compatible” under Camera › Formats on an iPhone, or save the image as JPEG and try again.");
    public static readonly Text PhotoUnreadable = new("Fotot kunde inte läsas. Är filen hel? Försök med en JPEG-, PNG- eller WebP-bild.",
        "The photo could not be read. Is the file complete? Try a JPEG, PNG or WebP image.");
    public static readonly Text PhotoTooLarge = new("Fotot är för stort: högst {0} byte. Förminska bilden och försök igen.",
        "The photo is too large: at most {0} bytes. Make the image smaller and try again.");
    public static readonly Text PhotoTooManyPixels = new("Fotot har för många bildpunkter: högst {0} megapixel. Förminska bilden och försök igen.",
        "The photo has too many pixels: at most {0} megapixels. Make the image smaller and try again.");
    public static readonly Text NoPhoto = new("Iakttagelsen '{0}' har inget foto.", "Observation '{0}' has no photo.");
    public static readonly Text PhotoNotHeld = new("Fotot väntar inte på granskning.", "The photo is not waiting for review.");

    public static readonly Text FollowLinkInvalid = new("Ogiltig länk.", "Invalid link.");
    public static readonly Text FollowLinkUnknown = new("Länken finns inte. Den kan vara felskriven.", "No such link. It may be mistyped.");

    /// <summary>The e-mails to a resident who follows their report, in the language they reported in (never anything that is not public).</summary>
    internal static class FollowMail
    {
        public static readonly Text Hello = new("Hej!", "Hello,");
        public static readonly Text Regards = new("Med vänlig hälsning", "Kind regards");
        public static readonly Text AcknowledgedSubject = new("Tack för din rapport (nr {0})", "Thank you for your report (no. {0})");
        public static readonly Text Acknowledged = new("Tack! Vi har tagit emot din iakttagelse och följer upp den.",
            "Thank you! We have received your observation and will follow it up.");
        public static readonly Text Number = new("Nummer: {0}", "Number: {0}");
        public static readonly Text Category = new("Kategori: {0}", "Category: {0}");
        public static readonly Text Where = new("Var: {0} ({1})", "Where: {0} ({1})");
        public static readonly Text Reported = new("Rapporterad: {0}", "Reported: {0}");
        public static readonly Text StatusLine = new("Status: {0}", "Status: {0}");
        public static readonly Text PublicNow = new("Iakttagelsen är offentlig nu, med platsen, kategorin och beskrivningen. Vem som rapporterade visas aldrig.",
            "The observation is public now, with its place, category and description. Who reported it is never shown.");
        public static readonly Text PublicWithoutHeld = new("Iakttagelsen är offentlig nu, med platsen och kategorin. Vem som rapporterade visas aldrig.",
            "The observation is public now, with its place and category. Who reported it is never shown.");
        public static readonly Text DescriptionHeld = new(
            "Beskrivningen granskas innan den visas, eftersom den ser ut att innehålla personuppgifter. Den blir offentlig när en moderator har godkänt den.",
            "The description is reviewed before it is shown, since it looks like it holds personal data. It becomes public once a moderator has cleared it.");
        public static readonly Text PhotoHeld = new("Fotot visas först när personalen har tittat på det. Du får e-post när det är gjort.",
            "The photo is shown only once staff have looked at it. You will be e-mailed when they have.");
        public static readonly Text ReviewMail = new("Du får e-post när granskningen är klar.", "You will be e-mailed when the review is done.");
        public static readonly Text SeeIt = new("Se iakttagelsen och hur den följs upp:", "See the observation and how it is followed up:");
        public static readonly Text Following = new(
            "Du får e-post när iakttagelsen får ny status eller en ansvarig, och när det som granskas publiceras eller tas bort.",
            "You will be e-mailed when the observation gets a new status or someone responsible, and when what is reviewed is published or removed.");
        public static readonly Text Stop = new("Vill du inte längre följa rapporten? Då raderas din e-postadress direkt:",
            "No longer want to follow the report? Your e-mail address is then erased at once:");
        public static readonly Text Erased = new("Annars raderas din e-postadress {0} dagar efter att iakttagelsen har avslutats.",
            "Otherwise your e-mail address is erased {0} days after the observation has been closed.");

        public static readonly Text UpdatedSubject = new("Din rapport nr {0}: {1}", "Your report no. {0}: {1}");
        public static readonly Text Updated = new("Det har hänt något med iakttagelsen du rapporterade (nr {0}, {1}, {2}).",
            "There is news about the observation you reported (no. {0}, {1}, {2}).");
        public static readonly Text NewStatus = new("Ny status: {0}", "New status: {0}");
        public static readonly Text Note = new("Kommentar: {0}", "Note: {0}");
        public static readonly Text Responsible = new("Ansvarig: {0}", "Responsible: {0}");
        public static readonly Text Deadline = new("Ska vara klart: {0}", "To be done by: {0}");
        public static readonly Text DescriptionPublished = new("Din beskrivning har granskats och är publicerad.",
            "Your description has been reviewed and is published.");
        public static readonly Text DescriptionEdited = new("En moderator har redigerat beskrivningen och publicerat den.",
            "A moderator has edited the description and published it.");
        public static readonly Text PhotoPublished = new("Ditt foto har granskats och är publicerat.", "Your photo has been reviewed and is published.");
        public static readonly Text PhotoRejected = new("Ditt foto publicerades inte och har raderats.", "Your photo was not published and has been deleted.");
        public static readonly Text PhotoRemoved = new("Fotot har tagits bort från iakttagelsen och raderats.", "The photo has been taken off the observation and deleted.");
    }
}
