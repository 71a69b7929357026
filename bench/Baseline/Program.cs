using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

// The API's public reads as bare as ASP.NET Core allows: one data source, raw Npgsql, no middleware, no mediator,
// no Dapper, no logging. Same SQL, same JSON and the same caching headers as the API, so that the difference between
// the two is what the API's own request pipeline costs. The API's public response records and JSON settings are
// reused so that both write byte for byte the same body; rows are read and mapped here by hand.

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(json => Json.Configure(json.SerializerOptions));
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(ConnectionString(
    builder.Configuration["DATABASE_URL"] ?? throw new InvalidOperationException("DATABASE_URL is required."))));

var app = builder.Build();

app.MapGet("/api/v1/areas", async (NpgsqlDataSource dataSource, HttpContext http, CancellationToken ct) =>
{
    var rows = new List<AreaRow>(32);
    await using (var command = dataSource.CreateCommand("""
        select id, parent_id, slug, name, kind, population, population_year
        from area
        order by name collate "sv-SE-x-icu"
        """))
    await using (var reader = await command.ExecuteReaderAsync(ct))
    {
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new AreaRow(
                reader.GetGuid(0),
                reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6)));
        }
    }

    // Rows come sorted by name, so every list of children keeps that order.
    var children = rows.ToLookup(r => r.ParentId);
    Node Build(AreaRow row) => new(row.Slug, row.Name, row.Kind, row.Population, row.PopulationYear,
        children[row.Id].Select(Build).ToList());

    http.Response.Headers.CacheControl = "public, max-age=300";
    return TypedResults.Ok(children[null].Select(Build).ToList());
});

app.MapGet("/api/v1/dialogues", (string? area, int? limit, string? cursor, NpgsqlDataSource dataSource, HttpContext http, CancellationToken ct) =>
    PublicListing.ListAsync("dialogue", area, limit, cursor, dataSource, http, ct));
app.MapGet("/api/v1/walks", (string? area, int? limit, string? cursor, NpgsqlDataSource dataSource, HttpContext http, CancellationToken ct) =>
    PublicListing.ListAsync("walk", area, limit, cursor, dataSource, http, ct));

app.Run();

// DATABASE_URL as postgres://user[:password]@host[:port]/db → keyword form, with the API's pool settings (auto-prepare,
// no reset on return to the pool), so that both sides ask the same of PostgreSQL.
static string ConnectionString(string url)
{
    if (!url.StartsWith("postgres://", StringComparison.Ordinal) && !url.StartsWith("postgresql://", StringComparison.Ordinal))
        return new NpgsqlConnectionStringBuilder(url) { MaxAutoPrepare = 64, NoResetOnClose = true }.ConnectionString;
    var uri = new Uri(url);
    var userInfo = uri.UserInfo.Split(':', 2);
    return new NpgsqlConnectionStringBuilder
    {
        Host = uri.Host,
        Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
        Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        Username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : null,
        Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
        MaxAutoPrepare = 64,
        NoResetOnClose = true,
        ApplicationName = "trygghet-bench-baseline",
    }.ConnectionString;
}

/// <summary>
/// GET /api/v1/dialogues and /walks with <c>area</c>, <c>limit</c> and <c>cursor</c>: the API's stamp query (ETag, 304),
/// listing query and participants query, in the API's order and on one connection, as the API's request scope does.
/// </summary>
internal static class PublicListing
{
    private const string CacheControl = "public, max-age=60";
    private const string JsonLdMediaType = "application/ld+json";

    // The SQL below is the API's, character for character (PublicEvents.cs, EventRow.Select), so that both send
    // the same statements to PostgreSQL and both get them prepared.
    private const string StampSql = """
        select coalesce((select max(updated_at) from event), '-infinity')::text
               || '/' || coalesce((select max(ends_at) from event where ends_at <= @Now), '-infinity')::text
               || '/' || coalesce((select max(updated_at) from actor), '-infinity')::text
        """;

