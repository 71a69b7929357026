using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

public sealed record ListInvitationsQuery(Guid EventId) : IQuery<IReadOnlyList<Invitation>>;

public sealed class ListInvitationsHandler(DbSession db) : IQueryHandler<ListInvitationsQuery, IReadOnlyList<Invitation>>
{
    public async ValueTask<IReadOnlyList<Invitation>> Handle(ListInvitationsQuery query, CancellationToken ct)
    {
        await db.LoadAsync(query.EventId, ct);
        var rows = await db.QueryAsync<InvitationRow>(InvitationRow.Select + " where i.event_id = @EventId order by a.organisation", query, ct);
        return rows.Select(r => r.ToInvitation()).ToList();
    }
}
