using System.Text.Json;
using Dapper;
using Npgsql;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>
/// Demo data for local use (<c>Seed__Demo=true</c>, set by <c>./run</c>): actors, and upcoming and past dialogues and walks
/// across the neighbourhoods, with invitations, registrations, a cancellation, closed events with feedback, observations
/// of the past walk with their follow-up, and a measure. Written once, into an empty event table; addresses use
/// reserved example domains.
/// </summary>
/// <summary>Adds the demo events once, after the areas (<c>Seed__Demo=true</c>).</summary>
public sealed class DemoSeedTask(NpgsqlDataSource dataSource, TimeProvider clock) : IStartupTask
{
    public int Order => 20;

    public bool DemoOnly => true;

    public Task RunAsync(CancellationToken ct) => DemoSeed.ApplyAsync(dataSource, clock, ct);
}

public static class DemoSeed
{
    private sealed record Plan(string Kind, string Area, string Title, int Days, int Hour, string Format, string Problem, string Place,
        string? Venue = null, string? Address = null, string? Light = null, string? Accessibility = null, Outcome? Closed = null);

    /// <summary>What a closed event reports: the minutes, what residents raised, what the actors will do, and who came.</summary>
    private sealed record Outcome(string Minutes, string Raised, string Actions, int OnSite, int Remote);

    private static readonly (string Organisation, string Kind, string Email)[] Actors =
    [
        ("Polisen, lokalpolisområdet", "police", "lpo@polisen.example"),
        ("Hägersten-Älvsjö stadsdelsförvaltning", "administration", "trygghet@hagersten-alvsjo.example"),
        ("Stadsdelsnämnden Hägersten-Älvsjö", "politician", "namnd@hagersten-alvsjo.example"),
        ("Trafikkontoret, Stockholms stad", "other", "trafik@stockholm.example"),
        ("Allmännyttigt bostadsbolag i Fruängen", "propertyOwner", "forvaltning@bostad.example"),
        ("SL, Region Stockholm", "publicTransport", "trygghet@sl.example"),
        ("Grundskola i Västertorp", "school", "rektor@skola.example"),
        ("Hyresgästförening i Midsommarkransen", "association", "styrelsen@forening.example"),
    ];

    // Accessibility notes say what holds at the place: indoor venues have their entrance, hearing loop and toilet; a walk is
    // outdoors, so it states the distance, the ground and what to bring.
    private const string WalkInDark = "Utomhus, cirka 2 km på belagda gångvägar utan trappor, med några backar. Vi går i lugn takt och stannar ofta. "
        + "Ta gärna med reflexväst; vi har några att låna ut. Säg till vid anmälan om du vill gå en kortare slinga.";

