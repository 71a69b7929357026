using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

internal static class EventTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["EventInput.Kind"] = new("Typ", "Kind"),
        ["ListEventPlansQuery.Kind"] = new("Typ", "Kind"),
        ["ListPublicEventsQuery.Kind"] = new("Typ", "Kind"),
        ["EventInput.Description"] = new("Beskrivning för invånarna", "Description for residents"),
        ["Format"] = new("Form", "Format"),
        ["ParticipationLevel"] = new("Delaktighetsnivå", "Level of participation"),
        ["StartsAt"] = new("Börjar", "Starts"),
        ["EndsAt"] = new("Slutar", "Ends"),
        ["Problem"] = new("Problemet evenemanget handlar om", "The problem the event is about"),
        ["Place"] = new("Platsen där problemet finns", "The place where the problem is"),
        ["Method"] = new("Metod", "Method"),
        ["RemoteUrl"] = new("Länk till det digitala mötet", "Link to the online meeting"),
        ["CapacityOnSite"] = new("Platser på plats", "Places on site"),
        ["CapacityRemote"] = new("Platser digitalt", "Places online"),
        ["RegistrationDeadline"] = new("Sista tid för anmälan", "Registration deadline"),
        ["Agenda"] = new("Program", "Agenda"),
        ["AgendaItem.Title"] = new("Programpunkt", "Agenda item"),
        ["AgendaItem.Minutes"] = new("Programpunktens minuter", "Minutes of the agenda item"),
        ["Venue.Name"] = new("Lokalens namn", "Name of the venue"),
        ["Venue.Address"] = new("Adress", "Address"),
        ["Venue.AccessibilityNotes"] = new("Tillgänglighet", "Accessibility"),
        ["Venue.Lat"] = new("Lokalens latitud", "Latitude of the venue"),
        ["Venue.Lon"] = new("Lokalens longitud", "Longitude of the venue"),
        ["Walk"] = new("Vandringen", "The walk"),
        ["MeetingPoint"] = new("Samlingsplats", "Meeting point"),
        ["LightCondition"] = new("Ljusförhållanden", "Light conditions"),
        ["MeetingLat"] = new("Samlingsplatsens latitud", "Latitude of the meeting point"),
        ["MeetingLon"] = new("Samlingsplatsens longitud", "Longitude of the meeting point"),
        ["Route"] = new("Rutt", "Route"),
        ["IdOrSlug"] = new("Evenemangets adress", "The event's address"),
        ["OverrideReason"] = new("Skäl att publicera ändå", "Reason to publish anyway"),
        ["Minutes"] = new("Minnesanteckningar", "Minutes"),
        ["Raised"] = new("Det här togs upp", "What was raised"),
        ["Actions"] = new("Det här händer nu", "What happens now"),
        ["ParticipantsOnSite"] = new("Deltagare på plats", "Participants on site"),
        ["ParticipantsRemote"] = new("Deltagare digitalt", "Participants online"),
        ["ActorIds"] = new("Aktörer att bjuda in", "Actors to invite"),
        ["Answer"] = new("Svar", "Answer"),
        ["Language"] = new("Språk", "Language"),
        ["EventTranslationInput.Title"] = new("Rubrik", "Title"),
        ["EventTranslationInput.Description"] = new("Beskrivning för invånarna", "Description for residents"),
        ["VenueName"] = new("Lokalens namn", "Name of the venue"),
        ["AccessibilityNotes"] = new("Tillgänglighet", "Accessibility"),
    };

    public static readonly Text NotFound = new("Evenemanget '{0}' finns inte.", "Event '{0}' does not exist.");
    public static readonly Text KindFixed = new("Typen av evenemang kan inte ändras.", "The kind of an event cannot change.");
    public static readonly Text SlugTaken = new("Adressnamnet '{0}' används redan.", "The slug '{0}' is already in use.");
    public static readonly Text LinkedEventMissing = new("Det länkade evenemanget '{0}' finns inte.", "The linked event '{0}' does not exist.");
    public static readonly Text LinkedNotDialogue = new("Den länkade dialogen måste vara en trygghetsdialog.", "The linked dialogue must be a safety dialogue.");
    public static readonly Text Transition = new("Det går inte att {0} ett evenemang som är {1}.", "An event that is {1} cannot be {0}.");
    public static readonly Text TimesViaReschedule = new("Ett publicerat evenemang flyttas med reschedule, inte genom att ändra tiden.", "A published event is moved with reschedule, not by editing its times.");
    public static readonly Text NotEnded = new("Evenemanget har inte ägt rum än.", "The event has not taken place yet.");
    public static readonly Text ChecksFailed = new("Rutinkontrollerna godkändes inte: {0}. Åtgärda dem eller publicera med en motivering (overrideReason).", "The routine checks failed: {0}. Fix them or publish with a reason (overrideReason).");

    public static readonly Text LanguageNotOffered = new("Språket '{0}' finns inte bland innehållsspråken ({1}).", "'{0}' is not one of the content languages ({1}).");
    public static readonly Text SwedishIsTheEvent = new("Svenska är evenemangets egna texter: ändra dem i evenemanget.", "Swedish is the event's own text: edit it in the event.");
    public static readonly Text TranslationNotFound = new("Evenemanget har ingen översättning till '{0}'.", "The event has no translation into '{0}'.");

    public static readonly Text EndsAfterStart = new("Sluttiden måste vara efter starttiden.", "The end must be after the start.");
    public static readonly Text DeadlineBeforeEnd = new("Sista tid för anmälan får inte vara efter att evenemanget har slutat.", "The registration deadline cannot be after the event ends.");
    public static readonly Text AgendaAtMost = new("Programmet får ha högst {0} punkter.", "The agenda can have at most {0} items.");
    public static readonly Text LastsAtMostADay = new("Ett evenemang pågår högst ett dygn.", "An event lasts at most a day.");
    public static readonly Text RemoteLinkHttps = new("Länken ska vara en https-adress.", "The link must be an https URL.");
    public static readonly Text WalkDetailsOnlyForWalks = new("Bara trygghetsvandringar har vandringsuppgifter.", "Only walks have walk details.");
    public static readonly Text RouteLineString = new("Rutten ska vara en GeoJSON LineString med minst två positioner (lon, lat).", "The route must be a GeoJSON LineString of at least two lon/lat positions.");
    public static readonly Text RouteAtMost = new("Rutten får ha högst {0} punkter.", "The route can have at most {0} points.");
    public static readonly Text RouteOutsideDistrict = new("Punkt {0} på rutten ligger utanför Hägersten-Älvsjö. Rita rutten inom stadsdelen.", "Point {0} of the route lies outside Hägersten-Älvsjö. Draw the route within the district.");
    public static readonly Text MeetingOutsideDistrict = new("Samlingsplatsen ligger utanför Hägersten-Älvsjö. Välj en plats inom stadsdelen.", "The meeting point lies outside Hägersten-Älvsjö. Choose a place within the district.");
    public static readonly Text OverrideReasonLength = new("Motivera med minst 10 tecken.", "Give a reason of at least 10 characters.");

    public static readonly Text CheckPassed = new("Godkänd.", "Passed.");
    public static readonly Text CheckPublicNotice = new("Allmänheten ska få minst {0} dagars varsel; evenemanget börjar om {1} dagar.", "The public needs at least {0} days' notice; the event starts in {1} days.");
    public static readonly Text CheckActorNotice = new("Aktörer ska bjudas in minst {0} dagar före; {1} inbjudan/inbjudningar skickades senare.", "Actors must be invited at least {0} days ahead; {1} invitation(s) were sent later.");
    public static readonly Text CheckActorNoticeNone = new("Inga aktörer är inbjudna.", "No actors are invited.");
    public static readonly Text CheckRequiredActors = new("Inbjudan saknas för: {0}.", "No invitation for: {0}.");
    public static readonly Text CheckVenueAccessibility = new("Lokalens adress och tillgänglighet ska anges för möten på plats.", "State the venue's address and accessibility for on-site meetings.");
    public static readonly Text CheckRemoteLink = new("En länk till distansmötet krävs för distans- och hybridmöten.", "A remote meeting link is required for remote and hybrid meetings.");
    public static readonly Text CheckPersonalData = new("Texten ser ut att innehålla personuppgifter ({0}). Läs den igen innan den publiceras.", "The text looks like it holds personal data ({0}). Read it again before it is published.");
    public static readonly Text CheckLightDaylight = new("Vandringen är planerad i dagsljus, men solen går upp kl. {0} och ner kl. {1} den dagen och vandringen pågår {2}–{3}. Flytta tiden eller ändra till mörker; allmänheten får se ljuset som det blir.",
        "The walk is planned in daylight, but the sun rises at {0} and sets at {1} that day and the walk runs {2}–{3}. Move the time or change it to darkness; the public is shown the light as it will be.");
    public static readonly Text CheckLightDarkness = new("Vandringen är planerad i mörker, men hela vandringen ({2}–{3}) sker i dagsljus: solen går upp kl. {0} och ner kl. {1} den dagen. Flytta tiden eller ändra till dagsljus; allmänheten får se ljuset som det blir.",
        "The walk is planned in darkness, but all of it ({2}–{3}) is in daylight: the sun rises at {0} and sets at {1} that day. Move the time or change it to daylight; the public is shown the light as it will be.");
    public static readonly Text FieldTitle = new("rubriken", "the title");
    public static readonly Text FieldDescription = new("beskrivningen", "the description");
    public static readonly Text FieldProblem = new("problemet", "the problem");

    public static readonly Text InvitationNotFound = new("Länken är ogiltig eller har gått ut.", "The link is invalid or has expired.");
    public static readonly Text BadRsvpLink = new("Ogiltig länk.", "Invalid link.");

    private static readonly Dictionary<string, Text> Actions = new(StringComparer.Ordinal)
    {
        ["cancel"] = new("ställa in", "cancelled"),
        ["close"] = new("avsluta", "closed"),
        ["invite"] = new("bjuda in aktörer till", "given invitations"),
        ["publish"] = new("publicera", "published"),
        ["reschedule"] = new("flytta", "rescheduled"),
        ["edit"] = new("ändra", "edited"),
        ["rsvp"] = new("svara på en inbjudan till", "answered"),
    };

    private static readonly Dictionary<EventStatus, Text> Statuses = new()
    {
        [EventStatus.Draft] = new("ett utkast", "a draft"),
        [EventStatus.Published] = new("publicerat", "published"),
        [EventStatus.Rescheduled] = new("flyttat till en ny tid", "rescheduled"),
        [EventStatus.Held] = new("genomfört", "over"),
        [EventStatus.Closed] = new("avslutat", "closed"),
        [EventStatus.Cancelled] = new("inställt", "cancelled"),
    };

    private static readonly Dictionary<string, Text> Checks = new(StringComparer.Ordinal)
    {
        ["publicNotice"] = new("framförhållning till allmänheten", "notice to the public"),
        ["actorNotice"] = new("framförhållning till aktörerna", "notice to the actors"),
        ["requiredActors"] = new("polisen och förvaltningen inbjudna", "the police and the administration invited"),
        ["venueAccessibility"] = new("lokalens adress och tillgänglighet", "the venue's address and accessibility"),
        ["remoteLink"] = new("länk till det digitala mötet", "link to the online meeting"),
        ["personalData"] = new("inga personuppgifter i texterna", "no personal data in the texts"),
    };

    /// <summary>What staff tried to do, in the words of <see cref="Transition"/>.</summary>
    public static string Action(string action) => Actions.TryGetValue(action, out var text) ? text.Format() : action;

    /// <summary>An event's status in a sentence ("ett evenemang som är inställt").</summary>
    public static string Status(EventStatus status) => Statuses[status].Format();

    /// <summary>Whether a routine check of that name exists.</summary>
    public static bool IsCheck(string name) => Checks.ContainsKey(name);

    /// <summary>A routine check's name in a sentence; the check's own name for one this list does not know.</summary>
    public static string Check(string name) => Checks.TryGetValue(name, out var text) ? text.Format() : name;

    /// <summary>The name of a screened field in a sentence; the field's own name for one this list does not know.</summary>
    public static string Field(string field) => field switch
    {
        "title" => FieldTitle.Format(),
        "description" => FieldDescription.Format(),
        "problem" => FieldProblem.Format(),
        _ => $"field.{field}",
    };
}
