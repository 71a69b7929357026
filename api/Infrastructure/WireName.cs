using System.Text.Json;

namespace Trygghet.Api.Infrastructure;

/// <summary>Enum values as the API and the database write them: camelCase names (<c>inProgress</c>, <c>onSite</c>).</summary>
public static class WireName
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static T Parse<T>(string value) where T : struct, Enum => Enum.Parse<T>(value, ignoreCase: true);
}
