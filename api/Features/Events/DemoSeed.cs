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
        string? Venue = null, string? Address = null, string? Light = null, string? Outcome = null);

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

    private static readonly Plan[] Plans =
    [
        new("dialogue", "fruangen", "Trygghetsdialog i Fruängen", 24, 18, "hybrid", "Otrygghet kvällstid kring tunnelbanan och centrumtorget.", "Fruängens centrum", "Fruängens bibliotek", "Fruängsgången 4"),
        new("walk", "fruangen", "Trygghetsvandring i Fruängen", 31, 19, "onSite", "Mörka gångvägar mellan centrum och bostadsområdena.", "Gångvägarna norr om centrum", null, null, "darkness"),
        new("dialogue", "midsommarkransen", "Trygghetsdialog i Midsommarkransen", 38, 18, "onSite", "Oro för inbrott i källarförråd och cykelrum.", "Tegelbruksvägen", "Kransens kulturhus", "Svandammsvägen 2"),
        new("dialogue", "liljeholmen", "Trygghetsdialog på distans: Liljeholmen", 45, 19, "remote", "Stök vid Liljeholmstorget sena kvällar.", "Liljeholmstorget"),
        new("walk", "solberga", "Trygghetsvandring vid Älvsjö station", 52, 17, "onSite", "Belysning och sikt på vägen mellan stationen och Älvsjömässan.", "Älvsjö station", null, null, "daylight"),
        new("dialogue", "vastertorp", "Trygghetsdialog i Västertorp", 60, 18, "hybrid", "Ungdomar och vuxna om tryggheten kring skolan.", "Västertorps centrum", "Västertorpsskolans aula", "Störtloppsvägen 2"),
        new("dialogue", "aspudden", "Trygghetsdialog i Aspudden", -40, 18, "hybrid", "Klotter och skadegörelse längs Hägerstensvägen.", "Aspudden centrum", "Aspuddens bibliotek", "Hövdingagatan 14",
            Outcome: "Trafikkontoret sanerar klotter inom 24 timmar och byter två armaturer i gångtunneln."),
        new("walk", "aspudden", "Trygghetsvandring i Aspudden", -33, 19, "onSite", "Skymd sikt och dålig belysning i parken.", "Aspuddsparken", null, null, "darkness",
            Outcome: "Buskar beskärs i parken och belysningen ses över före vintern."),
        new("dialogue", "alvsjo", "Trygghetsdialog i Älvsjö", -12, 18, "onSite", "Trafik och trygghet kring Älvsjö centrum.", "Älvsjö centrum", "Älvsjö medborgarhus", "Älvsjö gårdsväg 3"),
    ];

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from event)", transaction: tx, cancellationToken: ct)))
        {
            // A database seeded before observations and registrations existed gets those parts on their own.
            await SeedFollowUpAsync(conn, tx, await ActorsByKindAsync(conn, tx, ct), clock.GetUtcNow(), ct);
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
        foreach (var plan in Plans)
        {
            var day = today.AddDays(plan.Days);
            var local = new DateTime(day, new TimeOnly(plan.Hour, 0), DateTimeKind.Unspecified);
            var starts = new DateTimeOffset(local, Time.Stockholm.GetUtcOffset(local)).ToUniversalTime();
            var past = plan.Days < 0;
            var slug = $"{Areas.AreaSeed.Slugify(plan.Title)}-{day:yyyy-MM-dd}";
            var eventId = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition("""
                insert into event (kind, slug, status, title, description, problem, place, area_id, format, venue_name, venue_address,
                    accessibility_notes, remote_url, starts_at, ends_at, capacity_on_site, capacity_remote, registration_deadline,
                    participation_level, method, agenda, meeting_point, light_condition, published_at, closed_at, minutes,
                    participants_on_site, participants_remote, feedback_raised, feedback_actions, created_at, updated_at)
                values (@Kind, @slug, @status, @Title, @description, @Problem, @Place, (select id from area where slug = @Area), @Format,
                    @Venue, @Address, @accessibility, @remote, @starts, @ends, @onSite, @remoteCapacity, @deadline,
                    'dialogue', @method, @agenda::jsonb, @meetingPoint, @Light, @published, @closed, @minutes,
                    @attendedOnSite, @attendedRemote, @raised, @Outcome, @created, @created)
                returning id
                """, new
            {
                plan.Kind,
                slug,
                status = past && plan.Outcome is not null ? "closed" : "published",
                plan.Title,
                description = $"Välkommen att prata om tryggheten i {plan.Place} med polisen, stadsdelsförvaltningen och politiker. (Demodata.)",
                plan.Problem,
                plan.Place,
                plan.Area,
                plan.Format,
                plan.Venue,
                plan.Address,
                accessibility = plan.Format == "remote" ? null : "Entré utan trappsteg och hörslinga. Säg till vid anmälan om du behöver något mer.",
                remote = plan.Format == "onSite" ? null : $"https://meet.example/{slug}",
                starts,
                ends = starts.AddHours(plan.Kind == "walk" ? 1.5 : 2),
                onSite = plan.Format == "remote" ? (int?)null : plan.Kind == "walk" ? 20 : 60,
                remoteCapacity = plan.Format == "onSite" ? (int?)null : 150,
                deadline = starts.AddDays(-1),
                method = plan.Kind == "walk" ? "Trygghetsvandring enligt Boverkets och Brås metod" : "Öppet möte med samtal i mindre grupper",
                agenda = JsonSerializer.Serialize(new[] { new { title = "Välkommen", minutes = 10 }, new { title = "Läget i området", minutes = 20 }, new { title = "Samtal", minutes = 60 } }, JsonSerializerOptions.Web),
                meetingPoint = plan.Kind == "walk" ? $"Samling vid {plan.Place}" : null,
                plan.Light,
                published = now.AddDays(Math.Min(plan.Days, 0) - 30),
                closed = plan.Outcome is null ? (DateTimeOffset?)null : starts.AddDays(7),
                minutes = plan.Outcome is null ? null : "Ett trettiotal boende deltog. Synpunkterna sammanfattas nedan.",
                attendedOnSite = plan.Outcome is null ? (int?)null : 27,
                attendedRemote = plan.Outcome is null ? (int?)null : plan.Format == "onSite" ? 0 : 11,
                raised = plan.Outcome is null ? null : plan.Problem,
                plan.Outcome,
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
        await conn.ExecuteAsync(new CommandDefinition("""
            update event set status = 'cancelled', cancel_reason = 'Lokalen är inte tillgänglig. En ny tid meddelas här.', cancelled_at = @now, sequence = 1
            where slug like 'trygghetsdialog-pa-distans-liljeholmen-%'
            """, new { now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private static readonly (string Category, string Description, int Severity, double Lat, double Lon, string Status, string? Note)[] Observations =
    [
        ("vegetation", "Höga buskar skymmer gångvägen genom parken.", 3, 59.3052, 18.0040, "inProgress", "Beskärning pågår under november."),
        ("lighting", "Två trasiga lampor i gångtunneln under Hägerstensvägen.", 3, 59.3061, 18.0006, "fixed", "Armaturerna är utbytta."),
        ("graffiti", "Klotter på elskåp vid lekplatsen.", 1, 59.3046, 18.0051, "reported", null),
        ("sightLines", "Skymt hörn bakom förskolan; ingen ser in.", 2, 59.3057, 18.0032, "planned", "Ingår i belysningsprogrammet 2027."),
    ];

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
            await SeedObservationsAsync(conn, tx, past, pastDialogue, administration, now, ct);
        var fruangen = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "select id from event where slug like 'trygghetsdialog-i-fruangen-%' and starts_at > @now limit 1", new { now }, tx, cancellationToken: ct));
        if (fruangen is { } upcoming
            && !await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from registration)", transaction: tx, cancellationToken: ct)))
            await SeedRegistrationsAsync(conn, tx, upcoming, now, ct);
    }

    private static async Task SeedObservationsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, (Guid Id, DateTimeOffset StartsAt, Guid AreaId) walk, Guid dialogue,
        Guid administration, DateTimeOffset now, CancellationToken ct)
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
