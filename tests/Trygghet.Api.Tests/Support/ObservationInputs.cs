using Trygghet.Client;

namespace Trygghet.Api.Tests.Support;

/// <summary>Observations as staff record them, at a point in the district.</summary>
public static class ObservationInputs
{
    public static ObservationInput At(double lat, double lon, ObservationCategory category = ObservationCategory.Lighting, Guid? walk = null) => new()
    {
        Category = category,
        Description = "Trasig gatlampa vid gångvägen, mörkt hela sträckan.",
        Severity = 2,
        Lat = lat,
        Lon = lon,
        WalkId = walk,
    };
}
