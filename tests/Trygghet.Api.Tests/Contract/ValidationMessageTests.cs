using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// Every validator of the API fed requests with each kind of field missing and each kind of rule broken (nothing,
/// empty text, text far too long, blanks, odd characters, numbers out of range, unknown values, too many items), in
/// Swedish and in English: no message names a property of the code (<c>ConsentVersion</c>, <c>consentVersion</c>,
/// <c>Consent Version</c>), each is a sentence in the language asked for, and the field names are the form's.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ValidationMessageTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const int Variants = 5;

    /// <summary>Words that are the same in Swedish and in the code.</summary>
    private static readonly HashSet<string> SameInSwedish = ["Status", "Organisation"];

    [Fact]
    public async Task No_validation_message_names_a_property_and_each_is_in_the_language_asked_for()
    {
        var failures = new List<string>();
        var messages = 0;
        foreach (var (validatorType, messageType) in Validators())
        {
            var validator = (IValidator)Api.Services.GetRequiredService(typeof(IValidator<>).MakeGenericType(messageType));
            var names = PropertyNames(messageType);
            for (var variant = 0; variant < Variants; variant++)
            {
                var instance = Build(messageType, variant, depth: 0, nullable: false)!;
                var sv = await ValidateAsync(validator, instance, "sv");
                var en = await ValidateAsync(validator, instance, "en");
                Assert.Equal(sv.Count, en.Count);
                for (var i = 0; i < sv.Count; i++)
                {
                    messages++;
                    var where = $"{validatorType.Name} (variant {variant}) {Index().Replace(sv[i].Field, "[]")}";
                    if (sv[i].Message == en[i].Message) failures.Add($"{where}: the same in both languages: {sv[i].Message}");
                    foreach (var (language, message) in new[] { ("sv", sv[i].Message), ("en", en[i].Message) })
                    {
                        if (message.Contains('{') || message.Contains('}')) failures.Add($"{where} [{language}]: a placeholder is left: {message}");
                        if (Leaked(message, names, language) is { } name) failures.Add($"{where} [{language}]: names {name}: {message}");
                    }
                }
            }
        }

        Assert.True(messages > 300, $"The walk produced only {messages} messages: it no longer reaches the rules.");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Distinct()));
    }

    [Fact]
    public async Task Registering_without_consent_says_what_to_do_in_the_forms_words()
    {
        var messageType = typeof(Program).Assembly.GetTypes().Single(t => t.Name == "RegisterCommand");
        var validator = (IValidator)Api.Services.GetRequiredService(typeof(IValidator<>).MakeGenericType(messageType));
        var instance = Build(messageType, variant: 4, depth: 0, nullable: false)!;
        var request = messageType.GetProperty("Request")!.GetValue(instance)!;
        request.GetType().GetProperty("ConsentVersion")!.SetValue(request, "");

        var sv = (await ValidateAsync(validator, instance, "sv")).Single(f => f.Field.EndsWith("ConsentVersion", StringComparison.Ordinal));
        var en = (await ValidateAsync(validator, instance, "en")).Single(f => f.Field.EndsWith("ConsentVersion", StringComparison.Ordinal));

        Assert.Equal("Du behöver godkänna hur dina uppgifter hanteras för att kunna anmäla dig.", sv.Message);
        Assert.Equal("You need to agree to how your details are handled to register.", en.Message);
    }

    private static async Task<List<(string Field, string Message)>> ValidateAsync(IValidator validator, object instance, string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(instance.GetType()), instance)!;
            var result = await validator.ValidateAsync(context);
            return result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>
    /// The property name in the message: a name of two or more words anywhere, in any of its forms (as FluentValidation
    /// would show it: <c>Consent Version</c>); a one-word name quoted, or in Swedish as the word itself (a field the texts
    /// do not name falls back to it).
    /// </summary>
    private static string? Leaked(string message, IEnumerable<string> names, string language)
    {
        foreach (var name in names)
        {
            var camel = char.ToLowerInvariant(name[0]) + name[1..];
            var words = SplitPascal().Replace(name, " $1");
            if (words.Contains(' '))
            {
                if (message.Contains(name, StringComparison.Ordinal) || message.Contains(camel, StringComparison.Ordinal)
                    || message.Contains(words, StringComparison.Ordinal)) return name;
            }
            else if (message.Contains($"'{name}'", StringComparison.OrdinalIgnoreCase) || message.Contains($"\"{name}\"", StringComparison.OrdinalIgnoreCase)
                || (language == "sv" && !SameInSwedish.Contains(name) && Regex.IsMatch(message, $@"\b{name}\b")))
                return name;
        }
        return null;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex SplitPascal();

    /// <summary>Every validator in the API with the message type it validates.</summary>
    private static IEnumerable<(Type Validator, Type Message)> Validators() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.IsAssignableTo(typeof(IValidator)))
            .Select(t => (t, t.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)).GetGenericArguments()[0]))
            .OrderBy(v => v.t.FullName, StringComparer.Ordinal);

    /// <summary>The names of the properties of a message and of everything in it.</summary>
    private static HashSet<string> PropertyNames(Type type, HashSet<Type>? seen = null)
    {
        seen ??= [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!IsComposite(type) || !seen.Add(type)) return names;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is "EqualityContract" || property.GetIndexParameters().Length > 0) continue;
            names.Add(property.Name);
            names.UnionWith(PropertyNames(ElementType(property.PropertyType) ?? Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, seen));
        }
        return names;
    }

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>A value of the type for one of the variants: nothing, empty, too much, blank, odd.</summary>
    private static object? Build(Type type, int variant, int depth, bool nullable)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return variant == 0 ? null : Build(underlying, variant, depth, false);
        if (type == typeof(string))
            return (variant switch { 0 => nullable ? null : "", 1 => "", 2 => new string('x', 100_001), 3 => "   ", _ => "ä!?" });
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return variant switch { 0 or 3 => Enum.ToObject(type, 999), 1 or 4 => values.GetValue(0), _ => values.GetValue(values.Length - 1) };
        }
        if (type == typeof(bool)) return variant % 2 == 1;
        if (type == typeof(int)) return variant switch { 0 => 0, 2 => int.MaxValue, 4 => 1, _ => -1 };
        if (type == typeof(long)) return variant switch { 0 => 0L, 2 => long.MaxValue, 4 => 1L, _ => -1L };
        if (type == typeof(double)) return variant switch { 0 => 0d, 2 => 1e9, 4 => 59.3, _ => -1e9 };
        if (type == typeof(decimal)) return variant switch { 0 => 0m, 2 => 1e9m, _ => -1m };
        if (type == typeof(Guid)) return variant % 2 == 0 ? Guid.Empty : Guid.NewGuid();
        if (type == typeof(DateTimeOffset)) return variant == 2 ? DateTimeOffset.MaxValue : new DateTimeOffset(2026, 5, 1, 18, 0, 0, TimeSpan.Zero);
        if (type == typeof(DateOnly)) return variant == 2 ? DateOnly.MaxValue : new DateOnly(2026, 5, 1);
        if (type == typeof(TimeSpan)) return variant == 2 ? TimeSpan.MaxValue : TimeSpan.Zero;
        if (ElementType(type) is { } element)
        {
            if (variant == 0 && nullable) return null;
            var count = variant switch { 1 => 0, 3 => 210, _ => 1 };
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            for (var i = 0; i < count; i++) list.Add(depth > 4 ? null : Build(element, variant, depth + 1, false));
            return type.IsArray ? ToArray(list, element) : list;
        }
        if (!IsComposite(type) || depth > 4) return type.IsValueType ? Activator.CreateInstance(type) : null;
        if (nullable && variant == 0) return null;
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0) continue;
            var isNullable = Nullability.Create(property).WriteState == NullabilityState.Nullable;
            property.SetValue(instance, Build(property.PropertyType, variant, depth + 1, isNullable));
        }
        return instance;
    }

    private static Array ToArray(IList list, Type element)
    {
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return array;
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] && type.IsAssignableTo(typeof(IEnumerable)) ? element
        : null;

    /// <summary>A record or class of the API (not a framework type such as a stream, a form file or JSON).</summary>
    private static bool IsComposite(Type type) =>
        type.Assembly == typeof(Program).Assembly && (type.IsClass || (type.IsValueType && !type.IsPrimitive && !type.IsEnum));
}