    private static readonly Plan[] Plans =
    [
        new("dialogue", "fruangen", "Trygghetsdialog i Fruängen", 24, 18, "hybrid", "Otrygghet kvällstid kring tunnelbanan och centrumtorget.", "Fruängens centrum", "Fruängens bibliotek", "Fruängsgången 4",
            Accessibility: "Entré i gatuplan utan trappsteg, hörslinga i samlingsrummet och tillgänglig toalett."),
        new("walk", "fruangen", "Trygghetsvandring i Fruängen", 31, 19, "onSite", "Mörka gångvägar mellan centrum och bostadsområdena.", "Gångvägarna norr om centrum", null, null, "darkness",
            Accessibility: WalkInDark),
        new("dialogue", "midsommarkransen", "Trygghetsdialog i Midsommarkransen", 38, 18, "onSite", "Oro för inbrott i källarförråd och cykelrum.", "Tegelbruksvägen", "Kransens kulturhus", "Svandammsvägen 2",
            Accessibility: "Ramp vid entrén, hörslinga i salen och tillgänglig toalett."),
        new("dialogue", "liljeholmen", "Trygghetsdialog på distans: Liljeholmen", 45, 19, "remote", "Stök vid Liljeholmstorget sena kvällar.", "Liljeholmstorget"),
        new("walk", "solberga", "Trygghetsvandring vid Älvsjö station", 52, 14, "onSite", "Belysning och sikt på vägen mellan stationen och Älvsjömässan.", "Älvsjö station", null, null, "daylight",
            Accessibility: "Utomhus, cirka 1,5 km på plana, belagda gångvägar; hiss mellan gångbron och perrongerna. Säg till vid anmälan om du behöver något mer."),
        new("dialogue", "vastertorp", "Trygghetsdialog i Västertorp", 60, 18, "hybrid", "Ungdomar och vuxna om tryggheten kring skolan.", "Västertorps centrum", "Västertorpsskolans aula", "Störtloppsvägen 2",
            Accessibility: "Entré utan trappsteg från skolgården, hörslinga i aulan och tillgänglig toalett."),
        new("dialogue", "aspudden", "Trygghetsdialog i Aspudden", -40, 18, "hybrid", "Klotter och skadegörelse längs Hägerstensvägen.", "Aspudden centrum", "Aspuddens bibliotek", "Hövdingagatan 14",
            Accessibility: "Entré i gatuplan utan trappsteg, hörslinga och tillgänglig toalett.",
            Closed: new("27 boende deltog på plats och 11 på distans, tillsammans med polisen, stadsdelsförvaltningen, Trafikkontoret och två ledamöter "
                    + "i stadsdelsnämnden. Polisen beskrev läget: anmälningarna om skadegörelse har ökat sedan förra året, medan våldsbrotten ligger kvar "
                    + "på samma nivå. Samtalen fördes sedan i fyra grupper och sammanfattades gemensamt.",
                "Klotter och skadegörelse längs Hägerstensvägen och i gångtunneln under vägen. Trasig belysning i gångtunneln. Ungdomar saknar "
                    + "en plats att vara på sena kvällar. Flera önskade fler vuxna ute på fredags- och lördagskvällar.",
                "Trafikkontoret sanerar klotter på stadens mark inom 24 timmar efter anmälan och byter två armaturer i gångtunneln. "
                    + "Fältassistenterna lägger fler kvällspass i Aspudden på fredagar. Stadsdelsförvaltningen undersöker med fritidsgården om "
                    + "längre öppettider. Vi berättar vad som blivit gjort på nästa dialog.", 27, 11)),
        new("walk", "aspudden", "Trygghetsvandring i Aspudden", -33, 19, "onSite", "Skymd sikt och dålig belysning i parken.", "Aspuddsparken", null, null, "darkness",
            Accessibility: WalkInDark,
            Closed: new("14 boende gick tillsammans med polisen, stadsdelsförvaltningen och fastighetsägaren en slinga på cirka 2 km genom "
                    + "Aspuddsparken och längs Hägerstensvägen. Fyra iakttagelser registrerades längs vägen.",
                "Höga buskar skymmer gångvägen genom parken. Två lampor i gångtunneln är trasiga. Klotter på ett elskåp vid lekplatsen. "
                    + "Ett skymt hörn bakom förskolan där ingen ser in.",
                "Buskarna längs gångvägen beskärs och de trasiga armaturerna byts. Elskåpet saneras av sin ägare. Hörnet bakom förskolan ingår "
                    + "i stadens belysningsprogram. Ett uppföljningsmöte hålls och vandringen görs om om ett halvår.", 14, 0)),
        new("dialogue", "alvsjo", "Trygghetsdialog i Älvsjö", -12, 18, "onSite", "Trafik och trygghet kring Älvsjö centrum.", "Älvsjö centrum", "Älvsjö medborgarhus", "Älvsjö gårdsväg 3",
            Accessibility: "Hiss till samlingssalen, hörslinga och tillgänglig toalett."),
    ];

