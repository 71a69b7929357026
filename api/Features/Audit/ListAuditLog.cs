using System.Text.Json;
using FluentValidation;
using Mediator;
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
public sealed record ListAuditLogQuery(string? EntityType, string? EntityId, int? Limit, string? Cursor) : IQuery<Page<AuditEntry>>;

public sealed class ListAuditLogValidator : AbstractValidator<ListAuditLogQuery>
{
    public ListAuditLogValidator()
    {
        RuleFor(q => q.EntityType).MaximumLength(50);
        RuleFor(q => q.EntityId).MaximumLength(100);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).Must(c => c is null || Cursor.TryDecode(c, out long _)).WithMessage(_ => CommonTexts.BadCursor.Format());
    }
}

public sealed class ListAuditLogHandler(DbSession db) : IQueryHandler<ListAuditLogQuery, Page<AuditEntry>>
{
    private sealed record Row(long Id, DateTimeOffset At, string Subject, string? Role, string Action, string EntityType, string EntityId, string? Details);

    public async ValueTask<Page<AuditEntry>> Handle(ListAuditLogQuery query, CancellationToken ct)
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
