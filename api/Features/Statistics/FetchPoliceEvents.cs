using System.Text.Json;
using Mediator;
using Polly;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>What one fetch did: nothing (another fetch started within the interval), an import, or an error.</summary>
public sealed record PoliceFetchOutcome(bool Fetched, PoliceImportReport? Report, string? Error);

/// <summary>
/// Fetches the Police's open events API once, if no instance has started a fetch within the interval, and imports the
/// answer as an upload would be imported. Owns its transactions: the claim commits before the call, so that no
/// transaction stays open while the Police answer, and the import commits in its own.
/// </summary>
public sealed record FetchPoliceEventsCommand : ICommand<PoliceFetchOutcome>, IOwnsTransactions;

public sealed class FetchPoliceEventsHandler(DbSession db, IMediator mediator, IHttpClientFactory http, PoliceFetchOptions options, TimeProvider clock,
    ILogger<FetchPoliceEventsHandler> logger) : ICommandHandler<FetchPoliceEventsCommand, PoliceFetchOutcome>
{
    private const long FetchLock = 0x7472_7967_706f_6c69;

    public async ValueTask<PoliceFetchOutcome> Handle(FetchPoliceEventsCommand command, CancellationToken ct)
    {
        if (!await ClaimAsync(ct)) return new PoliceFetchOutcome(false, null, null);

        byte[] body;
        try
        {
            using var response = await http.CreateClient(PoliceFetch.HttpClientName).GetAsync(options.Url, ct);
            if (!response.IsSuccessStatusCode) return await FailAsync($"HTTP {(int)response.StatusCode} ({response.StatusCode})", ct);
            body = await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (HttpRequestException e)
        {
            return await FailAsync(e switch
            {
                { HttpRequestError: not HttpRequestError.Unknown } => $"no answer: {e.HttpRequestError}",
                { InnerException: IOException } => "the answer broke off",
                _ => "no answer",
            }, ct);
        }
        catch (IOException)
        {
            return await FailAsync("the answer broke off", ct);
        }
        catch (ExecutionRejectedException e) // Polly: a timeout, after the retries
        {
            return await FailAsync(e is Polly.Timeout.TimeoutRejectedException ? "timed out" : $"rejected: {e.GetType().Name}", ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return await FailAsync("timed out", ct);
        }

        JsonDocument document;
        try
        {
            if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty) return await FailAsync("empty body", ct);
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return await FailAsync($"not valid JSON (cut off?) at byte {e.BytePositionInLine} of line {e.LineNumber + 1}", ct);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) return await FailAsync("not a JSON array of events", ct);
            PoliceImportReport report;
            // The answer holds the newest events up to now: coverage runs from its oldest event to this moment.
            try
            {
                report = document.RootElement.GetArrayLength() == 0
                    ? new PoliceImportReport(0, 0, 0, 0, [])
                    : await mediator.Send(new ImportPoliceEventsCommand(document.RootElement, CoveredUntil: clock.GetUtcNow()), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return await FailAsync($"import failed: {e.GetType().Name}", ct); // the type only: a message may quote data
            }
            await db.ExecuteAsync("""
                update police_fetch
                set succeeded_at = @now, newest_event_at = (select max(published_at) from police_event),
                    events_imported = events_imported + @Imported, received = @Received, imported = @Imported, updated = @Updated,
                    unchanged = @Unchanged, skipped = @Skipped
                where id = 1
                """, new { now = clock.GetUtcNow(), report.Received, report.Imported, report.Updated, report.Unchanged, Skipped = report.Skipped.Count }, ct);
            logger.LogInformation("Police events fetched: {Received} received, {Imported} new, {Updated} updated, {Skipped} skipped",
                report.Received, report.Imported, report.Updated, report.Skipped.Count);
            return new PoliceFetchOutcome(true, report, null);
        }
    }

    /// <summary>
    /// One instance at a time (the advisory lock; the others skip rather than wait), and only when the last fetch of any
    /// instance started an interval ago or more.
    /// </summary>
    private async Task<bool> ClaimAsync(CancellationToken ct)
    {
        await db.BeginAsync(ct);
        try
        {
            var claimed = await db.QuerySingleOrDefaultAsync<bool>("select pg_try_advisory_xact_lock(@FetchLock)", new { FetchLock }, ct);
            if (claimed)
            {
                await db.ExecuteAsync("insert into police_fetch (id) values (1) on conflict (id) do nothing", null, ct);
                claimed = await db.ExecuteAsync("""
                    update police_fetch set started_at = @now, fetches = fetches + 1
                    where id = 1 and (started_at is null or started_at <= @now - make_interval(secs => @IntervalSeconds))
                    """, new { now = clock.GetUtcNow(), options.IntervalSeconds }, ct) == 1;
            }
            await db.CommitAsync(ct);
            return claimed;
        }
        catch
        {
            await db.RollbackAsync();
            throw;
        }
    }

    /// <summary>Recorded for staff and logged; the job goes on next interval. The message is ours, never the answer's content.</summary>
    private async Task<PoliceFetchOutcome> FailAsync(string error, CancellationToken ct)
    {
        await db.ExecuteAsync("update police_fetch set failed_at = @now, error = @error, failures = failures + 1 where id = 1",
            new { now = clock.GetUtcNow(), error }, ct);
        logger.LogWarning("Police events fetch failed: {Error}", error);
        return new PoliceFetchOutcome(true, null, error);
    }
}