    private const string ListSql = """
        select e.id, e.kind, e.slug, e.status, e.rescheduled, e.title, e.description, e.problem, e.place,
               e.area_id, a.slug as area_slug, a.name as area_name, a.kind as area_kind, e.format,
               e.venue_name, e.venue_address, e.venue_lat, e.venue_lon, e.accessibility_notes, e.remote_url,
               e.starts_at, e.ends_at, e.capacity_on_site, e.capacity_remote, e.registration_deadline,
               e.participation_level, e.method, e.agenda::text as agenda,
               e.meeting_point, e.meeting_lat, e.meeting_lon, e.route::text as route, e.light_condition,
               e.linked_dialogue_id, e.follow_up_event_id, e.repeat_walk_planned_on,
               e.cancel_reason, e.cancelled_at, e.published_at, e.publish_override, e.closed_at,
               e.minutes, e.participants_on_site, e.participants_remote, e.feedback_raised, e.feedback_actions,
               e.sequence, e.version, e.created_at, e.updated_at
        from event e join area a on a.id = e.area_id
         where e.status <> 'draft' and (@Kind::text is null or e.kind = @Kind)
           and (@Area::text is null or a.slug = @Area or a.parent_id = (select id from area where slug = @Area))
           and (@From::timestamptz is null or e.ends_at >= @From)
           and (@To::timestamptz is null or e.starts_at < @To)
           and (@Format::text is null or e.format = @Format)
           and (not @HasCursor or (e.starts_at, e.id) > (@AfterAt, @AfterId))
         order by e.starts_at, e.id
         limit @Take
        """;

    private const string ParticipantsSql = """
        select i.event_id, a.organisation, a.kind
        from invitation i join actor a on a.id = i.actor_id
        where i.event_id = any(@eventIds) and i.status = 'accepted'
        order by a.organisation
        """;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static async Task<Results<Ok<Page<PublicEvent>>, StatusCodeHttpResult>> ListAsync(
        string kind, string? area, int? limit, string? cursor, NpgsqlDataSource dataSource, HttpContext http, CancellationToken ct)
    {
        // The API answers invalid input with a problem document; here it is only refused, since it is never measured.
        var take = limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(cursor, out var afterAt, out var afterId);
        if (take is < 1 or > Cursor.MaxLimit || (cursor is not null && !hasCursor))
            return TypedResults.StatusCode(StatusCodes.Status400BadRequest);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var now = DateTimeOffset.UtcNow;

        string stamp;
        await using (var command = new NpgsqlCommand(StampSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("Now", NpgsqlDbType.TimestampTz) { Value = now });
            stamp = await command.ExecuteScalarAsync(ct) as string ?? "";
        }
        if (NotModified(http, $"{stamp}|{http.Request.Path}|{http.Request.QueryString}|{WantsJsonLd(http.Request)}"))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var rows = new List<Row>(take + 1);
        await using (var command = new NpgsqlCommand(ListSql, connection))
        {
            var parameters = command.Parameters;
            parameters.Add(new NpgsqlParameter("Kind", NpgsqlDbType.Text) { Value = kind });
            parameters.Add(new NpgsqlParameter("Area", NpgsqlDbType.Text) { Value = (object?)area ?? DBNull.Value });
            parameters.Add(new NpgsqlParameter("From", NpgsqlDbType.TimestampTz) { Value = DBNull.Value });
            parameters.Add(new NpgsqlParameter("To", NpgsqlDbType.TimestampTz) { Value = DBNull.Value });
            parameters.Add(new NpgsqlParameter("Format", NpgsqlDbType.Text) { Value = DBNull.Value });
            parameters.Add(new NpgsqlParameter("HasCursor", NpgsqlDbType.Boolean) { Value = hasCursor });
            parameters.Add(new NpgsqlParameter("AfterAt", NpgsqlDbType.TimestampTz) { Value = afterAt });
            parameters.Add(new NpgsqlParameter("AfterId", NpgsqlDbType.Uuid) { Value = afterId });
            parameters.Add(new NpgsqlParameter("Take", NpgsqlDbType.Integer) { Value = take + 1 });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        }

        var shown = Math.Min(rows.Count, take);
        var eventIds = new Guid[shown];
        for (var i = 0; i < shown; i++) eventIds[i] = rows[i].Id;
        var participants = new Dictionary<Guid, List<Participant>>(shown);
        await using (var command = new NpgsqlCommand(ParticipantsSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("eventIds", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = eventIds });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var eventId = reader.GetGuid(0);
                if (!participants.TryGetValue(eventId, out var list)) participants[eventId] = list = [];
                list.Add(new Participant(reader.GetString(1), reader.GetString(2)));
            }
        }

