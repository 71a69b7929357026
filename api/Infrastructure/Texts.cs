using System.Globalization;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// A text in Swedish and English, picked by the request's language (<c>Accept-Language</c>). Each feature keeps its own
/// in a <c>&lt;Feature&gt;Texts</c> class, so a text is found where it is used and a missing one is a compile error.
/// Texts never contain personal data.
/// </summary>
public sealed record Text(string Sv, string En)
{
    /// <summary>True when the request asked for English; Swedish otherwise.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Format(params object[] args)
    {
        var template = IsEnglish ? En : Sv;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    public override string ToString() => Format();
}

/// <summary>The texts of the shared plumbing: HTTP statuses, malformed requests, the database, paging, concurrency.</summary>
public static class CommonTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["Limit"] = new("Antal per sida", "Number per page"),
        ["Cursor"] = new("Sidmarkören", "The page cursor"),
        ["From"] = new("Från och med", "From"),
        ["To"] = new("Till och med", "To"),
        ["Area"] = new("Område", "Neighbourhood"),
        ["AreaSlug"] = new("Område", "Neighbourhood"),
        ["Title"] = new("Rubrik", "Title"),
        ["Lat"] = new("Latitud", "Latitude"),
        ["Lon"] = new("Longitud", "Longitude"),
        ["Note"] = new("Kommentar", "Note"),
        ["Reason"] = new("Skäl", "Reason"),
        ["ActorId"] = new("Aktör", "Actor"),
        ["Role"] = new("Roll", "Role"),
        ["Slug"] = new("Adressnamn", "Address name"),
        ["EntityType"] = new("Typ av post", "Kind of record"),
        ["EntityId"] = new("Postens id", "Id of the record"),
    };

    private static readonly Dictionary<int, (Text Title, Text? Detail)> Statuses = new()
    {
        [400] = (new("Felaktig begäran", "Bad request"), null),
        [401] = (new("Inloggning krävs", "Authentication required"), new("Ange en giltig bearer-token.", "Provide a valid bearer token.")),
        [403] = (new("Åtkomst nekad", "Forbidden"),
            new("Din roll har inte behörighet till den här åtgärden.", "Your role may not perform this operation.")),
        [404] = (new("Hittades inte", "Not found"), new("Det finns ingen resurs på den här adressen.", "There is no resource at this address.")),
        [405] = (new("Metoden är inte tillåten", "Method not allowed"),
            new("Adressen finns men tillåter inte den här HTTP-metoden.", "The address exists but does not allow this HTTP method.")),
        [409] = (new("Konflikt", "Conflict"), null),
        [412] = (new("Villkoret uppfylldes inte", "Precondition failed"), null),
        [413] = (new("Begäran är för stor", "Payload too large"), null),
        [415] = (new("Mediatypen stöds inte", "Unsupported media type"),
            new("Skicka innehållet med en mediatyp som åtgärden tar emot.", "Send the body in a media type this operation accepts.")),
        [422] = (new("Regeln tillåter det inte", "Business rule violated"), null),
        [428] = (new("Villkor krävs", "Precondition required"), null),
        [429] = (new("För många förfrågningar", "Too many requests"), new("Vänta en stund och försök igen.", "Wait a moment and try again.")),
        [500] = (new("Internt fel", "Internal server error"), null),
        [503] = (new("Tjänsten är inte tillgänglig", "Service unavailable"), null),
    };

    public static readonly Text PeriodEndAfterStart = new("Periodens slut måste vara efter dess början.", "The end of the period must be after its start.");
    public static readonly Text PeriodEndNotBeforeStart = new("Periodens slut får inte vara före dess början.", "The end of the period cannot be before its start.");
    public static readonly Text LimitRange = new("Antal per sida ska vara mellan 1 och {0}.", "The number per page must be between 1 and {0}.");
    public static readonly Text AtMostChosen = new("Högst {0} kan väljas.", "At most {0} can be chosen.");
    public static readonly Text ValidationFailed = new("En eller flera uppgifter är felaktiga.", "One or more fields are invalid.");
    public static readonly Text JsonMalformed = new("Innehållet är inte giltig JSON.", "The body is not valid JSON.");
    public static readonly Text JsonRequired = new("Uppgiften krävs.", "This field is required.");
    public static readonly Text JsonInvalidValue = new("Värdet har fel typ eller ett okänt värde.", "The value has the wrong type or an unknown value.");
    public static readonly Text UnknownValue = new("Okänt värde: {0}. Tillåtna värden: {1}.", "Unknown value: {0}. Allowed values: {1}.");
    public static readonly Text BodyRequired = new("Begäran saknar innehåll eller har fel format.", "The request body is missing or malformed.");
    public static readonly Text InvalidParameter = new("Värdet saknas eller har fel format.", "The value is missing or has the wrong format.");
    public static readonly Text BadParameter = new("En parameter i adressen eller frågesträngen är felaktig.", "A route or query parameter is invalid.");
    public static readonly Text TooManyStreams = new(
        "Från din adress är redan {0} liveflöden öppna, det högsta antalet. Stäng ett flöde eller försök igen om en stund.",
        "{0} live streams are already open from your address, the most allowed. Close one or try again in a while.");

    public static readonly Text TooLarge = new("Begäran är större än {0} byte.", "The request is larger than {0} bytes.");
    public static readonly Text SendJson = new("Skicka innehållet som application/json.", "Send the body as application/json.");
    public static readonly Text SendAs = new("Skicka innehållet som {0}.", "Send the body as {0}.");
    public static readonly Text ControlCharacter = new("Värdet innehåller ett styrtecken ({0}) som inte är tillåtet.",
        "The value contains a control character ({0}) that is not allowed.");
    public static readonly Text FormUnreadable = new("Formuläret går inte att läsa.", "The form cannot be read.");
    public static readonly Text Unstorable = new("Innehållet har tecken som inte kan sparas, till exempel NUL. Inget sparades.",
        "The content holds characters that cannot be stored, such as NUL. Nothing was saved.");
    public static readonly Text DatabaseUnavailable = new("Databasen går inte att nå just nu. Försök igen om en stund.",
        "The database cannot be reached right now. Try again shortly.");
    public static readonly Text Constraint = new("Ändringen krockar med befintliga uppgifter.", "The change conflicts with existing data.");
    public static readonly Text ServerError = new("Ett oväntat fel inträffade. Felet är loggat.", "An unexpected error occurred. It has been logged.");
    public static readonly Text IfMatchRequired = new("Skicka If-Match med den ETag du läste.", "Send If-Match with the ETag you read.");
    public static readonly Text Stale = new("Resursen har ändrats sedan du läste den. Läs om och försök igen.",
        "The resource changed since you read it. Read it again and retry.");
    public static readonly Text BadCursor = new("Ogiltig cursor: använd nextCursor från föregående sida.", "Invalid cursor: use nextCursor from the previous page.");
    public static readonly Text IdempotencyInvalid = new("Idempotency-Key krävs: 8–255 synliga ASCII-tecken, t.ex. ett UUID.",
        "Idempotency-Key is required: 8–255 visible ASCII characters, e.g. a UUID.");
    public static readonly Text IdempotencyMismatch = new("Idempotency-Key har redan använts för en annan begäran.",
        "The Idempotency-Key was already used for a different request.");
    public static readonly Text NoActorId = new("Token saknar aktör (actor_id).", "The token carries no actor (actor_id).");
    public static readonly Text PersonalData = new(
        "Texten ser ut att innehålla personuppgifter, t.ex. ett personnummer, telefonnummer, en e-postadress eller en gatuadress. Skriv om den utan dem.",
        "The text looks like it holds personal data, such as an identity number, phone number, e-mail address or street address. Rewrite it without them.");

    /// <summary>The title and default detail of a problem with this status, in both languages.</summary>
    public static (Text Title, Text? Detail)? Status(int status) => Statuses.TryGetValue(status, out var texts) ? texts : null;

    /// <summary>The title of a problem with this status, in the request's language.</summary>
    public static string? Title(int status) => Statuses.TryGetValue(status, out var texts) ? texts.Title.Format() : null;

    /// <summary>A default detail for a problem with this status that the framework raised without one.</summary>
    public static string? DefaultDetail(int status) => Statuses.TryGetValue(status, out var texts) ? texts.Detail?.Format() : null;
}
