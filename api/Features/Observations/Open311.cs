using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>An error as Open311 GeoReport v2 reports it.</summary>
public sealed record Open311Error(int Code, string Description);

/// <summary>A service (observation category) in Open311 GeoReport v2 terms.</summary>
public sealed record Open311Service(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

/// <summary>A service request (observation) in Open311 GeoReport v2 terms.</summary>
public sealed record Open311Request(string ServiceRequestId, string Status, string? StatusNotes, string ServiceName, string ServiceCode,
    string? Description, string? AgencyResponsible, DateTimeOffset RequestedDatetime, DateTimeOffset UpdatedDatetime, DateTimeOffset? ExpectedDatetime,
    string Address, double Lat, double Long);

/// <summary>A service request as an Open311 client posts it, form-encoded. Other fields (<c>email</c>, names, phone) are not stored.</summary>
/// <param name="ApiKey" example="issued-by-an-admin">The client's key, issued by admins.</param>
/// <param name="ServiceCode" example="lighting">The service (observation category).</param>
/// <param name="Lat" example="59.2846">Latitude (WGS84 decimal degrees).</param>
/// <param name="Long" example="17.9694">Longitude (WGS84 decimal degrees).</param>
/// <param name="Description" example="Lampan vid trappan är trasig.">What was seen; line breaks are kept.</param>
/// <param name="Severity" example="2">1, 2 or 3 (default 2).</param>
public sealed record Open311RequestForm(
    [property: JsonPropertyName("api_key")] string ApiKey,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("lat")] string Lat,
    [property: JsonPropertyName("long")] string Long,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("attribute[severity]")] string? Severity);

/// <summary>The answer to a posted service request.</summary>
public sealed record Open311Created(string ServiceRequestId, string ServiceNotice);

/// <summary>An Open311 client's key as admins see it; the key itself only when it is issued.</summary>
public sealed record Open311Key(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? ApiKey = null);

/// <summary>Issue a key to an Open311 client.</summary>
/// <param name="Name">Who gets it, e.g. <c>Stockholms stads felanmälan</c>.</param>
public sealed record Open311KeyRequest(string Name);

public sealed record IssueOpen311Key(Open311KeyRequest Request) : ICommand<Open311Key>;

public sealed record ListOpen311Keys : IQuery<IReadOnlyList<Open311Key>>;

public sealed record RevokeOpen311Key(Guid Id) : ICommand<Unit>;

public sealed record FindOpen311Key(string ApiKey) : IQuery<Guid?>;

public sealed record ListOpen311Requests(long[]? Ids, ObservationCategory? Code, DateTimeOffset From, DateTimeOffset? To, bool? Open) : IQuery<IReadOnlyList<Observation>>;

