using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// Every operation of the contract fed bad input (malformed JSON, wrong types, missing required fields,
/// oversized strings, unknown enum values, bad path and query values, the wrong media type): each answer is
/// a 4xx <c>application/problem+json</c>, never a 5xx, and the database is unchanged. Against a world of real data
/// (<see cref="ContractWorld"/>), so that valid requests reach their handlers: control characters in every string input
/// are refused the same way, and digits of other scripts, which are text, are never a 5xx.
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

    /// <summary>NUL, BEL, ESC, DEL and NEL (a C1 control): what the one rule for text input refuses.</summary>
    private static readonly string[] ControlCharacters = ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085"];

    /// <summary>A personal identity number in full-width digits and in Arabic-Indic digits (U+0660–U+0669): text like any other.</summary>
    private static readonly string[] OtherScriptDigits = ["８１１２１８-９８７６", "\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666"];

    /// <summary>
    /// A control character appended to each input of an operation that resolves to real data — every path parameter,
    /// every query parameter (and one the contract does not declare), every string of the JSON body at any depth,
    /// a property name, every form field — is a 4xx problem (Open311: its error list) and no table changes. Where the
    /// rule itself must answer (anything but a typed path parameter, whose route then does not match), it is a 400
    /// naming the field.
    /// </summary>
    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Control_characters_in_any_string_input_are_a_4xx_problem_and_change_nothing(string operationId)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        var world = await ContractWorld.CreateAsync(Api);
        var http = await ClientForAsync(operation, world);
        var before = await TableHashes();
        var failures = new List<string>();

        foreach (var bad in ControlCharacters)
            // A NUL in a path never reaches the app: the server refuses the request line itself.
            foreach (var input in Inputs(operation, world, value => value + bad, paths: bad != "\u0000", extraNames: true))
            {
                var name = $"{input.Name} + U+{(int)bad[0]:X4}";
                using var response = await http.SendAsync(input.Request, HttpCompletionOption.ResponseHeadersRead);
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500 || (input.Field is not null && status != 400))
                    failures.Add($"{name}: {status}");
                else if (await RefusalProblemAsync(operation, response, status, input.Field) is { } problem)
                    failures.Add($"{name}: {problem}");
            }

        Assert.True(failures.Count == 0, $"{operation}:\n{string.Join('\n', failures)}");
        Assert.Equal(before, await TableHashes());
        // The same request without the character is valid: what refused it was the character, not the rest.
        if (Inputs(operation, world, value => value, paths: true, extraNames: false).FirstOrDefault() is { } plain)
        {
            using var response = await http.SendAsync(plain.Request, HttpCompletionOption.ResponseHeadersRead);
            if ((int)response.StatusCode is 400 or 404 or >= 500) // (a success may be an endless event stream: read only a failure)
                Assert.Fail($"{operation} without a control character: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// Digits of other scripts in each string input of an operation that resolves to real data are legitimate text:
    /// whatever the answer (a valid request may well succeed), it is never a 5xx.
    /// </summary>
    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Digits_of_other_scripts_in_any_string_input_are_never_a_5xx(string operationId)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        var world = await ContractWorld.CreateAsync(Api);
        var http = await ClientForAsync(operation, world);
        var failures = new List<string>();

        foreach (var digits in OtherScriptDigits)
            foreach (var input in Inputs(operation, world, _ => digits, paths: true, extraNames: false))
            {
                using var response = await http.SendAsync(input.Request, HttpCompletionOption.ResponseHeadersRead);
                if ((int)response.StatusCode >= 500) failures.Add($"{input.Name} = {digits}: {(int)response.StatusCode}");
            }

        Assert.True(failures.Count == 0, $"{operation}:\n{string.Join('\n', failures)}");
    }

    /// <summary>One request per input of the operation, that input changed and everything else valid for the world.</summary>
    /// <param name="Field">The field the answer must name, when the control-character rule is what must answer.</param>
    private sealed record Input(string Name, HttpRequestMessage Request, string? Field);

    private static IEnumerable<Input> Inputs(OpenApiDocument.Operation op, ContractWorld world, Func<string, string> change, bool paths, bool extraNames)
    {
        var method = new HttpMethod(op.Method);
        var json = op.BodySchema is { } schema ? world.Body(schema) : null;
        var form = op.FormSchema?["properties"]?.AsObject()
            .Select(p => (Name: p.Key, Value: world.FormValue(p.Key, OpenApiDocument.Resolve(p.Value!.AsObject())["example"])))
            .ToList();
        string Url(Func<JsonObject, string>? path = null, Func<JsonObject, string?>? query = null, string? extra = null)
        {
            var url = OpenApiDocument.Url(op, path ?? (p => world.PathValue(op, p)), query ?? world.QueryValue);
            return extra is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}{extra}";
        }
        Input Make(string name, string url, string? field, JsonNode? body = null, IEnumerable<(string Name, string Value)>? fields = null)
        {
            var request = new HttpRequestMessage(method, url);
            if ((body ?? json) is { } content) request.Content = new StringContent(content.ToJsonString(), Encoding.UTF8, "application/json");
            else if ((fields ?? form) is { } values) request.Content = new FormUrlEncodedContent(values.Select(f => KeyValuePair.Create(f.Name, f.Value)));
            foreach (var header in op.Parameters("header"))
                request.Headers.TryAddWithoutValidation((string)header["name"]!, world.HeaderValue(header));
            return new Input(name, request, field);
        }

        if (paths)
            foreach (var p in op.Parameters("path"))
                yield return Make($"path {p["name"]}", Url(path: q => q == p ? change(world.PathValue(op, q)) : world.PathValue(op, q)),
                    (string?)p["schema"]?["format"] == "uuid" ? null : (string)p["name"]!);
        foreach (var p in op.Parameters("query"))
            yield return Make($"query {p["name"]}", Url(query: q => q == p ? change(world.QueryValue(q) ?? "x") : world.QueryValue(q)), (string)p["name"]!);
        if (extraNames)
            yield return Make("query parameter the contract does not declare", Url(extra: $"note={Uri.EscapeDataString(change("x"))}"), "note");

        if (json is not null)
        {
            foreach (var path in StringPaths(json, ""))
            {
                var body = json.DeepClone();
                var leaf = Navigate(body, path);
                leaf.ReplaceWith(JsonValue.Create(change(leaf.GetValue<string>())));
                yield return Make($"body {path}", Url(), path, body);
            }
            if (extraNames && json is JsonObject)
            {
                var body = json.DeepClone().AsObject();
                body[change("note")] = "x";
                yield return Make("body property name", Url(), "$", body);
            }
        }
        foreach (var (name, _) in form ?? [])
            yield return Make($"form {name}", Url(), name, fields: form!.Select(f => f.Name == name ? (f.Name, change(f.Value)) : f));
    }

    /// <summary>The paths of every string in a document, as the API names fields: <c>agenda[0].title</c>.</summary>
    private static IEnumerable<string> StringPaths(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => StringPaths(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => StringPaths(item, $"{path}[{i}]")),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => [path],
        _ => [],
    };

    private static JsonNode Navigate(JsonNode root, string path)
    {
        var node = root;
        foreach (System.Text.RegularExpressions.Match step in System.Text.RegularExpressions.Regex.Matches(path, @"\[(\d+)\]|([^.\[]+)"))
            node = step.Groups[1].Success ? node[int.Parse(step.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]! : node[step.Groups[2].Value]!;
        return node;
    }

    private async Task<HttpClient> ClientForAsync(OpenApiDocument.Operation operation, ContractWorld world)
    {
        var role = operation.Roles?.Contains("admin") == false ? Enum.Parse<DevRole>(operation.Roles[0], ignoreCase: true) : DevRole.Admin;
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(role, role == DevRole.Actor ? world.ActorId : null));
        return http;
    }

    /// <summary>What is wrong with a refusal: not a problem (not Open311's error list), or not naming the field; null when right.</summary>
    private static async Task<string?> RefusalProblemAsync(OpenApiDocument.Operation operation, HttpResponseMessage response, int status, string? field)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (operation.Path.StartsWith("/open311/", StringComparison.Ordinal))
        {
            if (!await IsOpen311ErrorAsync(response, status)) return $"{status} is not an Open311 error list: {body}";
            return field is null || body.Contains($"{field}: ", StringComparison.Ordinal) ? null : $"the error does not name {field}: {body}";
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{status} as {response.Content.Headers.ContentType}";
        return field is null || JsonNode.Parse(body)?["errors"]?[field] is JsonArray { Count: > 0 } ? null : $"the problem does not name {field}: {body}";
    }

    /// <summary>A fingerprint of every table's content.</summary>
    private async Task<string> TableHashes()
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        var tables = await conn.QueryAsync<string>("select tablename from pg_tables where schemaname = 'public' and tablename <> 'schema_versions' order by 1");
        return string.Join('\n', await conn.QueryAsync<string>(string.Join(" union all ", tables.Select(t =>
            $"select '{t}: ' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from \"{t}\" x"))));
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
