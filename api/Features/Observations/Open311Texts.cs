using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

internal static class Open311Texts
{
    public static readonly Text KeyNotFound = new("Nyckeln '{0}' finns inte.", "Key '{0}' does not exist.");
}