        var items = new List<PublicEvent>(shown);
        for (var i = 0; i < shown; i++)
            items.Add(ToPublic(rows[i], participants.TryGetValue(rows[i].Id, out var list) ? list : [], now));
        var next = rows.Count > take ? Cursor.Encode(rows[take - 1].StartsAt, rows[take - 1].Id) : null;
        return TypedResults.Ok(new Page<PublicEvent>(items, next));
    }

    /// <summary>The columns the public sees, by position in <see cref="ListSql"/>.</summary>
    private static Row Read(NpgsqlDataReader r) => new(
        Id: r.GetGuid(0), Kind: r.GetString(1), Slug: r.GetString(2), Status: r.GetString(3), Rescheduled: r.GetBoolean(4),
        Title: r.GetString(5), Description: r.GetString(6), Problem: r.GetString(7), Place: r.GetString(8),
        AreaSlug: r.GetString(10), AreaName: r.GetString(11), AreaKind: r.GetString(12), Format: r.GetString(13),
        VenueName: NullableString(r, 14), VenueAddress: NullableString(r, 15), VenueLat: NullableDouble(r, 16), VenueLon: NullableDouble(r, 17),
        AccessibilityNotes: NullableString(r, 18),
        StartsAt: r.GetFieldValue<DateTimeOffset>(20), EndsAt: r.GetFieldValue<DateTimeOffset>(21),
        CapacityOnSite: NullableInt(r, 22), CapacityRemote: NullableInt(r, 23),
        RegistrationDeadline: r.IsDBNull(24) ? null : r.GetFieldValue<DateTimeOffset>(24),
        ParticipationLevel: r.GetString(25), Method: r.GetString(26), Agenda: r.GetString(27),
        MeetingPoint: NullableString(r, 28), MeetingLat: NullableDouble(r, 29), MeetingLon: NullableDouble(r, 30),
        Route: NullableString(r, 31), LightCondition: NullableString(r, 32),
        LinkedDialogueId: r.IsDBNull(33) ? null : r.GetGuid(33), FollowUpEventId: r.IsDBNull(34) ? null : r.GetGuid(34),
        RepeatWalkPlannedOn: r.IsDBNull(35) ? null : r.GetFieldValue<DateOnly>(35),
        CancelReason: NullableString(r, 36), ClosedAt: r.IsDBNull(40) ? null : r.GetFieldValue<DateTimeOffset>(40),
        Minutes: NullableString(r, 41), ParticipantsOnSite: NullableInt(r, 42), ParticipantsRemote: NullableInt(r, 43),
        FeedbackRaised: NullableString(r, 44), FeedbackActions: NullableString(r, 45),
        Sequence: r.GetInt32(46), UpdatedAt: r.GetFieldValue<DateTimeOffset>(49));

    private static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? NullableDouble(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static int? NullableInt(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    /// <summary>The API's mapping of a row to what the public sees (EventRow and PublicEventHandlers.ToPublic).</summary>
    private static PublicEvent ToPublic(Row r, IReadOnlyList<Participant> participants, DateTimeOffset now)
    {
        var kind = Enum.Parse<EventKind>(r.Kind, ignoreCase: true);
        var format = Enum.Parse<EventFormat>(r.Format, ignoreCase: true);
        var status = r.Status switch
        {
            "draft" => EventStatus.Draft,
            "cancelled" => EventStatus.Cancelled,
            "closed" => EventStatus.Closed,
            _ when r.EndsAt <= now => EventStatus.Held,
            _ when r.Rescheduled => EventStatus.Rescheduled,
            _ => EventStatus.Published,
        };
        var areaKind = r.AreaKind switch
        {
            "city" => AreaKind.City,
            "district" => AreaKind.District,
            "neighbourhood" => AreaKind.Neighbourhood,
            _ => throw new InvalidOperationException($"Unknown area kind '{r.AreaKind}'."),
        };
        var venue = r.VenueName is null && r.VenueAddress is null && r.VenueLat is null && r.VenueLon is null && r.AccessibilityNotes is null
            ? null
            : new Venue(r.VenueName, r.VenueAddress, r.VenueLat, r.VenueLon, r.AccessibilityNotes);
        var agenda = JsonSerializer.Deserialize<List<AgendaItem>>(r.Agenda, JsonSerializerOptions.Web) ?? [];
        WalkDetails? walk = null;
        if (kind == EventKind.Walk)
        {
            JsonElement? route = null;
            if (r.Route is not null)
            {
                using var document = JsonDocument.Parse(r.Route);
                route = document.RootElement.Clone();
            }
            walk = new WalkDetails(r.MeetingPoint, r.MeetingLat, r.MeetingLon, route,
                r.LightCondition is null ? null : Enum.Parse<LightCondition>(r.LightCondition, ignoreCase: true),
                r.LinkedDialogueId, r.FollowUpEventId, r.RepeatWalkPlannedOn);
        }
        var closing = r.ClosedAt is null
            ? null
            : new Closing(r.Minutes ?? "", r.ParticipantsOnSite ?? 0, r.ParticipantsRemote ?? 0, r.FeedbackRaised ?? "", r.FeedbackActions ?? "");

        return new PublicEvent(
            r.Id, kind, r.Slug, status, r.Title, r.Description, r.Problem, r.Place,
            new AreaRef(r.AreaSlug, r.AreaName, areaKind), format, venue, format != EventFormat.OnSite,
            Local(r.StartsAt), Local(r.EndsAt), r.CapacityOnSite, r.CapacityRemote,
            r.RegistrationDeadline is { } deadline ? Local(deadline) : null, Enum.Parse<ParticipationLevel>(r.ParticipationLevel, ignoreCase: true),
            r.Method, agenda, walk, r.CancelReason, participants, closing, r.Sequence, Local(r.UpdatedAt));
    }

    private static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Stockholm);

    /// <summary>The API's ETag, Cache-Control and Vary; true when If-None-Match already holds this version.</summary>
    private static bool NotModified(HttpContext http, string version)
    {
        var etag = $"W/\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(version)), 0, 12).ToLowerInvariant()}\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        headers.Vary = "Accept";
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Length > 0 && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(tag => Weak(tag.Trim()) == Weak(etag)));
    }

    private static string Weak(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static bool WantsJsonLd(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(JsonLdMediaType, StringComparison.OrdinalIgnoreCase));

    private sealed record Row(
        Guid Id, string Kind, string Slug, string Status, bool Rescheduled, string Title, string Description, string Problem, string Place,
        string AreaSlug, string AreaName, string AreaKind, string Format,
        string? VenueName, string? VenueAddress, double? VenueLat, double? VenueLon, string? AccessibilityNotes,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? CapacityOnSite, int? CapacityRemote, DateTimeOffset? RegistrationDeadline,
        string ParticipationLevel, string Method, string Agenda,
        string? MeetingPoint, double? MeetingLat, double? MeetingLon, string? Route, string? LightCondition,
        Guid? LinkedDialogueId, Guid? FollowUpEventId, DateOnly? RepeatWalkPlannedOn,
        string? CancelReason, DateTimeOffset? ClosedAt, string? Minutes, int? ParticipantsOnSite, int? ParticipantsRemote,
        string? FeedbackRaised, string? FeedbackActions, int Sequence, DateTimeOffset UpdatedAt);
}

internal sealed record AreaRow(Guid Id, Guid? ParentId, string Slug, string Name, string Kind, int? Population, int? PopulationYear);

/// <summary>The API's AreaNode, with the kind already the lower-case word the API's enum converter writes.</summary>
internal sealed record Node(string Slug, string Name, string Kind, int? Population, int? PopulationYear, IReadOnlyList<Node> Children);
