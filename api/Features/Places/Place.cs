using Trygghet.Api.Features.Areas;

namespace Trygghet.Api.Features.Places;

/// <summary>Where a place found by <c>GET /api/v1/places</c> comes from and what it is.</summary>
public enum FoundPlaceKind
{
    /// <summary>One of the district's 17 neighbourhoods (stadsdelar); the point lies inside its boundary.</summary>
    Neighbourhood,

    /// <summary>A named part of a neighbourhood (Telefonplan, Årstadal).</summary>
    Locality,

    /// <summary>A metro, tram or commuter-train station.</summary>
    Station,

    /// <summary>A square.</summary>
    Square,

    /// <summary>A local centre.</summary>
    Centre,

    /// <summary>A park or bathing place.</summary>
    Park,

    /// <summary>A school or college.</summary>
    School,

    /// <summary>A lake or bay.</summary>
    Water,

    /// <summary>A venue: a known one of the district, or where a published dialogue or walk takes place.</summary>
    Venue,

    /// <summary>The meeting point of a published walk.</summary>
    MeetingPoint,

    /// <summary>A street address or named place from the configured geocoder.</summary>
    Address,
}

/// <summary>Whether the configured geocoder took part in a place search.</summary>
public enum AddressSearch
{
    /// <summary>The geocoder answered; its places inside the district are among the results.</summary>
    Ok,

    /// <summary>The geocoder failed or was too slow: only the district's own places were searched. Trying again later may find addresses.</summary>
    Unavailable,

    /// <summary>No geocoder is configured (<c>Geocoding__SearchUrl</c>): only the district's own places are searched.</summary>
    NotConfigured,
}

/// <summary>A candidate place inside the district.</summary>
/// <param name="Name">The place as a resident would name it, e.g. <c>Fruängstorget</c> or <c>Fruängsgården 7</c>.</param>
/// <param name="Kind">What the place is and where it comes from.</param>
/// <param name="Detail">More about the place where known: a venue's address, or the geocoder's full address line.</param>
/// <param name="Lat">Latitude (WGS84) of the place; always inside its `area`.</param>
/// <param name="Lon">Longitude (WGS84) of the place.</param>
/// <param name="Area">The neighbourhood the point lies in, as <c>GET /api/v1/areas/locate</c> finds it.</param>
public sealed record FoundPlace(string Name, FoundPlaceKind Kind, string? Detail, double Lat, double Lon, AreaRef Area);

/// <summary>The places matching a typed text, best first.</summary>
/// <param name="AddressSearch">Whether street addresses were searched: <c>ok</c>, <c>unavailable</c> (the geocoder failed; the district's own places still answer) or <c>notConfigured</c>.</param>
/// <param name="Places">The candidates, best first, at most <c>limit</c>; empty when nothing matches.</param>
public sealed record PlaceSearch(AddressSearch AddressSearch, IReadOnlyList<FoundPlace> Places);
