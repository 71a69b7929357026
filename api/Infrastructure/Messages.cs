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
        ["request.sendAs"] = ("Skicka innehållet som {0}.", "Send the body as {0}."),
        ["request.unsupportedMediaType"] = ("Skicka innehållet som application/json.", "Send the body as application/json."),
        ["input.controlCharacter"] = ("Värdet innehåller ett styrtecken ({0}) som inte är tillåtet.", "The value contains a control character ({0}) that is not allowed."),
        ["request.formUnreadable"] = ("Formuläret går inte att läsa.", "The form cannot be read."),
        ["input.unstorable"] = ("Innehållet har tecken som inte kan sparas, till exempel NUL. Inget sparades.", "The content holds characters that cannot be stored, such as NUL. Nothing was saved."),
        ["db.unavailable"] = ("Databasen går inte att nå just nu. Försök igen om en stund.", "The database cannot be reached right now. Try again shortly."),
        ["db.constraint"] = ("Ändringen krockar med befintliga uppgifter.", "The change conflicts with existing data."),
        ["server.error"] = ("Ett oväntat fel inträffade. Felet är loggat.", "An unexpected error occurred. It has been logged."),
        ["concurrency.ifMatchRequired"] = ("Skicka If-Match med den ETag du läste.", "Send If-Match with the ETag you read."),
        ["concurrency.stale"] = ("Resursen har ändrats sedan du läste den. Läs om och försök igen.", "The resource changed since you read it. Read it again and retry."),

        ["paging.badCursor"] = ("Ogiltig cursor: använd nextCursor från föregående sida.", "Invalid cursor: use nextCursor from the previous page."),

        ["area.notFound"] = ("Området '{0}' finns inte.", "Area '{0}' does not exist."),

        ["area.unknown"] = ("Området '{0}' finns inte.", "Area '{0}' does not exist."),
        ["actor.notFound"] = ("Aktören finns inte.", "The actor does not exist."),
        ["idempotency.invalid"] = ("Idempotency-Key krävs: 8–255 synliga ASCII-tecken, t.ex. ett UUID.", "Idempotency-Key is required: 8–255 visible ASCII characters, e.g. a UUID."),
        ["idempotency.mismatch"] = ("Idempotency-Key har redan använts för en annan begäran.", "The Idempotency-Key was already used for a different request."),
        ["registration.notFound"] = ("Anmälan finns inte. Länken kan vara felskriven.", "No such registration. The link may be mistyped."),
        ["actor.noActorId"] = ("Token saknar aktör (actor_id).", "The token carries no actor (actor_id)."),
        ["text.personalData"] = ("Texten ser ut att innehålla personuppgifter, t.ex. ett personnummer, telefonnummer, en e-postadress eller en gatuadress. Skriv om den utan dem.", "The text looks like it holds personal data, such as an identity number, phone number, e-mail address or street address. Rewrite it without them."),
        ["event.notFound"] = ("Evenemanget '{0}' finns inte.", "Event '{0}' does not exist."),
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
