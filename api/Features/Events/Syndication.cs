using System.Text;
using System.Text.Json.Serialization;
using System.Xml;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Links to the public pages of events, for calendars, JSON-LD and e-mails.</summary>
public static class EventPages
{
    /// <summary>The event's page; in a translation's language, the page opens in it (<c>?lang=ar</c>).</summary>
    public static string EventPage(this SiteOptions site, PublicEvent e) =>
        $"{site.PublicUrl.TrimEnd('/')}/{(e.Kind == EventKind.Walk ? "vandringar" : "dialoger")}/{e.Slug}"
        + (e.Language == ContentOptions.Swedish ? "" : $"?lang={Uri.EscapeDataString(e.Language)}");
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
    public const string AtomMediaType = "application/atom+xml";

    /// <summary>
    /// An Atom feed (RFC 4287) of dialogues and walks, most recently changed first: the feed's own words in
    /// <paramref name="english"/>'s language (<c>xml:lang</c> on the feed), each entry's title and summary in the event's
    /// language with <c>xml:lang</c> on each (Swedish for a description the translation leaves out), the page in that
    /// language as the link (<c>hreflang</c>), and when and where in the feed's language.
    /// </summary>
    public static string ToAtom(IReadOnlyCollection<PublicEvent> events, SiteOptions site, string selfUrl, string title, bool english)
    {
        const string Atom = "http://www.w3.org/2005/Atom";
        var service = english ? "en" : ContentOptions.Swedish;
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, service);
            xml.WriteElementString("id", Atom, selfUrl);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, XmlConvert.ToString(events.Count > 0 ? events.Max(e => e.UpdatedAt) : DateTimeOffset.UnixEpoch));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, site.Organiser);
            xml.WriteEndElement();
            Link(xml, "self", selfUrl, AtomMediaType, null);
            Link(xml, "alternate", site.PublicUrl.TrimEnd('/') + "/", "text/html", null);
            foreach (var e in events)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:uuid:{e.Id}");
                Localised(xml, "title", e.Title, e.Language);
                xml.WriteElementString("updated", Atom, XmlConvert.ToString(e.UpdatedAt));
                Link(xml, "alternate", site.EventPage(e), "text/html", e.Language);
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", WireName.Of(e.Kind));
                xml.WriteAttributeString("label", english ? (e.Kind == EventKind.Walk ? "Safety walk" : "Safety dialogue") : (e.Kind == EventKind.Walk ? "Trygghetsvandring" : "Trygghetsdialog"));
                xml.WriteEndElement();
                if (e.Description.Length > 0) Localised(xml, "summary", e.Description, Of(e, "description"));
                var (location, _, _) = Where(e, english);
                var when = $"{e.StartsAt.ToString(english ? "ddd d MMM yyyy HH:mm" : "ddd d MMM yyyy 'kl.' HH:mm", System.Globalization.CultureInfo.GetCultureInfo(english ? "en-GB" : "sv-SE"))}–{e.EndsAt:HH:mm}";
                var status = e.Status == EventStatus.Cancelled ? (english ? $"Cancelled: {e.CancelReason}" : $"Inställd: {e.CancelReason}") : null;
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(string.Join("\n", new[] { status, when, location }.Where(part => !string.IsNullOrEmpty(part))));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);

        static void Localised(XmlWriter xml, string element, string text, string language)
        {
            xml.WriteStartElement(element, Atom);
            xml.WriteAttributeString("type", "text");
            xml.WriteAttributeString("xml", "lang", null, language);
            xml.WriteString(text);
            xml.WriteEndElement();
        }

        static void Link(XmlWriter xml, string rel, string href, string type, string? language)
        {
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("rel", rel);
            xml.WriteAttributeString("type", type);
            xml.WriteAttributeString("href", href);
            if (language is not null) xml.WriteAttributeString("hreflang", language);
            xml.WriteEndElement();
        }
    }

    public static SchemaOrgEvent ToSchemaOrg(PublicEvent e, SiteOptions site)
    {
        var locations = new List<SchemaOrgLocation>();
        if (e.Format != EventFormat.Remote && e.Walk is { MeetingPoint: { Length: > 0 } meetingPoint } walk)
            locations.Add(new SchemaOrgLocation("Place", meetingPoint, new SchemaOrgAddress("PostalAddress", null, "Stockholm", "SE"),
                walk is { MeetingLat: { } mlat, MeetingLon: { } mlon } ? new SchemaOrgGeo("GeoCoordinates", mlat, mlon) : null));
        else if (e.Format != EventFormat.Remote)
            locations.Add(new SchemaOrgLocation("Place", e.Venue?.Name,
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
            locations, new SchemaOrgThing("GovernmentOrganization", site.Organiser), site.EventPage(e), e.Language, true,
            (e.CapacityOnSite ?? 0) + (e.CapacityRemote ?? 0) is > 0 and var capacity ? capacity : null,
            e.Participants.Select(p => new SchemaOrgThing("Organization", p.Organisation)).ToList());
    }

    /// <summary>
    /// RFC 5545: times in Europe/Stockholm with a VTIMEZONE that carries the zone's STANDARD and DAYLIGHT rules over the
    /// years of the events (clients that do not know the zone by name, such as ical.js, need them), a stable UID per
    /// event, SEQUENCE from the event, STATUS:CANCELLED after cancellation, LOCATION (the venue, or a walk's meeting
    /// point) with GEO when known, the place the problem is at as a line of the description ("Handlar om: …"), and a
    /// link to the public page. Never the remote link. The event's own texts are in
    /// the event's chosen language (<see cref="PublicEvent.Language"/>, Swedish unless a translation was asked for) and say so
    /// (LANGUAGE=sv, LANGUAGE=ar …); the words the service adds are in <paramref name="english"/>'s language.
    /// </summary>
    public static string ToICalendar(IReadOnlyCollection<PublicEvent> events, SiteOptions site, string name, bool english = false)
    {
        var calendar = new Calendar { ProductId = "-//Trygghet//Hägersten-Älvsjö//SV" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", Time.Stockholm.Id);
        var earliest = events.Count == 0 ? DateTime.UtcNow : events.Min(e => e.StartsAt).UtcDateTime;
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(Time.Stockholm.Id, earliest.AddYears(-1), includeHistoricalData: false));
        var language = english ? "en" : "sv";
        foreach (var e in events)
        {
            var url = site.EventPage(e);
            var (location, lat, lon) = Where(e, english);
            var item = new CalendarEvent
            {
                Uid = $"{e.Id}@trygghet.hagersten-alvsjo",
                Sequence = e.Sequence,
                Summary = e.Title,
                Description = string.Join("\n\n", new[]
                {
                    e.Description,
                    e.Place.Length > 0 ? $"{(english ? "About" : "Handlar om")}: {e.Place}" : "",
                    $"{(english ? "Details and registration" : "Mer information och anmälan")}: {url}",
                }.Where(part => part.Length > 0)),
                Location = location,
                GeographicLocation = lat is { } la && lon is { } lo ? new GeographicLocation(la, lo) : null,
                DtStart = new CalDateTime(e.StartsAt.DateTime, Time.Stockholm.Id),
                DtEnd = new CalDateTime(e.EndsAt.DateTime, Time.Stockholm.Id),
                DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
                LastModified = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
                Status = e.Status == EventStatus.Cancelled ? EventStatus.Cancelled.ToString().ToUpperInvariant() : "CONFIRMED",
                Url = new Uri(url),
            };
            Language(item, "SUMMARY", e.Language);
            Language(item, "DESCRIPTION", e.Description.Length == 0 ? language : Of(e, "description"));
            Language(item, "LOCATION", e.Format == EventFormat.Remote ? language : Of(e, e.Walk is { MeetingPoint.Length: > 0 } ? "meetingPoint" : "venueName"));
            calendar.Events.Add(item);
        }
        // Ical.Net formats numbers in the current culture: under Swedish, BYDAY=-1SU gets a Unicode minus (U+2212) and
        // GEO a decimal comma, which no client reads. RFC 5545 is culture-free.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            return new CalendarSerializer().SerializeToString(calendar) ?? "";
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>The language a text of the event is in: Swedish where the translation leaves it out.</summary>
    private static string Of(PublicEvent e, string field) => e.Untranslated.Contains(field) ? ContentOptions.Swedish : e.Language;

    private static void Language(CalendarEvent item, string property, string language) =>
        item.Properties[property]?.Parameters.Set("LANGUAGE", language);

    /// <summary>
    /// Where to go: a walk's meeting point, else the venue (name and address); a remote event says so. Never the place
    /// the problem is at (that is a line of the description): a resident must not go to the wrong address.
    /// </summary>
    private static (string? Location, double? Lat, double? Lon) Where(PublicEvent e, bool english)
    {
        if (e.Format == EventFormat.Remote) return (english ? "Online meeting" : "Distansmöte", null, null);
        if (e.Walk is { MeetingPoint: { Length: > 0 } meeting } walk) return (meeting, walk.MeetingLat, walk.MeetingLon);
        var venue = string.Join(", ", new[] { e.Venue?.Name, e.Venue?.Address }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return (venue.Length > 0 ? venue : null, e.Venue?.Lat, e.Venue?.Lon);
    }
}