public sealed class IssueOpen311KeyValidator : AbstractValidator<IssueOpen311Key>
{
    public IssueOpen311KeyValidator() => RuleFor(c => c.Request.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
}

public sealed class Open311Handlers(DbSession db, TimeProvider clock, ISecretTokens tokens, AuditLog audit) :
    ICommandHandler<IssueOpen311Key, Open311Key>, IQueryHandler<ListOpen311Keys, IReadOnlyList<Open311Key>>, ICommandHandler<RevokeOpen311Key, Unit>,
    IQueryHandler<FindOpen311Key, Guid?>, IQueryHandler<ListOpen311Requests, IReadOnlyList<Observation>>
{
    public async ValueTask<Open311Key> Handle(IssueOpen311Key command, CancellationToken ct)
    {
        var key = tokens.New();
        var row = await db.QuerySingleOrDefaultAsync<(Guid Id, DateTimeOffset CreatedAt)>("""
            insert into open311_key (name, key_hash, created_at) values (@Name, @Hash, @now) returning id, created_at
            """, new { Name = command.Request.Name.Trim(), Hash = SecretTokens.Hash(key), now = clock.GetUtcNow() }, ct);
        await audit.WriteAsync("open311.keyIssue", "open311Key", row.Id.ToString(), new { command.Request.Name }, ct);
        return new Open311Key(row.Id, command.Request.Name.Trim(), Time.Local(row.CreatedAt), null, key);
    }

    public async ValueTask<IReadOnlyList<Open311Key>> Handle(ListOpen311Keys query, CancellationToken ct) =>
        (await db.QueryAsync<(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)>(
            "select id, name, created_at, revoked_at from open311_key order by created_at", null, ct))
        .Select(k => new Open311Key(k.Id, k.Name, Time.Local(k.CreatedAt), k.RevokedAt is { } at ? Time.Local(at) : null)).ToList();

    public async ValueTask<Unit> Handle(RevokeOpen311Key command, CancellationToken ct)
    {
        if (await db.ExecuteAsync("update open311_key set revoked_at = coalesce(revoked_at, @now) where id = @Id", new { command.Id, now = clock.GetUtcNow() }, ct) == 0)
            throw new NotFoundException("open311.keyNotFound", command.Id);
        await audit.WriteAsync("open311.keyRevoke", "open311Key", command.Id.ToString(), null, ct);
        return Unit.Value;
    }

    public async ValueTask<Guid?> Handle(FindOpen311Key query, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Guid?>("select id from open311_key where key_hash = @Hash and revoked_at is null",
            new { Hash = SecretTokens.Hash(query.ApiKey) }, ct);

    public async ValueTask<IReadOnlyList<Observation>> Handle(ListOpen311Requests query, CancellationToken ct)
    {
        var filters = new List<string>();
        if (query.Ids is { Length: > 0 }) filters.Add("o.number = any(@Ids)");
        else
        {
            filters.Add("o.created_at >= @From");
            if (query.To is not null) filters.Add("o.created_at <= @To");
        }
        if (query.Code is not null) filters.Add("o.category = @Code");
        if (query.Open is { } open) filters.Add((open ? "" : "not ") + "o.status in ('reported', 'investigating', 'planned', 'inProgress')");
        return await db.LoadAsync(string.Join(" and ", filters),
            new { query.Ids, query.From, query.To, Code = query.Code is { } c ? WireName.Of(c) : null }, clock.GetUtcNow(), ct,
            orderBy: "o.created_at desc", limit: Open311.MaxRequests);
    }
}

/// <summary>
/// Open311 GeoReport v2 (<c>/open311/v2/</c>): observation categories as services, observations as service requests,
/// in JSON or XML by the path's extension. Errors are the specification's list of <c>{code, description}</c>.
/// </summary>
public static class Open311
{
    public const int MaxRequests = 1_000;

    /// <summary>Swedish letters as they are, not as \u escapes (the answers are JSON documents, never HTML).</summary>
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string Group = "Trygghet";

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open311/v2").WithTags("Open311").WithMetadata(new Open311Errors());
        group.MapGet("/services.{format}", Services).WithName("Open311Services")
            .WithSummary("Open311: the observation categories as services (format json or xml).")
            .Produces<Open311Service[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound);
        group.MapGet("/services/{code}.{format}", Service).WithName("Open311ServiceDefinition")
            .WithSummary("Open311: a service definition, with its one attribute (severity 1–3).")
            .Produces<object>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound);
        group.MapGet("/requests.{format}", Requests).WithName("Open311Requests")
            .WithSummary("Open311: service requests (observations), newest first; the last 90 days unless start_date is given; at most 1,000.")
            .Produces<Open311Request[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound);
        group.MapGet("/requests/{id}.{format}", Request).WithName("Open311Request")
            .WithSummary("Open311: one service request, as a list of one.")
            .Produces<Open311Request[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound);
        group.MapPost("/requests.{format}", Post).WithName("Open311PostRequest")
            .WithSummary("Open311: report an observation (form-encoded: api_key, service_code, lat, long, description, attribute[severity]).")
            .WithDescription("`api_key` is required: keys are issued by admins (`POST /api/v1/open311/keys`). A missing key is a 400, an unknown or revoked one a 403.")
            .Accepts<Open311RequestForm>("application/x-www-form-urlencoded")
            .Produces<Open311Created[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status403Forbidden)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound)
            .DisableAntiforgery();

