using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Places;

internal static class PlaceTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["Q"] = new("Sökord", "Search text"),
        ["SearchPlacesQuery.Limit"] = new("Antal träffar", "Number of results"),
    };

    public static readonly Text QueryLength = new("Sökord ska vara 2–100 tecken (nu {0}).", "Search text must be 2–100 characters long (now {0}).");
}
