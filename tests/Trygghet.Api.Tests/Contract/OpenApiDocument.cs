using System.Text.Json.Nodes;

namespace Trygghet.Api.Tests.Contract;

/// <summary>The committed contract, <c>openapi/trygghet.v1.json</c>, and the operations it declares.</summary>
public static class OpenApiDocument
{
    public static readonly string CommittedPath = Path.Combine(AppContext.BaseDirectory, "openapi", "trygghet.v1.json");

    public static JsonNode Committed { get; } = JsonNode.Parse(File.ReadAllText(CommittedPath))!;

    public sealed record Operation(string Method, string Path, JsonObject Node)
    {
        public string Id => (string)Node["operationId"]!;

        /// <summary>Roles from <c>x-roles</c>; null when the operation is public.</summary>
        public IReadOnlyList<string>? Roles => Node["x-roles"]?.AsArray().Select(r => (string)r!).ToList();

        public IEnumerable<JsonObject> Parameters(string location) =>
            Node["parameters"]?.AsArray().OfType<JsonObject>().Where(p => (string?)p["in"] == location) ?? [];

        public JsonObject? BodySchema => Node["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject schema ? Resolve(schema) : null;

        /// <summary>The request body's first media type and its schema (resolved), whatever the media type; null without a body.</summary>
        public (string MediaType, JsonObject Schema)? RequestBody =>
            Node["requestBody"]?["content"]?.AsObject().FirstOrDefault() is { Key: { } mediaType, Value: JsonObject content }
                ? (mediaType, content["schema"] is JsonObject schema ? Resolve(schema) : [])
                : null;

        /// <summary>The media types of the successful (2xx) answers, in the order the document lists them.</summary>
        public IReadOnlyList<string> SuccessMediaTypes =>
            [.. (Node["responses"]?.AsObject() ?? []).Where(r => r.Key.StartsWith('2'))
                .SelectMany(r => r.Value?["content"]?.AsObject().Select(c => c.Key) ?? []).Distinct()];

        public JsonObject? FormSchema => Node["requestBody"]?["content"]?["application/x-www-form-urlencoded"]?["schema"] is JsonObject schema ? Resolve(schema) : null;

        public override string ToString() => $"{Method} {Path} ({Id})";
    }

    public static IEnumerable<Operation> Operations() =>
        Committed["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => new Operation(op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())));

    public static JsonObject Resolve(JsonObject schema) =>
        schema["$ref"] is { } reference
            ? Resolve(Committed["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject())
            : schema;

    /// <summary>A URL for the operation with every path parameter set (to a valid example unless overridden).</summary>
    public static string Url(Operation operation, Func<JsonObject, string>? pathValue = null, Func<JsonObject, string?>? queryValue = null)
    {
        var url = operation.Path;
        foreach (var p in operation.Parameters("path"))
            url = url.Replace($"{{{p["name"]}}}", Uri.EscapeDataString(pathValue?.Invoke(p) ?? Example(p)));
        var query = operation.Parameters("query")
            .Select(p => (Name: (string)p["name"]!, Value: queryValue is null ? Example(p) : queryValue(p)))
            .Where(q => q.Value is not null)
            .Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}")
            .ToList();
        return query.Count == 0 ? url : $"{url}?{string.Join('&', query)}";
    }

    public static string Example(JsonObject parameter) =>
        parameter["example"]?.ToString() ?? ((string?)parameter["schema"]?["type"] switch
        {
            "integer" or "number" => "1",
            "boolean" => "true",
            _ => (string?)parameter["schema"]?["format"] == "uuid" ? Guid.Empty.ToString() : "example",
        });

    /// <summary>A value for a property or parameter chosen by its name and schema; false to leave it to the generic sample.</summary>
    public delegate bool ValueFor(string name, JsonObject schema, out JsonNode? value);

    /// <summary>A body that satisfies the schema's types, with each property set (by <paramref name="valueFor"/> where it knows one).</summary>
    public static JsonNode SampleBody(JsonObject schema, ValueFor? valueFor = null)
    {
        schema = Resolve(schema);
        if (schema["enum"] is JsonArray values) return values[0]!.DeepClone();
        // A whole object's example (ContractExamples) is not used: the sweeps set each property themselves.
        if (schema["example"] is { } example && (string?)schema["type"] is not ("object" or "array")) return example.DeepClone();
        return (string?)schema["type"] switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, valueFor is not null && valueFor(p.Key, Resolve(p.Value!.AsObject()), out var value)
                    ? value
                    : (JsonNode?)SampleBody(p.Value!.AsObject(), valueFor)))),
            "array" => new JsonArray(SampleBody(schema["items"]!.AsObject(), valueFor)),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create((string?)schema["format"] == "uuid" ? Guid.NewGuid().ToString() : "example"),
        };
    }
}
