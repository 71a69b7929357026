using System.Text;
using System.Xml;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Questions;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>
/// The feedback (återkoppling) of a closed dialogue or walk: what was raised, what was answered, and what is being
/// done. The page a resident is sent after the event.
/// </summary>
/// <param name="Raised">What participants raised, as staff summed it up when closing the event.</param>
/// <param name="Actions">What will happen, as staff summed it up.</param>
/// <param name="Minutes">The minutes.</param>
/// <param name="Observations">Observations made on the walk (for a dialogue: on the walks linked to it), with their follow-up.</param>
/// <param name="Measures">Measures that answer the event or its observations, with their status.</param>
/// <param name="Questions">The questions residents raised (published ones, most votes first) and their answers.</param>
public sealed record EventFeedback(Guid EventId, EventKind Kind, string Slug, string Title, DateTimeOffset StartsAt, AreaRef Area, DateTimeOffset ClosedAt,
    string Minutes, string Raised, string Actions, int ParticipantsOnSite, int ParticipantsRemote, IReadOnlyList<Observation> Observations,
    IReadOnlyList<Measure> Measures, IReadOnlyList<PublicQuestion> Questions);

public sealed record GetEventFeedback(EventKind Kind, string IdOrSlug) : IQuery<EventFeedback>;

public sealed record GetAreaFeed(string Slug) : IQuery<string>;

public sealed class FeedbackHandlers(DbSession db, TimeProvider clock, SiteOptions site) :
    IQueryHandler<GetEventFeedback, EventFeedback>, IQueryHandler<GetAreaFeed, string>
{
    public async ValueTask<EventFeedback> Handle(GetEventFeedback query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.QuerySingleOrDefaultAsync<EventRow>(EventRow.Select + """
             where e.kind = @Kind and e.status <> 'draft' and (e.slug = @IdOrSlug or e.id::text = @IdOrSlug)
            """, new { Kind = WireName.Of(query.Kind), query.IdOrSlug }, ct) ?? throw new NotFoundException("event.notFound", query.IdOrSlug);
        if (row.ClosingValue is not { } closing || row.ClosedAt is not { } closedAt) throw new ConflictException("feedback.notClosed");
        var observations = await db.LoadAsync(
            "(o.walk_id = @Id or o.walk_id in (select id from event where linked_dialogue_id = @Id))", new { row.Id }, now, ct, orderBy: "o.number");
        var measures = await db.LoadMeasuresAsync("""
            (m.id in (select measure_id from measure_event where event_id = @Id)
             or m.id in (select measure_id from measure_observation where observation_id = any(@ObservationIds)))
            """, new { row.Id, ObservationIds = observations.Select(o => o.Id).ToArray() }, ct);
        var questions = await db.LoadQuestionsAsync("q.event_id = @Id and q.status = 'published'", new { row.Id }, ct,
            "q.pinned desc, q.votes desc, q.published_at, q.id");
        return new EventFeedback(row.Id, row.KindValue, row.Slug, row.Title, Time.Local(row.StartsAt),
            new AreaRef(row.AreaSlug, row.AreaName, AreaKinds.Parse(row.AreaKind)), Time.Local(closedAt), closing.Minutes, closing.Raised, closing.Actions,
            closing.ParticipantsOnSite, closing.ParticipantsRemote, observations, measures, [.. questions.Select(q => q.Row.ToPublic(q.Answers))]);
    }

    /// <summary>An Atom feed (RFC 4287) of an area's new and changed measures and its observations' status changes, newest first.</summary>
    public async ValueTask<string> Handle(GetAreaFeed query, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<(Guid Id, string Slug, string Name)?>("select id, slug, name from area where slug = @Slug", query, ct)
            ?? throw new NotFoundException("area.notFound", query.Slug);
        var entries = await db.QueryAsync<(string Kind, string Id, DateTimeOffset At, string Title, string Summary)>("""
            with scope as (select id from area where id = @Id or parent_id = @Id or id = (select parent_id from area where id = @Id))
            select * from (
                select 'measure' as kind, m.id::text || '/' || m.version as id, m.updated_at as at, m.title,
                       m.status || coalesce(': ' || left(m.description, 500), '') as summary
                from measure m where m.area_id in (select id from scope)
                union all
                select 'observation', o.number::text || '/' || h.id, h.at, c.name_sv || ' (' || a.name || ')',
                       h.status || coalesce(': ' || h.note, '')
                       || case when o.description_status = 'cleared' then ' — ' || left(o.description, 300) else '' end
                from observation_history h join observation o on o.id = h.observation_id
                join observation_category c on c.code = o.category join area a on a.id = o.area_id
                where o.area_id in (select id from scope)
            ) e
            order by at desc
            limit 50
            """, new { area.Id }, ct);

        var baseUrl = site.PublicUrl.TrimEnd('/');
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, $"{baseUrl}/omraden/{area.Slug}/atgarder");
            xml.WriteElementString("title", Atom, $"Trygghetsskapande åtgärder och iakttagelser: {area.Name}");
            xml.WriteElementString("updated", Atom, XmlConvert.ToString(entries.Count > 0 ? entries[0].At : clock.GetUtcNow()));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, site.Organiser);
            xml.WriteEndElement();
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("rel", "alternate");
            xml.WriteAttributeString("href", $"{baseUrl}/omraden/{area.Slug}");
            xml.WriteEndElement();
            foreach (var (kind, id, at, title, summary) in entries)
            {
                var page = kind == "measure" ? $"{baseUrl}/atgarder/{id.Split('/')[0]}" : $"{baseUrl}/iakttagelser/{id.Split('/')[0]}";
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"{page}#{id.Split('/')[1]}");
                xml.WriteElementString("title", Atom, (kind == "measure" ? "Åtgärd: " : "Iakttagelse: ") + title);
                xml.WriteElementString("updated", Atom, XmlConvert.ToString(at));
                xml.WriteStartElement("link", Atom);
                xml.WriteAttributeString("href", page);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
