
namespace Trygghet.Api.Infrastructure;

/// <summary>One finding of the confidentiality filter in a named field: what it looks like, and where (UTF-16 offsets into that field).</summary>
/// <param name="Field">The request field the text came from, as the API names it (<c>text</c>, <c>displayName</c>, <c>description</c> …).</param>
public sealed record TextFinding(string Field, PersonalDataKind Kind, int Start, int Length);

/// <summary>
/// The one confidentiality policy for free text that can become public. Text written by residents, participants,
/// actors and Open311 clients is screened by <see cref="ConfidentialityFilter"/> before anything shows it: what it
/// flags is held for a moderator (questions, observation descriptions) or refused so the author can rephrase (an
/// actor's answer or status note). Staff texts (events, measures) get the findings as a warning, never a block.
/// </summary>
public static class ConfidentialityPolicy
{
    /// <summary>Problem extension that lists the findings of a refused text.</summary>
    public const string FindingsExtension = "findings";

    /// <summary>Every finding in the given fields, field by field in the order given.</summary>
    public static IReadOnlyList<TextFinding> Screen(params ReadOnlySpan<(string Field, string? Text)> fields)
    {
        var findings = new List<TextFinding>();
        foreach (var (field, text) in fields)
        {
            if (string.IsNullOrEmpty(text)) continue;
            findings.AddRange(ConfidentialityFilter.Detect(text).Select(f => new TextFinding(field, f.Kind, f.Start, f.Length)));
        }
        return findings;
    }

    /// <summary>A 422 that lists the findings, for text an author must rephrase before it can be published.</summary>
    public static void RequireClear(params ReadOnlySpan<(string Field, string? Text)> fields)
    {
        var findings = Screen(fields);
        if (findings.Count > 0) throw new BusinessRuleException(CommonTexts.PersonalData) { Extensions = { [FindingsExtension] = findings } };
    }

    /// <summary>The kinds found, once each: what a receipt says the text is held for.</summary>
    public static IReadOnlyList<PersonalDataKind> Kinds(IEnumerable<TextFinding> findings) => [.. findings.Select(f => f.Kind).Distinct()];
}
