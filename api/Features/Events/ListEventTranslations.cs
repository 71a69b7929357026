using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>An event's translations, in the order of the configured languages.</summary>
public sealed record ListEventTranslationsQuery(Guid Id) : IQuery<IReadOnlyList<EventTranslation>>;

public sealed class ListEventTranslationsHandler(DbSession db, ContentOptions content) : IQueryHandler<ListEventTranslationsQuery, IReadOnlyList<EventTranslation>>
{
    public async ValueTask<IReadOnlyList<EventTranslation>> Handle(ListEventTranslationsQuery query, CancellationToken ct)
    {
        await db.LoadAsync(query.Id, ct); // 404 for an event that does not exist
        var rows = await db.QueryAsync<EventTranslationRow>(EventTranslationRow.Select + " where t.event_id = @Id", query, ct);
        return [.. rows.OrderBy(r => Array.IndexOf(content.Languages, r.Language) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(r => r.Language, StringComparer.Ordinal).Select(r => r.ToTranslation())];
    }
}
