using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Events;

/// <summary>The contract's examples of dialogues and walks: a hybrid dialogue in Fruängen and the walk that follows it.</summary>
public sealed class EventExamples : IContractExamples
{
    public static readonly Venue Library = new("Fruängens bibliotek", "Fruängsgången 4, 129 52 Hägersten", 59.2856, 17.9649,
        "Entré i markplan, hörslinga i samlingssalen.");

    public static readonly IReadOnlyList<AgendaItem> Agenda =
    [
        new("Välkomna och kvällens upplägg", 10),
        new("Polisen berättar om läget i Fruängen", 20),
        new("Samtal i smågrupper: var känns det otryggt, och varför?", 45),
        new("Vad händer nu? Ansvariga svarar", 15),
    ];

    public static readonly WalkDetails Walk = new("Vid tunnelbaneuppgången på Fruängstorget", 59.2861, 17.9655, null, LightCondition.Darkness,
        DialogueId, null, new DateOnly(2027, 10, 13));

    public static readonly EventInput Input = new(EventKind.Dialogue, "Trygghetsdialog i Fruängen", "fruangen", EventFormat.Hybrid,
        DialogueStart, DialogueStart.AddHours(2), ParticipationLevel.Dialogue, null,
        "Boende, polisen, bostadsbolaget och stadsdelsförvaltningen samtalar om tryggheten kring Fruängens centrum.",
        "Otrygghet kvällstid kring tunnelbanan och centrumtorget.", "Fruängens centrum", Library, "https://meet.example/trygghetsdialog-fruangen",
        60, 40, DialogueStart.AddDays(-2), "Öppet möte med samtal i smågrupper", Agenda);

    public static readonly PublicEvent Public = new(DialogueId, EventKind.Dialogue, DialogueSlug, EventStatus.Published, Input.Title,
        Input.Description!, Input.Problem!, Input.Place!, new AreaRef("fruangen", "Fruängen", AreaKind.Neighbourhood), EventFormat.Hybrid, Library,
        true, DialogueStart, DialogueStart.AddHours(2), 60, 40, DialogueStart.AddDays(-2), ParticipationLevel.Dialogue, Input.Method!, Agenda, null,
        null, [new("Lokalpolisområde Globen", "police"), new("Allmännyttigt bostadsbolag i Fruängen", "propertyOwner")], null, 1, Written,
        EventPhase.Upcoming, true, DateOnly.FromDateTime(DialogueStart.DateTime).AddDays(PublishingOptions.DefaultFeedbackWithinDays), null,
        ContentOptions.Swedish, ["sv", "en", "ar"], []);

    public static readonly EventTranslationInput English = new("Safety dialogue in Fruängen",
        "Residents, the police, the housing company and the district administration talk about safety around Fruängen's centre.",
        "Feeling unsafe in the evenings around the underground station and the square.", "Fruängen's centre",
        "Open meeting with discussions in small groups", "Fruängen library", "Step-free entrance, hearing loop in the meeting room.", null,
        ["Welcome and the evening's plan", "The police on the situation in Fruängen", "Small groups: where do you feel unsafe, and why?",
            "What happens now? Those responsible answer"]);

    public static readonly EventTranslation Translation = new("en", English.Title, English.Description, English.Problem, English.Place,
        English.Method, English.VenueName, English.AccessibilityNotes, null, English.Agenda!, false, Written, []);


    public static readonly EventPlan Plan = new(DialogueId, EventKind.Dialogue, DialogueSlug, EventStatus.Published, Input.Title, Input.Description!,
        Input.Problem!, Input.Place!, "fruangen", "Fruängen", EventFormat.Hybrid, Library, Input.RemoteUrl, DialogueStart, DialogueStart.AddHours(2),
        60, 40, DialogueStart.AddDays(-2), ParticipationLevel.Dialogue, Input.Method!, Agenda, null, null, Written, null, null, 1, 3, Written);

    public IEnumerable<object> Examples =>
    [
        Input,
        Public,
        English,
        Translation,
        (IReadOnlyList<EventTranslation>)[Translation],
        new Page<PublicEvent>([Public], "eyJzIjoiMjAyNy0wMy0xMFQxNzowMDowMFoiLCJpIjoiM2YyYjhjMWUifQ"),
        Plan,
        new Page<EventPlan>([Plan], null),
        Library,
        Walk,
        new CancelRequest("Lokalen är vattenskadad. Vi återkommer med ett nytt datum inom två veckor."),
        new Closing("Ett trettiotal boende deltog. Belysningen vid gångtunneln och nedskräpningen på torget togs upp mest.", 28, 9,
            "Mörk gångtunnel under Fruängsgången; ungdomar samlas vid centrumtorget sent på kvällen.",
            "Trafikkontoret byter belysning i gångtunneln före oktober. Polisen ökar närvaron fredagskvällar."),
        new InviteRequest([PoliceActorId, PropertyOwnerActorId]),
        new PublishRequest(null),
        new RescheduleRequest(DialogueStart.AddDays(7), DialogueStart.AddDays(7).AddHours(2), DialogueStart.AddDays(5)),
        new RsvpRequest(RsvpAnswer.Accept, "Kommunpolisen och en områdespolis kommer."),
        new RsvpView("Lokalpolisområde Globen", Input.Title, EventKind.Dialogue, DialogueStart, DialogueStart.AddHours(2), "Fruängen",
            InvitationStatus.Accepted, "Kommunpolisen och en områdespolis kommer."),
        new Invitation(Guid.Parse("0b7e1f52-3c9d-4a6e-8f21-5d4c3b2a1e09"), PoliceActorId, "Lokalpolisområde Globen", "police",
            InvitationStatus.Pending, null, Written, null),
        new PublicationReport(false,
        [
            new("publicNotice", true, true, EventTexts.CheckPassed.Sv),
            new("requiredActors", false, true, string.Format(System.Globalization.CultureInfo.InvariantCulture, EventTexts.CheckRequiredActors.Sv, "police")),
        ]),
    ];
}
