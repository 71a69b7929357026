using System.Text.Json;
using Trygghet.Api.Features.Statistics;

namespace Trygghet.Api.Tests.Features.Statistics;

/// <summary>The police format read as a resident would read it (pure logic, no database).</summary>
public sealed class PoliceEventParserTests
{
    private static readonly PoliceEventTypes Types = new();
    private static readonly Gazetteer Places = PlacementTests.Places;

    private static PoliceEvent Parse(string json)
    {
        var (e, skip) = PoliceEventParser.Parse(JsonDocument.Parse(json).RootElement, 0, Types, Places);
        Assert.True(skip is null, skip?.Reason);
        return e!;
    }

    [Theory]
    [InlineData("18 augusti 10.42, Inbrott, Stockholm", "2026-08-22 8:13:44 +02:00", "2026-08-18T10:42:00+02:00")]
    [InlineData("27 mars 12:33, Trafikbrott, Stockholm", "2023-03-27 14:43:42 +02:00", "2023-03-27T12:33:00+02:00")]
    [InlineData("31 december 23.08, Vållande till kroppsskada, Solna", "2026-01-01 0:12:00 +01:00", "2025-12-31T23:08:00+01:00")]
    [InlineData("29 mars 02.30, Brand, Stockholm", "2026-03-29 9:00:00 +02:00", "2026-03-29T03:30:00+02:00")] // the skipped hour
    [InlineData("25 oktober 02.30, Brand, Stockholm", "2026-10-25 9:00:00 +01:00", "2026-10-25T02:30:00+01:00")] // the repeated hour: winter time
    public void The_incident_time_comes_from_the_name_in_the_year_before_publication(string name, string published, string expected)
    {
        var at = PoliceEventParser.IncidentTime(name, DateTimeOffset.ParseExact(published, "yyyy-MM-dd H:mm:ss zzz", null));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Theory]
    [InlineData("Sammanfattning natt, Stockholm")]
    [InlineData("32 augusti 10.42, Inbrott, Stockholm")]
    [InlineData("18 augustus 10.42, Inbrott, Stockholm")]
    [InlineData("18 augusti 25.42, Inbrott, Stockholm")]
    public void A_name_without_a_readable_time_gives_no_incident_time(string name) =>
        Assert.Null(PoliceEventParser.IncidentTime(name, DateTimeOffset.Parse("2026-08-22T08:13:44+02:00", System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Stockholm", "18 augusti 10.42, Inbrott, Stockholm", "Stockholm")]       // kommun era
    [InlineData("Stockholms län", "18 augusti 10.42, Inbrott, Stockholm", "Stockholm")]  // län era: from the name
    [InlineData("Västra Götalands län", "31 december 20.00, Sammanfattning kväll, Västra Götalands län", null)]
    public void The_kommun_follows_both_eras(string location, string name, string? expected) =>
        Assert.Equal(expected, PoliceEventParser.Kommun(location, name));

    [Theory]
    [InlineData("Larm Inbrott", "Larm inbrott")]
    [InlineData("larm inbrott", "Larm inbrott")]
    [InlineData("Lagen om hundar och katter ", "Lagen om hundar och katter")]
    [InlineData("Helt  ny typ", "Helt ny typ")]
    public void Types_fold_onto_their_documented_spelling(string raw, string expected) => Assert.Equal(expected, Types.Normalise(raw));

    [Fact]
    public void A_neighbourhood_name_outside_Stockholm_places_nothing()
    {
        var e = Parse("""
            {"id": 1, "datetime": "2025-12-31 23:20:00 +01:00", "name": "31 december 22.40, Brand, Österåker",
             "summary": "Brand i ett förråd i Solberga.", "url": "/x", "type": "Brand", "location": {"name": "Österåker", "gps": "59.48,18.29"}}
            """);

        Assert.Equal(("Österåker", null, PlacementReason.OutsideKommun), (e.Kommun, e.Slug, e.Unplaced));
    }

    [Fact]
    public void An_event_of_the_län_era_is_placed_in_its_neighbourhood()
    {
        var e = Parse("""
            {"id": 649803, "datetime": "2026-08-18 11:23:22 +02:00", "name": "18 augusti 10.42, Inbrott, Stockholm",
             "summary": "En man iakttogs när denne försökte bryta sig in i ett källarförråd i Aspudden.", "url": "/aktuellt/x",
             "type": "Inbrott", "location": {"name": "Stockholms län", "gps": "59.33,18.06"}}
            """);

        Assert.Equal(("Stockholm", "Aspudden", "aspudden", "Inbrott"), (e.Kommun, e.Place, e.Slug, e.Type));
        Assert.Equal(new DateTimeOffset(2026, 8, 18, 10, 42, 0, TimeSpan.FromHours(2)), e.IncidentAt);
    }

    [Theory]
    [InlineData("""{"datetime": "2026-08-18 11:23:22 +02:00", "name": "n", "type": "t"}""", "id")]
    [InlineData("""{"id": 5, "datetime": "2026-08-18T11:23:22+02:00", "name": "n", "type": "t"}""", "datetime")]
    [InlineData("""{"id": 5, "datetime": "2026-08-18 11:23:22 +02:00", "type": "t"}""", "name")]
    [InlineData("""{"id": 5, "datetime": "2026-08-18 11:23:22 +02:00", "name": "n"}""", "type")]
    [InlineData("""[1]""", "object")]
    public void An_unreadable_element_is_skipped_with_its_reason(string json, string reason)
    {
        var (e, skip) = PoliceEventParser.Parse(JsonDocument.Parse(json).RootElement, 3, Types, Places);

        Assert.Null(e);
        Assert.Equal(3, skip!.Index);
        Assert.Contains(reason, skip.Reason);
    }
}
