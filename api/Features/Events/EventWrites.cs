using System.Text.Json;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>The columns an <see cref="EventInput"/> sets, checked against the database (area, linked events).</summary>
internal static class EventWrites
{
    public const string Columns = """
        title = @Title, description = @Description, problem = @Problem, place = @Place, area_id = @AreaId, format = @Format,
        venue_name = @VenueName, venue_address = @VenueAddress, venue_lat = @VenueLat, venue_lon = @VenueLon,
        accessibility_notes = @AccessibilityNotes, remote_url = @RemoteUrl, starts_at = @StartsAt, ends_at = @EndsAt,
        capacity_on_site = @CapacityOnSite, capacity_remote = @CapacityRemote, registration_deadline = @RegistrationDeadline,
        participation_level = @ParticipationLevel, method = @Method, agenda = @Agenda::jsonb,
        meeting_point = @MeetingPoint, meeting_lat = @MeetingLat, meeting_lon = @MeetingLon, route = @Route::jsonb,
        light_condition = @LightCondition, linked_dialogue_id = @LinkedDialogueId, follow_up_event_id = @FollowUpEventId,
        repeat_walk_planned_on = @RepeatWalkPlannedOn
        """;

    public static async Task<object> ParametersAsync(DbSession db, EventInput input, Guid? self, CancellationToken ct)
    {
        var areaId = await db.QuerySingleOrDefaultAsync<Guid?>(
            "select id from area where slug = @AreaSlug and kind in ('district', 'neighbourhood')", input, ct)
            ?? throw new BusinessRuleException(AreaTexts.Unknown, input.AreaSlug);
        var walk = input.Walk;
        if (walk?.LinkedDialogueId is { } dialogueId)
        {
            var kind = await db.QuerySingleOrDefaultAsync<string>("select kind from event where id = @dialogueId", new { dialogueId }, ct)
                ?? throw new BusinessRuleException(EventTexts.LinkedEventMissing, dialogueId);
            if (kind != "dialogue") throw new BusinessRuleException(EventTexts.LinkedNotDialogue);
        }
        if (walk?.FollowUpEventId is { } followUpId && (followUpId == self
            || !await db.QuerySingleOrDefaultAsync<bool>("select true from event where id = @followUpId", new { followUpId }, ct)))
            throw new BusinessRuleException(EventTexts.LinkedEventMissing, followUpId);
        var venue = input.Venue;
        return new
        {
            input.Title,
            Description = input.Description ?? "",
            Problem = input.Problem ?? "",
            Place = input.Place ?? "",
            AreaId = areaId,
            Format = WireName.Of(input.Format),
            VenueName = Blank(venue?.Name),
            VenueAddress = Blank(venue?.Address),
            VenueLat = venue?.Lat,
            VenueLon = venue?.Lon,
            AccessibilityNotes = Blank(venue?.AccessibilityNotes),
            RemoteUrl = Blank(input.RemoteUrl),
            input.StartsAt,
            input.EndsAt,
            input.CapacityOnSite,
            input.CapacityRemote,
            input.RegistrationDeadline,
            ParticipationLevel = WireName.Of(input.ParticipationLevel),
            Method = input.Method ?? "",
            Agenda = JsonSerializer.Serialize(input.Agenda ?? [], JsonSerializerOptions.Web),
            MeetingPoint = Blank(walk?.MeetingPoint),
            MeetingLat = walk?.MeetingLat,
            MeetingLon = walk?.MeetingLon,
            Route = walk?.Route is { } route ? route.GetRawText() : null,
            LightCondition = walk?.LightCondition is { } light ? WireName.Of(light) : null,
            LinkedDialogueId = walk?.LinkedDialogueId,
            FollowUpEventId = walk?.FollowUpEventId,
            RepeatWalkPlannedOn = walk?.RepeatWalkPlannedOn,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary><c>Trygghetsvandring i Fruängen</c> on 2026-03-29 → <c>trygghetsvandring-i-fruangen-2026-03-29</c>.</summary>
    public static string SlugFor(EventInput input)
    {
        var title = AreaSeed.Slugify(input.Title);
        title = title[..Math.Min(title.Length, 80)].Trim('-');
        var date = Time.Local(input.StartsAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return title.Length == 0 ? date : $"{title}-{date}";
    }
}
