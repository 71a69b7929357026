using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Statistics;

namespace Trygghet.Api.Features.Places;

/// <summary>A place of the district's own gazetteer, with the folded names it is found by.</summary>
public sealed record GazetteerPlace(FoundPlace Place, IReadOnlyList<string> Names);

/// <summary>
/// The places of the district that do not change while the API runs: the 17 neighbourhoods, each at a point inside its
/// boundary, and the stations, squares, centres, parks, schools and venues of <c>Data/places/gazetteer.csv</c> (the
/// police placement's list), each in the neighbourhood its point lies in. Built once, on the first search.
/// </summary>
public sealed class DistrictGazetteer(AreaLocator locator) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyList<GazetteerPlace>? places;

    public async Task<IReadOnlyList<GazetteerPlace>> PlacesAsync(CancellationToken ct)
    {
        if (places is not null) return places;
        await gate.WaitAsync(ct);
        try
        {
            return places ??= await BuildAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<GazetteerPlace>> BuildAsync(CancellationToken ct)
    {
        var all = new List<GazetteerPlace>();
        foreach (var (area, lat, lon) in await locator.RepresentativePointsAsync(ct))
            all.Add(new(new FoundPlace(area.Name, FoundPlaceKind.Neighbourhood, null, lat, lon, area), [PlaceNames.Fold(area.Name)]));
        foreach (var entry in Gazetteer.Entries)
        {
            if (KindOf(entry.Kind) is not { } kind || entry.Lat is not { } lat || entry.Lon is not { } lon) continue;
            if (await locator.LocateAsync(lat, lon, ct) is not { } area) continue;
            var name = kind == FoundPlaceKind.Station ? $"{entry.Name} station" : entry.Name;
            IReadOnlyList<string> names = kind == FoundPlaceKind.Station
                ? [PlaceNames.Fold(name), .. StationWords(entry.Note).Select(w => PlaceNames.Fold($"{entry.Name} {w}"))]
                : [PlaceNames.Fold(name)];
            all.Add(new(new FoundPlace(name, kind, null, lat, lon, area), names));
        }
        return all;
    }

    public void Dispose() => gate.Dispose();

    /// <summary>How residents also name a station, by the trains the gazetteer's note names: <c>Fruängen tunnelbana</c>, <c>Älvsjö pendeltågsstation</c>.</summary>
    private static IEnumerable<string> StationWords(string note) =>
        Trains.Where(t => note.Contains(t.Mode, StringComparison.Ordinal)).SelectMany(t => t.Words);

    private static readonly (string Mode, string[] Words)[] Trains =
        [("tunnelbana", ["tunnelbana", "tunnelbanestation"]), ("tvärbana", ["tvärbana", "tvärbanestation"]), ("pendeltåg", ["pendeltåg", "pendeltågsstation"])];

    private static FoundPlaceKind? KindOf(PlaceKind kind) => kind switch
    {
        PlaceKind.Local => FoundPlaceKind.Locality,
        PlaceKind.Station => FoundPlaceKind.Station,
        PlaceKind.Square => FoundPlaceKind.Square,
        PlaceKind.Centre => FoundPlaceKind.Centre,
        PlaceKind.Park => FoundPlaceKind.Park,
        PlaceKind.School => FoundPlaceKind.School,
        PlaceKind.Water => FoundPlaceKind.Water,
        PlaceKind.Venue => FoundPlaceKind.Venue,
        _ => null, // neighbourhoods come from the boundaries; aliases, the district and places outside it place nothing here
    };
}
