using System.Text.RegularExpressions;
using MimeKit;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Support;

/// <summary>Opens events for registration and registers residents, through the generated client.</summary>
public static class Registrar
{
    public const string Consent = "2026-01";

    /// <summary>A published event (routine checks overridden: these tests are about registrations).</summary>
    public static async Task<EventPlan> OpenAsync(ApiFactory api, EventInput input)
    {
        var staff = await api.ClientAs(DevRole.Staff);
        var draft = await staff.CreateEventAsync(input);
        return await staff.PublishEventAsync(draft.Id, new PublishRequest { OverrideReason = "Anmälan testas utan inbjudna aktörer." });
    }

    public static Task<RegistrationReceipt> RegisterAsync(this ApiFactory api, Guid eventId, RegistrationMode mode = RegistrationMode.OnSite,
        string? email = "ada@example.se", string? name = "Ada Lovelace", string? key = null) =>
        api.Client().RegisterForDialogueAsync(eventId, key ?? Guid.NewGuid().ToString(),
            new RegistrationRequest { Mode = mode, ConsentVersion = Consent, Email = email, Name = name, AccessibilityNeeds = "Hörslinga" });

    public static string ManageToken(MimeMessage mail) => Regex.Match(mail.TextBody ?? "", "/anmalan#([A-Za-z0-9_-]{43})").Groups[1].Value;
}
