using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

internal static class AreaTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["Population"] = new("Folkmängd", "Population"),
        ["Year"] = new("År", "Year"),
    };

    public static readonly Text NotFound = new("Området '{0}' finns inte.", "Area '{0}' does not exist.");
    public static readonly Text Unknown = new("Området '{0}' finns inte.", "Area '{0}' does not exist.");
    public static readonly Text UnknownArea = new("Okänt område: {0}", "Unknown area: {0}");
    public static readonly Text OutsideDistrict = new("Punkten ligger inte i någon stadsdel i Hägersten-Älvsjö.", "The point is not in any neighbourhood of Hägersten-Älvsjö.");
    public static readonly Text PopulationOnlyForKnownAreas = new("Folkmängd kan bara anges för en stadsdel, ett stadsdelsområde eller staden.", "Population can only be set for a neighbourhood, district or city.");
}
