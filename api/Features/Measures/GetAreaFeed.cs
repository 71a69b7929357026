using System.Text;
using System.Xml;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

public sealed record GetAreaFeedQuery(string Slug) : IQuery<string>;

public sealed class GetAreaFeedHandler(DbSession db, TimeProvider clock, SiteOptions site) : IQueryHandler<GetAreaFeedQuery, string>
{
    /// <summary>An Atom feed (RFC 4287) of an area's new and changed measures and its observations' status changes, newest first.</summary>
    public async ValueTask<string> Handle(GetAreaFeedQuery query, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<(Guid Id, string Slug, string Name)?>("select id, slug, name from area where slug = @Slug", query, ct)
            ?? throw new NotFoundException(AreaTexts.NotFound, query.Slug);
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
