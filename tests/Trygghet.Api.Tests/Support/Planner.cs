using Trygghet.Client;

namespace Trygghet.Api.Tests.Support;

/// <summary>Plans events the way staff do, through the generated client.</summary>
public sealed class Planner(TrygghetClient staff)
{
    public TrygghetClient Staff { get; } = staff;

    public static async Task<Planner> StaffAsync(ApiFactory api) => new(await api.ClientAs(DevRole.Staff));

    public static EventInput Dialogue(DateTimeOffset startsAt, EventFormat format = EventFormat.Hybrid, string title = "Trygghetsdialog i Fruängen") => new()
    {
        Kind = EventKind.Dialogue,
        Title = title,
        AreaSlug = "fruangen",
        Format = format,
        StartsAt = startsAt,
        EndsAt = startsAt.AddHours(2),
        ParticipationLevel = ParticipationLevel.Dialogue,
        Description = "Öppen dialog om tryggheten kring Fruängens centrum.",
        Problem = "Otrygghet kvällstid vid tunnelbaneentrén.",
        Place = "Fruängens centrum",
        Method = "Öppet möte med samtal i små grupper",
        Venue = format == EventFormat.Remote ? null : new Venue
        {
            Name = "Fruängens bibliotek",
            Address = "Fruängsgången 4, 129 52 Hägersten",
            Lat = 59.2846,
            Lon = 17.9694,
            AccessibilityNotes = "Entré utan trappsteg, hörslinga, tillgänglig toalett.",
        },
        RemoteUrl = format == EventFormat.OnSite ? null : "https://meet.example.se/trygghet-fruangen",
        CapacityOnSite = format == EventFormat.Remote ? null : 60,
        CapacityRemote = format == EventFormat.OnSite ? null : 200,
        RegistrationDeadline = startsAt.AddDays(-1),
        Agenda = [new AgendaItem { Title = "Välkommen", Minutes = 10 }, new AgendaItem { Title = "Polisen om läget", Minutes = 20 }],
    };

    public static EventInput Walk(DateTimeOffset startsAt, Guid? linkedDialogue = null)
    {
        var walk = Dialogue(startsAt, EventFormat.OnSite, "Trygghetsvandring i Fruängen");
        walk.Kind = EventKind.Walk;
        walk.CapacityOnSite = 20;
        walk.Walk = new WalkDetails
        {
            MeetingPoint = "Vid tunnelbaneentrén, Fruängsgången",
            MeetingLat = 59.2846,
            MeetingLon = 17.9694,
            LightCondition = LightCondition.Darkness,
            LinkedDialogueId = linkedDialogue,
            Route = new { type = "LineString", coordinates = new[] { new[] { 17.9694, 59.2846 }, new[] { 17.9660, 59.2860 }, new[] { 17.9620, 59.2851 } } },
            RepeatWalkPlannedOn = new DateTimeOffset(startsAt.Year, startsAt.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(6).Date,
        };
        return walk;
    }

    public async Task<(Actor Police, Actor Administration)> RequiredActorsAsync() => (
        await Staff.CreateActorAsync(new ActorInput { Organisation = "Lokalpolisområde Globen", Kind = ActorKind.Police, Contact = new ActorContact { Email = "globen@polisen.example" } }),
        await Staff.CreateActorAsync(new ActorInput { Organisation = "Hägersten-Älvsjö stadsdelsförvaltning", Kind = ActorKind.Administration, Contact = new ActorContact { Email = "trygghet@stockholm.example" } }));

    /// <summary>A draft with the police and the administration invited, so that every routine check passes.</summary>
    public async Task<EventPlan> ReadyDraftAsync(EventInput input)
    {
        var plan = await Staff.CreateEventAsync(input);
        var (police, administration) = await RequiredActorsAsync();
        await Staff.InviteActorsAsync(plan.Id, new InviteRequest { ActorIds = [police.Id, administration.Id] });
        return plan;
    }

    public async Task<EventPlan> PublishedAsync(EventInput input) =>
        await Staff.PublishEventAsync((await ReadyDraftAsync(input)).Id, new PublishRequest());
}
