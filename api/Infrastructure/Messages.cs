using System.Globalization;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// Problem texts in Swedish (default) and English, chosen by the request culture
/// (<c>Accept-Language</c>). Keys are stable; texts never contain personal data.
/// </summary>
public static class Messages
{
    private static readonly Dictionary<string, (string Sv, string En)> Texts = new()
    {
        ["status.400"] = ("Felaktig begäran", "Bad request"),
        ["status.401"] = ("Inloggning krävs", "Authentication required"),
        ["status.403"] = ("Åtkomst nekad", "Forbidden"),
        ["status.404"] = ("Hittades inte", "Not found"),
        ["status.405"] = ("Metoden är inte tillåten", "Method not allowed"),
        ["status.409"] = ("Konflikt", "Conflict"),
        ["status.412"] = ("Villkoret uppfylldes inte", "Precondition failed"),
        ["status.413"] = ("Begäran är för stor", "Payload too large"),
        ["status.415"] = ("Mediatypen stöds inte", "Unsupported media type"),
        ["status.422"] = ("Regeln tillåter det inte", "Business rule violated"),
        ["status.428"] = ("Villkor krävs", "Precondition required"),
        ["status.429"] = ("För många förfrågningar", "Too many requests"),
        ["status.500"] = ("Internt fel", "Internal server error"),
        ["status.503"] = ("Tjänsten är inte tillgänglig", "Service unavailable"),

        ["status.401.detail"] = ("Ange en giltig bearer-token.", "Provide a valid bearer token."),
        ["status.403.detail"] = ("Din roll har inte behörighet till den här åtgärden.", "Your role may not perform this operation."),
        ["status.404.detail"] = ("Det finns ingen resurs på den här adressen.", "There is no resource at this address."),
        ["status.405.detail"] = ("Adressen finns men tillåter inte den här HTTP-metoden.", "The address exists but does not allow this HTTP method."),
        ["status.415.detail"] = ("Skicka innehållet som application/json.", "Send the body as application/json."),
        ["status.429.detail"] = ("Vänta en stund och försök igen.", "Wait a moment and try again."),

        ["validation.failed"] = ("En eller flera uppgifter är felaktiga.", "One or more fields are invalid."),
        ["json.malformed"] = ("Innehållet är inte giltig JSON.", "The body is not valid JSON."),
        ["json.required"] = ("Uppgiften krävs.", "This field is required."),
        ["json.invalidValue"] = ("Värdet har fel typ eller ett okänt värde.", "The value has the wrong type or an unknown value."),
        ["request.bodyRequired"] = ("Begäran saknar innehåll eller har fel format.", "The request body is missing or malformed."),
        ["request.invalidParameter"] = ("Värdet saknas eller har fel format.", "The value is missing or has the wrong format."),
        ["request.badParameter"] = ("En parameter i adressen eller frågesträngen är felaktig.", "A route or query parameter is invalid."),
        ["request.tooLarge"] = ("Begäran är större än {0} byte.", "The request is larger than {0} bytes."),
        ["request.unsupportedMediaType"] = ("Skicka innehållet som application/json.", "Send the body as application/json."),
        ["db.unavailable"] = ("Databasen går inte att nå just nu. Försök igen om en stund.", "The database cannot be reached right now. Try again shortly."),
        ["db.constraint"] = ("Ändringen krockar med befintliga uppgifter.", "The change conflicts with existing data."),
        ["server.error"] = ("Ett oväntat fel inträffade. Felet är loggat.", "An unexpected error occurred. It has been logged."),
        ["concurrency.ifMatchRequired"] = ("Skicka If-Match med den ETag du läste.", "Send If-Match with the ETag you read."),
        ["concurrency.stale"] = ("Resursen har ändrats sedan du läste den. Läs om och försök igen.", "The resource changed since you read it. Read it again and retry."),

        ["paging.badCursor"] = ("Ogiltig cursor: använd nextCursor från föregående sida.", "Invalid cursor: use nextCursor from the previous page."),

        ["area.notFound"] = ("Området '{0}' finns inte.", "Area '{0}' does not exist."),
        ["area.outsideDistrict"] = ("Punkten ligger inte i någon stadsdel i Hägersten-Älvsjö.", "The point is not in any neighbourhood of Hägersten-Älvsjö."),
        ["area.populationOnlyForKnownAreas"] = ("Folkmängd kan bara anges för en stadsdel, ett stadsdelsområde eller staden.", "Population can only be set for a neighbourhood, district or city."),

        ["area.unknown"] = ("Området '{0}' finns inte.", "Area '{0}' does not exist."),
        ["actor.notFound"] = ("Aktören finns inte.", "The actor does not exist."),
        ["idempotency.invalid"] = ("Idempotency-Key krävs: 8–255 synliga ASCII-tecken, t.ex. ett UUID.", "Idempotency-Key is required: 8–255 visible ASCII characters, e.g. a UUID."),
        ["idempotency.mismatch"] = ("Idempotency-Key har redan använts för en annan begäran.", "The Idempotency-Key was already used for a different request."),
        ["registration.notFound"] = ("Anmälan finns inte. Länken kan vara felskriven.", "No such registration. The link may be mistyped."),
        ["actor.noActorId"] = ("Token saknar aktör (actor_id).", "The token carries no actor (actor_id)."),
        ["question.length"] = ("Frågan ska vara 3–1 000 tecken.", "The question must be 3–1,000 characters."),
        ["question.controlCharacters"] = ("Texten får bara innehålla vanlig text.", "The text may contain plain text only."),
        ["question.notFound"] = ("Frågan '{0}' finns inte.", "Question '{0}' does not exist."),
        ["question.closed"] = ("Dialogen tar inte emot frågor längre: den är avslutad.", "The dialogue no longer takes questions: it has ended."),
        ["question.eventCancelled"] = ("Dialogen är inställd.", "The dialogue is cancelled."),
        ["question.addresseeUnknown"] = ("Aktören som frågan riktas till finns inte.", "The actor the question is addressed to does not exist."),
        ["question.transition"] = ("Frågan har status '{0}' och kan inte ändras så.", "The question is '{0}' and cannot be changed that way."),
        ["text.personalData"] = ("Texten ser ut att innehålla personuppgifter, t.ex. ett personnummer, telefonnummer, en e-postadress eller en gatuadress. Skriv om den utan dem.", "The text looks like it holds personal data, such as an identity number, phone number, e-mail address or street address. Rewrite it without them."),
        ["answer.notInvited"] = ("Bara aktörer som tackat ja till en inbjudan till dialogen kan svara på dess frågor.", "Only actors who accepted an invitation to the dialogue can answer its questions."),
        ["observation.descriptionFlagged"] = ("Beskrivningen ser ut att innehålla personuppgifter. Redigera den, eller bekräfta att den inte pekar ut någon.", "The description looks like it holds personal data. Redact it, or confirm that it identifies no one."),
        ["observation.descriptionNotHeld"] = ("Beskrivningen väntar inte på granskning.", "The description is not waiting for review."),
        ["question.flagged"] = ("Texten ser ut att innehålla personuppgifter. Redigera den eller bekräfta med acknowledgeFlags.", "The text looks like it holds personal data. Redact it or confirm with acknowledgeFlags."),
        ["question.mergeTarget"] = ("En fråga kan bara slås ihop med en annan väntande eller publicerad fråga i samma dialog.", "A question can only be merged into another pending or published question of the same dialogue."),
        ["question.versionMismatch"] = ("Frågan har ändrats sedan du läste den.", "The question has changed since you read it."),
        ["question.notPublished"] = ("Bara publicerade frågor kan besvaras.", "Only published questions can be answered."),
        ["question.badLink"] = ("Ogiltig frågelänk.", "Invalid question link."),
        ["answer.textOrLive"] = ("Skriv ett svar eller markera frågan som besvarad på plats.", "Write an answer or mark the question answered live."),
        ["vote.badToken"] = ("Ogiltig röstnyckel.", "Invalid voter token."),
        ["vote.unknownToken"] = ("Röstnyckeln är okänd. Hämta en ny.", "The voter token is unknown. Get a new one."),
        ["stream.badLastEventId"] = ("Last-Event-ID ska vara ett heltal ≥ 0.", "Last-Event-ID must be an integer ≥ 0."),
        ["observation.notFound"] = ("Iakttagelsen '{0}' finns inte.", "Observation '{0}' does not exist."),
        ["observation.outsideDistrict"] = ("Platsen ligger utanför Hägersten-Älvsjö.", "The point lies outside Hägersten-Älvsjö."),
        ["observation.walkUnknown"] = ("Trygghetsvandringen '{0}' finns inte.", "Safety walk '{0}' does not exist."),
        ["observation.notAWalkParticipant"] = ("Bara deltagare i en trygghetsvandring kan rapportera iakttagelser med länken.", "Only participants of a safety walk can report observations through the link."),
        ["observation.outsideWalk"] = ("Iakttagelser rapporteras från vandringens start till två veckor efter den.", "Observations are reported from the walk's start until two weeks after it."),
        ["observation.noteRequired"] = ("Ange en offentlig kommentar.", "Give a public note."),
        ["observation.transition"] = ("Status kan inte ändras från '{0}' till '{1}'.", "The status cannot change from '{0}' to '{1}'."),
        ["observation.ended"] = ("Iakttagelsen är avslutad ('{0}').", "The observation has ended ('{0}')."),
        ["observation.duplicateUnknown"] = ("Ange en annan, befintlig iakttagelse som dubbletten gäller.", "Name another, existing observation that this one repeats."),
        ["observation.notYours"] = ("Iakttagelsen är inte tilldelad din organisation.", "The observation is not assigned to your organisation."),
        ["measure.notFound"] = ("Åtgärden '{0}' finns inte.", "Measure '{0}' does not exist."),
        ["measure.linkUnknown"] = ("En länkad iakttagelse eller ett länkat evenemang finns inte.", "A linked observation or event does not exist."),
        ["feedback.notClosed"] = ("Återkopplingen publiceras när evenemanget har avslutats.", "The feedback is published once the event is closed."),
        ["open311.keyNotFound"] = ("Nyckeln '{0}' finns inte.", "Key '{0}' does not exist."),
        ["event.notFound"] = ("Evenemanget '{0}' finns inte.", "Event '{0}' does not exist."),
        ["event.kindFixed"] = ("Typen av evenemang kan inte ändras.", "The kind of an event cannot change."),
        ["event.slugTaken"] = ("Adressnamnet '{0}' används redan.", "The slug '{0}' is already in use."),
        ["event.linkedEventMissing"] = ("Det länkade evenemanget '{0}' finns inte.", "The linked event '{0}' does not exist."),
        ["event.linkedNotDialogue"] = ("Den länkade dialogen måste vara en trygghetsdialog.", "The linked dialogue must be a safety dialogue."),
        ["event.transition"] = ("Åtgärden '{0}' är inte tillåten när evenemanget har status '{1}'.", "'{0}' is not allowed while the event is '{1}'."),
        ["event.timesViaReschedule"] = ("Ett publicerat evenemang flyttas med reschedule, inte genom att ändra tiden.", "A published event is moved with reschedule, not by editing its times."),
        ["event.notEnded"] = ("Evenemanget har inte ägt rum än.", "The event has not taken place yet."),
        ["event.checksFailed"] = ("Rutinkontrollerna godkändes inte: {0}. Åtgärda dem eller publicera med en motivering (overrideReason).", "The routine checks failed: {0}. Fix them or publish with a reason (overrideReason)."),
        ["check.publicNotice"] = ("Allmänheten ska få minst {0} dagars varsel; evenemanget börjar om {1} dagar.", "The public needs at least {0} days' notice; the event starts in {1} days."),
        ["check.actorNotice"] = ("Aktörer ska bjudas in minst {0} dagar före; {1} inbjudan/inbjudningar skickades senare.", "Actors must be invited at least {0} days ahead; {1} invitation(s) were sent later."),
        ["check.actorNotice.none"] = ("Inga aktörer är inbjudna.", "No actors are invited."),
        ["check.requiredActors"] = ("Inbjudan saknas för: {0}.", "No invitation for: {0}."),
        ["check.venueAccessibility"] = ("Lokalens adress och tillgänglighet ska anges för möten på plats.", "State the venue's address and accessibility for on-site meetings."),
        ["check.remoteLink"] = ("En länk till distansmötet krävs för distans- och hybridmöten.", "A remote meeting link is required for remote and hybrid meetings."),
        ["invitation.notFound"] = ("Länken är ogiltig eller har gått ut.", "The link is invalid or has expired."),
        ["import.malformed"] = ("Innehållet är inte giltig JSON (tomt eller avbrutet?). Inget importerades.", "The body is not valid JSON (empty or cut off?). Nothing was imported."),
        ["import.notArray"] = ("Skicka en JSON-array av händelser, som polisen.se/api/events svarar. Inget importerades.", "Send a JSON array of events, as polisen.se/api/events answers. Nothing was imported."),
        ["import.noFile"] = ("Bifoga filen i fältet 'file'.", "Attach the file in the field 'file'."),
        ["import.empty"] = ("Arrayen är tom: inget att importera.", "The array is empty: nothing to import."),
        ["bra.columns"] = ("Kolumner saknas: {0}. Inget importerades.", "Missing columns: {0}. Nothing was imported."),
        ["bra.line"] = ("Oläsbart: {0}. Inget importerades.", "Unreadable: {0}. Nothing was imported."),
        ["bra.duplicate"] = ("Samma område, brott, period och enhet som rad {0}. Inget importerades.", "Same area, crime, period and unit as line {0}. Nothing was imported."),
        ["survey.duplicate"] = ("Samma område, år och indikator förekommer två gånger. Inget importerades.", "The same area, year and indicator appear twice. Nothing was imported."),
        ["check.personalData"] = ("Texten ser ut att innehålla personuppgifter ({0}). Läs den igen innan den publiceras.", "The text looks like it holds personal data ({0}). Read it again before it is published."),
        ["field.title"] = ("rubriken", "the title"),
        ["field.description"] = ("beskrivningen", "the description"),
        ["field.problem"] = ("problemet", "the problem"),
        ["check.passed"] = ("Godkänd.", "Passed."),
    };

    public static string Get(string key, params object[] args)
    {
        if (!Texts.TryGetValue(key, out var text)) return key;
        var template = IsEnglish ? text.En : text.Sv;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    public static string? Title(int status) => Texts.TryGetValue($"status.{status}", out _) ? Get($"status.{status}") : null;

    public static string? DefaultDetail(int status) => Texts.ContainsKey($"status.{status}.detail") ? Get($"status.{status}.detail") : null;

    /// <summary>True when the request asked for English; Swedish otherwise.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

/// <summary>
/// A text in Swedish and English, picked by the request's language (<c>Accept-Language</c>). Each feature keeps its own
/// in a <c>&lt;Feature&gt;Texts</c> class, so a text is found where it is used and a missing one is a compile error.
/// </summary>
public sealed record Text(string Sv, string En)
{
    public string Format(params object[] args)
    {
        var template = Messages.IsEnglish ? En : Sv;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    public override string ToString() => Format();
}
