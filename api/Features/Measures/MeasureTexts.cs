using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

internal static class MeasureTexts
{
    public static readonly Text NotFound = new("Åtgärden '{0}' finns inte.", "Measure '{0}' does not exist.");
    public static readonly Text LinkUnknown = new("En länkad iakttagelse eller ett länkat evenemang finns inte.", "A linked observation or event does not exist.");
}
