using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>What the last successful fetch imported.</summary>
public sealed record PoliceFetchCounts(int Received, int Imported, int Updated, int Unchanged, int Skipped);

/// <summary>
/// The scheduled fetch of the Police's open events API as staff see it: its settings, when it last started, succeeded
/// and failed (with the error), the newest event time, and counts. <c>stale</c> when the newest event is older than the
/// configured age (the same test as /health/ready while the fetch is on).
/// </summary>
/// <param name="Enabled" example="true">Whether this instance fetches in the background.</param>
/// <param name="Url" example="https://polisen.se/api/events">Where it fetches.</param>
/// <param name="IntervalSeconds" example="600">Seconds between fetches, across all instances.</param>
/// <param name="LastStartedAt">When the last fetch started, on any instance.</param>
/// <param name="LastSuccessAt">When a fetch last imported an answer.</param>
/// <param name="LastErrorAt">When a fetch last failed.</param>
/// <param name="LastError" example="empty body">Why it failed (empty body, invalid JSON, HTTP status, timeout).</param>
/// <param name="NewestEventAt">Publication time of the newest police event after the last successful fetch.</param>
/// <param name="Stale">The newest event is older than <c>PoliceFetch__StaleAfter</c>, or there is none.</param>
/// <param name="Fetches">Fetches started.</param>
/// <param name="Failures">Fetches that failed.</param>
/// <param name="EventsImported">New events imported by all fetches.</param>
/// <param name="Last">What the last successful fetch imported.</param>
public sealed record PoliceFetchStatus(bool Enabled, string Url, int IntervalSeconds, DateTimeOffset? LastStartedAt, DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt, string? LastError, DateTimeOffset? NewestEventAt, bool Stale, int Fetches, int Failures, long EventsImported,
    PoliceFetchCounts? Last);

public sealed record GetPoliceFetchStatusQuery : IQuery<PoliceFetchStatus>;

public sealed class GetPoliceFetchStatusHandler(DbSession db, PoliceFetchOptions options, TimeProvider clock)
    : IQueryHandler<GetPoliceFetchStatusQuery, PoliceFetchStatus>
{
    public async ValueTask<PoliceFetchStatus> Handle(GetPoliceFetchStatusQuery query, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>("""
            select started_at, succeeded_at, failed_at, error, newest_event_at, fetches, failures, events_imported,
                   received, imported, updated, unchanged, skipped
            from police_fetch where id = 1
            """, null, ct);
        var stale = row?.NewestEventAt is not { } newest || clock.GetUtcNow() - newest > options.StaleAfter;
        return new PoliceFetchStatus(options.Enabled, options.Url, options.IntervalSeconds, row?.StartedAt, row?.SucceededAt, row?.FailedAt,
            row?.Error, row?.NewestEventAt, stale, row?.Fetches ?? 0, row?.Failures ?? 0, row?.EventsImported ?? 0,
            row?.Received is { } received
                ? new PoliceFetchCounts(received, row.Imported ?? 0, row.Updated ?? 0, row.Unchanged ?? 0, row.Skipped ?? 0)
                : null);
    }

    private sealed record Row(DateTimeOffset? StartedAt, DateTimeOffset? SucceededAt, DateTimeOffset? FailedAt, string? Error,
        DateTimeOffset? NewestEventAt, int Fetches, int Failures, long EventsImported, int? Received, int? Imported, int? Updated,
        int? Unchanged, int? Skipped);
}
