using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Audit;

/// <summary>One staff action: who did what to which resource, and when.</summary>
/// <param name="Subject">The token subject of whoever acted.</param>
/// <param name="Role">Their role at the time.</param>
/// <param name="Action">What was done, e.g. <c>event.publish</c>.</param>
/// <param name="Details">What changed (never residents' personal data).</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Subject, string? Role, string Action, string EntityType, string EntityId,
    JsonElement? Details);

/// <summary>The audit log, newest first.</summary>
public sealed record ListAuditLog(string? EntityType, string? EntityId, int? Limit, string? Cursor) : IQuery<Page<AuditEntry>>;

public sealed class ListAuditLogValidator : AbstractValidator<ListAuditLog>
{
    public ListAuditLogValidator()
    {
        RuleFor(q => q.EntityType).MaximumLength(50);
        RuleFor(q => q.EntityId).MaximumLength(100);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).Must(c => c is null || Cursor.TryDecode(c, out long _)).WithMessage(_ => Messages.Get("paging.badCursor"));
    }
}

public sealed class ListAuditLogHandler(DbSession db) : IQueryHandler<ListAuditLog, Page<AuditEntry>>
{
    private sealed record Row(long Id, DateTimeOffset At, string Subject, string? Role, string Action, string EntityType, string EntityId, string? Details);

    public async ValueTask<Page<AuditEntry>> Handle(ListAuditLog query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var before = Cursor.TryDecode(query.Cursor, out long id) ? id : long.MaxValue;
        var rows = await db.QueryAsync<Row>("""
            select id, at, subject, role, action, entity_type, entity_id, details::text as details
            from audit_log
            where (@EntityType::text is null or entity_type = @EntityType) and (@EntityId::text is null or entity_id = @EntityId) and id < @before
            order by id desc
            limit @Take
            """, new { query.EntityType, query.EntityId, before, Take = limit + 1 }, ct);
        var items = rows.Take(limit).Select(r => new AuditEntry(r.Id, Time.Local(r.At), r.Subject, r.Role, r.Action, r.EntityType, r.EntityId,
            r.Details is null ? null : JsonDocument.Parse(r.Details).RootElement.Clone())).ToList();
        return new Page<AuditEntry>(items, rows.Count > limit ? Cursor.Encode(items[^1].Id) : null);
    }
}

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder api) =>
        api.MapGet("/audit", ListAuditLog).WithName(nameof(ListAuditLog)).WithTags("Audit")
            .WithSummary("The audit log of staff actions, newest first.")
            .RequireRoles(Roles.Admin)
            .ProducesProblems(StatusCodes.Status400BadRequest);

    /// <param name="entityType">Only entries about this kind of resource, e.g. <c>event</c>.</param>
    /// <param name="entityId">Only entries about this resource.</param>
    public static async Task<Ok<Page<AuditEntry>>> ListAuditLog(string? entityType, string? entityId, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Audit.ListAuditLog(entityType, entityId, limit, cursor), ct));
}
