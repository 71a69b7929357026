using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Statistics;
using Xunit.Abstractions;

namespace Trygghet.Api.Tests.Features.Statistics;

/// <summary>
/// Placement of police events as a reader would place them (pure logic: the gazetteer on the city's boundaries, no
/// database), measured against the labels read by hand in <c>TestData/polisen/placement-labels.csv</c>.
/// </summary>
public sealed class PlacementTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<(string Slug, IPreparedGeometry Boundary)> Boundaries = AreaSeed.LoadNeighbourhoods()
        .Select(n => (AreaSeed.Slugify(n.Name), PreparedGeometryFactory.Prepare(n.Boundary))).ToList();

    /// <summary>The stadsdel of a coordinate, by point-in-polygon on the official boundaries, as <see cref="AreaLocator"/> does.</summary>
    public static string? Locate(double lat, double lon) => Boundaries.FirstOrDefault(b => b.Boundary.Covers(new Point(lon, lat))).Slug;

    public static readonly Gazetteer Places = new(Locate);

    private static Placement Place(string summary, string name = "1 januari 10.00, Brand, Stockholm", string? kommun = "Stockholm", bool län = true) =>
        Placement.Of(summary, name, kommun, län, Places);

    [Fact]
    public void Every_place_of_the_district_lies_in_one_of_its_neighbourhoods_by_the_official_boundaries()
    {
        var lost = Gazetteer.Entries.Where(e => e.InDistrict && e.Lat is { } lat && e.Lon is { } lon && Locate(lat, lon) is null).Select(e => e.Name);

        Assert.Empty(lost);
        Assert.Equal(17, Gazetteer.Entries.Count(e => e.Kind == PlaceKind.Neighbourhood));
        Assert.All(Gazetteer.Entries.Where(e => e.InDistrict), e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
    }

    [Theory]
    [InlineData("Rök från ett tåg vid Älvsjö station.", "solberga")] // the boundary cuts through Älvsjö centrum
    [InlineData("En man föll ner på spåret på stationen i Älvsjö.", "solberga")]
    [InlineData("Bråk i Älvsjö centrum.", "solberga")]
    [InlineData("En man med kniv på perrongen vid tunnelbanestationen Mälarhöjden.", "hagersten")]
    [InlineData("Villabrand i Mälarhöjden.", "malarhojden")]
    [InlineData("Brand vid Telefonplan.", "midsommarkransen")]
    [InlineData("Stöld under en mässa på Stockholmsmässan.", "alvsjo")]
    [InlineData("Bråk på Älvsjömässan.", "alvsjo")]
    [InlineData("Misshandel på Liljeholmstorget.", "liljeholmen")]
    [InlineData("Rån i Fruängens centrum.", "fruangen")]
    [InlineData("Skadegörelse på Fruängstorget.", "fruangen")]
    [InlineData("Bråk i Aspuddsparken.", "aspudden")]
    [InlineData("Brand i Västertorpsskolan.", "vastertorp")]
    [InlineData("Inbrott på Midsommarkransens bibliotek.", "midsommarkransen")]
    [InlineData("En man greps vid Liljeholmens station.", "liljeholmen")]
    [InlineData("Inbrott i en lägenhet i Hägerstensåsen.", "hagerstensasen")]
    [InlineData("Ungdomar slogs vid sjön Trekanten.", "liljeholmen")]
    [InlineData("Brand i en villa i området Örby slott.", "orby-slott")]
    [InlineData("Polis på plats i  Örby  slott.", "orby-slott")]
    public void A_place_of_the_district_is_placed_in_the_neighbourhood_its_point_lies_in(string summary, string slug)
    {
        var placement = Place(summary);

        Assert.Equal((slug, null), (placement.Slug, placement.Unplaced));
        Assert.NotNull(placement.Place);
    }

    [Theory]
    [InlineData("Stopp i tågtrafiken mellan pendeltågsstationen Farsta strand och Älvsjö.", PlacementReason.Route)]
    [InlineData("Långvarigt förföljande från Västertorp till Bromma.", PlacementReason.Route)]
    [InlineData("Förföljande från Fruängen till Tumba.", PlacementReason.Route)] // an end the gazetteer does not know
    [InlineData("Stopp i trafiken mellan Aspudden och Liljeholmen.", PlacementReason.Route)]
    [InlineData("Förföljande i Solberga och Hägerstensåsen.", PlacementReason.Ambiguous)]
    [InlineData("Larm om skadad person i Gröndal/Liljeholmen.", PlacementReason.Ambiguous)]
    [InlineData("Trafikkontroller i Östberga och Solberga.", PlacementReason.Ambiguous)]
    [InlineData("Stöld i Rinkeby.", PlacementReason.NoPlaceName)] // Stockholm, outside the district
    [InlineData("En man har misshandlats i centrala Stockholm.", PlacementReason.NoPlaceName)]
    [InlineData("Bråk i Hägersten-Älvsjö.", PlacementReason.NoPlaceName)]
    public void What_a_reader_could_not_put_in_one_neighbourhood_stays_unplaced_with_its_reason(string summary, PlacementReason reason)
    {
        var placement = Place(summary);

        Assert.Equal((null, reason), (placement.Slug, placement.Unplaced));
    }

    [Theory]
    [InlineData("Stopp i trafiken mellan Fruängen och Fruängens centrum.", "fruangen")]
    [InlineData("Bråk mellan en man och en kvinna i Liseberg.", "liseberg")] // not a route of places
    [InlineData("Inbrottslarm från Gröndal.", "grondal")]
    [InlineData("En man från Fruängen har riktat hot mot en kvinna.", "fruangen")]
    [InlineData("Hot från en man i Västertorp mot personal.", "vastertorp")]
    [InlineData("Trafikolycka på E4 vid Fruängen i riktning mot Södertälje.", "fruangen")] // a direction, not a place of the event
    public void A_route_within_one_neighbourhood_and_words_that_only_look_like_a_route_are_placed(string summary, string slug) =>
        Assert.Equal(slug, Place(summary).Slug);

    [Fact]
    public void A_neighbourhood_name_in_another_kommun_places_nothing() =>
        Assert.Equal(PlacementReason.OutsideKommun, Place("Brand i ett förråd i Solberga.", "31 december 22.40, Brand, Österåker", "Österåker").Unplaced);

    [Fact]
    public void An_event_of_another_län_places_nothing_even_by_a_name_of_the_district() =>
        Assert.Equal(PlacementReason.OutsideKommun,
            Place("Bråk vid Liseberg.", "31 december 20.00, Bråk, Västra Götalands län", kommun: null, län: false).Unplaced);

    [Theory]
    [InlineData("Brand i en villa i Herrängen.", "herrangen", null)]
    [InlineData("Misshandel vid Liljeholmstorget.", "liljeholmen", null)]
    [InlineData("Brand i ett förråd i Solberga.", null, PlacementReason.Ambiguous)] // Solberga also in Österåker
    [InlineData("En båt har slitit sig vid Lövholmen.", null, PlacementReason.Ambiguous)] // islands of the archipelago
    public void An_event_that_names_only_Stockholms_län_is_placed_by_a_name_unique_in_the_län(string summary, string? slug, PlacementReason? reason)
    {
        var placement = Place(summary, "31 december 22.40, Brand, Stockholms län", kommun: null);

        Assert.Equal((slug, reason), (placement.Slug, placement.Unplaced));
    }

    [Fact]
    public void The_name_is_read_when_the_summary_names_no_place() =>
        Assert.Equal("aspudden", Place("", "18 augusti 10.42, Inbrott, Aspudden, Stockholm").Slug);

    public static TheoryData<string> Splits() => ["tuning", "held-out"];

    /// <summary>
    /// Precision = correctly placed / placed; recall = correctly placed / labelled to be placed. Every event of both
    /// files counts: one placed but not labelled is a wrong placement.
    /// </summary>
    [Theory]
    [MemberData(nameof(Splits))]
    public void Placement_agrees_with_a_reader_on_the_labelled_events(string split)
    {
        var labels = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "polisen", "placement-labels.csv")).Skip(1)
            .Select(line => line.Split(',', 5))
            .ToDictionary(c => long.Parse(c[0], CultureInfo.InvariantCulture), c => (Slug: c[1] is { Length: > 0 } s ? s : null, Reason: c[2], Split: c[3]));
        var types = new PoliceEventTypes();
        var events = new[] { "events-2025-12-31-kommun-era.json", "hagersten-alvsjo-mentions-2023-2026.json" }
            .SelectMany(file => JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "polisen", file))).RootElement.EnumerateArray())
            .Select((element, i) => PoliceEventParser.Parse(element, i, types, Places).Event!)
            .DistinctBy(e => e.Id)
            .Where(e => labels.TryGetValue(e.Id, out var label) ? label.Split == split : SplitOf(e.Id) == split)
            .ToList();

        var placed = events.Where(e => e.Slug is not null).ToList();
        var correct = placed.Count(e => labels.TryGetValue(e.Id, out var label) && label.Slug == e.Slug);
        var shouldPlace = events.Count(e => labels.TryGetValue(e.Id, out var label) && label.Slug is not null);
        var reasonsRight = events.Count(e => labels.TryGetValue(e.Id, out var label) && label.Slug is null && label.Reason == WireName(e.Unplaced));
        var unplacedLabelled = labels.Values.Count(l => l.Split == split && l.Slug is null);
        var precision = (double)correct / placed.Count;
        var recall = (double)correct / shouldPlace;
        foreach (var e in events.Where(e => labels.TryGetValue(e.Id, out var l) ? l.Slug != e.Slug || (l.Slug is null && l.Reason != WireName(e.Unplaced)) : e.Slug is not null))
            output.WriteLine($"{e.Id}: placed {e.Slug ?? WireName(e.Unplaced)}, labelled {(labels.TryGetValue(e.Id, out var l) ? l.Slug ?? l.Reason : "(not labelled)")}: {e.Summary}");
        output.WriteLine($"{split}: precision {correct}/{placed.Count} = {precision:0.000}, recall {correct}/{shouldPlace} = {recall:0.000}, "
            + $"reasons {reasonsRight}/{unplacedLabelled}");

        Assert.True(precision >= 0.98, $"precision {precision:0.000}");
        Assert.True(recall >= 0.90, $"recall {recall:0.000}");
        Assert.Equal(unplacedLabelled, reasonsRight);
    }

    private static string SplitOf(long id) => id % 10 is 3 or 7 ? "held-out" : "tuning";

    private static string? WireName(PlacementReason? reason) => reason is { } r ? Trygghet.Api.Infrastructure.WireName.Of(r) : null;
}
