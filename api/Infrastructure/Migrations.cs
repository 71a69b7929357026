using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// Applies the numbered SQL files in <c>Migrations/</c> (embedded in the assembly) with DbUp,
/// each in its own transaction, journalled in <c>public.schema_versions</c>.
/// </summary>
public static class Migrations
{
    private const string JournalTable = "schema_versions";

    public static IReadOnlyList<string> Scripts { get; } = typeof(Migrations).Assembly
        .GetManifestResourceNames()
        .Where(IsMigration)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static void Apply(string connectionString, ILogger logger)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), IsMigration)
            .JournalToPostgresqlTable("public", JournalTable)
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(logger))
            .Build();
        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
    }

    /// <summary>How many of the embedded migrations the database has applied.</summary>
    public static async Task<bool> AllAppliedAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "select count(*) from public.schema_versions where scriptname = any(@names)");
        cmd.Parameters.AddWithValue("names", Scripts.ToArray());
        try
        {
            var applied = (long)(await cmd.ExecuteScalarAsync(ct))!;
            return applied == Scripts.Count;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    private static bool IsMigration(string resource) =>
        resource.Contains(".Migrations.", StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal);

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) =>
            logger.LogInformation("Migration: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogWarning(string format, params object[] args) =>
            logger.LogWarning("Migration: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(string format, params object[] args) =>
            logger.LogError("Migration: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(Exception ex, string format, params object[] args) =>
            logger.LogError(ex, "Migration: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
