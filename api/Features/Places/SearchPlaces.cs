using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Places;

/// <summary>Places inside the district matching a typed text: addresses from the geocoder, and the district's own places.</summary>
public sealed record SearchPlacesQuery(string? Q, int? Limit) : IQuery<PlaceSearch>
{
    public const int DefaultLimit = 8;
    public const int MaxLimit = 20;
}

public sealed class SearchPlacesValidator : AbstractValidator<SearchPlacesQuery>
{
    public SearchPlacesValidator()
    {
        RuleFor(q => q.Q).NotEmpty().Length(2, 100).WithMessage(q => PlaceTexts.QueryLength.Format(q.Q!.Length));
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchPlacesQuery.MaxLimit);
    }
}

public sealed class SearchPlacesHandler(DbSession db, AreaLocator locator, DistrictGazetteer gazetteer, Geocoder geocoder)
    : IQueryHandler<SearchPlacesQuery, PlaceSearch>
{
    private sealed record VenueRow(string Name, string? Address, double Lat, double Lon, bool MeetingPoint);

    public async ValueTask<PlaceSearch> Handle(SearchPlacesQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? SearchPlacesQuery.DefaultLimit;
        var text = query.Q!.Trim();
        var folded = PlaceNames.Fold(text);

        // The geocoder is asked first and awaited last, so its round trip overlaps the local search.
        var bounds = geocoder.Configured ? await locator.BoundsAsync(ct) : null;
        var addressTask = bounds is { } box && folded.Length > 0
            ? geocoder.SearchAsync(text, box, Text.IsEnglish ? "en,sv" : "sv,en", Math.Min(limit + 5, 40), ct)
            : null;

        var local = new List<(FoundPlace Place, int Score, string Folded)>();
        foreach (var entry in await gazetteer.PlacesAsync(ct))
            if (PlaceNames.Best(entry.Names, folded) is { } score) local.Add((entry.Place, score, entry.Names[0]));
        foreach (var venue in await VenuesAsync(ct))
        {
            var score = Min(PlaceNames.Match(PlaceNames.Fold(venue.Name), folded),
                venue.Address is null ? null : PlaceNames.Match(PlaceNames.Fold(venue.Address), folded) + 1);
            if (score is null || await locator.LocateAsync(venue.Lat, venue.Lon, ct) is not { } area) continue;
            var kind = venue.MeetingPoint ? FoundPlaceKind.MeetingPoint : FoundPlaceKind.Venue;
            local.Add((new FoundPlace(venue.Name, kind, venue.Address == venue.Name ? null : venue.Address, venue.Lat, venue.Lon, area), score.Value, PlaceNames.Fold(venue.Name)));
        }
        var ranked = local
            .OrderBy(p => p.Score).ThenBy(p => p.Place.Kind).ThenBy(p => p.Place.Name.Length).ThenBy(p => p.Place.Name, StringComparer.Ordinal)
            .DistinctBy(p => p.Folded)
            .ToList();

        var status = AddressSearch.NotConfigured;
        var addresses = new List<FoundPlace>();
        if (addressTask is not null)
        {
            var found = await addressTask;
            status = found is null ? AddressSearch.Unavailable : AddressSearch.Ok;
            foreach (var place in found ?? [])
                if (await locator.LocateAsync(place.Lat, place.Lon, ct) is { } area)
                    addresses.Add(new FoundPlace(place.Name, FoundPlaceKind.Address, place.Detail, place.Lat, place.Lon, area));
        }
        else if (geocoder.Configured)
        {
            status = AddressSearch.Ok; // nothing an address could match (only punctuation was typed)
        }

        // A place the district knows by exactly the name typed comes first; then the geocoder's addresses in its own
        // order; then the district's other places, best match first. An address by a name already listed is left out.
        var exact = ranked.Where(p => p.Score == PlaceNames.Exact).ToList();
        var known = ranked.Select(p => p.Folded).ToHashSet(StringComparer.Ordinal);
        var places = exact.Select(p => p.Place)
            .Concat(addresses.Where(a => known.Add(PlaceNames.Fold(a.Name))))
            .Concat(ranked.Where(p => p.Score != PlaceNames.Exact).Select(p => p.Place))
            .Take(limit)
            .ToList();
        return new PlaceSearch(status, places);
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>Where the public (not draft) dialogues and walks take place and walks meet, one row per name, its latest position.</summary>
    private async Task<IReadOnlyList<VenueRow>> VenuesAsync(CancellationToken ct) =>
        await db.QueryAsync<VenueRow>("""
            select distinct on (lower(name), meeting_point) name, address, lat, lon, meeting_point
            from (
                select coalesce(nullif(trim(venue_name), ''), trim(venue_address)) as name, nullif(trim(venue_address), '') as address,
                       venue_lat as lat, venue_lon as lon, false as meeting_point, starts_at
                from event
                where status <> 'draft' and venue_lat is not null and venue_lon is not null
                  and coalesce(nullif(trim(venue_name), ''), nullif(trim(venue_address), '')) is not null
                union all
                select trim(meeting_point), null, meeting_lat, meeting_lon, true, starts_at
                from event
                where status <> 'draft' and kind = 'walk' and meeting_lat is not null and meeting_lon is not null
                  and nullif(trim(meeting_point), '') is not null
            ) v
            order by lower(name), meeting_point, starts_at desc
            limit 5000
            """, null, ct);
}
