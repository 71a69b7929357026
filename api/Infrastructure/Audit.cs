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
