using System.Text;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Tests.Infrastructure;

public sealed class JsonStringsTests
{
    private static List<(string Field, char Found)> Check(string json)
    {
        var findings = new List<(string Field, char Found)>();
        JsonStrings.Check(Encoding.UTF8.GetBytes(json), findings, 20);
        return findings;
    }

    [Theory]
    [InlineData("""{"description":"a\u0000b"}""", "description", '\u0000')]
    [InlineData("""{"items":[{"name":"ok"},{"name":"\u0007"}]}""", "items[1].name", '\u0007')]
    [InlineData("""{"walk":{"route":{"coordinates":[[1,2],["x\u001b[31m"]]}}}""", "walk.route.coordinates[1][0]", '\u001b')]
    [InlineData("""[{"id":1,"summary":"x"},{"id":2,"summary":"\u007f"}]""", "[1].summary", '\u007f')]
    [InlineData("\"\u0085\"", "$", '\u0085')] // raw in UTF-8 (C2 85), not escaped
    [InlineData("""{"text":"ok","a\u0000":1}""", "$", '\u0000')] // a property name is named by the object holding it
    [InlineData("""{"outer":{"n\u0009":"x"}}""", "outer", '\t')] // no line breaks or tabs in names
    public void A_refused_string_is_named_by_its_path(string json, string path, char found) =>
        Assert.Equal([(path, found)], Check(json));

    [Theory]
    [InlineData("""{"description":"rad ett\r\nrad två\tslut","n":null,"b":true,"x":[1,"å"]}""")]
    [InlineData("""{"digits":"８１１２１８-９８７６ \u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666","zw":"\u200b\ufeff"}""")]
    [InlineData("""{"a": """)] // malformed: the deserializer's problem, not this rule's
    [InlineData("""{"a":"\ud800"}""")]
    public void Text_line_breaks_other_scripts_and_malformed_JSON_pass(string json) => Assert.Empty(Check(json));

    [Fact]
    public void Every_refused_string_is_named_up_to_the_limit()
    {
        var findings = Check("""{"a":"\u0000","b":["\u0001","ok","\u0002"],"c":{"d":"\u0003"}}""");

        Assert.Equal(["a", "b[0]", "b[2]", "c.d"], findings.Select(f => f.Field));
    }

    [Theory]
    [InlineData("tab\tand line\nbreak", true, null)]
    [InlineData("tab\t", false, '\t')]
    [InlineData("nul\0", true, '\0')]
    [InlineData("next line\u0085", true, '\u0085')]
    [InlineData("del\u007f", true, '\u007f')]
    [InlineData("no-break\u00a0space, ÅÄÖ, ８", false, null)]
    public void The_rule_refuses_category_Cc_but_line_breaks_and_tabs_in_free_text(string text, bool multiLine, char? refused) =>
        Assert.Equal(refused, ControlCharacters.FirstRefused(text, multiLine));
}
