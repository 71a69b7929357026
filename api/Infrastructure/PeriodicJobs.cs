namespace Trygghet.Api.Infrastructure;

/// <summary>Work a feature needs done now and then: reminders to queue, personal data to erase.</summary>
public interface IPeriodicJob
{
    Task RunAsync(CancellationToken ct);
}

public sealed class JobOptions
{
    /// <summary>Run the periodic jobs in the background (tests run them by hand). Independent of mail settings.</summary>
    public bool Enabled { get; set; } = true;

    public int IntervalSeconds { get; set; } = 60;
}

/// <summary>
/// Runs every registered <see cref="IPeriodicJob"/> in turn, every <see cref="JobOptions.IntervalSeconds"/>, on every
/// instance. Jobs are written to be run by several instances at once (bounded, idempotent, rows claimed with SKIP LOCKED),
/// so there is no leader. One job failing does not keep the others from running.
/// </summary>
public sealed class PeriodicJobRunner(IEnumerable<IPeriodicJob> jobs, JobOptions options, ILogger<PeriodicJobRunner> logger) : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        foreach (var job in jobs)
        {
            try
            {
                await job.RunAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && !ct.IsCancellationRequested)
            {
                var error = e.GetType().Name; // the type only: a message may quote data
                logger.LogWarning("Periodic job {Job} failed ({Error}); it runs again next round", job.GetType().Name, error);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
