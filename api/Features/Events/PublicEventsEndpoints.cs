using System.Security.Cryptography;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>
/// Public reading, built for embedding: two route groups (dialogues, walks) over the one event core, with
/// ETag/304 and Cache-Control, JSON-LD on request, and iCalendar feeds.
/// </summary>
public static class PublicEventsEndpoints
{
    public static void MapPublicEvents(this IEndpointRouteBuilder api)
    {
        MapKind(api, "/dialogues", EventKind.Dialogue, "Dialogue", "Dialogues");
        MapKind(api, "/walks", EventKind.Walk, "Walk", "Walks");

        api.MapGet("/calendar.ics", async (string? area, [QueryEnum(typeof(EventKind))] string? kind, string? lang, IMediator mediator, SiteOptions site, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                if (await NotModifiedAsync(mediator, http, ct)) return Results.StatusCode(StatusCodes.Status304NotModified);
                var page = await FeedEventsAsync(mediator, area, kind, lang, clock, http, ct);
                http.Response.Headers.ContentLanguage = ContentLanguages.Header(page.Items);
                return Results.Text(Syndication.ToICalendar(page.Items, site, Text.IsEnglish ? "Safety dialogues and safety walks" : "Trygghetsdialoger och trygghetsvandringar", Text.IsEnglish), $"{Syndication.CalendarMediaType}; charset=utf-8");
            })
            .WithName("GetCalendar").WithTags("Feeds").PublicCache(SharedCache.Listing, CacheVary.Language)
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary("iCalendar feed (RFC 5545, Europe/Stockholm) of dialogues and walks from 90 days back, by area and kind; cancelled events as STATUS:CANCELLED. Each event in the language chosen by `?lang=` or `Accept-Language` where it has a translation (LANGUAGE= on SUMMARY, DESCRIPTION and LOCATION).")
            .Produces<string>(StatusCodes.Status200OK, Syndication.CalendarMediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest);

        api.MapGet("/feed.atom", async (string? area, [QueryEnum(typeof(EventKind))] string? kind, string? lang, IMediator mediator, SiteOptions site, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                if (await NotModifiedAsync(mediator, http, ct)) return Results.StatusCode(StatusCodes.Status304NotModified);
                var page = await FeedEventsAsync(mediator, area, kind, lang, clock, http, ct);
                var latest = page.Items.OrderByDescending(e => e.UpdatedAt).Take(50).ToList();
                http.Response.Headers.ContentLanguage = ContentLanguages.Header(latest);
                var self = $"{site.PublicUrl.TrimEnd('/')}/api/v1/feed.atom{http.Request.QueryString}";
                var title = Text.IsEnglish ? "Safety dialogues and safety walks in Hägersten-Älvsjö" : "Trygghetsdialoger och trygghetsvandringar i Hägersten-Älvsjö";
                return Results.Text(Syndication.ToAtom(latest, site, self, title, Text.IsEnglish), $"{Syndication.AtomMediaType}; charset=utf-8");
            })
            .WithName("GetEventFeed").WithTags("Feeds").PublicCache(SharedCache.Listing, CacheVary.Language)
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary("Atom feed (RFC 4287) of dialogues and walks from 90 days back, the 50 most recently changed first, by area and kind: new, changed and cancelled events for a feed reader.")
            .WithDescription("""
                Each entry's title and summary are in the event's language, chosen by `?lang=` or `Accept-Language` where it
                has a translation, and carry it as `xml:lang` (a description the translation leaves out is `sv`); its link
                opens the page in that language (`hreflang`). The feed's own words (kind, when and where, "Inställd") are
                Swedish, or English with `Accept-Language: en` (`xml:lang` on the feed).
                """)
            .Produces<string>(StatusCodes.Status200OK, Syndication.AtomMediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    private static void MapKind(IEndpointRouteBuilder api, string path, EventKind kind, string singular, string plural)
    {
        var group = api.MapGroup(path).WithTags(plural)
            .WithProblemExample(StatusCodes.Status404NotFound, EventTexts.NotFound, ExampleValues.DialogueSlug);

        group.MapGet("/", async Task<Results<Ok<Page<PublicEvent>>, StatusCodeHttpResult>> (string? area, DateTimeOffset? from, DateTimeOffset? to,
                [QueryEnum(typeof(EventFormat))] string? format, int? limit, string? cursor, string? lang, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                if (await NotModifiedAsync(mediator, http, ct)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                var page = await mediator.Send(new ListPublicEventsQuery(kind, area, from, to, QueryEnum.Parse<EventFormat>(format, "format"), limit ?? Cursor.DefaultLimit, cursor,
                    Languages: Preferences(http, lang)), ct);
                http.Response.Headers.ContentLanguage = ContentLanguages.Header(page.Items);
                return TypedResults.Ok(page);
            })
            .WithName($"List{plural}").PublicCache(SharedCache.Listing, CacheVary.Language)
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary($"Published, held, closed and cancelled {plural.ToLowerInvariant()} in start order; cacheable (ETag, 304 on If-None-Match). Each in the language chosen by `?lang=` or `Accept-Language` among its `availableLanguages`, else Swedish (`language`; `Content-Language` lists them).")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/{idOrSlug}", async Task<Results<Ok<PublicEvent>, JsonHttpResult<SchemaOrgEvent>, StatusCodeHttpResult>> (string idOrSlug,
                string? lang, IMediator mediator, SiteOptions site, HttpContext http, CancellationToken ct) =>
            {
                var e = await mediator.Send(new GetPublicEventQuery(kind, idOrSlug, Preferences(http, lang)), ct);
                var jsonLd = WantsJsonLd(http.Request);
                http.Response.Headers.ContentLanguage = e.Language;
                if (Cache(http, $"{e.Id}/{e.Sequence}/{e.Status}/{e.Phase}/{e.NextEventInArea}/{e.UpdatedAt:O}/{e.Participants.Count}/{jsonLd}/{e.Language}"))
                    return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                return jsonLd
                    ? TypedResults.Json(Syndication.ToSchemaOrg(e, site), contentType: Syndication.JsonLdMediaType)
                    : TypedResults.Ok(e);
            })
            .WithName($"Get{singular}").PublicCache(SharedCache.Listing, CacheVary.Language | CacheVary.Accept)
            .WithSummary($"One {singular.ToLowerInvariant()} by id or slug, its texts in the language chosen by `?lang=` or `Accept-Language` among `availableLanguages`, else Swedish (`language` and `Content-Language` say which). With `Accept: application/ld+json`, the same as a schema.org Event.")
            .WithMetadata(new AlternateRepresentation(Syndication.JsonLdMediaType, typeof(SchemaOrgEvent)))
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapGet("/{idOrSlug}/calendar.ics", async (string idOrSlug, string? lang, IMediator mediator, SiteOptions site, HttpContext http, CancellationToken ct) =>
            {
                var e = await mediator.Send(new GetPublicEventQuery(kind, idOrSlug, Preferences(http, lang)), ct);
                http.Response.Headers.ContentLanguage = e.Language;
                if (Cache(http, $"{e.Id}/{e.Sequence}/{e.Status}/{e.UpdatedAt:O}/ics/{e.Language}")) return Results.StatusCode(StatusCodes.Status304NotModified);
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{e.Slug}.ics\"";
                return Results.Text(Syndication.ToICalendar([e], site, e.Title, Text.IsEnglish), $"{Syndication.CalendarMediaType}; charset=utf-8");
            })
            .WithName($"Get{singular}Calendar").PublicCache(SharedCache.Listing, CacheVary.Language)
            .WithSummary($"The {singular.ToLowerInvariant()} as an iCalendar file (add to calendar).")
            .Produces<string>(StatusCodes.Status200OK, Syndication.CalendarMediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Answers a conditional listing request from the cheap stamp, before the listing query runs. The languages asked for
    /// are part of the version: which translation each event shows depends on them.
    /// </summary>
    /// <summary>What the calendar and Atom feeds hold: the area's and kind's dialogues and walks from 90 days back, each in the language asked for.</summary>
    private static Task<Page<PublicEvent>> FeedEventsAsync(IMediator mediator, string? area, string? kind, string? lang, TimeProvider clock, HttpContext http,
        CancellationToken ct) =>
        mediator.Send(new ListPublicEventsQuery(QueryEnum.Parse<EventKind>(kind, "kind"), area, clock.GetUtcNow().AddDays(-90), null, null, 1000, null, MaxLimit: 1000,
            Languages: Preferences(http, lang)), ct).AsTask();

    private static async Task<bool> NotModifiedAsync(IMediator mediator, HttpContext http, CancellationToken ct) =>
        Cache(http, $"{await mediator.Send(new GetPublicEventsStampQuery(), ct)}|{http.Request.Path}|{http.Request.QueryString}|{WantsJsonLd(http.Request)}"
            + $"|{string.Join(',', ContentLanguages.Preferences(null, http.Request.Headers.AcceptLanguage))}");

    /// <summary>The content languages the request asks for, best first: <c>?lang=</c>, then <c>Accept-Language</c>.</summary>
    private static IReadOnlyList<string> Preferences(HttpContext http, string? lang) => ContentLanguages.Preferences(lang, http.Request.Headers.AcceptLanguage);

    /// <summary>Sets the ETag (Cache-Control and Vary are the endpoint's <see cref="CachePolicy"/>); true when the client's If-None-Match already holds this version.</summary>
    private static bool Cache(HttpContext http, string version)
    {
        // Calendars word what the service adds in the request's language: the language is part of the version.
        version = $"{version}|{(Text.IsEnglish ? "en" : "sv")}";
        var etag = $"W/\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(version)), 0, 12).ToLowerInvariant()}\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Length > 0 && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(tag => Weak(tag.Trim()) == Weak(etag)));
    }

    private static string Weak(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static bool WantsJsonLd(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(Syndication.JsonLdMediaType, StringComparison.OrdinalIgnoreCase));
}
