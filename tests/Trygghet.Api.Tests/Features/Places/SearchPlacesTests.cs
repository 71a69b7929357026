using System.Net;
using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Places;

public sealed class SearchPlacesTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Ports of this test's stand-in geocoder: one that answers, one where nothing listens.</summary>
    private static readonly int GeocoderPort = PostgresServer.FreePort();
    private static readonly int NobodyPort = PostgresServer.FreePort();

    [Theory]
    [InlineData("alvsjo", "alvsjo", "Älvsjö")]
    [InlineData("fruängen", "fruangen", "Fruängen")]
    [InlineData("FRUANGEN", "fruangen", "Fruängen")]
    [InlineData("Hagerstensasen", "hagerstensasen", "Hägerstensåsen")]
    [InlineData("orby slott", "orby-slott", "Örby slott")]
    public async Task A_neighbourhood_is_found_without_accents_first_and_at_a_point_locate_puts_in_it(string typed, string slug, string name)
    {
        var search = await Api.Client().SearchPlacesAsync(typed, null);

        var first = search.Places.First();
        Assert.Equal((name, FoundPlaceKind.Neighbourhood, slug), (first.Name, first.Kind, first.Area.Slug));
        Assert.Equal(slug, (await Api.Client().LocateAreaAsync(first.Lat, first.Lon)).Slug);
        Assert.Equal(AddressSearch.NotConfigured, search.AddressSearch);
    }

    [Fact]
    public async Task Every_neighbourhood_has_its_point_inside_itself()
    {
        var district = (await Api.Client().ListAreasAsync()).Single().Children.Single();
        Assert.Equal(17, district.Children.Count);

        foreach (var area in district.Children)
        {
            var found = (await Api.Client().SearchPlacesAsync(area.Name, 20)).Places.Single(p => p.Kind == FoundPlaceKind.Neighbourhood && p.Area.Slug == area.Slug);
            Assert.Equal(area.Slug, (await Api.Client().LocateAreaAsync(found.Lat, found.Lon)).Slug);
        }
    }

    [Fact]
    public async Task Stations_and_squares_of_the_district_are_found_in_the_neighbourhood_they_lie_in()
    {
        var station = (await Api.Client().SearchPlacesAsync("alvsjo pendeltag", null)).Places.First();
        var square = (await Api.Client().SearchPlacesAsync("fruangstorget", null)).Places.First();

        Assert.Equal(("Älvsjö station", FoundPlaceKind.Station, "solberga"), (station.Name, station.Kind, station.Area.Slug)); // by the official boundary
        Assert.Equal(("Fruängstorget", FoundPlaceKind.Square, "fruangen"), (square.Name, square.Kind, square.Area.Slug));
    }

    [Fact]
    public async Task A_published_events_venue_is_found_by_name_or_address_and_a_drafts_is_not()
    {
        var published = Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(10));
        published.Venue!.Name = "Västertorps träffpunkt";
        published.Venue.Address = "Störtloppsvägen 14, 129 46 Hägersten";
        published.Venue.Lat = 59.2911;
        published.Venue.Lon = 17.9671;
        await Registrar.OpenAsync(Api, published);
        var draft = Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(12));
        draft.Venue!.Name = "Hemliga salen";
        await (await Api.ClientAs(DevRole.Staff)).CreateEventAsync(draft);

        var byName = (await Api.Client().SearchPlacesAsync("traffpunkt", null)).Places;
        var byAddress = (await Api.Client().SearchPlacesAsync("Störtloppsvägen", null)).Places;
        var unpublished = (await Api.Client().SearchPlacesAsync("hemliga", null)).Places;

        var venue = Assert.Single(byName);
        Assert.Equal(("Västertorps träffpunkt", FoundPlaceKind.Venue, "Störtloppsvägen 14, 129 46 Hägersten"), (venue.Name, venue.Kind, venue.Detail));
        Assert.Equal((59.2911, 17.9671), (venue.Lat, venue.Lon));
        Assert.Equal((await Api.Client().LocateAreaAsync(venue.Lat, venue.Lon)).Slug, venue.Area.Slug);
        Assert.Equal("Västertorps träffpunkt", Assert.Single(byAddress).Name);
        Assert.Empty(unpublished);
    }

    [Fact]
    public async Task A_walks_meeting_point_is_found()
    {
        await Registrar.OpenAsync(Api, Planner.Walk(Api.Clock.GetUtcNow().AddDays(10)));

        var found = (await Api.Client().SearchPlacesAsync("tunnelbaneentren", null)).Places;

        var meeting = Assert.Single(found);
        Assert.Equal(("Vid tunnelbaneentrén, Fruängsgången", FoundPlaceKind.MeetingPoint, "fruangen"), (meeting.Name, meeting.Kind, meeting.Area.Slug));
    }

    [Fact]
    public async Task The_limit_bounds_the_answer_and_eight_is_the_default()
    {
        Assert.Equal(2, (await Api.Client().SearchPlacesAsync("en", 2)).Places.Count);
        Assert.Equal(8, (await Api.Client().SearchPlacesAsync("en", null)).Places.Count);
    }

    [Theory]
    [InlineData("limit=5", "q", "Sökord måste anges.", "Search text is required.")]
    [InlineData("q=a", "q", "Sökord ska vara 2–100 tecken (nu 1).", "Search text must be 2–100 characters long (now 1).")]
    [InlineData("q=%20%20a%20", "q", "Sökord ska vara 2–100 tecken (nu 1).", "Search text must be 2–100 characters long (now 1).")]
    [InlineData("q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "q",
        "Sökord ska vara 2–100 tecken (nu 101).", "Search text must be 2–100 characters long (now 101).")]
    [InlineData("q=fruangen&limit=0", "limit", "Antal träffar ska vara mellan 1 och 20.", "Number of results must be between 1 and 20.")]
    [InlineData("q=fruangen&limit=21", "limit", "Antal träffar ska vara mellan 1 och 20.", "Number of results must be between 1 and 20.")]
    public async Task Bad_input_is_a_400_problem_in_swedish_and_english(string query, string field, string swedish, string english)
    {
        foreach (var (language, message) in new[] { ("sv", swedish), ("en", english) })
        {
            var http = Api.CreateClient();
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var problem = await Problems.ReadAsync(await http.GetAsync($"/api/v1/places?{query}"));

            Assert.Equal(400, problem.Status);
            Assert.Equal([message], problem.Errors[field]);
        }
    }

    [Fact]
    public async Task A_limit_that_is_no_number_is_a_400_naming_it()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/places?q=fruangen&limit=x");
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.Errors.ContainsKey("limit"), problem.Raw);
    }

    [Fact]
    public async Task The_geocoder_is_asked_within_the_district_and_only_its_places_inside_come_back_as_addresses()
    {
        await using var geocoder = await NominatimServer.StartAsync(GeocoderPort);
        geocoder.Answer = JsonSerializer.Serialize(new object[]
        {
            NominatimPlace("Fruängsgården", "7", 59.28553, 17.96574, "Fruängsgården 7, Fruängen, Hägersten-Liljeholmens stadsdelsområde, Stockholm, 129 52, Sverige"),
            NominatimPlace("Fruängsgatan", "2", 59.33264, 18.06490, "Fruängsgatan 2, Norrmalm, Stockholm, 111 57, Sverige"), // outside the district
        });
        await using var api = WithGeocoder(geocoder.SearchUrl);

        var search = await api.Client().SearchPlacesAsync("Fruängsgården 7", null);

        Assert.Equal(AddressSearch.Ok, search.AddressSearch);
        var address = Assert.Single(search.Places, p => p.Kind == FoundPlaceKind.Address);
        Assert.Equal(("Fruängsgården 7", "fruangen", 59.28553, 17.96574), (address.Name, address.Area.Slug, address.Lat, address.Lon));
        Assert.DoesNotContain(search.Places, p => p.Name.StartsWith("Fruängsgatan", StringComparison.Ordinal));
        var (query, userAgent) = Assert.Single(geocoder.Calls);
        Assert.Equal(("jsonv2", "Fruängsgården 7", "se", "1"), ((string?)query["format"], (string?)query["q"], (string?)query["countrycodes"], (string?)query["bounded"]));
        var box = ((string)query["viewbox"]!).Split(',').Select(double.Parse).ToArray();
        Assert.True(box[0] < 17.96574 && 17.96574 < box[2] && box[3] < 59.28553 && 59.28553 < box[1], $"viewbox {query["viewbox"]}");
        Assert.False(box[0] < 18.0649 && 18.0649 < box[2] && box[3] < 59.33264 && 59.33264 < box[1], "the box reaches the city centre");
        Assert.StartsWith("sv", (string?)query["accept-language"], StringComparison.Ordinal);
        Assert.StartsWith("Trygghet", userAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_named_exactly_as_typed_comes_before_the_addresses_and_an_address_by_the_same_name_is_left_out()
    {
        await using var geocoder = await NominatimServer.StartAsync(GeocoderPort);
        geocoder.Answer = JsonSerializer.Serialize(new object[]
        {
            new { lat = "59.2847", lon = "17.9612", name = "Fruängen", display_name = "Fruängen, Hägersten-Liljeholmens stadsdelsområde, Stockholm, Sverige" },
            NominatimPlace("Fruängsgången", "4", 59.2846, 17.9694, "Fruängsgången 4, Fruängen, Stockholm, Sverige"),
        });
        await using var api = WithGeocoder(geocoder.SearchUrl);

        var places = (await api.Client().SearchPlacesAsync("fruangen", null)).Places.ToList();

        Assert.Equal((FoundPlaceKind.Neighbourhood, "Fruängen"), (places[0].Kind, places[0].Name));
        Assert.Equal((FoundPlaceKind.Address, "Fruängsgången 4"), (places[1].Kind, places[1].Name));
        Assert.Single(places, p => p.Name == "Fruängen");
    }

    [Fact]
    public async Task A_geocoder_that_is_down_or_slow_leaves_the_districts_own_places_and_says_so()
    {
        await using var down = WithGeocoder($"http://127.0.0.1:{NobodyPort}/search");
        await using var geocoder = await NominatimServer.StartAsync(GeocoderPort);
        geocoder.Delay = TimeSpan.FromSeconds(10);
        await using var slow = WithGeocoder(geocoder.SearchUrl, timeoutSeconds: "0.5");

        foreach (var api in new[] { down, slow })
        {
            var response = await api.CreateClient().GetAsync("/api/v1/places?q=fruangen");
            var search = await api.Client().SearchPlacesAsync("fruangen", null);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(AddressSearch.Unavailable, search.AddressSearch);
            var first = search.Places.First();
            Assert.Equal(("Fruängen", FoundPlaceKind.Neighbourhood), (first.Name, first.Kind));
            Assert.Contains(search.Places, p => p.Kind == FoundPlaceKind.Station);
            Assert.True(response.Headers.CacheControl?.NoStore, "an answer without addresses is not kept");
        }
        Assert.NotEmpty(geocoder.Calls);
    }

    private ApiFactory WithGeocoder(string searchUrl, string timeoutSeconds = "5") =>
        new(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Geocoding:SearchUrl"] = searchUrl,
            ["Geocoding:TimeoutSeconds"] = timeoutSeconds,
            ["Database:MigrateOnStartup"] = "false",
        });

    private static object NominatimPlace(string road, string number, double lat, double lon, string display) => new
    {
        place_id = 1234,
        lat = lat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        lon = lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
        category = "place",
        type = "house",
        addresstype = "place",
        name = "",
        display_name = display,
        address = new { house_number = number, road, suburb = "Fruängen", city = "Stockholm", postcode = "129 52", country = "Sverige", country_code = "se" },
    };
}
