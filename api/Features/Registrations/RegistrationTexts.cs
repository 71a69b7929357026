using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

internal static class RegistrationTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["Mode"] = new("Hur vill du delta?", "How do you want to take part?"),
        ["Email"] = new("E-postadress", "E-mail address"),
        ["RegistrationRequest.Name"] = new("Namn", "Name"),
        ["AccessibilityNeeds"] = new("Behov för att kunna delta", "Needs to take part"),
        ["ConsentVersion"] = new("Godkännande av hur uppgifterna hanteras", "Agreement to how your details are handled"),
        ["Code"] = new("Incheckningskod", "Check-in code"),
    };

    public static readonly Text Busy = new("Många anmäler sig just nu. Försök igen om en stund med samma Idempotency-Key.", "Many are registering right now. Try again shortly with the same Idempotency-Key.");
    public static readonly Text EmailForRemote = new("E-postadress krävs för att delta på distans.", "An e-mail address is required to take part remotely.");
    public static readonly Text ConsentRequired = new("Du behöver godkänna hur dina uppgifter hanteras för att kunna anmäla dig.",
        "You need to agree to how your details are handled to register.");
    public static readonly Text EmailInvalid = new("Ange en e-postadress som namn@example.se.", "Give an e-mail address such as name@example.se.");
    public static readonly Text NotPublished = new("Evenemanget är inte publicerat än.", "The event is not published yet.");
    public static readonly Text Cancelled = new("Evenemanget är inställt.", "The event is cancelled.");
    public static readonly Text Held = new("Evenemanget har redan ägt rum.", "The event has already taken place.");
    public static readonly Text DeadlinePassed = new("Sista dag för anmälan har passerat.", "The registration deadline has passed.");
    public static readonly Text ModeNotOffered = new("Det går inte att delta på det sättet i det här evenemanget.", "This event cannot be attended that way.");
    public static readonly Text ModeFull = new("Det finns ingen ledig plats för det sättet att delta. Anmälan är oförändrad.", "There is no free place for that way of taking part. The registration is unchanged.");
    public static readonly Text BadLink = new("Ogiltig länk.", "Invalid link.");
    public static readonly Text NotFound = new("Anmälan finns inte. Länken kan vara felskriven.", "No such registration. The link may be mistyped.");
    public static readonly Text IsCancelled = new("Anmälan är avbokad.", "The registration is cancelled.");
    public static readonly Text NotRemoteConfirmed = new("Möteslänken ges bara till bekräftade deltagare på distans.", "The meeting link is only for confirmed remote participants.");
    public static readonly Text LinkNotOpen = new("Möteslänken visas från {0}.", "The meeting link is shown from {0}.");
    public static readonly Text NoMeetingLink = new("Arrangören har inte lagt in någon möteslänk än.", "The organiser has not added a meeting link yet.");
    public static readonly Text CodeFormat = new("Koden har åtta tecken.", "The code has eight characters.");
    public static readonly Text CodeUnknown = new("Ingen anmälan till evenemanget har den koden.", "No registration for this event has that code.");

    /// <summary>Why registration is closed, as the problem says it.</summary>
    public static Text Closed(RegistrationClosedReason reason) => reason switch
    {
        RegistrationClosedReason.NotPublished => NotPublished,
        RegistrationClosedReason.Cancelled => Cancelled,
        RegistrationClosedReason.Held => Held,
        RegistrationClosedReason.DeadlinePassed => DeadlinePassed,
        _ => ModeNotOffered,
    };
}
