using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// Every operation of the contract fed bad input (malformed JSON, wrong types, missing required fields,
/// oversized strings, unknown enum values, bad path and query values, the wrong media type): each answer is
/// a 4xx <c>application/problem+json</c>, never a 5xx, and the database is unchanged.
/// </summary>
public sealed class BadInputTests(ApiFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string> OperationIds() => [.. OpenApiDocument.Operations().Select(o => o.Id)];

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Bad_input_is_a_4xx_problem_and_changes_nothing(string operationId)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        var role = operation.Roles?.Contains("admin") == false ? Enum.Parse<DevRole>(operation.Roles[0], ignoreCase: true) : DevRole.Admin;
        var token = await Api.TokenFor(role, role == DevRole.Actor ? Guid.NewGuid() : null);
        var before = await Snapshot();
        var failures = new List<string>();

        foreach (var (name, request) in BadRequests(operation))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            foreach (var header in operation.Parameters("header"))
                request.Headers.TryAddWithoutValidation((string)header["name"]!, OpenApiDocument.Example(header));
            var response = await Api.CreateClient().SendAsync(request);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500) failures.Add($"{name}: {status}");
            else if (operation.Path.StartsWith("/open311/", StringComparison.Ordinal))
            {
                // Open311 answers errors in its own format: a list of {code, description}, as JSON or XML.
                if (!await IsOpen311ErrorAsync(response, status)) failures.Add($"{name}: {status} is not an Open311 error list");
            }
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{name}: {status} as {response.Content.Headers.ContentType}");
        }

        Assert.True(failures.Count == 0, $"{operation}:\n{string.Join('\n', failures)}");
        Assert.Equal(before, await Snapshot());
    }

    private static async Task<bool> IsOpen311ErrorAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.Content.Headers.ContentType?.MediaType switch
        {
            "application/json" => JsonNode.Parse(body) is JsonArray { Count: > 0 } errors && errors.All(e => (int?)e?["code"] == status && e?["description"] is not null),
            "text/xml" => System.Xml.Linq.XDocument.Parse(body).Root is { Name.LocalName: "errors" } root && root.Elements("error").Any(),
            "application/problem+json" => true, // routing's own answers (no such path)
            _ => false,
        };
    }

    private static IEnumerable<(string Name, HttpRequestMessage Request)> BadRequests(OpenApiDocument.Operation op)
    {
        var method = new HttpMethod(op.Method);
        var body = op.BodySchema is { } schema ? OpenApiDocument.SampleBody(schema).ToJsonString() : null;
        HttpRequestMessage Make(string url, string? content = null, string mediaType = "application/json") =>
            new(method, url) { Content = content is null ? null : new StringContent(content, Encoding.UTF8, mediaType) };

        foreach (var p in op.Parameters("path"))
            foreach (var bad in new[] { new string('x', 300), "ÅÄÖ!", "a/b", "-1", "%00", " " })
                yield return ($"path {p["name"]}='{bad[..Math.Min(bad.Length, 12)]}'", Make(OpenApiDocument.Url(op, q => q == p ? bad : OpenApiDocument.Example(q)), body));

        foreach (var p in op.Parameters("query"))
        {
            var type = (string?)p["schema"]?["type"];
            var bads = type is "integer" or "number" ? new[] { "abc", "1e999", "", "NaN" } : new[] { new string('x', 5000) };
            foreach (var bad in bads)
                yield return ($"query {p["name"]}='{bad[..Math.Min(bad.Length, 12)]}'", Make(OpenApiDocument.Url(op, queryValue: q => q == p ? bad : OpenApiDocument.Example(q)), body));
            if (p["required"]?.GetValue<bool>() == true)
                yield return ($"query {p["name"]} missing", Make(OpenApiDocument.Url(op, queryValue: q => q == p ? null : OpenApiDocument.Example(q)), body));
        }

        if (op.BodySchema is not { } bodySchema) yield break;
        var url = OpenApiDocument.Url(op);
        yield return ("malformed JSON", Make(url, "{\"a\": "));
        yield return ("not JSON", Make(url, "hello"));
        yield return ("array instead of object", Make(url, "[]"));
        yield return ("empty body", Make(url, ""));
        yield return ("null body", Make(url, "null"));
        yield return ("text/plain", Make(url, body, "text/plain"));
        if (bodySchema["required"] is JsonArray { Count: > 0 }) yield return ("{}", Make(url, "{}"));

        foreach (var (property, propertySchema) in bodySchema["properties"]?.AsObject() ?? [])
        {
            var resolved = OpenApiDocument.Resolve(propertySchema!.AsObject());
            foreach (var (kind, value) in WrongValues(resolved))
            {
                var sample = JsonNode.Parse(body!)!.AsObject();
                sample[property] = value;
                yield return ($"{property}: {kind}", Make(url, sample.ToJsonString()));
            }
            if (bodySchema["required"] is JsonArray required && required.Any(r => (string?)r == property))
            {
                var sample = JsonNode.Parse(body!)!.AsObject();
                sample.Remove(property);
                yield return ($"{property}: missing", Make(url, sample.ToJsonString()));
            }
        }
    }

    private static IEnumerable<(string Kind, JsonNode? Value)> WrongValues(JsonObject schema)
    {
        if (schema["enum"] is not null)
        {
            yield return ("unknown enum value", JsonValue.Create("no-such-value"));
            yield return ("enum as number", JsonValue.Create(1));
            yield break;
        }
        switch ((string?)schema["type"])
        {
            case "string":
                yield return ("number for string", JsonValue.Create(12));
                yield return ("oversized string", JsonValue.Create(new string('x', 100_000)));
                if ((string?)schema["format"] is "uuid" or "date-time") yield return ("malformed format", JsonValue.Create("not-a-value"));
                break;
            case "integer":
                yield return ("string for integer", JsonValue.Create("abc"));
                yield return ("fraction for integer", JsonValue.Create(1.5));
                yield return ("huge integer", JsonNode.Parse("99999999999999999999"));
                break;
            case "number":
                yield return ("string for number", JsonValue.Create("abc"));
                break;
            case "boolean":
                yield return ("string for boolean", JsonValue.Create("yes"));
                break;
            case "array":
                yield return ("string for array", JsonValue.Create("x"));
                break;
            case "object":
                yield return ("number for object", JsonValue.Create(5));
                break;
        }
    }

    private async Task<string> Snapshot() =>
        await Scalar<string>("""
            select (select count(*) from audit_log)::text || '/' ||
                   (select coalesce(sum(version), 0) from area)::text || '/' ||
                   (select count(*) from area where population is not null)::text || '/' ||
                   (select count(*) from registration)::text || '/' ||
                   (select count(*) from outbox)::text || '/' ||
                   (select count(*) from idempotency_key)::text || '/' ||
                   (select coalesce(max(updated_at)::text, '') from registration) || '/' ||
                   (select count(*) from observation)::text || '/' ||
                   (select count(*) from observation_history)::text || '/' ||
                   (select count(*) from measure)::text || '/' ||
                   (select count(*) from open311_key)::text || '/' ||
                   (select count(*) from question)::text || '/' ||
                   (select count(*) from question_answer)::text || '/' ||
                   (select count(*) from question_vote)::text || '/' ||
                   (select count(*) from voter_token)::text || '/' ||
                   (select count(*) from question_stream_event)::text || '/' ||
                   (select coalesce(string_agg(question_moderation, ',' order by id), '') from event)
            """);
}
