using System.Net.Http.Headers;
using System.Text.Json;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// Names sort in Swedish order everywhere, in either language of the reader: Å, Ä and Ö after Z, so that Älvsjö and
/// Örby slott come last, not first and among the O's.
/// </summary>
public sealed class SwedishCollationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] SwedishOrder = ["Aspudden", "Västberga", "Älvsjö", "Örby slott"];

    [Fact]
    public async Task The_database_orders_names_in_Swedish()
    {
        var names = await Scalar<string[]>("""
            select array_agg(name order by name) from area where name in ('Örby slott', 'Älvsjö', 'Västberga', 'Aspudden')
            """);

        Assert.Equal(SwedishOrder, names);
        Assert.Equal(SwedishOrder, await Scalar<string[]>("""
            select array_agg(n order by n collate sv_se) from unnest(array['Örby slott', 'Älvsjö', 'Västberga', 'Aspudden']) n
            """));
        foreach (var (table, column) in new[] { ("area", "name"), ("actor", "organisation"), ("observation_category", "name_sv"), ("event", "title"), ("measure", "title") })
            Assert.Equal("sv_se", await Scalar<string>("""
                select c.collname from pg_attribute a join pg_collation c on c.oid = a.attcollation
                where a.attrelid = @table::regclass and a.attname = @column
                """, new { table, column }));
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Signals_list_the_calm_neighbourhoods_in_Swedish_order_in_both_languages(string language)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(Trygghet.Client.DevRole.Staff));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        using var body = JsonDocument.Parse(await http.GetStringAsync("/api/v1/statistics/signals"));
        var names = body.RootElement.EnumerateArray().Select(s => s.GetProperty("area").GetProperty("name").GetString()!).ToList();

        Assert.Equal(17, names.Count);
        Assert.Equal(SwedishOrder, names.Where(SwedishOrder.Contains));
        Assert.Equal("Örby slott", names[^1]);
        Assert.Equal("Aspudden", names[0]);
    }
}
