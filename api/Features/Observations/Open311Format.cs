using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>
/// The wire format of Open311 GeoReport v2: the same fields as JSON or XML, dates with their offset, and errors as the
/// specification's list of <c>{code, description}</c>.
/// </summary>
internal static class Open311Format
{
    /// <summary>Swedish letters as they are, not as \u escapes (the answers are JSON documents, never HTML).</summary>
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string Group = "Trygghet";

    public static Fields ServiceFields(CategoryInfo c) => new()
    {
        ["service_code"] = WireName.Of(c.Code),
        ["service_name"] = c.Name,
        ["description"] = c.Description,
        ["metadata"] = true,
        ["type"] = "realtime",
        ["keywords"] = c.SafetipinParameter,
        ["group"] = Group,
    };

    /// <summary>
    /// Our statuses reported, investigating, planned and inProgress are <c>open</c>, the others <c>closed</c>. A description held by
    /// the confidentiality policy is left out until a moderator clears it.
    /// </summary>
    /// <param name="apiBase">The API's absolute address, for <c>media_url</c>.</param>
    public static Fields RequestFields(Observation o, string apiBase)
    {
        var fields = AllRequestFields(o, apiBase);
        if (o.Description is null) fields.Remove("description");
        return fields;
    }

    private static Fields AllRequestFields(Observation o, string apiBase) => new()
    {
        ["service_request_id"] = o.Number.ToString(CultureInfo.InvariantCulture),
        ["status"] = ObservationRules.IsOpen(o.Status) ? "open" : "closed",
        ["status_notes"] = o.StatusNote ?? Labels[o.Status],
        ["service_name"] = o.CategoryName,
        ["service_code"] = WireName.Of(o.Category),
        ["description"] = o.Description,
        ["agency_responsible"] = o.Responsible,
        ["service_notice"] = null,
        ["requested_datetime"] = o.ReportedAt,
        ["updated_datetime"] = o.UpdatedAt,
        ["expected_datetime"] = o.Deadline is { } d ? Time.Local(new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 59, 59)), Time.Stockholm.GetUtcOffset(d.ToDateTime(new TimeOnly(23, 59, 59))))) : null,
        ["address"] = $"{o.Area.Name}, Stockholm",
        ["lat"] = o.Lat,
        ["long"] = o.Lon,
        ["media_url"] = o.Photo is { } photo ? apiBase + photo.Url : null, // only a photo staff have cleared
    };

    private static readonly Dictionary<ObservationStatus, string> Labels = new()
    {
        [ObservationStatus.Reported] = "Mottagen",
        [ObservationStatus.Investigating] = "Utreds",
        [ObservationStatus.Planned] = "Planerad",
        [ObservationStatus.InProgress] = "Pågår",
        [ObservationStatus.Fixed] = "Åtgärdad",
        [ObservationStatus.NotResponsible] = "Inte vårt ansvar",
        [ObservationStatus.Duplicate] = "Dubblett",
        [ObservationStatus.Closed] = "Avslutad",
    };

    public sealed class Fields : Dictionary<string, object?>;

    public sealed record Nested(string ItemName, IReadOnlyList<Fields> Items);

    /// <summary>A list of plain values: an array in JSON, an element per value in XML (<c>&lt;formats&gt;&lt;format&gt;…</c>).</summary>
    public sealed record Values(string ItemName, IReadOnlyList<string> Items);

    /// <summary>True for xml, false for json, null for anything else.</summary>
    public static bool? Format(string format) => format switch { "xml" => true, "json" => false, _ => null };

    public static IResult UnknownFormat() => Error(false, 404, "format must be json or xml");

    public static IResult Error(bool xml, int code, string description)
    {
        var error = new Fields { ["code"] = code, ["description"] = description };
        return xml
            ? Results.Content(Document(w => WriteList(w, "errors", "error", [error])), "text/xml; charset=utf-8", Encoding.UTF8, code)
            : Results.Content(JsonSerializer.Serialize(new[] { ToJson(error) }, JsonOptions), "application/json; charset=utf-8", Encoding.UTF8, code);
    }

    public static IResult Write(bool xml, string listName, string itemName, IEnumerable<Fields> items)
    {
        var list = items.ToList();
        return xml ? Xml(Document(w => WriteList(w, listName, itemName, list))) : Json(list.Select(ToJson).ToList());
    }

    public static IResult Json(object value) =>
        Results.Content(JsonSerializer.Serialize(value is Fields f ? ToJson(f) : value, JsonOptions), "application/json; charset=utf-8", Encoding.UTF8);

    public static IResult Xml(string document) => Results.Content(document, "text/xml; charset=utf-8", Encoding.UTF8);

    private static Dictionary<string, object?> ToJson(Fields fields) => fields.ToDictionary(f => f.Key, f => f.Value switch
    {
        Nested nested => nested.Items.Select(ToJson).ToList(),
        Values values => values.Items,
        DateTimeOffset at => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        var other => other,
    });

    public static string Document(Action<XmlWriter> write)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true })) write(writer);
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteList(XmlWriter writer, string listName, string itemName, IEnumerable<Fields> items)
    {
        writer.WriteStartElement(listName);
        foreach (var item in items) WriteObject(writer, itemName, item);
        writer.WriteEndElement();
    }

    public static void WriteObject(XmlWriter writer, string name, Fields fields)
    {
        writer.WriteStartElement(name);
        foreach (var (key, value) in fields)
        {
            if (value is Nested nested)
            {
                WriteList(writer, key, nested.ItemName, nested.Items);
                continue;
            }
            if (value is Values values)
            {
                writer.WriteStartElement(key);
                foreach (var item in values.Items) writer.WriteElementString(values.ItemName, item);
                writer.WriteEndElement();
                continue;
            }
            writer.WriteElementString(key, value switch
            {
                null => "",
                bool b => b ? "true" : "false",
                DateTimeOffset at => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }
        writer.WriteEndElement();
    }
}
