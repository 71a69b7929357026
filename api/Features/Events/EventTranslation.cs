using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>What staff write when they translate an event's public texts into one language.</summary>
/// <param name="Title">The title in the language; required.</param>
/// <param name="Description">What the event is, for residents. Left out: the Swedish description is shown.</param>
/// <param name="Problem">The concrete problem the event addresses. Left out: the Swedish text is shown.</param>
/// <param name="Place">The concrete place the problem is at. Left out: the Swedish text is shown.</param>
/// <param name="Method">The dialogue method. Left out: the Swedish text is shown.</param>
/// <param name="VenueName">The venue's name, where it has one in the language (<c>Fruängen library</c>). Left out: the Swedish name.</param>
/// <param name="AccessibilityNotes">The venue's accessibility notes. Left out: the Swedish notes.</param>
/// <param name="MeetingPoint">A walk's meeting point in words. Left out: the Swedish text.</param>
/// <param name="Agenda">The agenda items' titles, in the order of the Swedish agenda (its minutes stay). Used only while it has as many
/// items as the Swedish agenda; otherwise the Swedish agenda is shown.</param>
public sealed record EventTranslationInput(
    string Title,
    string? Description = null,
    string? Problem = null,
    string? Place = null,
    string? Method = null,
    string? VenueName = null,
    string? AccessibilityNotes = null,
    string? MeetingPoint = null,
    IReadOnlyList<string>? Agenda = null);

/// <summary>One translation of an event as staff see it.</summary>
/// <param name="Language">BCP 47 tag of the language, one of <c>Content__Languages</c> other than <c>sv</c>.</param>
/// <param name="Outdated">True when the event was edited after the translation was saved: check it against the Swedish texts.</param>
/// <param name="PersonalDataWarnings">Only in the answer to the staff who save it: what in the texts looks like personal data (a warning,
/// as for the Swedish texts; the translation is saved).</param>
public sealed record EventTranslation(
    string Language, string Title, string? Description, string? Problem, string? Place, string? Method, string? VenueName,
    string? AccessibilityNotes, string? MeetingPoint, IReadOnlyList<string> Agenda, bool Outdated, DateTimeOffset UpdatedAt,
    IReadOnlyList<TextFinding>? PersonalDataWarnings = null);

/// <summary>One row of <c>event_translation</c>.</summary>
internal sealed record EventTranslationRow(
    Guid EventId, string Language, string Title, string? Description, string? Problem, string? Place, string? Method, string? VenueName,
    string? AccessibilityNotes, string? MeetingPoint, string Agenda, int SourceVersion, int EventVersion, DateTimeOffset UpdatedAt)
{
    public const string Select = """
        select t.event_id, t.language, t.title, t.description, t.problem, t.place, t.method, t.venue_name, t.accessibility_notes,
               t.meeting_point, t.agenda::text as agenda, t.source_version, e.version as event_version, t.updated_at
        from event_translation t join event e on e.id = t.event_id
        """;

    public IReadOnlyList<string> AgendaTitles => JsonSerializer.Deserialize<List<string>>(Agenda) ?? [];

    public EventTranslation ToTranslation() => new(Language, Title, Description, Problem, Place, Method, VenueName, AccessibilityNotes,
        MeetingPoint, AgendaTitles, EventVersion > SourceVersion, Time.Local(UpdatedAt));
}

/// <summary>
/// Content negotiation for the events' own texts: <c>?lang=</c> first, then <c>Accept-Language</c> by quality; a tag
/// matches a language exactly (<c>sv-x-lattlast</c>) or by its primary subtag (<c>en-GB</c> → <c>en</c>), and what
/// matches nothing falls back to Swedish. The words the service adds (problems, "Online meeting") follow the request's
/// culture (sv or en) as before.
/// </summary>
public static class ContentLanguages
{
    /// <summary>The languages the request asks for, best first, lower-cased: <c>?lang=</c>, then <c>Accept-Language</c> (q &gt; 0).</summary>
    public static IReadOnlyList<string> Preferences(string? lang, StringValues acceptLanguage)
    {
        var preferences = new List<string>();
        if (!string.IsNullOrWhiteSpace(lang)) preferences.Add(lang.Trim().ToLowerInvariant());
        if (StringWithQualityHeaderValue.TryParseList(acceptLanguage, out var parsed))
            preferences.AddRange(parsed
                .Select((value, index) => (Tag: value.Value.Value ?? "", Quality: value.Quality ?? 1, index))
                .Where(p => p.Quality > 0 && p.Tag.Length > 0 && p.Tag != "*")
                .OrderByDescending(p => p.Quality).ThenBy(p => p.index)
                .Select(p => p.Tag.ToLowerInvariant()));
        return preferences;
    }

