using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Trygghet.Api.Infrastructure;

/// <summary>Declares the enum a string query parameter carries, for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class QueryEnumAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}

/// <summary>
/// Query parameters carry enums by their wire names (<c>onSite</c>), as in JSON. Minimal APIs would bind them by C#
/// name only and accept numbers, so they arrive as strings and are read here: an unknown value is a 400 naming the field,
/// the value and the values it may take.
/// </summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string field) where T : struct, Enum
    {
        if (value is null) return null;
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(WireName(candidate), value, StringComparison.OrdinalIgnoreCase))
                return candidate;
        var shown = value.Length <= 60 ? value : $"{value[..60]}…";
        throw new ValidationException([new ValidationFailure(field,
            CommonTexts.UnknownValue.Format(shown, string.Join(", ", Enum.GetValues<T>().Select(WireName))))]);
    }

    private static string WireName<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