    /// <summary>When a demo event is held: its start and end.</summary>
    internal sealed record Slot(string Slug, string Kind, string? Light, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    /// <summary>
    /// The demo events' times relative to <paramref name="today"/>, as a district would set them: on a Monday to Thursday that is no
    /// public holiday or eve and outside the Christmas and summer breaks; a dialogue in the evening; a daylight walk ending a quarter
    /// of an hour before sunset at the latest; a walk in darkness starting half an hour after sunset, no later than 20:30 (so such walks
    /// fall in the dark half of the year). A planned day that does not suit moves on, away from today, so past events stay past.
    /// </summary>
    internal static IReadOnlyList<Slot> Schedule(DateOnly today) =>
        Plans.Select(plan =>
        {
            var step = plan.Days < 0 ? -1 : 1;
            for (var day = today.AddDays(plan.Days); ; day = day.AddDays(step))
                if (Suits(day) && When(plan, day) is { } slot)
                    return new Slot($"{Areas.AreaSeed.Slugify(plan.Title)}-{day:yyyy-MM-dd}", plan.Kind, plan.Light, slot.StartsAt, slot.EndsAt);
        }).ToList();

    private static bool Suits(DateOnly day) =>
        day.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday
        && !SwedishHolidays.IsHolidayOrEve(day)
        && !(day is { Month: 12, Day: >= 20 } or { Month: 1, Day: <= 7 }) // the Christmas break
        && !(day.Month == 7 || day is { Month: 8, Day: <= 10 } || day is { Month: 6, Day: >= 25 }); // the summer break

    private static (DateTimeOffset StartsAt, DateTimeOffset EndsAt)? When(Plan plan, DateOnly day)
    {
        DateTimeOffset At(TimeOnly time)
        {
            var local = day.ToDateTime(time);
            return new DateTimeOffset(local, Time.Stockholm.GetUtcOffset(local)).ToUniversalTime();
        }
        if (plan.Kind != "walk") return (At(new TimeOnly(plan.Hour, 0)), At(new TimeOnly(plan.Hour + 2, 0)));
        var walk = TimeSpan.FromMinutes(90);
        var (_, sunset) = SunTimes.On(day)!.Value;
        var sunsetLocal = TimeOnly.FromDateTime(Time.Local(sunset).DateTime);
        if (plan.Light == "daylight")
        {
            // The latest half hour that ends 15 minutes before sunset, but not later than the planned hour.
            var latest = sunsetLocal.Add(-walk - TimeSpan.FromMinutes(15));
            var start = new TimeOnly(latest.Hour, latest.Minute < 30 ? 0 : 30);
            if (start > new TimeOnly(plan.Hour, 0)) start = new TimeOnly(plan.Hour, 0);
            return start < new TimeOnly(10, 0) ? null : (At(start), At(start).Add(walk));
        }
        var dark = sunsetLocal.AddMinutes(30);
        var begin = dark.Minute == 0 ? new TimeOnly(dark.Hour, 0) : dark.Minute <= 30 ? new TimeOnly(dark.Hour, 30) : new TimeOnly(dark.Hour + 1, 0);
        if (begin < new TimeOnly(plan.Hour - 1, 0)) begin = new TimeOnly(plan.Hour - 1, 0); // not before 18:00: people come after work
        return begin > new TimeOnly(20, 30) ? null : (At(begin), At(begin).Add(walk));
    }

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from event)", transaction: tx, cancellationToken: ct)))
        {
            // A database seeded before observations and registrations existed gets those parts on their own.
            await SeedFollowUpAsync(conn, tx, await ActorsByKindAsync(conn, tx, ct), clock.GetUtcNow(), ct);
            await SeedPlacesAsync(conn, tx, ct);
            await tx.CommitAsync(ct);
            return;
        }

