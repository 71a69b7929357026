using System.Text.Json.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Links to the public pages of events, for calendars, JSON-LD and e-mails.</summary>
public static class EventPages
{
    public static string EventPage(this SiteOptions site, PublicEvent e) =>
        $"{site.PublicUrl.TrimEnd('/')}/{(e.Kind == EventKind.Walk ? "vandringar" : "dialoger")}/{e.Slug}";
}

/// <summary>schema.org <c>Event</c> as JSON-LD, for search engines and the city's web platform.</summary>
public sealed record SchemaOrgEvent(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    string Name, string Description, DateTimeOffset StartDate, DateTimeOffset EndDate, string EventStatus, string EventAttendanceMode,
    IReadOnlyList<SchemaOrgLocation> Location, SchemaOrgThing Organizer, string Url, string InLanguage, bool IsAccessibleForFree,
    int? MaximumAttendeeCapacity, IReadOnlyList<SchemaOrgThing> Performer);

/// <summary>A schema.org <c>Place</c> (with address and coordinates) or <c>VirtualLocation</c> (without the link).</summary>
public sealed record SchemaOrgLocation(
    [property: JsonPropertyName("@type")] string Type, string? Name, SchemaOrgAddress? Address, SchemaOrgGeo? Geo);

public sealed record SchemaOrgAddress([property: JsonPropertyName("@type")] string Type, string? StreetAddress, string AddressLocality, string AddressCountry);

public sealed record SchemaOrgGeo([property: JsonPropertyName("@type")] string Type, double Latitude, double Longitude);

public sealed record SchemaOrgThing([property: JsonPropertyName("@type")] string Type, string Name);

public static class Syndication
{
    public const string JsonLdMediaType = "application/ld+json";
    public const string CalendarMediaType = "text/calendar";

    public static SchemaOrgEvent ToSchemaOrg(PublicEvent e, SiteOptions site)
    {
        var locations = new List<SchemaOrgLocation>();
        if (e.Format != EventFormat.Remote)
            locations.Add(new SchemaOrgLocation("Place", e.Venue?.Name ?? e.Place,
                new SchemaOrgAddress("PostalAddress", e.Venue?.Address, "Stockholm", "SE"),
                e.Venue is { Lat: { } lat, Lon: { } lon } ? new SchemaOrgGeo("GeoCoordinates", lat, lon) : null));
        if (e.RemoteParticipation)
            locations.Add(new SchemaOrgLocation("VirtualLocation", "Distansmöte – länken skickas till anmälda deltagare", null, null));
        return new SchemaOrgEvent(
            "https://schema.org", "Event", e.Title, e.Description, e.StartsAt, e.EndsAt,
            e.Status switch
            {
                EventStatus.Cancelled => "https://schema.org/EventCancelled",
                EventStatus.Rescheduled => "https://schema.org/EventRescheduled",
                _ => "https://schema.org/EventScheduled",
            },
            e.Format switch
            {
                EventFormat.OnSite => "https://schema.org/OfflineEventAttendanceMode",
                EventFormat.Remote => "https://schema.org/OnlineEventAttendanceMode",
                _ => "https://schema.org/MixedEventAttendanceMode",
            },
            locations, new SchemaOrgThing("GovernmentOrganization", site.Organiser), site.EventPage(e), "sv", true,
            (e.CapacityOnSite ?? 0) + (e.CapacityRemote ?? 0) is > 0 and var capacity ? capacity : null,
            e.Participants.Select(p => new SchemaOrgThing("Organization", p.Organisation)).ToList());
    }

    /// <summary>
    /// RFC 5545: times in Europe/Stockholm with its VTIMEZONE, a stable UID per event, SEQUENCE from the event,
    /// STATUS:CANCELLED after cancellation, and a link to the public page. Never the remote link.
    /// </summary>
    public static string ToICalendar(IEnumerable<PublicEvent> events, SiteOptions site, string name)
    {
        var calendar = new Calendar { ProductId = "-//Trygghet//Hägersten-Älvsjö//SV" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", Time.Stockholm.Id);
        calendar.AddTimeZone(new VTimeZone(Time.Stockholm.Id));
        foreach (var e in events)
        {
            var url = site.EventPage(e);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Id}@trygghet.hagersten-alvsjo",
                Sequence = e.Sequence,
                Summary = e.Title,
                Description = $"{e.Description}\n\n{url}".Trim(),
                Location = e.Format == EventFormat.Remote
                    ? "Distans"
                    : string.Join(", ", new[] { e.Venue?.Name, e.Venue?.Address }.Where(s => !string.IsNullOrWhiteSpace(s))),
                DtStart = new CalDateTime(e.StartsAt.DateTime, Time.Stockholm.Id),
                DtEnd = new CalDateTime(e.EndsAt.DateTime, Time.Stockholm.Id),
                DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
                LastModified = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
                Status = e.Status == EventStatus.Cancelled ? EventStatus.Cancelled.ToString().ToUpperInvariant() : "CONFIRMED",
                Url = new Uri(url),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
