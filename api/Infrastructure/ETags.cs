namespace Trygghet.Api.Infrastructure;

/// <summary>Strong ETags from a row version: <c>"7"</c>.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>Reads the version from <c>If-Match</c>; 428 when absent, 412 when it cannot match any version.</summary>
    public static int RequireVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) throw new PreconditionRequiredException(CommonTexts.IfMatchRequired);
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new PreconditionFailedException(CommonTexts.Stale);
    }
}
