using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// Nothing a person types reaches the public unscreened. In a world where every write open to residents, invited actors
/// and Open311 clients can succeed, personal data — a personal identity number, a phone number, an e-mail address and a
/// street address, each in its own request — is planted into every free-text field of every such write the contract
/// declares. Then every anonymous read of the contract is called with every value the world has, in every format it
/// offers (and the public live streams from their start, and the lists page by page), while the events are under way
/// and again after they are closed: no planted value may appear in any answer. A write counts as exercised when a
/// planted request is accepted, or refused with a 422 whose <c>findings</c> tell the author what to rephrase; one that
/// never gets that far fails the test, so a new operation needs its world taught in <see cref="PlantedWorld"/>.
/// </summary>
public sealed class PlantedPersonalDataTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    private const int MaxPages = 10;

    /// <summary>A few reads at a time: each waits mostly on the database.</summary>
    private static readonly ParallelOptions Crawling = new() { MaxDegreeOfParallelism = 4 };
    private static readonly TimeSpan StreamQuiet = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Values_planted_through_every_public_write_never_appear_in_any_anonymous_answer()
    {
        var elapsed = Stopwatch.StartNew();
        var world = await PlantedWorld.BuildAsync(Api);
        var anonymous = Api.CreateClient();
        var actor = Api.CreateClient();
        actor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.ActorToken);
        output.WriteLine($"World built in {elapsed.Elapsed.TotalSeconds:0.0} s.");

        var plants = new PlantedValues();
        var unexercised = new List<string>();
        foreach (var operation in OpenApiDocument.Operations().Where(o => o.Method != "GET"))
        {
            if (operation.Roles is { } roles && !roles.Contains("actor")) continue; // staff only
            if (await PlantAsync(operation, operation.Roles is null ? anonymous : actor, world, plants) is { } why)
                unexercised.Add($"{operation}: {why}");
        }
        output.WriteLine($"Planted {plants.All.Count} values by {elapsed.Elapsed.TotalSeconds:0.0} s.");

        await world.AfterPlantingAsync();
        var leaks = new SortedSet<string>(StringComparer.Ordinal);
        var answered = new HashSet<string>();
        var unfillable = new SortedSet<string>(StringComparer.Ordinal);
        var failed = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await CrawlAsync("under way", world, plants, anonymous, leaks, answered, unfillable, failed);
        await world.CloseEventsAsync();
        await CrawlAsync("closed", world, plants, anonymous, leaks, answered, unfillable, failed);
        var unread = OpenApiDocument.Operations()
            .Where(o => o.Method == "GET" && o.Roles is null && !IsHoldersOwn(o) && !answered.Contains(o.Id))
            .Select(o => $"{o}: no request answered 2xx{(unfillable.Contains(o.Id) ? " (the world has no value for a parameter)" : "")}")
            .ToList();

        output.WriteLine($"Done in {elapsed.Elapsed.TotalSeconds:0.0} s.");
        foreach (var (operation, count) in failed)
            output.WriteLine($"{operation} answered 5xx {count} times; those answers could not be searched.");
        output.WriteLine(leaks.Count == 0 ? "No planted value appears in any anonymous answer." : $"{leaks.Count} leaks (listed in the failure).");

        var failures = new StringBuilder();
        if (unexercised.Count > 0)
            failures.AppendLine($"Operations open without staff rights that no planted request exercised (teach {nameof(PlantedWorld)} their world):")
                .AppendJoin('\n', unexercised.Select(u => "  " + u)).AppendLine();
        if (unread.Count > 0)
            failures.AppendLine($"Anonymous reads that never answered (teach {nameof(PlantedWorld)} their parameters):")
                .AppendJoin('\n', unread.Select(u => "  " + u)).AppendLine();
        if (leaks.Count > 0)
            failures.AppendLine($"Planted personal data reached the public ({leaks.Count}):").AppendJoin('\n', leaks.Select(l => "  " + l)).AppendLine();
        Assert.True(failures.Length == 0, failures.ToString());
    }

    // ---- planting -------------------------------------------------------------------------------------------------

    /// <summary>Plants each kind into each free-text field of the operation's body; null when exercised, else why not.</summary>
    private async Task<string?> PlantAsync(OpenApiDocument.Operation operation, HttpClient http, PlantedWorld world, PlantedValues plants)
    {
        if (operation.RequestBody is not { } requestBody)
        {
            output.WriteLine($"{operation}: no body, nothing typed");
            return null;
        }
        var (mediaType, schema) = requestBody;
        var formFields = mediaType is "application/x-www-form-urlencoded" or "multipart/form-data" ? FormFields(operation, schema, world) : null;
        if (formFields is { Count: 0 }) return "a form whose fields the contract leaves open and the world does not know";
        var fields = formFields is not null
            ? formFields.Where(f => f.FreeText).Select(f => new[] { f.Name }).ToList()
            : FreeTextPaths(schema, [], 0);
        if (fields.Count == 0)
        {
            output.WriteLine($"{operation}: no free-text field, nothing typed");
            return null;
        }

        output.WriteLine($"{operation}:");
        var (accepted, refused, attempt) = (0, 0, 0);
        string? lastRefusal = null;
        foreach (var field in fields)
            foreach (var kind in Enum.GetValues<PlantKind>())
            {
                var plant = plants.Add(operation.Id, FieldName(field), kind);
                if (Url(operation, world) is not { } url) return "the world has no value for a path or query parameter";
                var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
                foreach (var header in operation.Parameters("header"))
                {
                    var name = (string)header["name"]!;
                    if (world.Header(operation.Id, name) is { } value) request.Headers.TryAddWithoutValidation(name, value);
                    else if (header["required"]?.GetValue<bool>() == true) return $"the world has no value for the header {name}";
                }
                request.Content = Content(mediaType, schema, formFields, field, plant.Value, world, operation.Id, attempt);
                attempt++;

                var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                string outcome;
                if (status is >= 200 and < 300) (accepted, outcome) = (accepted + 1, "accepted");
                else if (status == 422 && HasFindings(body)) (refused, outcome) = (refused + 1, "refused with findings for the author");
                else lastRefusal = outcome = $"refused: {Short(body)}";
                output.WriteLine($"  {plant.Field} ← {PlantedValues.Describe(kind)} {plant.Value}: {status} {outcome}");
            }
        output.WriteLine($"  → {accepted} accepted, {refused} refused with findings, {attempt - accepted - refused} refused otherwise");
        return accepted + refused > 0 ? null : $"every planted request was refused (last: {lastRefusal})";
    }

    /// <summary>The body with the value in the field: a form, a document that is one string (CSV, text), or JSON.</summary>
    private static HttpContent Content(string mediaType, JsonObject schema, IReadOnlyList<FormField>? formFields, string[] field, string value,
        PlantedWorld world, string operationId, int attempt)
    {
        if (formFields is not null)
        {
            var values = formFields.Select(f => (f.Name, Value: f.Name == field[0] ? value : f.Neutral)).Where(f => f.Value is not null).ToList();
            if (mediaType == "application/x-www-form-urlencoded")
                return new FormUrlEncodedContent(values.Select(f => KeyValuePair.Create(f.Name, f.Value!)));
            var multipart = new MultipartFormDataContent();
            foreach (var (name, text) in values) multipart.Add(new StringContent(text!), name);
            return multipart;
        }
        return field.Length == 0
            ? new StringContent(value, Encoding.UTF8, mediaType)
            : new StringContent(PlantedBody(schema, field, value, world, operationId, attempt).ToJsonString(), Encoding.UTF8, mediaType);
    }

    private sealed record FormField(string Name, string? Neutral, bool FreeText);

    /// <summary>A form's fields: those the contract declares (valued from the world, else from the sample), else the world's list.</summary>
    private static List<FormField> FormFields(OpenApiDocument.Operation operation, JsonObject schema, PlantedWorld world)
    {
        if (schema["properties"] is not JsonObject declared)
            return [.. world.FormFields(operation).Select(f => new FormField(f.Name, f.Neutral, f.FreeText))];
        var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
        // Fields the world knows (a key, a code, coordinates) take its values; a person types only what it marks free text.
        var known = world.FormFields(operation).ToDictionary(f => f.Name);
        return [.. declared.Select(p =>
        {
            var property = Flatten(p.Value!.AsObject());
            if (known.TryGetValue(p.Key, out var field)) return new FormField(p.Key, field.Neutral, field.FreeText);
            var neutral = world.Property(operation.Id, p.Key, 0) ?? (required.Contains(p.Key) ? OpenApiDocument.SampleBody(property) : null);
            return new FormField(p.Key, neutral is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : neutral?.ToJsonString(),
                IsFreeText(property));
        })];
    }

    private static bool HasFindings(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject problem && problem["findings"] is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string FieldName(string[] path) =>
        path.Length == 0 ? "(body)" : string.Join('.', path).Replace(".[]", "[]", StringComparison.Ordinal);

    /// <summary>Paths to every string without enum or format, through nested objects and arrays.</summary>
    private static List<string[]> FreeTextPaths(JsonObject schema, string[] prefix, int depth)
    {
        var paths = new List<string[]>();
        if (depth > 8) return paths;
        schema = Flatten(schema);
        var type = (string?)schema["type"];
        if (IsFreeText(schema)) paths.Add(prefix);
        else if (schema["properties"] is JsonObject properties)
            foreach (var (name, property) in properties)
                paths.AddRange(FreeTextPaths(property!.AsObject(), [.. prefix, name], depth + 1));
        else if (type == "array" && schema["items"] is JsonObject items)
            paths.AddRange(FreeTextPaths(items, [.. prefix, "[]"], depth + 1));
        return paths;
    }

    /// <summary>A string nothing constrains: not an enum, a format or a pattern (identifiers such as area slugs have one).</summary>
    private static bool IsFreeText(JsonObject schema) =>
        (string?)schema["type"] == "string" && schema["enum"] is null && schema["format"] is null && schema["pattern"] is null;

    /// <summary>A reference, or an <c>allOf</c> of one schema (a nullable reference), as the schema it stands for.</summary>
    private static JsonObject Flatten(JsonObject schema)
    {
        schema = OpenApiDocument.Resolve(schema);
        return schema["allOf"] is JsonArray { Count: 1 } all ? Flatten(all[0]!.AsObject()) : schema;
    }

    /// <summary>
    /// A valid body with the value at the field: the contract's sample body, with the world's values where it has them,
    /// required properties kept and optional ones left out.
    /// </summary>
    private static JsonNode PlantedBody(JsonObject schema, string[] field, string value, PlantedWorld world, string operationId, int attempt)
    {
        var body = Neutral(schema, world, operationId, attempt);
        JsonNode current = body;
        var currentSchema = Flatten(schema);
        for (var i = 0; i < field.Length; i++)
        {
            var last = i == field.Length - 1;
            var childSchema = Flatten(field[i] == "[]" ? currentSchema["items"]!.AsObject() : currentSchema["properties"]![field[i]]!.AsObject());
            if (field[i] == "[]")
            {
                var array = (JsonArray)current;
                if (last) array.Clear();
                if (array.Count == 0) array.Add(last ? null : Neutral(childSchema, world, operationId, attempt));
                if (last) array[0] = value;
                current = array[0]!;
            }
            else
            {
                var obj = (JsonObject)current;
                if (last) obj[field[i]] = value;
                else current = obj[field[i]] ??= Neutral(childSchema, world, operationId, attempt);
            }
            currentSchema = childSchema;
        }
        return body;
    }

    private static JsonNode Neutral(JsonObject schema, PlantedWorld world, string operationId, int attempt)
    {
        var node = OpenApiDocument.SampleBody(schema);
        Prune(node, schema, world, operationId, attempt);
        return node;
    }

    private static void Prune(JsonNode? node, JsonObject schema, PlantedWorld world, string operationId, int attempt)
    {
        schema = Flatten(schema);
        if (node is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
            foreach (var (name, property) in properties)
            {
                if (world.Property(operationId, name, attempt) is { } value) obj[name] = value;
                else if (!required.Contains(name)) obj.Remove(name);
                else Prune(obj[name], property!.AsObject(), world, operationId, attempt);
            }
        }
        else if (node is JsonArray array && schema["items"] is JsonObject items)
            foreach (var item in array) Prune(item, items, world, operationId, attempt);
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /// <summary>Reads that need a secret header show its holder their own data (their registration, question, invitation): not public.</summary>
    private static bool IsHoldersOwn(OpenApiDocument.Operation operation) =>
        operation.Parameters("header").Any(h => h["required"]?.GetValue<bool>() == true);

    private async Task CrawlAsync(string phase, PlantedWorld world, PlantedValues plants, HttpClient http,
        SortedSet<string> leaks, HashSet<string> answered, SortedSet<string> unfillable, SortedDictionary<string, int> serverErrors)
    {
        var started = Stopwatch.StartNew();
        foreach (var operation in OpenApiDocument.Operations().Where(o => o.Method == "GET" && o.Roles is null))
        {
            if (IsHoldersOwn(operation))
            {
                output.WriteLine($"[{phase}] {operation}: the holder's own view behind a secret header, not read");
                continue;
            }
            var paths = PathCombinations(operation, world);
            var queries = QueryVariants(operation, world);
            if (paths.Count == 0 || queries is null)
            {
                unfillable.Add(operation.Id);
                output.WriteLine($"[{phase}] {operation}: the world has no value for a parameter");
                continue;
            }

            var (requests, ok, failed) = (0, 0, 0);
            var timer = Stopwatch.StartNew();
            var mediaTypes = operation.SuccessMediaTypes;
            void Count(HttpResponseMessage response)
            {
                Interlocked.Increment(ref requests);
                if (response.IsSuccessStatusCode) Interlocked.Increment(ref ok);
                else if ((int)response.StatusCode >= 500) Interlocked.Increment(ref failed);
            }

            if (mediaTypes.Contains("text/event-stream"))
            {
                // From the start: the first connection's lastEventId=0, and a reconnection's Last-Event-ID: 0.
                var starts = new List<(string Query, long? Header)>();
                if (operation.Parameters("query").Any(p => (string?)p["name"] == "lastEventId")) starts.Add(("?lastEventId=0", null));
                if (operation.Parameters("header").Any(p => (string?)p["name"] == "Last-Event-ID") || starts.Count == 0) starts.Add(("", 0L));
                await Parallel.ForEachAsync(paths.SelectMany(path => starts.Select(s => (Url: path + s.Query, s.Header))), Crawling, async (start, _) =>
                {
                    await using var stream = await SseReader.OpenAsync(http, start.Url, start.Header);
                    Count(stream.Response);
                    if (!stream.Response.IsSuccessStatusCode) return;
                    for (var events = 0; events < 5_000 && await stream.TryNextAsync(StreamQuiet) is { } e; events++)
                        Scan($"GET {operation.Path} (text/event-stream, {e.Event})", "application/json", e.Data, plants, leaks);
                });
            }
            else
            {
                // A {format} in the path chooses the representation (Open311); otherwise Accept does.
                var accepts = operation.Parameters("path").Any(p => (string?)p["name"] == "format") ? [null] : mediaTypes.Select(m => (string?)m).ToList();
                var reads = paths.SelectMany(path => queries.SelectMany(query => accepts.Select(accept => (Path: path, Query: query, Accept: accept))));
                await Parallel.ForEachAsync(reads, Crawling, async (read, ct) =>
                {
                    string? cursor = null;
                    for (var page = 0; page < MaxPages; page++)
                    {
                        var parameters = cursor is null ? read.Query : read.Query.Append(KeyValuePair.Create("cursor", cursor));
                        var url = parameters.Any() ? $"{read.Path}?{string.Join('&', parameters.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"))}" : read.Path;
                        using var request = new HttpRequestMessage(HttpMethod.Get, url);
                        if (read.Accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(read.Accept));
                        using var response = await http.SendAsync(request, ct);
                        Count(response);
                        if (!response.IsSuccessStatusCode) return;
                        var mediaType = response.Content.Headers.ContentType?.MediaType;
                        var body = await response.Content.ReadAsStringAsync(ct);
                        Scan($"GET {operation.Path}{(mediaTypes.Count > 1 || read.Accept is null ? $" ({mediaType})" : "")}", mediaType, body, plants, leaks);
                        cursor = mediaType?.EndsWith("json", StringComparison.Ordinal) == true ? NextCursor(body) : null;
                        if (cursor is null) return;
                    }
                });
            }
            if (ok > 0) answered.Add(operation.Id);
            if (failed > 0) serverErrors[operation.ToString()] = serverErrors.GetValueOrDefault(operation.ToString()) + failed;
            output.WriteLine($"[{phase}] {operation}: {requests} requests, {ok} answered 2xx{(failed > 0 ? $", {failed} answered 5xx" : "")} ({timer.ElapsedMilliseconds} ms)");
        }
        output.WriteLine($"[{phase}] read in {started.Elapsed.TotalSeconds:0.0} s");
    }

    private static string? NextCursor(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject page && page["nextCursor"] is JsonValue next ? (string?)next : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void Scan(string where, string? mediaType, string body, PlantedValues plants, SortedSet<string> leaks)
    {
        var found = PublicText.Strings(mediaType, body).SelectMany(plants.FoundIn)
            .Select(f => $"{where} shows {PlantedValues.Describe(f.Kind)} planted through {f.Plant?.Origin ?? "an unknown field"}")
            .ToList();
        lock (leaks) leaks.UnionWith(found);
    }

    // ---- URLs -----------------------------------------------------------------------------------------------------

    /// <summary>The collection a path parameter belongs to: the literal before it in its segment, or the segment before.</summary>
    internal static string CollectionOf(string path, string parameter)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.FindIndex(segments, s => s.Contains($"{{{parameter}}}", StringComparison.Ordinal));
        var before = segments[index][..segments[index].IndexOf($"{{{parameter}}}", StringComparison.Ordinal)].TrimEnd('.');
        return before.Length > 0 && !before.Contains('{') ? before : index > 0 ? segments[index - 1] : "";
    }

    /// <summary>The operation's path with every combination of the world's values for its parameters; empty when one has none.</summary>
    private static List<string> PathCombinations(OpenApiDocument.Operation operation, PlantedWorld world)
    {
        var paths = new List<string> { operation.Path };
        foreach (var parameter in operation.Parameters("path"))
        {
            var name = (string)parameter["name"]!;
            var values = world.PathValues(CollectionOf(operation.Path, name), name);
            paths = [.. paths.SelectMany(p => values.Select(v => p.Replace($"{{{name}}}", Uri.EscapeDataString(v), StringComparison.Ordinal)))];
        }
        return paths;
    }

    /// <summary>
    /// Query strings: each combination of the required parameters' values, then that with each optional parameter set
    /// to each of its values (its enum, true and false, or the world's); null when a required one has no value.
    /// </summary>
    private static List<List<KeyValuePair<string, string>>>? QueryVariants(OpenApiDocument.Operation operation, PlantedWorld world)
    {
        var parameters = operation.Parameters("query").Where(p => (string?)p["name"] is not ("cursor" or "limit")).ToList();
        List<List<KeyValuePair<string, string>>> bases = [[]];
        foreach (var parameter in parameters.Where(p => p["required"]?.GetValue<bool>() == true))
        {
            var values = ValuesOf(parameter, world);
            if (values.Count == 0) return null;
            bases = [.. bases.SelectMany(b => values.Select(v => (List<KeyValuePair<string, string>>)[.. b, KeyValuePair.Create((string)parameter["name"]!, v)]))];
        }
        var variants = new List<List<KeyValuePair<string, string>>>(bases);
        foreach (var parameter in parameters.Where(p => p["required"]?.GetValue<bool>() != true))
            foreach (var value in ValuesOf(parameter, world))
                variants.Add([.. bases[0], KeyValuePair.Create((string)parameter["name"]!, value)]);
        return variants;
    }

    internal static IReadOnlyList<string> ValuesOf(JsonObject parameter, PlantedWorld world)
    {
        var schema = Flatten(parameter["schema"]!.AsObject());
        if (schema["enum"] is JsonArray values) return [.. values.Select(v => (string)v!)];
        if ((string?)schema["type"] == "boolean") return ["true", "false"];
        return world.QueryValues((string)parameter["name"]!, (string?)schema["format"]);
    }

    /// <summary>The URL for planting: the world's first value for each path parameter and required query parameter.</summary>
    private static string? Url(OpenApiDocument.Operation operation, PlantedWorld world)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters("path"))
        {
            var name = (string)parameter["name"]!;
            if (world.PathValues(CollectionOf(operation.Path, name), name) is not [var value, ..]) return null;
            path = path.Replace($"{{{name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        var query = new List<string>();
        foreach (var parameter in operation.Parameters("query").Where(p => p["required"]?.GetValue<bool>() == true))
        {
            if (ValuesOf(parameter, world) is not [var value, ..]) return null;
            query.Add($"{parameter["name"]}={Uri.EscapeDataString(value)}");
        }
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>A refusal in a line: a problem's detail and the fields it names, or the start of whatever else came back.</summary>
    private static string Short(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject { } problem && problem["status"] is not null)
                return $"{problem["detail"] ?? problem["title"]}{(problem["errors"] is JsonObject errors ? $" ({string.Join(", ", errors.Select(e => e.Key))})" : "")}";
        }
        catch (System.Text.Json.JsonException)
        {
        }
        text = text.ReplaceLineEndings(" ");
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
