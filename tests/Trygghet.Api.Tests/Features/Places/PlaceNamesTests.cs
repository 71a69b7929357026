using Trygghet.Api.Features.Places;

namespace Trygghet.Api.Tests.Features.Places;

public sealed class PlaceNamesTests
{
    [Theory]
    [InlineData("Hägersten-Älvsjö", "hagersten alvsjo")]
    [InlineData("  Örby   slott ", "orby slott")]
    [InlineData("FRUÄNGSGÅRDEN 7,", "fruangsgarden 7")]
    [InlineData("Café Gröndal", "cafe grondal")]
    [InlineData("!!", "")]
    public void Folding_drops_case_accents_and_punctuation(string text, string folded) =>
        Assert.Equal(folded, PlaceNames.Fold(text));

    [Theory]
    [InlineData("fruangen", "fruangen", PlaceNames.Exact)]
    [InlineData("fruangen station", "fruangen", PlaceNames.Prefix)]
    [InlineData("vasterorps traffpunkt", "traff", PlaceNames.WordPrefix)]
    [InlineData("midsommarkransen", "kransen", PlaceNames.Contains)]
    public void A_match_is_ranked_exact_prefix_word_contains(string name, string query, int expected) =>
        Assert.Equal(expected, PlaceNames.Match(name, query));

    [Theory]
    [InlineData("aspudden", "alvsjo")]
    [InlineData("aspudden", "")]
    public void A_name_without_the_text_does_not_match(string name, string query) =>
        Assert.Null(PlaceNames.Match(name, query));
}
