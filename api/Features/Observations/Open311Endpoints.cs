using System.Globalization;
using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Features.Observations.Open311Format;

namespace Trygghet.Api.Features.Observations;

/// <summary>
/// Open311 GeoReport v2 (<c>/open311/v2/</c>): observation categories as services, observations as service requests,
/// in JSON or XML by the path's extension. Errors are the specification's list of <c>{code, description}</c>.
/// </summary>
public static class Open311Endpoints
{
    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        app.MapGet("/open311/discovery.{format}", Discovery).WithName("Open311Discovery").PublicCache(SharedCache.Reference).WithTags("Open311").WithMetadata(new Open311Errors())
            .WithSummary("Open311: the GeoReport v2 service discovery document (format json or xml).")
            .Produces<Open311Discovery>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound);
        var group = app.MapGroup("/open311/v2").WithTags("Open311").WithMetadata(new Open311Errors());
        group.MapGet("/services.{format}", Services).WithName("Open311Services").PublicCache(SharedCache.Reference)
            .WithSummary("Open311: the observation categories as services (format json or xml).")
            .Produces<Open311Service[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound);
        group.MapGet("/services/{code}.{format}", Service).WithName("Open311ServiceDefinition").PublicCache(SharedCache.Reference)
            .WithSummary("Open311: a service definition, with its one attribute (severity 1–3).")
            .Produces<object>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound);
        group.MapGet("/requests.{format}", Requests).WithName("Open311Requests").PublicCache(SharedCache.Listing)
            .WithSummary("Open311: service requests (observations), newest first; the last 90 days unless start_date is given; at most 1,000.")
            .Produces<Open311Request[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest)
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound);
        group.MapGet("/requests/{id}.{format}", Request).WithName("Open311Request").PublicCache(SharedCache.Listing)
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
        keys.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListOpen311KeysQuery(), ct)))
            .WithName("ListOpen311Keys").WithSummary("The keys issued to Open311 clients (without the keys themselves).");
        keys.MapPost("/", async (Open311KeyRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new IssueOpen311KeyCommand(request), ct)))
            .WithName("IssueOpen311Key").WithSummary("Issue a key to an Open311 client (audited); the key is in this answer only.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        keys.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeOpen311KeyCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeOpen311Key").WithSummary("Revoke a key (audited).")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }

    /// <summary>When the Open311 endpoint last changed in a way clients may care about (discovery's <c>changeset</c>).</summary>
    private static readonly DateTimeOffset Changeset = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private static string ApiBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <param name="format" example="json">json or xml.</param>
    private static IResult Discovery(string format, HttpContext http, SiteOptions site, IHostEnvironment environment)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        var request = http.Request;
        var endpoint = new Fields
        {
            ["specification"] = "http://wiki.open311.org/GeoReport_v2",
            ["url"] = $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2",
            ["changeset"] = Changeset,
            ["type"] = environment.IsProduction() ? "production" : "test",
            ["formats"] = new Values("format", ["application/json", "text/xml"]),
        };
        var discovery = new Fields
        {
            ["changeset"] = Changeset,
            ["contact"] = $"{site.Organiser}, {site.PublicUrl.TrimEnd('/')}",
            ["key_service"] = "Nycklar (api_key) utfärdas av stadsdelsförvaltningens administratörer: POST /api/v1/open311/keys. "
                + "Keys (api_key) are issued by the district administration's admins.",
            ["endpoints"] = new Nested("endpoint", [endpoint]),
        };
        return xml ? Xml(Document(w => WriteObject(w, "discovery", discovery))) : Json(discovery);
    }

    /// <param name="format" example="json">json or xml.</param>
    private static async Task<IResult> Services(string format, IMediator mediator, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        var categories = await mediator.Send(new ListObservationCategoriesQuery(), ct);
        return Write(xml, "services", "service", categories.Select(ServiceFields));
    }

    /// <param name="code" example="lighting">A service_code.</param>
    /// <param name="format" example="json">json or xml.</param>
    private static async Task<IResult> Service(string code, string format, IMediator mediator, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        var category = (await mediator.Send(new ListObservationCategoriesQuery(), ct)).FirstOrDefault(c => WireName.Of(c.Code) == code);
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
        string? status, IMediator mediator, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        long[]? ids = null;
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var parts = service_request_id.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > ListOpen311RequestsQuery.MaxRequests || !parts.All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
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
        var observations = await mediator.Send(new ListOpen311RequestsQuery(ids, code, from ?? clock.GetUtcNow().AddDays(-90), to, open), ct);
        return Write(xml, "service_requests", "request", observations.Select(o => RequestFields(o, ApiBase(http))));
    }

    /// <param name="id" example="1">A service_request_id.</param>
    /// <param name="format" example="json">json or xml.</param>
    private static async Task<IResult> Request(string id, string format, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return Error(xml, 404, "service_request_id not found");
        var found = await mediator.Send(new ListOpen311RequestsQuery([number], null, DateTimeOffset.MinValue, null, null), ct);
        return found.Count == 0 ? Error(xml, 404, $"service_request_id '{number}' not found") : Write(xml, "service_requests", "request", found.Select(o => RequestFields(o, ApiBase(http))));
    }

    /// <param name="format" example="json">json or xml.</param>
    private static async Task<IResult> Post(string format, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        if (Format(format) is not { } xml) return UnknownFormat();
        if (!http.Request.HasFormContentType) return Error(xml, 400, "send the request as application/x-www-form-urlencoded");
        var form = await http.Request.ReadFormAsync(ct);
        var apiKey = form["api_key"].ToString();
        if (string.IsNullOrEmpty(apiKey)) return Error(xml, 400, "api_key is required");
        if (!SecretTokens.LooksValid(apiKey) || await mediator.Send(new FindOpen311KeyQuery(apiKey), ct) is not { } keyId) return Error(xml, 403, "api_key is not valid");
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
            var observation = await mediator.Send(new RecordObservationCommand(
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

    private static string Clip(string text) => text.Length > 50 ? text[..50] : text;

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (text.Length > 40 || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Errors found before an Open311 endpoint runs (a control character in the input) in its own format.</summary>
    private sealed class Open311Errors : IErrorFormat
    {
        public IResult Error(HttpContext http, int status, string description) =>
            Open311Format.Error(http.Request.RouteValues["format"] as string == "xml", status, description);
    }
}
