namespace Trygghet.Api.Features.Statistics;

/// <summary>Why an event was not put in a neighbourhood.</summary>
public enum PlacementReason
{
    /// <summary>The text names no place of the district.</summary>
    NoPlaceName,

    /// <summary>The event is in another kommun (or another län), whatever its text names.</summary>
    OutsideKommun,

    /// <summary>A route (<c>mellan X och Y</c>, <c>från X till Y</c>) whose ends are not in one neighbourhood.</summary>
    Route,

    /// <summary>The text names several neighbourhoods or places outside the district, or the event names only the län and the place exists elsewhere in it.</summary>
    Ambiguous,
}

/// <summary>Where an event is placed: a stadsdel and the place as the text wrote it, or the reason it is not.</summary>
public sealed record Placement(string? Slug, string? Place, PlacementReason? Unplaced)
{
    public static Placement Not(PlacementReason reason) => new(null, null, reason);

    /// <summary>
    /// Placement a reader would agree with. The kommun must be Stockholm (place names repeat across Sweden); an event
    /// that names only Stockholms län may be placed by a name that exists nowhere else in the län. The summary is read,
    /// the name when the summary names no place. A route is placed only when both its ends lie in one neighbourhood;
    /// otherwise all places named must lie in one neighbourhood, and none outside the district except as a direction
    /// (<c>E4 vid Fruängen mot Södertälje</c>).
    /// </summary>
    /// <param name="kommun">The kommun, or null when the event names only a län.</param>
    /// <param name="inStockholmsLän">Whether the län named is Stockholms län (used when the kommun is null).</param>
    public static Placement Of(string summary, string name, string? kommun, bool inStockholmsLän, Gazetteer gazetteer)
    {
        if (kommun is null ? !inStockholmsLän : !kommun.Equals("Stockholm", StringComparison.OrdinalIgnoreCase))
            return Not(PlacementReason.OutsideKommun);

        var text = summary;
        var mentions = gazetteer.Find(summary);
        if (mentions.Count == 0) mentions = gazetteer.Find(text = name);

        if (gazetteer.Route(text) is var (from, to))
        {
            var ends = from.Concat(to).ToList();
            var fromSlugs = from.Select(m => m.Entry.InDistrict ? m.Slug : null).Distinct().ToList();
            var toSlugs = to.Select(m => m.Entry.InDistrict ? m.Slug : null).Distinct().ToList();
            if (fromSlugs is not [{ } a] || toSlugs is not [{ } b] || a != b) return Not(PlacementReason.Route);
            mentions = ends;
        }

        var inDistrict = mentions.Where(m => m.Entry.InDistrict).ToList();
        if (inDistrict.Count == 0) return Not(PlacementReason.NoPlaceName);
        var slugs = inDistrict.Select(m => m.Slug).Distinct().ToList();
        if (slugs is not [{ } slug] || mentions.Any(m => m.Entry.Kind == PlaceKind.Outside && !Gazetteer.IsDirection(text, m)))
            return Not(PlacementReason.Ambiguous);
        if (kommun is null && inDistrict.Any(m => m.Entry.ElsewhereInLän is not null)) return Not(PlacementReason.Ambiguous);
        return new Placement(slug, inDistrict[0].Form, null);
    }
}
