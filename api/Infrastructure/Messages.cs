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

        ["area.notFound"] = ("Området '{0}' finns inte.", "Area '{0}' does not exist."),
        ["area.outsideDistrict"] = ("Punkten ligger inte i någon stadsdel i Hägersten-Älvsjö.", "The point is not in any neighbourhood of Hägersten-Älvsjö."),
        ["area.populationOnlyForKnownAreas"] = ("Folkmängd kan bara anges för en stadsdel, ett stadsdelsområde eller staden.", "Population can only be set for a neighbourhood, district or city."),
    };

    public static string Get(string key, params object[] args)
    {
        if (!Texts.TryGetValue(key, out var text)) return key;
        var template = IsEnglish ? text.En : text.Sv;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    public static string? Title(int status) => Texts.TryGetValue($"status.{status}", out _) ? Get($"status.{status}") : null;

    public static string? DefaultDetail(int status) => Texts.ContainsKey($"status.{status}.detail") ? Get($"status.{status}.detail") : null;

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