        var keys = app.MapGroup("/api/v1/open311/keys").WithTags("Open311").RequireRoles(Roles.Admin);
        keys.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListOpen311Keys(), ct)))
            .WithName("ListOpen311Keys").WithSummary("The keys issued to Open311 clients (without the keys themselves).");
        keys.MapPost("/", async (Open311KeyRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new IssueOpen311Key(request), ct)))
            .WithName("IssueOpen311Key").WithSummary("Issue a key to an Open311 client (audited); the key is in this answer only.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        keys.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeOpen311Key(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeOpen311Key").WithSummary("Revoke a key (audited).")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }

    /// <param name="format" example="json">json or xml.</param>
    private static async Task<IResult> Services(string format, IMediator mediator, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        var categories = await mediator.Send(new ListCategories(), ct);
        return Write(xml, "services", "service", categories.Select(ServiceFields));
    }

    /// <param name="code" example="lighting">A service_code.</param>
    /// <param name="format" example="json">json or xml.</param>
    private static async Task<IResult> Service(string code, string format, IMediator mediator, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        var category = (await mediator.Send(new ListCategories(), ct)).FirstOrDefault(c => WireName.Of(c.Code) == code);
        if (category is null) return Error(xml, 404, $"service_code '{Clip(code)}' not found");
        var values = new[] { ("1", "Liten"), ("2", "Medel"), ("3", "Allvarlig") }
            .Select(v => new Fields { ["key"] = v.Item1, ["name"] = v.Item2 }).ToList();
        var attribute = new Fields
        {
            ["variable"] = true,
            ["code"] = "severity",
            ["datatype"] = "singlevaluelist",
            ["required"] = false,
            ["datatype_description"] = "1 = liten, 2 = medel, 3 = allvarlig",
            ["order"] = 1,
            ["description"] = "Hur allvarligt är det?",
            ["values"] = new Nested("value", values),
        };
        var definition = new Fields { ["service_code"] = code, ["attributes"] = new Nested("attribute", [attribute]) };
        return xml ? Xml(Document(w => WriteObject(w, "service_definition", definition))) : Json(definition);
    }

    /// <param name="format" example="json">json or xml.</param>
    /// <param name="service_request_id">Comma-separated ids; when given, the other filters are ignored.</param>
    /// <param name="service_code">Only this service.</param>
    /// <param name="start_date">Requested at or after (W3C date-time); default 90 days ago.</param>
    /// <param name="end_date">Requested at or before (W3C date-time).</param>
    /// <param name="status">open or closed.</param>
    private static async Task<IResult> Requests(string format, string? service_request_id, string? service_code, string? start_date, string? end_date,
        string? status, IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        long[]? ids = null;
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var parts = service_request_id.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > MaxRequests || !parts.All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                return Error(xml, 400, "service_request_id must be a comma-separated list of ids");
            ids = parts.Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        }
        ObservationCategory? code = null;
        if (service_code is not null)
        {
            if (!Enum.TryParse<ObservationCategory>(service_code, ignoreCase: true, out var parsed) || WireName.Of(parsed) != service_code)
                return Error(xml, 400, "service_code is not a known service");
            code = parsed;
        }
        if (!TryDate(start_date, out var from) || !TryDate(end_date, out var to)) return Error(xml, 400, "start_date and end_date must be W3C date-times");
        bool? open = status switch { null => null, "open" => true, "closed" => false, _ => (bool?)null };
        if (status is not null && open is null) return Error(xml, 400, "status must be open or closed");
        var observations = await mediator.Send(new ListOpen311Requests(ids, code, from ?? clock.GetUtcNow().AddDays(-90), to, open), ct);
        return Write(xml, "service_requests", "request", observations.Select(RequestFields));
    }

    /// <param name="id" example="1">A service_request_id.</param>
    /// <param name="format" example="json">json or xml.</param>
    private static async Task<IResult> Request(string id, string format, IMediator mediator, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return Error(xml, 404, "service_request_id not found");
        var found = await mediator.Send(new ListOpen311Requests([number], null, DateTimeOffset.MinValue, null, null), ct);
        return found.Count == 0 ? Error(xml, 404, $"service_request_id '{number}' not found") : Write(xml, "service_requests", "request", found.Select(RequestFields));
    }

    /// <param name="format" example="json">json or xml.</param>
    private static async Task<IResult> Post(string format, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        if (!http.Request.HasFormContentType) return Error(xml, 400, "send the request as application/x-www-form-urlencoded");
        var form = await http.Request.ReadFormAsync(ct);
        var apiKey = form["api_key"].ToString();
        if (string.IsNullOrEmpty(apiKey)) return Error(xml, 400, "api_key is required");
        if (!SecretTokens.LooksValid(apiKey) || await mediator.Send(new FindOpen311Key(apiKey), ct) is not { } keyId) return Error(xml, 403, "api_key is not valid");
        var serviceCode = form["service_code"].ToString();
        if (!Enum.TryParse<ObservationCategory>(serviceCode, ignoreCase: true, out var category) || WireName.Of(category) != serviceCode)
            return Error(xml, 400, "service_code is not a known service");
        if (!double.TryParse(form["lat"], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(form["long"], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            return Error(xml, 400, "lat and long are required (WGS84 decimal degrees)");
        var severityText = form["attribute[severity]"].ToString();
        var severity = 2;
        if (severityText.Length > 0 && !(int.TryParse(severityText, NumberStyles.None, CultureInfo.InvariantCulture, out severity) && severity is >= 1 and <= 3))
            return Error(xml, 400, "attribute[severity] must be 1, 2 or 3");
        try
        {
            var observation = await mediator.Send(new RecordObservation(
                new ObservationInput(category, form["description"].ToString(), severity, lat, lon), "open311", keyId.ToString()), ct);
            var created = new Fields
            {
                ["service_request_id"] = observation.Number.ToString(CultureInfo.InvariantCulture),
                ["service_notice"] = observation.DescriptionHeld
                    ? "Tack! Iakttagelsen följs upp av stadsdelsförvaltningen. Beskrivningen visas när en moderator har granskat den."
                    : "Tack! Iakttagelsen följs upp av stadsdelsförvaltningen.",
            };
            return Write(xml, "service_requests", "request", [created]);
        }
        catch (ValidationException invalid)
        {
            return Error(xml, 400, string.Join("; ", invalid.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").Distinct()));
        }
        catch (ProblemException problem) when (problem.Status is 404 or 422)
        {
            return Error(xml, 400, problem.Detail);
        }
    }

    private static Fields ServiceFields(CategoryInfo c) => new()
    {
        ["service_code"] = WireName.Of(c.Code),
        ["service_name"] = c.Name,
        ["description"] = c.Description,
        ["metadata"] = true,
        ["type"] = "realtime",
        ["keywords"] = c.SafetipinParameter,
        ["group"] = Group,
    };

    /// <summary>Our statuses: reported, investigating, planned and inProgress are <c>open</c>; the others <c>closed</c>.</summary>
    /// <summary>A description held by the confidentiality policy is left out until a moderator clears it.</summary>
    private static Fields RequestFields(Observation o)
    {
        var fields = AllRequestFields(o);
        if (o.Description is null) fields.Remove("description");
        return fields;
    }

    private static Fields AllRequestFields(Observation o) => new()
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

    /// <summary>Errors found before an Open311 endpoint runs (a control character in the input) in its own format.</summary>
    private sealed class Open311Errors : IErrorFormat
    {
        public IResult Error(HttpContext http, int status, string description) =>
            Open311.Error(http.Request.RouteValues["format"] as string == "xml", status, description);
    }

    private sealed class Fields : Dictionary<string, object?>;

    private sealed record Nested(string ItemName, IReadOnlyList<Fields> Items);

    /// <summary>True for xml, false for json, null for anything else.</summary>
    private static bool? Format(string format) => format switch { "xml" => true, "json" => false, _ => null };

    private static IResult UnknownFormat() => Error(false, 404, "format must be json or xml");

    private static string Clip(string text) => text.Length > 50 ? text[..50] : text;

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (text.Length > 40 || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        value = parsed.ToUniversalTime();
        return true;
    }

    private static IResult Error(bool xml, int code, string description)
    {
        var error = new Fields { ["code"] = code, ["description"] = description };
        return xml
            ? Results.Content(Document(w => WriteList(w, "errors", "error", [error])), "text/xml; charset=utf-8", Encoding.UTF8, code)
            : Results.Content(JsonSerializer.Serialize(new[] { ToJson(error) }, JsonOptions), "application/json; charset=utf-8", Encoding.UTF8, code);
    }

    private static IResult Write(bool xml, string listName, string itemName, IEnumerable<Fields> items)
    {
        var list = items.ToList();
        return xml ? Xml(Document(w => WriteList(w, listName, itemName, list))) : Json(list.Select(ToJson).ToList());
    }

    private static IResult Json(object value) =>
        Results.Content(JsonSerializer.Serialize(value is Fields f ? ToJson(f) : value, JsonOptions), "application/json; charset=utf-8", Encoding.UTF8);

    private static IResult Xml(string document) => Results.Content(document, "text/xml; charset=utf-8", Encoding.UTF8);

    private static Dictionary<string, object?> ToJson(Fields fields) => fields.ToDictionary(f => f.Key, f => f.Value switch
    {
        Nested nested => nested.Items.Select(ToJson).ToList(),
        DateTimeOffset at => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        var other => other,
    });

    private static string Document(Action<XmlWriter> write)
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

    private static void WriteObject(XmlWriter writer, string name, Fields fields)
    {
        writer.WriteStartElement(name);
        foreach (var (key, value) in fields)
        {
            if (value is Nested nested)
            {
                WriteList(writer, key, nested.ItemName, nested.Items);
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
