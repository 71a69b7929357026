using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

/// <summary>A subscription as stored.</summary>
internal sealed record AlertSubscriptionRow(Guid Id, string Email, string Language, string Frequency, bool WholeDistrict, DateTimeOffset? ConfirmedAt)
{
    public bool English => Language == "en";
}

/// <summary>The reads and checks the subscription use cases share.</summary>
internal static class AlertStore
{
    public const int MaxAreas = 30;

    /// <summary>The subscription behind a link; 404 when the link is unknown (never issued, or the subscription has ended).</summary>
    public static async Task<AlertSubscriptionRow> FindAsync(DbSession db, string token, bool forUpdate, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<AlertSubscriptionRow>($"""
            select s.id, s.email, s.language, s.frequency, s.whole_district, s.confirmed_at
            from alert_link l join alert_subscription s on s.id = l.subscription_id
            where l.token_hash = @hash {(forUpdate ? "for update of s" : "")}
            """, new { hash = SecretTokens.Hash(token) }, ct) ?? throw new NotFoundException(AlertTexts.LinkUnknown);

    /// <summary>
    /// The areas chosen by slug: the district (or the city) means everything; neighbourhoods are kept by id. An unknown slug is a
    /// 400 naming <c>areas</c>.
    /// </summary>
    public static async Task<(bool WholeDistrict, Guid[] AreaIds)> ResolveAreasAsync(DbSession db, IReadOnlyList<string> slugs, CancellationToken ct)
    {
        var wanted = slugs.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        var found = await db.QueryAsync<(Guid Id, string Slug, string Kind)>("select id, slug, kind from area where slug = any(@wanted)", new { wanted }, ct);
        if (wanted.FirstOrDefault(s => found.All(f => f.Slug != s)) is { } unknown)
            throw new ValidationException([new ValidationFailure("areas", AreaTexts.UnknownArea.Format(KnownAreas.Clip(unknown)))]);
        return found.Any(f => f.Kind is "district" or "city") ? (true, []) : (false, [.. found.Select(f => f.Id)]);
    }

    public static Task SaveAreasAsync(DbSession db, Guid id, Guid[] areaIds, CancellationToken ct) => db.ExecuteAsync("""
        delete from alert_subscription_area where subscription_id = @id;
        insert into alert_subscription_area (subscription_id, area_id) select @id, unnest(@areaIds);
        """, new { id, areaIds }, ct);

    public static async Task<AlertSubscriptionView> ViewAsync(DbSession db, Guid id, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<AlertSubscriptionRow>(
            "select id, email, language, frequency, whole_district, confirmed_at from alert_subscription where id = @id", new { id }, ct)
            ?? throw new NotFoundException(AlertTexts.LinkUnknown);
        var areas = await AreasAsync(db, id, ct);
        return new AlertSubscriptionView(row.Email, row.WholeDistrict, areas, WireName.Parse<AlertFrequency>(row.Frequency),
            WireName.Parse<AlertLanguage>(row.Language), row.ConfirmedAt is not null, row.ConfirmedAt);
    }

    public static async Task<IReadOnlyList<AlertArea>> AreasAsync(DbSession db, Guid id, CancellationToken ct) =>
        await db.QueryAsync<AlertArea>("""
            select a.slug, a.name from alert_subscription_area sa join area a on a.id = sa.area_id
            where sa.subscription_id = @id order by a.name
            """, new { id }, ct);

    /// <summary>What the subscription follows and how often, as the e-mails say it.</summary>
    public static async Task<(string Areas, string Frequency)> DescribeAsync(DbSession db, AlertSubscriptionRow row, CancellationToken ct)
    {
        var en = row.English;
        var areas = row.WholeDistrict
            ? In(AlertTexts.Mail.WholeDistrict, en)
            : string.Join(", ", (await AreasAsync(db, row.Id, ct)).Select(a => a.Name));
        return (areas, In(row.Frequency == "weekly" ? AlertTexts.Mail.Weekly : AlertTexts.Mail.Immediate, en));
    }

    public static string In(Text text, bool en, params object[] args)
    {
        var template = en ? text.En : text.Sv;
        return args.Length == 0 ? template : string.Format(CultureInfo.GetCultureInfo(en ? "en-GB" : "sv-SE"), template, args);
    }
}
