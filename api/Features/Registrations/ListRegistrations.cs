using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record ListRegistrationsQuery(Guid EventId, int? Limit, string? Cursor) : IQuery<Page<StaffRegistration>>;

public sealed class ListRegistrationsValidator : AbstractValidator<ListRegistrationsQuery>
{
    public ListRegistrationsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).Must(c => c is null || Cursor.TryDecode(c, out long _)).WithMessage(_ => CommonTexts.BadCursor.Format());
    }
}

/// <summary>An event's registrations in the order they came, with personal data: every read is audited.</summary>
public sealed class ListRegistrationsHandler(DbSession db, AuditLog audit) : IQueryHandler<ListRegistrationsQuery, Page<StaffRegistration>>
{
    public async ValueTask<Page<StaffRegistration>> Handle(ListRegistrationsQuery query, CancellationToken ct)
    {
        await db.LoadAsync(query.EventId, ct);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.TryDecode(query.Cursor, out long queue) ? queue : 0;
        var rows = await db.QueryAsync<RegistrationRow>(RegistrationRow.Select + """
             where r.event_id = @EventId and r.queue > @after order by r.queue limit @take
            """, new { query.EventId, after, take = limit + 1 }, ct);
        var items = rows.Take(limit).Select(r => r.ToStaff()).ToList();
        await audit.WriteAsync("registration.read", "event", query.EventId.ToString(), new { count = items.Count }, ct);
        return new Page<StaffRegistration>(items, rows.Count > limit ? Cursor.Encode(rows[limit - 1].Queue) : null);
    }
}
