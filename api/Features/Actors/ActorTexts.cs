using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Actors;

internal static class ActorTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["Organisation"] = new("Organisation", "Organisation"),
        ["ActorInput.Kind"] = new("Typ av aktör", "Kind of actor"),
        ["ListActorsQuery.Kind"] = new("Typ av aktör", "Kind of actor"),
        ["ActorContact.Name"] = new("Kontaktpersonens namn", "Contact name"),
        ["ActorContact.Email"] = new("Kontaktpersonens e-postadress", "Contact e-mail address"),
        ["ActorContact.Phone"] = new("Kontaktpersonens telefonnummer", "Contact phone number"),
    };

    public static readonly Text NotFound = new("Aktören finns inte.", "The actor does not exist.");

    /// <summary>A kind of actor in a sentence ("Inbjudan saknas för: polisen, stadsdelsförvaltningen").</summary>
    private static readonly Dictionary<string, Text> Kinds = new(StringComparer.Ordinal)
    {
        ["police"] = new("polisen", "the police"),
        ["politician"] = new("politikerna", "the politicians"),
        ["administration"] = new("stadsdelsförvaltningen", "the district administration"),
        ["propertyOwner"] = new("fastighetsägarna", "the property owners"),
        ["publicTransport"] = new("kollektivtrafiken", "public transport"),
        ["school"] = new("skolorna", "the schools"),
        ["association"] = new("föreningarna", "the associations"),
        ["other"] = new("andra aktörer", "other actors"),
    };

    /// <summary>The kind (its wire name) as people read it; a kind this list does not know is left as it is.</summary>
    public static string KindName(string wireName) => Kinds.TryGetValue(wireName, out var text) ? text.Format() : wireName;
}
