using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Registrations;

/// <summary>The contract's examples of a resident's registration for the dialogue in Fruängen.</summary>
public sealed class RegistrationExamples : IContractExamples
{
    public const string ConsentVersion = "2026-01";
    private const string CheckIn = "K7RM4WXA";
    private const string ManageToken = "q3Vw9ZkT1bX7mN2pR8sL4yH6cJ0dF5gA-e_Ut2Yx8Qo";
    private static readonly DateTimeOffset Registered = new(2027, 2, 20, 20, 41, 0, TimeSpan.FromHours(1));

    private static readonly StaffRegistration Staff = new(RegistrationId, RegistrationMode.OnSite, RegistrationStatus.Confirmed, null, CheckIn,
        "anna.lindqvist@example.se", "Anna Lindqvist", "Teckenspråkstolk", ConsentVersion, Registered, null, null, null, null, null);

    public static readonly RegistrationRequest Request = new(RegistrationMode.OnSite, ConsentVersion, "anna.lindqvist@example.se", "Anna Lindqvist",
        "Teckenspråkstolk");

    public IEnumerable<object> Examples =>
    [
        Request,
        new RegistrationReceipt(RegistrationId, DialogueId, RegistrationMode.OnSite, RegistrationStatus.Confirmed, null, CheckIn, ManageToken,
            $"https://trygghet.example.se/anmalan#{ManageToken}"),
        new ManagedRegistration(RegistrationId,
            new RegisteredEvent(DialogueId, EventKind.Dialogue, DialogueSlug, "Trygghetsdialog i Fruängen", EventStatus.Published, EventFormat.Hybrid,
                DialogueStart, DialogueStart.AddHours(2), "Fruängen", "Fruängens bibliotek", "Fruängsgången 4, 129 52 Hägersten", null),
            RegistrationMode.OnSite, RegistrationStatus.Confirmed, null, CheckIn, Request.Email, Request.Name, Request.AccessibilityNeeds, ConsentVersion,
            false, Registered, null, null, true),
        new ModeChangeRequest(RegistrationMode.Remote, "anna.lindqvist@example.se"),
        new CheckInRequest(CheckIn),
        new Availability(true, null, DialogueStart.AddDays(-2), new ModeAvailability(60, 14, 0), new ModeAvailability(40, 31, 0)),
        new RegistrationSummary(DialogueId, new ModeCounts(60, 46, 3, 5, 0), new ModeCounts(40, 9, 0, 1, 0), DialogueStart.AddDays(90)),
        Staff,
        new Page<StaffRegistration>([Staff], null),
        new MeetingLink("https://meet.example/trygghetsdialog-fruangen", DialogueStart.AddHours(2)),
    ];
}
