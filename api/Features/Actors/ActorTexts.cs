using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Actors;

internal static class ActorTexts
{
    public static readonly Text NotFound = new("Aktören finns inte.", "The actor does not exist.");
}