    /// <summary>The first preference that one of <paramref name="available"/> satisfies; Swedish when none does.</summary>
    public static string Choose(IReadOnlyList<string> preferences, IReadOnlyCollection<string> available)
    {
        foreach (var wanted in preferences)
        {
            var exact = available.FirstOrDefault(a => a.Equals(wanted, StringComparison.OrdinalIgnoreCase));
            if (exact is not null) return exact;
            // en-GB → en, sv-SE → sv; a private-use tag (sv-x-lattlast) matches only itself.
            var primary = wanted.Split('-')[0];
            if (primary != wanted && !wanted.StartsWith($"{primary}-x-", StringComparison.Ordinal)
                && available.FirstOrDefault(a => a.Equals(primary, StringComparison.OrdinalIgnoreCase)) is { } general)
                return general;
        }
        return ContentOptions.Swedish;
    }

    /// <summary>The translations of the given events, in the configured languages only.</summary>
    internal static async Task<ILookup<Guid, EventTranslationRow>> LoadAsync(DbSession db, Guid[] eventIds, ContentOptions options, CancellationToken ct)
    {
        if (eventIds.Length == 0) return Array.Empty<EventTranslationRow>().ToLookup(t => t.EventId);
        var rows = await db.QueryAsync<EventTranslationRow>(EventTranslationRow.Select + " where t.event_id = any(@eventIds) and t.language = any(@Languages)",
            new { eventIds, options.Languages }, ct);
        return rows.ToLookup(t => t.EventId);
    }

    /// <summary>
    /// The public event in the language chosen from <paramref name="preferences"/> among Swedish and its translations, with
    /// <c>language</c> and <c>availableLanguages</c> (in the configured order) set.
    /// </summary>
    internal static PublicEvent Localise(PublicEvent e, IEnumerable<EventTranslationRow> translations, IReadOnlyList<string> preferences, ContentOptions options)
    {
        var byLanguage = translations.ToDictionary(t => t.Language, StringComparer.OrdinalIgnoreCase);
        var available = options.Languages.Where(l => l == ContentOptions.Swedish || byLanguage.ContainsKey(l)).ToList();
        var language = Choose(preferences, available);
        e = e with { Language = language, AvailableLanguages = available };
        if (!byLanguage.TryGetValue(language, out var t)) return e;
        var agenda = t.AgendaTitles is { Count: > 0 } titles && titles.Count == e.Agenda.Count
            ? e.Agenda.Select((item, i) => item with { Title = titles[i] }).ToList()
            : e.Agenda;
        var untranslated = new List<string>();
        void Missing(string field, string? translated, string? swedish)
        {
            if (translated is null && !string.IsNullOrEmpty(swedish)) untranslated.Add(field);
        }
        Missing("description", t.Description, e.Description);
        Missing("problem", t.Problem, e.Problem);
        Missing("place", t.Place, e.Place);
        Missing("method", t.Method, e.Method);
        Missing("venueName", t.VenueName, e.Venue?.Name);
        Missing("accessibilityNotes", t.AccessibilityNotes, e.Venue?.AccessibilityNotes);
        Missing("meetingPoint", t.MeetingPoint, e.Walk?.MeetingPoint);
        if (e.Agenda.Count > 0 && agenda == e.Agenda) untranslated.Add("agenda");
        return e with
        {
            Untranslated = untranslated,
            Title = t.Title,
            Description = t.Description ?? e.Description,
            Problem = t.Problem ?? e.Problem,
            Place = t.Place ?? e.Place,
            Method = t.Method ?? e.Method,
            Venue = e.Venue is { } venue ? venue with { Name = venue.Name is null ? null : t.VenueName ?? venue.Name, AccessibilityNotes = venue.AccessibilityNotes is null ? null : t.AccessibilityNotes ?? venue.AccessibilityNotes } : null,
            Walk = e.Walk is { } walk ? walk with { MeetingPoint = walk.MeetingPoint is null ? null : t.MeetingPoint ?? walk.MeetingPoint } : null,
            Agenda = agenda,
        };
    }

    /// <summary>The <c>Content-Language</c> of an answer holding these events: their languages, once each; Swedish for none.</summary>
    public static string Header(IEnumerable<PublicEvent> events) =>
        events.Select(e => e.Language).Distinct().ToList() is { Count: > 0 } languages ? string.Join(", ", languages) : ContentOptions.Swedish;
}
