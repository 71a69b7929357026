using System.Globalization;
using System.Text;
using FluentValidation;

namespace Trygghet.Api.Infrastructure;

/// <summary>One page of a list; pass <c>nextCursor</c> back as <c>cursor</c> for the next page (null on the last).</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null when this is the last.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset cursors over (time, id): opaque base64url text, so clients cannot build or depend on them.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Encode(DateTimeOffset at, Guid id) => Base64Url($"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id:N}");

    public static bool TryDecode(string? cursor, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = default;
        var parts = FromBase64Url(cursor)?.Split('|');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out id))
            return false;
        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>A cursor over a bigint identity (newest-first lists).</summary>
    public static string Encode(long id) => Base64Url($"#{id.ToString(CultureInfo.InvariantCulture)}");

    public static bool TryDecode(string? cursor, out long id)
    {
        id = 0;
        return FromBase64Url(cursor) is { } text && text.StartsWith('#')
            && long.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? FromBase64Url(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 200) return null;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Takes one row more than asked to know whether a next page exists.</summary>
    public static Page<TOut> ToPage<TRow, TOut>(IReadOnlyList<TRow> rows, int limit, Func<TRow, (DateTimeOffset At, Guid Id)> key, Func<TRow, TOut> map)
    {
        var items = rows.Take(limit).Select(map).ToList();
        if (rows.Count <= limit) return new Page<TOut>(items, null);
        var (at, id) = key(rows[limit - 1]);
        return new Page<TOut>(items, Encode(at, id));
    }

    public static IRuleBuilderOptions<T, string?> ValidCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || TryDecode(c, out _, out _)).WithMessage(_ => CommonTexts.BadCursor.Format());

    public static IRuleBuilderOptions<T, int?> ValidLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, MaxLimit);
}
