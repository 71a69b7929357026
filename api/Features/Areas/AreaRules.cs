using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Npgsql;

namespace Trygghet.Api.Features.Areas;

internal static partial class AreaRules
{
    public static IRuleBuilderOptions<T, string> AreaSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100).Matches(SlugPattern());

    /// <summary>
    /// An area given as a filter must exist: a typo (<c>area=fruangn</c>) is a 400 naming the parameter, never an empty
    /// list or series. A slug of the wrong form is unknown in the same words.
    /// </summary>
    public static IRuleBuilderOptions<T, string> KnownArea<T>(this IRuleBuilder<T, string> rule, KnownAreas areas) =>
        rule.MustAsync(areas.ExistsAsync).WithMessage((_, slug) => AreaTexts.UnknownArea.Format(KnownAreas.Clip(slug)));

    /// <summary>The same refusal from a handler that finds no such area.</summary>
    public static ValidationException Unknown(string slug) =>
        new([new ValidationFailure("area", AreaTexts.UnknownArea.Format(KnownAreas.Clip(slug)))]);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex SlugPattern();
}

/// <summary>
/// Which area slugs exist, for the filters of every listing, feed and series. Areas are reference data, seeded at
/// start-up and never removed, so a slug once found is remembered; an unknown one is asked of the database each time
/// (a miss is the rare, erroneous case).
/// </summary>
public sealed class KnownAreas(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<string, byte> known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(string slug, CancellationToken ct)
    {
        if (known.ContainsKey(slug)) return true;
        if (slug.Length is 0 or > 100 || !AreaRules.SlugPattern().IsMatch(slug)) return false;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var exists = await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from area where slug = @slug)", new { slug }, cancellationToken: ct));
        if (exists) known.TryAdd(slug, 0);
        return exists;
    }

    /// <summary>The slug as echoed in a message: long input is cut.</summary>
    internal static string Clip(string slug) => slug.Length <= 60 ? slug : $"{slug[..60]}…";
}
