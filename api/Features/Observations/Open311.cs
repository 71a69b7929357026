using System.Text.Json.Serialization;

namespace Trygghet.Api.Features.Observations;

/// <summary>An error as Open311 GeoReport v2 reports it.</summary>
public sealed record Open311Error(int Code, string Description);

/// <summary>A service (observation category) in Open311 GeoReport v2 terms.</summary>
public sealed record Open311Service(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

/// <summary>A service request (observation) in Open311 GeoReport v2 terms.</summary>
/// <param name="MediaUrl">The address of the observation's photo; null while it has none.</param>
public sealed record Open311Request(string ServiceRequestId, string Status, string? StatusNotes, string ServiceName, string ServiceCode,
    string? Description, string? AgencyResponsible, DateTimeOffset RequestedDatetime, DateTimeOffset UpdatedDatetime, DateTimeOffset? ExpectedDatetime,
    string Address, double Lat, double Long, string? MediaUrl);

/// <summary>The GeoReport v2 service discovery document: where the endpoint is, in which formats, and whom to ask for a key.</summary>
public sealed record Open311Discovery(
    [property: JsonPropertyName("changeset")] DateTimeOffset Changeset,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("key_service")] string KeyService,
    [property: JsonPropertyName("endpoints")] IReadOnlyList<Open311Endpoint> Endpoints);

/// <summary>One endpoint of the discovery document.</summary>
public sealed record Open311Endpoint(
    [property: JsonPropertyName("specification")] string Specification,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("changeset")] DateTimeOffset Changeset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("formats")] IReadOnlyList<string> Formats);

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
