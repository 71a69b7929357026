using System.Text;
using System.Xml;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Observations;
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
        var rows = await db.QueryAsync<FeedRow>("""
            with scope as (select id from area where id = @Id or parent_id = @Id or id = (select parent_id from area where id = @Id))
            select * from (
                select 'measure' as kind, m.id::text as item, m.version::text as revision, m.updated_at as at, m.title as subject,
                       m.title as subject_en, m.status, left(m.description, 500) as note, null as description
                from measure m where m.area_id in (select id from scope)
                union all
                select 'observation', o.number::text, h.id::text, h.at, c.name_sv || ' (' || a.name || ')', c.name_en || ' (' || a.name || ')',
                       h.status, h.note, case when o.description_status = 'cleared' then left(o.description, 300) end
                from observation_history h join observation o on o.id = h.observation_id
                join observation_category c on c.code = o.category join area a on a.id = o.area_id
                where o.area_id in (select id from scope)
            ) e
            order by at desc
            limit 50
            """, new { area.Id }, ct);
        var english = Text.IsEnglish;

        var baseUrl = site.PublicUrl.TrimEnd('/');
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, english ? "en" : "sv");
            xml.WriteElementString("id", Atom, $"{baseUrl}/omraden/{area.Slug}/atgarder");
            xml.WriteElementString("title", Atom, MeasureTexts.FeedTitle.Format(area.Name));
            xml.WriteElementString("updated", Atom, XmlConvert.ToString(rows.Count > 0 ? rows[0].At : clock.GetUtcNow()));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, site.Organiser);
            xml.WriteEndElement();
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("rel", "alternate");
            xml.WriteAttributeString("href", $"{baseUrl}/omraden/{area.Slug}");
            xml.WriteEndElement();
            foreach (var row in rows)
            {
                var measure = row.Kind == "measure";
                var page = measure ? $"{baseUrl}/atgarder/{row.Item}" : $"{baseUrl}/iakttagelser/{row.Item}";
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"{page}#{row.Revision}");
                xml.WriteElementString("title", Atom, (measure ? MeasureTexts.FeedMeasure : MeasureTexts.FeedObservation).Format(english ? row.SubjectEn : row.Subject));
                xml.WriteElementString("updated", Atom, XmlConvert.ToString(row.At));
                xml.WriteStartElement("link", Atom);
                xml.WriteAttributeString("href", page);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(Summary(row, measure));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The status in words, then the note or description: <c>Pågår: Trafikkontoret byter …</c>.</summary>
    private static string Summary(FeedRow row, bool measure)
    {
        var status = (measure ? MeasureTexts.Status(WireName.Parse<MeasureStatus>(row.Status)) : ObservationTexts.Status(WireName.Parse<ObservationStatus>(row.Status))).Format();
        var text = string.IsNullOrWhiteSpace(row.Note) ? status : $"{status}: {row.Note}";
        return row.Description is null ? text : $"{text} — {row.Description}";
    }

    private sealed record FeedRow(string Kind, string Item, string Revision, DateTimeOffset At, string Subject, string SubjectEn, string Status, string? Note,
        string? Description);
}
