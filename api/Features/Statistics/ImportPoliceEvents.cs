using System.Text.Json;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>An event as the Police's open events API sends it (for the contract; the import reads each element leniently).</summary>
public sealed record PoliceApiEvent(long Id, string Datetime, string Name, string Summary, string Url, string Type, PoliceApiLocation Location);

/// <summary>The <c>location</c> of a police event: a kommun or län name and the centre of it (never the incident's place).</summary>
public sealed record PoliceApiLocation(string Name, string Gps);

/// <summary>What an import did: new rows, changed rows, rows already there unchanged, and each element skipped with its reason.</summary>
public sealed record PoliceImportReport(int Received, int Imported, int Updated, int Unchanged, IReadOnlyList<ImportSkip> Skipped);

/// <param name="CoveredUntil">
/// Up to when the caller knows it has every event (a scheduled fetch passes its fetch time); by default the newest
/// event's incident time. The import covers from its oldest event to this instant (see <c>statistics_coverage</c>).
/// </param>
public sealed record ImportPoliceEventsCommand(JsonElement Events, DateTimeOffset? CoveredUntil = null) : ICommand<PoliceImportReport>;

public sealed class ImportPoliceEventsHandler(DbSession db, AuditLog audit, TimeProvider clock, AreaLocator locator, PoliceEventTypes types)
    : ICommandHandler<ImportPoliceEventsCommand, PoliceImportReport>
{
    public async ValueTask<PoliceImportReport> Handle(ImportPoliceEventsCommand command, CancellationToken ct)
    {
        var areaIds = (await db.QueryAsync<(string Slug, Guid Id)>("select slug, id from area where kind = 'neighbourhood'", null, ct))
            .ToDictionary(a => a.Slug, a => a.Id);
        var gazetteer = await Gazetteer.LoadAsync(locator, ct);

        var parsed = new List<(int Index, PoliceEvent Event)>();
        var skipped = new List<ImportSkip>();
        var index = 0;
        foreach (var element in command.Events.EnumerateArray())
        {
            var (e, skip) = PoliceEventParser.Parse(element, index++, types, gazetteer);
            if (skip is not null) skipped.Add(skip);
            else parsed.Add((index - 1, e!));
        }
        // A payload may repeat an id (a re-published event): the last one counts.
        var latest = parsed.GroupBy(p => p.Event.Id).Select(g => g.Last()).ToList();
        skipped.AddRange(parsed.Except(latest).Select(p => new ImportSkip(p.Index, p.Event.Id, "the same id appears again later in this payload")));

        var events = latest.Select(p => p.Event).ToList();
        var now = clock.GetUtcNow().ToUniversalTime();
        var ids = events.Select(e => e.Id).ToArray();
        // The months whose counts change: where the events were before this import, and where they are now.
        var months = (await db.QueryAsync<DateTime>("""
            select distinct date_trunc('month', incident_at at time zone 'Europe/Stockholm')::timestamp
            from police_event where id = any(@ids) and incident_at is not null
            """, new { ids }, ct))
            .Select(DateOnly.FromDateTime)
            .Concat(events.Where(e => e.IncidentAt is not null).Select(e => Time.Local(e.IncidentAt!.Value)).Select(t => new DateOnly(t.Year, t.Month, 1)))
            .Distinct().ToArray();
        var written = await db.QueryAsync<bool>("""
            insert into police_event (id, published_at, incident_at, name, summary, url, type, type_raw, kommun, location_name, gps,
                                      area_id, place, unplaced_reason, imported_at, updated_at)
            select t.*, @now, @now
            from unnest(@Ids, @Published, @Incident, @Names, @Summaries, @Urls, @Types, @TypesRaw, @Kommuner, @Locations, @Gps, @AreaIds, @Places, @Reasons)
                 as t(id, published_at, incident_at, name, summary, url, type, type_raw, kommun, location_name, gps, area_id, place, unplaced_reason)
            on conflict (id) do update
            set published_at = excluded.published_at, incident_at = excluded.incident_at, name = excluded.name, summary = excluded.summary,
                url = excluded.url, type = excluded.type, type_raw = excluded.type_raw, kommun = excluded.kommun,
                location_name = excluded.location_name, gps = excluded.gps, area_id = excluded.area_id, place = excluded.place,
                unplaced_reason = excluded.unplaced_reason, updated_at = excluded.updated_at
            where (police_event.published_at, police_event.incident_at, police_event.name, police_event.summary, police_event.url,
                   police_event.type_raw, police_event.kommun, police_event.location_name, police_event.gps, police_event.area_id, police_event.place,
                   police_event.unplaced_reason)
                  is distinct from
                  (excluded.published_at, excluded.incident_at, excluded.name, excluded.summary, excluded.url,
                   excluded.type_raw, excluded.kommun, excluded.location_name, excluded.gps, excluded.area_id, excluded.place, excluded.unplaced_reason)
            returning (xmax = 0) as inserted
            """,
            new
            {
                now,
                Ids = ids,
                Published = events.Select(e => e.PublishedAt.ToUniversalTime()).ToArray(),
                Incident = events.Select(e => e.IncidentAt?.ToUniversalTime()).ToArray(),
                Names = events.Select(e => e.Name).ToArray(),
                Summaries = events.Select(e => e.Summary).ToArray(),
                Urls = events.Select(e => e.Url).ToArray(),
                Types = events.Select(e => e.Type).ToArray(),
                TypesRaw = events.Select(e => e.TypeRaw).ToArray(),
                Kommuner = events.Select(e => e.Kommun).ToArray(),
                Locations = events.Select(e => e.LocationName).ToArray(),
                Gps = events.Select(e => e.Gps).ToArray(),
                AreaIds = events.Select(e => e.Slug is { } slug && areaIds.TryGetValue(slug, out var id) ? id : (Guid?)null).ToArray(),
                Places = events.Select(e => e.Place).ToArray(),
                Reasons = events.Select(e => e.Unplaced is { } reason ? WireName.Of(reason) : null).ToArray(),
            }, ct);
        await RecountMonthsAsync(months, ct);
        var incidents = events.Select(e => e.IncidentAt).OfType<DateTimeOffset>().ToList();
        if (incidents.Count > 0 || command.CoveredUntil is not null)
        {
            var until = incidents.Count == 0 ? command.CoveredUntil!.Value : command.CoveredUntil is { } given && given > incidents.Max() ? given : incidents.Max();
            await db.RecordPoliceAsync(incidents.Count == 0 ? until : incidents.Min(), until, now, ct);
        }
        var report = new PoliceImportReport(index, written.Count(inserted => inserted), written.Count(inserted => !inserted),
            events.Count - written.Count, skipped.OrderBy(s => s.Index).ToList());
        await audit.WriteAsync("statistics.import.police", "police_event", "import",
            new { report.Received, report.Imported, report.Updated, report.Unchanged, skipped = report.Skipped.Count }, ct);
        return report;
    }

    /// <summary>Rebuilds the monthly counts of the given months from the events, in the import's transaction.</summary>
    private async Task RecountMonthsAsync(DateOnly[] months, CancellationToken ct)
    {
        if (months.Length == 0) return;
        var from = months.Min().ToDateTime(TimeOnly.MinValue);
        var until = months.Max().AddMonths(1).ToDateTime(TimeOnly.MinValue);
        await db.ExecuteAsync("""
            delete from police_event_month where month = any(@months);
            insert into police_event_month (month, kommun, area_id, type, events)
            select month, kommun, area_id, coalesce(type, ''), count(*)
            from (select date_trunc('month', incident_at at time zone 'Europe/Stockholm')::date as month, kommun, area_id, type
                  from police_event
                  where incident_at >= (@from::timestamp at time zone 'Europe/Stockholm')
                    and incident_at < (@until::timestamp at time zone 'Europe/Stockholm')) e
            where month = any(@months)
            group by grouping sets ((month, kommun, area_id, type), (month, kommun, area_id));
            """, new { months, from, until }, ct);
    }
}
