using System.Text.Json;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// Writes who did what to which resource, in the transaction of the change itself.
/// Details never hold personal data of residents.
/// </summary>
public sealed class AuditLog(DbSession db, IHttpContextAccessor http, TimeProvider clock)
{
    public Task WriteAsync(string action, string entityType, string entityId, object? details, CancellationToken ct)
    {
        var user = http.HttpContext?.User;
        return db.ExecuteAsync("""
            insert into audit_log (at, subject, role, action, entity_type, entity_id, details)
            values (@At, @Subject, @Role, @Action, @EntityType, @EntityId, @Details::jsonb)
            """,
            new
            {
                At = clock.GetUtcNow(),
                Subject = user?.Subject() ?? "system",
                Role = user?.Role(),
                Action = action,
                EntityType = entityType,
                EntityId = entityId,
                Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
            }, ct);
    }
}

/// <summary>Strong ETags from a row version: <c>"7"</c>.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>Reads the version from <c>If-Match</c>; 428 when absent, 412 when it cannot match any version.</summary>
    public static int RequireVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) throw new PreconditionRequiredException("concurrency.ifMatchRequired");
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new PreconditionFailedException("concurrency.stale");
    }
}
