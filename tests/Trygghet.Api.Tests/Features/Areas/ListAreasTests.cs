using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Areas;

public sealed class ListAreasTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Neighbourhoods =
    [
        "Aspudden", "Fruängen", "Gröndal", "Herrängen", "Hägersten", "Hägerstensåsen", "Liljeholmen", "Liseberg", "Långbro",
        "Långsjö", "Midsommarkransen", "Mälarhöjden", "Solberga", "Västberga", "Västertorp", "Älvsjö", "Örby slott",
    ];

    [Fact]
    public async Task The_tree_is_Stockholm_then_the_district_then_its_17_neighbourhoods_in_Swedish_order()
    {
        var tree = await Api.Client().ListAreasAsync();

        var city = Assert.Single(tree);
        Assert.Equal(("stockholm", AreaKind.City), (city.Slug, city.Kind));
        var district = Assert.Single(city.Children);
        Assert.Equal(("hagersten-alvsjo", "Hägersten-Älvsjö", AreaKind.District), (district.Slug, district.Name, district.Kind));
        Assert.Equal(Neighbourhoods, district.Children.Select(c => c.Name));
        Assert.All(district.Children, n => Assert.Equal(AreaKind.Neighbourhood, n.Kind));
        Assert.Contains(district.Children, n => n.Slug == "orby-slott");
    }

    [Fact]
    public async Task The_tree_is_public_and_cacheable()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/areas");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Trygghet.Api.Infrastructure.SharedCache.Reference.Header, response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("boundary", await response.Content.ReadAsStringAsync());
    }
}
