namespace Trygghet.Api.Infrastructure;

/// <summary>
/// A step that prepares the database after the migrations, registered by the feature that owns the data (reference
/// data, demo data). Every instance runs the steps in <see cref="Order"/> at start-up, one instance at a time, so each
/// must be idempotent.
/// </summary>
public interface IStartupTask
{
    /// <summary>Lower runs first: reference data (10) before demo data (20) before imports that need both (30).</summary>
    int Order { get; }

    /// <summary>Demo data runs only with <c>Seed__Demo=true</c>.</summary>
    bool DemoOnly { get; }

    Task RunAsync(CancellationToken ct);
}