        var now = clock.GetUtcNow();
        var actorIds = new Dictionary<string, Guid>();
        foreach (var (organisation, kind, email) in Actors)
            actorIds[kind + organisation] = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition("""
                insert into actor (organisation, kind, contact_email, created_at, updated_at) values (@organisation, @kind, @email, @now, @now) returning id
                """, new { organisation, kind, email, now }, tx, cancellationToken: ct));

        var today = DateOnly.FromDateTime(Time.Local(now).DateTime);
        foreach (var (plan, slot) in Plans.Zip(Schedule(today)))
        {
            var (starts, slug) = (slot.StartsAt, slot.Slug);
            var past = plan.Days < 0;
            var closed = past ? plan.Closed : null;
            var eventId = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition("""
                insert into event (kind, slug, status, title, description, problem, place, area_id, format, venue_name, venue_address,
                    accessibility_notes, remote_url, starts_at, ends_at, capacity_on_site, capacity_remote, registration_deadline,
                    participation_level, method, agenda, meeting_point, light_condition, published_at, closed_at, minutes,
                    participants_on_site, participants_remote, feedback_raised, feedback_actions, created_at, updated_at)
                values (@Kind, @slug, @status, @Title, @description, @Problem, @Place, (select id from area where slug = @Area), @Format,
                    @Venue, @Address, @Accessibility, @remote, @starts, @ends, @onSite, @remoteCapacity, @deadline,
                    'dialogue', @method, @agenda::jsonb, @meetingPoint, @Light, @published, @closedAt, @minutes,
                    @attendedOnSite, @attendedRemote, @raised, @actions, @created, @created)
                returning id
                """, new
            {
                plan.Kind,
                slug,
                status = closed is not null ? "closed" : "published",
                plan.Title,
                description = $"Välkommen att prata om tryggheten i {plan.Place} med polisen, stadsdelsförvaltningen och politiker. (Demodata.)",
                plan.Problem,
                plan.Place,
                plan.Area,
                plan.Format,
                plan.Venue,
                plan.Address,
                plan.Accessibility,
                remote = plan.Format == "onSite" ? null : $"https://meet.example/{slug}",
                starts,
                ends = slot.EndsAt,
                onSite = plan.Format == "remote" ? (int?)null : plan.Kind == "walk" ? 20 : 60,
                remoteCapacity = plan.Format == "onSite" ? (int?)null : 150,
                deadline = starts.AddDays(-1),
                method = plan.Kind == "walk" ? "Trygghetsvandring enligt Boverkets och Brås metod" : "Öppet möte med samtal i mindre grupper",
                agenda = JsonSerializer.Serialize(new[] { new { title = "Välkommen", minutes = 10 }, new { title = "Läget i området", minutes = 20 }, new { title = "Samtal", minutes = 60 } }, JsonSerializerOptions.Web),
                meetingPoint = plan.Kind == "walk" ? $"Samling vid {plan.Place}" : null,
                plan.Light,
                published = now.AddDays(Math.Min(plan.Days, 0) - 30),
                closedAt = closed is null ? (DateTimeOffset?)null : starts.AddDays(7),
                minutes = closed?.Minutes,
                attendedOnSite = closed?.OnSite,
                attendedRemote = closed?.Remote,
                raised = closed?.Raised,
                actions = closed?.Actions,
                created = now.AddDays(Math.Min(plan.Days, 0) - 35),
            }, tx, cancellationToken: ct));

            foreach (var ((organisation, kind, _), index) in Actors.Select((a, i) => (a, i)).Where(x => x.i < 4 || x.a.Kind == KindFor(plan.Area)))
                await conn.ExecuteAsync(new CommandDefinition("""
                    insert into invitation (event_id, actor_id, token_hash, status, invited_at, answered_at)
                    values (@eventId, @actorId, @hash, @status, @invited, @answered)
                    """, new
                {
                    eventId,
                    actorId = actorIds[kind + organisation],
                    hash = SecretTokens.Hash(Guid.NewGuid().ToString()),
                    status = index % 4 == 3 ? "pending" : "accepted",
                    invited = starts.AddDays(-30),
                    answered = index % 4 == 3 ? (DateTimeOffset?)null : starts.AddDays(-25),
                }, tx, cancellationToken: ct));
        }
        await SeedFollowUpAsync(conn, tx, await ActorsByKindAsync(conn, tx, ct), now, ct);
        await SeedPlacesAsync(conn, tx, ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            update event set status = 'cancelled', cancel_reason = 'Lokalen är inte tillgänglig. En ny tid meddelas här.', cancelled_at = @now, sequence = 1
            where slug like 'trygghetsdialog-pa-distans-liljeholmen-%'
            """, new { now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private static readonly (string Category, string Description, int Severity, double Lat, double Lon, string Status, string? Note)[] Observations =
    [
        ("vegetation", "Höga buskar skymmer gångvägen genom parken.", 3, 59.3075, 17.9996, "inProgress", "Beskärning pågår."),
        ("lighting", "Två trasiga lampor i gångtunneln under Hägerstensvägen.", 3, 59.3067, 18.0006, "fixed", "Armaturerna är utbytta."),
        ("graffiti", "Klotter på elskåp vid lekplatsen.", 1, 59.3082, 18.0012, "reported", null),
        ("sightLines", "Skymt hörn bakom förskolan; ingen ser in.", 2, 59.3079, 17.9987, "planned", "Ingår i stadens belysningsprogram."),
    ];

    /// <summary>
    /// Where the demo events are, by their slug's beginning: each walk's meeting point and route (GeoJSON, lon/lat) on paths
    /// within its neighbourhood, and each venue's position. Approximate, as drawn on a map of the district.
    /// </summary>
    private static readonly (string SlugStart, double Lat, double Lon, double[][]? Route)[] Places =
    [
        ("trygghetsvandring-i-aspudden-", 59.3064, 18.0014,
            [[18.0014, 59.3064], [18.0005, 59.3068], [17.9995, 59.3074], [17.9985, 59.3080], [17.9998, 59.3086], [18.0012, 59.3082], [18.0025, 59.3076], [18.0030, 59.3069], [18.0014, 59.3064]]),
        ("trygghetsvandring-i-fruangen-", 59.2857, 17.9650,
            [[17.9650, 59.2857], [17.9655, 59.2866], [17.9662, 59.2875], [17.9680, 59.2882], [17.9700, 59.2880], [17.9705, 59.2870], [17.9688, 59.2862], [17.9668, 59.2858], [17.9650, 59.2857]]),
        ("trygghetsvandring-vid-alvsjo-station-", 59.2787, 18.0105,
            [[18.0105, 59.2787], [18.0098, 59.2795], [18.0090, 59.2805], [18.0080, 59.2812], [18.0070, 59.2805], [18.0085, 59.2795], [18.0105, 59.2787]]),
        ("trygghetsdialog-i-fruangen-", 59.2857, 17.9651, null),
        ("trygghetsdialog-i-midsommarkransen-", 59.3003, 18.0108, null),
        ("trygghetsdialog-i-aspudden-", 59.3062, 18.0010, null),
        ("trygghetsdialog-i-vastertorp-", 59.2915, 17.9650, null),
        ("trygghetsdialog-i-alvsjo-", 59.2772, 18.0060, null),
    ];

    /// <summary>Puts the demo events on the map where they are not yet: a database seeded before places existed gets them too.</summary>
    private static async Task SeedPlacesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        foreach (var (slugStart, lat, lon, route) in Places)
        {
            var pattern = slugStart + "%";
            if (route is null)
                await conn.ExecuteAsync(new CommandDefinition("""
                    update event set venue_lat = @lat, venue_lon = @lon where slug like @pattern and kind = 'dialogue' and venue_lat is null and venue_name is not null
                    """, new { pattern, lat, lon }, tx, cancellationToken: ct));
            else
                await conn.ExecuteAsync(new CommandDefinition("""
                    update event set meeting_lat = @lat, meeting_lon = @lon, route = @route::jsonb where slug like @pattern and kind = 'walk' and route is null
                    """, new { pattern, lat, lon, route = JsonSerializer.Serialize(new { type = "LineString", coordinates = route }) }, tx, cancellationToken: ct));
        }
    }

    private static async Task<Dictionary<string, Guid>> ActorsByKindAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var organisations = Actors.Select(a => a.Organisation).ToArray();
        return (await conn.QueryAsync<(string Kind, Guid Id)>(new CommandDefinition(
                "select kind, id from actor where organisation = any(@organisations)", new { organisations }, tx, cancellationToken: ct)))
            .GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.First().Id);
    }

    /// <summary>
    /// Observations of the past walk in Aspudden with their history and a measure answering them, and registrations for
    /// the dialogue in Fruängen; each part only when the demo events exist and the part is still empty.
    /// </summary>
    private static async Task SeedFollowUpAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Dictionary<string, Guid> actorByKind, DateTimeOffset now, CancellationToken ct)
    {
        var walk = await conn.QuerySingleOrDefaultAsync<(Guid Id, DateTimeOffset StartsAt, Guid AreaId)?>(new CommandDefinition(
            "select id, starts_at, area_id from event where slug like 'trygghetsvandring-i-aspudden-%' limit 1", transaction: tx, cancellationToken: ct));
        var dialogue = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "select id from event where slug like 'trygghetsdialog-i-aspudden-%' limit 1", transaction: tx, cancellationToken: ct));
        if (walk is { } past && dialogue is { } pastDialogue && actorByKind.TryGetValue("administration", out var administration)
            && !await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from observation)", transaction: tx, cancellationToken: ct)))
            await SeedObservationsAsync(conn, tx, past, pastDialogue, administration, actorByKind.GetValueOrDefault("other"), now, ct);
        var fruangen = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "select id from event where slug like 'trygghetsdialog-i-fruangen-%' and starts_at > @now limit 1", new { now }, tx, cancellationToken: ct));
        if (fruangen is { } upcoming
            && !await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from registration)", transaction: tx, cancellationToken: ct)))
            await SeedRegistrationsAsync(conn, tx, upcoming, now, ct);
        if (fruangen is { } translated
            && !await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from event_translation)", transaction: tx, cancellationToken: ct)))
            await SeedTranslationsAsync(conn, tx, translated, now, ct);
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from survey_invitation)", transaction: tx, cancellationToken: ct)))
            await SeedSurveysAsync(conn, tx, ct);
    }

    /// <summary>The upcoming Fruängen dialogue in the district's other content languages (title, description, agenda), so its page offers them.</summary>
    private static readonly (string Language, string Title, string Description, string[] Agenda)[] Translations =
    [
        ("en", "Safety dialogue in Fruängen", "Come and talk about safety in Fruängen with the police, the district administration and politicians. (Demo data.)",
            ["Welcome", "The situation in the area", "Discussion"]),
        ("sv-x-lattlast", "Möte om trygghet i Fruängen", "Kom och prata om hur trygt det är i Fruängen. Polisen och politiker är med. Du kan fråga och berätta. (Demodata.)",
            ["Välkommen", "Hur är det i området?", "Vi pratar"]),
        ("fi", "Turvallisuusdialogi Fruängenissa", "Tule keskustelemaan Fruängenin turvallisuudesta poliisin, kaupunginosahallinnon ja poliitikkojen kanssa. (Esittelytietoja.)",
            ["Tervetuloa", "Alueen tilanne", "Keskustelu"]),
        ("ar", "حوار حول الأمان في فرووانغن", "تعال وتحدث عن الأمان في فرووانغن مع الشرطة وإدارة الحي والسياسيين. (بيانات تجريبية.)",
            ["أهلاً وسهلاً", "الوضع في المنطقة", "نقاش"]),
        ("so", "Wadahadal nabadgelyo ee Fruängen", "Kaalay oo ka hadal nabadgelyada Fruängen adigoo la jooga booliiska, maamulka degmada iyo siyaasiyiinta. (Xog tijaabo ah.)",
            ["Soo dhawoow", "Xaaladda xaafadda", "Wadahadal"]),
    ];

    private static async Task SeedTranslationsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid eventId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (language, title, description, agenda) in Translations)
            await conn.ExecuteAsync(new CommandDefinition("""
                insert into event_translation (event_id, language, title, description, agenda, source_version, created_at, updated_at)
                select @eventId, @language, @title, @description, @agenda::jsonb, version, @now, @now from event where id = @eventId
                """, new { eventId, language, title, description, agenda = JsonSerializer.Serialize(agenda), now }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// Survey answers for the two closed demo events: the Aspudden dialogue with enough answers to show its results, the
    /// Aspudden walk with too few ("för få svar"); two suggestions approved and one waiting for a moderator.
    /// </summary>
    private static async Task SeedSurveysAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var closed = (await conn.QueryAsync<(Guid Id, string Slug, DateTimeOffset ClosedAt)>(new CommandDefinition(
            "select id, slug, closed_at from event where status = 'closed' and closed_at is not null and slug like '%-i-aspudden-%' order by slug",
            transaction: tx, cancellationToken: ct))).ToList();
        foreach (var (id, slug, closedAt) in closed)
        {
            var walk = slug.StartsWith("trygghetsvandring", StringComparison.Ordinal);
            var (sent, answers) = walk ? (6, 3) : (14, 8);
            for (var i = 0; i < sent; i++)
            {
                var answered = i < answers ? closedAt.AddHours(3 + (i * 7)) : (DateTimeOffset?)null;
                await conn.ExecuteAsync(new CommandDefinition("""
                    insert into survey_invitation (id, registration_id, event_id, token_hash, version, sent_at, expires_at, answered_at)
                    values (@id, @registration, @eventId, @hash, '2026-1', @sent, @expires, @answered)
                    """, new
                {
                    id = Guid.NewGuid(),
                    registration = Guid.NewGuid(),
                    eventId = id,
                    hash = SecretTokens.Hash(Guid.NewGuid().ToString()),
                    sent = closedAt,
                    expires = closedAt.AddDays(14),
                    answered,
                }, tx, cancellationToken: ct));
                if (answered is not { } at) continue;
                var (priority, status) = walk ? (null, null) : i switch
                {
                    0 => ("Bättre belysning på gångvägarna mot tunnelbanan.", "approved"),
                    1 => ("Fler vuxna ute på kvällarna, till exempel nattvandrare vid centrum.", "approved"),
                    2 => ("Håll Aspuddsparken röjd så att man ser genom den.", "pending"),
                    _ => ((string?)null, (string?)null),
                };
                await conn.ExecuteAsync(new CommandDefinition("""
                    insert into survey_answer (id, event_id, version, safety, useful, come_again, priority, priority_status, reviewed_at, answered_at)
                    values (@id, @eventId, '2026-1', @safety, @useful, @comeAgain, @priority, @status, @reviewed, @at)
                    """, new
                {
                    id = Guid.NewGuid(),
                    eventId = id,
                    safety = (short)(2 + (i % 3)),
                    useful = (i % 4) switch { 0 or 1 => "yes", 2 => "partly", _ => "no" },
                    comeAgain = i % 5 == 4 ? "unsure" : "yes",
                    priority,
                    status,
                    reviewed = status == "approved" ? at.AddDays(1) : (DateTimeOffset?)null,
                    at,
                }, tx, cancellationToken: ct));
            }
        }
    }

    private static async Task SeedObservationsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, (Guid Id, DateTimeOffset StartsAt, Guid AreaId) walk, Guid dialogue,
        Guid administration, Guid? traffic, DateTimeOffset now, CancellationToken ct)
    {
        var observationIds = new List<Guid>();
        foreach (var (category, description, severity, lat, lon, status, note) in Observations)
        {
            var reported = walk.StartsAt.AddMinutes(30);
            var id = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition("""
                insert into observation (category, description, severity, lat, lon, area_id, walk_id, reporter_kind, reporter_ref, responsible_actor_id,
                                         deadline, status, status_note, created_at, updated_at, fixed_at)
                values (@category, @description, @severity, @lat, @lon, @AreaId, @Id, 'staff', 'demo', @responsible, @deadline, @status, @note,
                        @reported, @updated, case when @status = 'fixed' then @updated end)
                returning id
                """, new
            {
                category,
                description,
                severity = (short)severity,
                lat,
                lon,
                walk.AreaId,
                walk.Id,
                responsible = status == "reported" ? (Guid?)null : administration,
                deadline = status == "reported" ? (DateOnly?)null : DateOnly.FromDateTime(now.AddDays(20).UtcDateTime),
                status,
                note,
                reported,
                updated = reported.AddDays(10),
            }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition("""
                insert into observation_history (observation_id, at, status) values (@id, @reported, 'reported');
                insert into observation_history (observation_id, at, status, note, responsible)
                select @id, @updated, @status, @note, 'Hägersten-Älvsjö stadsdelsförvaltning' where @status <> 'reported';
                """, new { id, reported, updated = reported.AddDays(10), status, note }, tx, cancellationToken: ct));
            observationIds.Add(id);
        }
        var measure = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            insert into measure (title, description, area_id, responsible_actor_id, status, starts_on, created_at, updated_at)
            values ('Beskärning och ny belysning i Aspuddsparken',
                    'Buskarna längs gångvägen beskärs och gångtunneln får ny belysning, efter trygghetsvandringen och dialogen i Aspudden. (Demodata.)',
                    @AreaId, @administration, 'inProgress', @startsOn, @now, @now)
            returning id
            """, new { walk.AreaId, administration, startsOn = DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime), now }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("""
            insert into measure_observation (measure_id, observation_id) select @measure, unnest(@observations);
            insert into measure_event (measure_id, event_id) values (@measure, @walk), (@measure, @dialogue);
            """, new { measure, observations = observationIds.Take(2).ToArray(), walk = walk.Id, dialogue }, tx, cancellationToken: ct));

        // Two more measures with other statuses: one done after the dialogue in Aspudden, one planned for the walk in Fruängen.
        await conn.ExecuteAsync(new CommandDefinition("""
            with graffiti as (
                insert into measure (title, description, area_id, responsible_actor_id, status, starts_on, completed_on, created_at, updated_at)
                values ('Klottersanering inom ett dygn längs Hägerstensvägen',
                        'Klotter på stadens mark längs Hägerstensvägen och i gångtunneln tas bort inom 24 timmar efter anmälan. (Demodata.)',
                        @AreaId, coalesce(@traffic, @administration), 'completed', @startsOn, @completedOn, @now, @now)
                returning id)
            insert into measure_event (measure_id, event_id) select id, @dialogue from graffiti;
            insert into measure (title, description, area_id, responsible_actor_id, status, starts_on, created_at, updated_at)
            values ('Ny belysning på gångvägarna norr om Fruängens centrum',
                    'Gångvägarna mellan centrum och bostadsområdena får ny belysning. Arbetet planeras efter trygghetsvandringen i Fruängen. (Demodata.)',
                    (select id from area where slug = 'fruangen'), coalesce(@traffic, @administration), 'planned', @plannedOn, @now, @now);
            """, new
        {
            walk.AreaId,
            traffic,
            administration,
            dialogue,
            startsOn = DateOnly.FromDateTime(now.AddDays(-30).UtcDateTime),
            completedOn = DateOnly.FromDateTime(now.AddDays(-5).UtcDateTime),
            plannedOn = DateOnly.FromDateTime(now.AddDays(90).UtcDateTime),
            now,
        }, tx, cancellationToken: ct));

    }

    /// <summary>Registrations for the hybrid dialogue in Fruängen: twelve on site, five remote, with the tally that counts them.</summary>
    private static async Task SeedRegistrationsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid fruangen, DateTimeOffset now, CancellationToken ct)
    {
        for (var i = 1; i <= 17; i++)
        {
            var mode = i <= 12 ? "onSite" : "remote";
            await conn.ExecuteAsync(new CommandDefinition("""
                insert into registration (id, event_id, mode, status, email, name, consent_version, token_hash, check_in_code, created_at, updated_at)
                values (@id, @fruangen, @mode, 'confirmed', @email, @name, '2026-01', @hash, @code, @at, @at);
                insert into registration_tally as t (event_id, mode, shard, confirmed) values (@fruangen, @mode, 0, 1)
                on conflict (event_id, mode, shard) do update set confirmed = t.confirmed + 1;
                """, new
            {
                id = Guid.CreateVersion7(),
                fruangen,
                mode,
                email = $"boende{i}@example.se",
                name = $"Boende {i}",
                hash = SecretTokens.Hash(Guid.NewGuid().ToString()),
                code = System.Security.Cryptography.RandomNumberGenerator.GetString("ACDEFGHJKMNPQRTWXY34679", 8),
                at = now.AddDays(-i),
            }, tx, cancellationToken: ct));
        }
    }

    private static string KindFor(string area) => area switch
    {
        "fruangen" => "propertyOwner",
        "solberga" => "publicTransport",
        "vastertorp" => "school",
        "midsommarkransen" => "association",
        _ => "",
    };
}
