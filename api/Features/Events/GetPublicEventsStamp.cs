using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>
/// A cheap stamp of everything the public listings show (four index probes): it changes when any event or actor
/// changes, when an event starts (its phase turns ongoing, and it stops being another's next event) and when an event
/// ends (and so becomes held).
/// Listings use it as their ETag, so a conditional request is answered without running the listing query.
/// </summary>
public sealed record GetPublicEventsStampQuery : IQuery<string>;

public sealed class GetPublicEventsStampHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetPublicEventsStampQuery, string>
{
    public async ValueTask<string> Handle(GetPublicEventsStampQuery query, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<string>("""
            select coalesce((select max(updated_at) from event), '-infinity')::text
                   || '/' || coalesce((select max(starts_at) from event where status <> 'draft' and starts_at <= @Now), '-infinity')::text
                   || '/' || coalesce((select max(ends_at) from event where ends_at <= @Now), '-infinity')::text
                   || '/' || coalesce((select max(updated_at) from actor), '-infinity')::text
            """, new { Now = clock.GetUtcNow() }, ct) ?? "";
}
