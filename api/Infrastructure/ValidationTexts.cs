using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Resources;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// What validation failures say: each field named as the form shows it (from the features' <c>Fields</c> texts), in
/// sentences of our own without quotes, in the request's language. A message never names a property of the code
/// (<c>ConsentVersion</c>, <c>"Consent Version"</c>): a test walks every validator to hold that.
/// </summary>
public static class ValidationTexts
{
    private static FrozenDictionary<string, Text> fields = FrozenDictionary<string, Text>.Empty;

    /// <summary>
    /// Installs the field names (keys are <c>Member</c>, or <c>Type.Member</c> where one name means different things)
    /// and the messages. Called once at start-up, before any request is validated.
    /// </summary>
    public static void Use(params IReadOnlyDictionary<string, Text>[] features)
    {
        var all = new Dictionary<string, Text>(StringComparer.Ordinal);
        foreach (var feature in features)
            foreach (var (key, name) in feature)
                if (!all.TryAdd(key, name) && all[key] != name)
                    throw new InvalidOperationException($"The field {key} is named twice, differently.");
        fields = all.ToFrozenDictionary(StringComparer.Ordinal);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => FieldName(member)?.Format();
        ValidatorOptions.Global.LanguageManager = new Messages();
    }

    /// <summary>The field's name as the form shows it, or null when no feature names it.</summary>
    public static Text? FieldName(MemberInfo? member) =>
        member is null ? null
        : member.DeclaringType is { } type && fields.TryGetValue($"{type.Name}.{member.Name}", out var specific) ? specific
        : fields.GetValueOrDefault(member.Name);

    /// <summary>The default message of each rule, in both languages. The field name starts the sentence.</summary>
    private static readonly FrozenDictionary<string, Text> Defaults = new Dictionary<string, Text>
    {
        ["NotEmptyValidator"] = new("{PropertyName} måste anges.", "{PropertyName} is required."),
        ["NotNullValidator"] = new("{PropertyName} måste anges.", "{PropertyName} is required."),
        ["MaximumLengthValidator"] = new("{PropertyName} får vara högst {MaxLength} tecken (nu {TotalLength}).",
            "{PropertyName} can be at most {MaxLength} characters long (now {TotalLength})."),
        ["MinimumLengthValidator"] = new("{PropertyName} måste vara minst {MinLength} tecken (nu {TotalLength}).",
            "{PropertyName} must be at least {MinLength} characters long (now {TotalLength})."),
        ["LengthValidator"] = new("{PropertyName} ska vara {MinLength}–{MaxLength} tecken (nu {TotalLength}).",
            "{PropertyName} must be {MinLength}–{MaxLength} characters long (now {TotalLength})."),
        ["ExactLengthValidator"] = new("{PropertyName} ska vara {MaxLength} tecken (nu {TotalLength}).",
            "{PropertyName} must be {MaxLength} characters long (now {TotalLength})."),
        ["InclusiveBetweenValidator"] = new("{PropertyName} ska vara mellan {From} och {To}.", "{PropertyName} must be between {From} and {To}."),
        ["ExclusiveBetweenValidator"] = new("{PropertyName} ska vara mellan {From} och {To}.", "{PropertyName} must be between {From} and {To}."),
        ["GreaterThanValidator"] = new("{PropertyName} ska vara större än {ComparisonValue}.", "{PropertyName} must be greater than {ComparisonValue}."),
        ["GreaterThanOrEqualValidator"] = new("{PropertyName} ska vara minst {ComparisonValue}.", "{PropertyName} must be at least {ComparisonValue}."),
        ["LessThanValidator"] = new("{PropertyName} ska vara mindre än {ComparisonValue}.", "{PropertyName} must be less than {ComparisonValue}."),
        ["LessThanOrEqualValidator"] = new("{PropertyName} får vara högst {ComparisonValue}.", "{PropertyName} can be at most {ComparisonValue}."),
        ["EnumValidator"] = new("{PropertyName} har ett värde som inte finns.", "{PropertyName} has a value that does not exist."),
        ["RegularExpressionValidator"] = new("{PropertyName} har fel form.", "{PropertyName} is not in the right form."),
        ["EmailValidator"] = new("{PropertyName} är inte en e-postadress.", "{PropertyName} is not an e-mail address."),
        ["EqualValidator"] = new("{PropertyName} har ett värde som inte är tillåtet.", "{PropertyName} has a value that is not allowed."),
        ["NotEqualValidator"] = new("{PropertyName} har ett värde som inte är tillåtet.", "{PropertyName} has a value that is not allowed."),
        ["PredicateValidator"] = new("{PropertyName} är inte giltigt.", "{PropertyName} is not valid."),
        ["AsyncPredicateValidator"] = new("{PropertyName} är inte giltigt.", "{PropertyName} is not valid."),
        ["NullValidator"] = new("{PropertyName} ska lämnas tomt.", "{PropertyName} must be left empty."),
        ["EmptyValidator"] = new("{PropertyName} ska lämnas tomt.", "{PropertyName} must be left empty."),
    }.ToFrozenDictionary();

    /// <summary>Our messages in place of FluentValidation's, which quote the field name and differ in tone from ours.</summary>
    private sealed class Messages : LanguageManager
    {
        public override string GetString(string key, CultureInfo? culture = null)
        {
            if (!Defaults.TryGetValue(key, out var text)) return base.GetString(key, culture);
            var english = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en";
            return english ? text.En : text.Sv;
        }
    }
}
