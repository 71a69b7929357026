using System.Net.Http.Headers;
using System.Text;
using Microsoft.VisualBasic.FileIO;
using Trygghet.Api.Infrastructure;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>Every CSV the API writes: quoted where a spreadsheet would split the field, never a live formula.</summary>
public sealed class CsvTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("x;=1+1", "\"x;=1+1\"")] // Excel's list separator in Swedish
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+46701234567", "'+46701234567")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("-12.5", "-12.5")] // a change in per cent stays a number
    [InlineData("-3", "-3")]
    [InlineData("-1E-05", "-1E-05")]
    [InlineData("Fruängen", "Fruängen")]
    [InlineData("", "")]
    public void A_field_is_quoted_where_needed_and_never_starts_a_formula(string value, string written) =>
        Assert.Equal(written, Csv.Field(value));

    [Fact]
    public void Values_are_written_as_invariant_text_with_CRLF_line_ends()
    {
        var csv = Csv.Write(["a", "b", "c", "d"], [[-12.5m, new DateOnly(2026, 3, 1), true, null]]);

        Assert.Equal("a,b,c,d\r\n-12.5,2026-03-01,true,\r\n", csv);
    }

    private static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        return rows;
    }

    [Fact]
    public async Task The_registrations_export_reads_back_field_by_field_in_a_parser_of_its_own()
    {
        var e = await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(30)));
        var names = new[] { "Lovelace, Ada; \"the Countess\"", "=HYPERLINK(\"http://evil.example\")", "@SUM(A1)" };
        for (var i = 0; i < names.Length; i++)
            await Api.Client().RegisterForDialogueAsync(e.Id, Guid.NewGuid().ToString(), new RegistrationRequest
            {
                Mode = RegistrationMode.OnSite,
                ConsentVersion = Registrar.Consent,
                Email = $"resident{i}@example.se",
                Name = names[i],
                AccessibilityNeeds = "-1+1 hörslinga;\r\nrullstol, gärna nära dörren",
            });
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));

        var rows = Parse(await http.GetStringAsync($"/api/v1/events/{e.Id}/registrations/export"));

        Assert.Equal(4, rows.Count);
        var (name, needs) = (Array.IndexOf(rows[0], "name"), Array.IndexOf(rows[0], "accessibility_needs"));
        Assert.Equal(["Lovelace, Ada; \"the Countess\"", "'=HYPERLINK(\"http://evil.example\")", "'@SUM(A1)"], rows.Skip(1).Select(r => r[name]));
        Assert.All(rows.Skip(1), r => Assert.Equal("'-1+1 hörslinga;\r\nrullstol, gärna nära dörren", r[needs]));
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
    }

    [Fact]
    public async Task Statistics_as_CSV_keep_negative_numbers_as_numbers_and_neutralise_formulas()
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        const string survey = """
            area,year,indicator,value,unit,source
            fruangen,2024,"x;=1+1",-12.5,%,+46701234567
            """;
        var imported = await http.PostAsync("/api/v1/statistics/imports/survey", new StringContent(survey, Encoding.UTF8, "text/csv"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var text = await Api.CreateClient().GetStringAsync("/api/v1/statistics/survey?area=fruangen&format=csv");
        var rows = Parse(text);

        var row = rows[1];
        Assert.Equal(("x;=1+1", "-12.5", "'+46701234567"),
            (row[Array.IndexOf(rows[0], "indicator")], row[Array.IndexOf(rows[0], "value")], row[Array.IndexOf(rows[0], "source")]));
        Assert.Contains(",\"x;=1+1\",", text);
        Assert.Contains(",-12.5,", text);
    }
}
