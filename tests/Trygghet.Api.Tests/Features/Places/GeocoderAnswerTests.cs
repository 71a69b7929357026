using System.Text.Json;
using Trygghet.Api.Features.Places;

namespace Trygghet.Api.Tests.Features.Places;

/// <summary>How a Nominatim <c>jsonv2</c> answer (with <c>addressdetails</c>) becomes places to show.</summary>
public sealed class GeocoderAnswerTests
{
    [Fact]
    public void A_house_is_its_street_and_number_and_a_named_place_keeps_its_name_before_the_street()
    {
        var places = Geocoder.Read(JsonDocument.Parse("""
            [
              {"lat":"59.28553","lon":"17.96574","name":"","display_name":"Fruängsgården 7, Fruängen, Stockholm, Sverige",
               "address":{"house_number":"7","road":"Fruängsgården","suburb":"Fruängen"}},
              {"lat":"59.28559","lon":"17.96489","name":"Fruängens bibliotek","display_name":"Fruängens bibliotek, Fruängsgården 9, Stockholm",
               "address":{"amenity":"Fruängens bibliotek","house_number":"9","road":"Fruängsgården"}},
              {"lat":59.2856,"lon":17.9648,"name":"Fruängen","display_name":"Fruängen, Stockholm"},
              {"lat":"x","lon":"17.9","name":"Utan läge"},
              {"lon":"17.9","name":"Utan latitud"},
              "inte ett objekt"
            ]
            """).RootElement);

        Assert.NotNull(places);
        Assert.Equal(["Fruängsgården 7", "Fruängens bibliotek, Fruängsgården 9", "Fruängen"], places.Select(p => p.Name));
        Assert.Equal((59.28553, 17.96574), (places[0].Lat, places[0].Lon));
        Assert.Equal("Fruängsgården 7, Fruängen, Stockholm, Sverige", places[0].Detail);
    }

    [Theory]
    [InlineData("""{"error":"Unable to geocode"}""")]
    [InlineData("\"ok\"")]
    public void An_answer_that_is_no_list_is_no_answer(string json) =>
        Assert.Null(Geocoder.Read(JsonDocument.Parse(json).RootElement));
}
