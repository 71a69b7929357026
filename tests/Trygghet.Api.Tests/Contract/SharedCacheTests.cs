using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Trygghet.Client;
using Xunit.Abstractions;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// The shared-cache policy over every operation of the contract (docs/decisions/0018). In the planted world, with a
/// registrant's name and e-mail and a question holding a phone number planted, every read is called anonymously and
/// with each role's token, before and after the events close, and every write with the world's values: public
/// anonymous reads answer <c>public</c> with <c>max-age</c> and <c>s-maxage</c> and a <c>Vary</c> that names every
/// request header found to change the answer (<c>Accept-Language</c>, <c>Accept</c>, <c>Origin</c>,
/// <c>Authorization</c>); everything authenticated, token-bearing, written or failing is <c>private, no-store</c>; no
/// answer holding a planted value may be stored. An operation the sweep cannot classify fails it.
/// </summary>
public sealed class SharedCacheTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    private const string PlantedEmail = "cache.planted@example.se", PlantedName = "Cachella Plantsson", PlantedPhone = "0701234567";
    private static readonly string[] Planted = [PlantedEmail, PlantedName, PlantedPhone];

    /// <summary>The representations a public read may answer in that the sweep knows how to compare.</summary>
    private static readonly HashSet<string> KnownMediaTypes =
        ["application/json", "application/ld+json", "text/calendar", "text/csv", "application/atom+xml", "image/jpeg", "text/xml"];

    private static readonly DevRole?[] Callers = [null, DevRole.Admin, DevRole.Staff, DevRole.Moderator, DevRole.Actor];

    public enum Kind { PublicRead, Stream, HoldersOwn, Authenticated, Write }

    /// <summary>What the contract says an operation is; null when the sweep does not know (a new method or representation).</summary>
    public static Kind? Classify(OpenApiDocument.Operation operation) => operation.Method switch
    {
        "POST" or "PUT" or "PATCH" or "DELETE" => Kind.Write,
        "GET" when operation.Roles is not null => Kind.Authenticated,
        "GET" when operation.Parameters("header").Any(h => h["required"]?.GetValue<bool>() == true) => Kind.HoldersOwn,
        "GET" when operation.SuccessMediaTypes.Contains("text/event-stream") => Kind.Stream,
        "GET" when operation.SuccessMediaTypes.Count > 0 && operation.SuccessMediaTypes.All(KnownMediaTypes.Contains) => Kind.PublicRead,
        _ => null,
    };

    [Fact]
    public void Every_operation_of_the_contract_is_classified()
    {
        var unknown = OpenApiDocument.Operations().Where(o => Classify(o) is null).Select(o => o.ToString()).ToList();
        Assert.True(unknown.Count == 0, $"Teach {nameof(SharedCacheTests)} these operations: {string.Join("; ", unknown)}");
        Assert.Contains(OpenApiDocument.Operations(), o => Classify(o) == Kind.PublicRead);
    }

    [Fact]
    public void The_classification_knows_a_write_a_secret_read_and_a_public_read()
    {
        var byId = OpenApiDocument.Operations().ToDictionary(o => o.Id);
        Assert.Equal(Kind.Write, Classify(byId["RegisterForDialogue"]));
        Assert.Equal(Kind.HoldersOwn, Classify(byId["GetMyRegistration"]));
        Assert.Equal(Kind.Authenticated, Classify(byId["ListRegistrations"]));
        Assert.Equal(Kind.Stream, Classify(byId["StreamQuestions"]));
        Assert.Equal(Kind.PublicRead, Classify(byId["ListDialogues"]));
        var unknown = new OpenApiDocument.Operation("GET", "/api/v1/new", new JsonObject
        {
            ["operationId"] = "New",
            ["responses"] = new JsonObject { ["200"] = new JsonObject { ["content"] = new JsonObject { ["application/x-new"] = new JsonObject() } } },
        });
        Assert.Null(Classify(unknown));
    }

    [Fact]
    public async Task Every_answer_of_every_operation_follows_the_shared_cache_policy()
    {
        var world = await PlantedWorld.BuildAsync(Api);
        await world.AfterPlantingAsync();
        var registrant = await Api.Client().RegisterForDialogueAsync(world.Dialogue.Id, Guid.NewGuid().ToString(), new RegistrationRequest
        {
            Mode = RegistrationMode.OnSite,
            ConsentVersion = "2026-01",
            Email = PlantedEmail,
            Name = PlantedName,
        });
        var asked = await Api.Client().AskQuestionAsync(world.Dialogue.Id, Guid.NewGuid().ToString(),
            new QuestionRequest { Text = $"Ring mig på {PlantedPhone} om belysningen." });
        Assert.NotEqual(QuestionStatus.Published, asked.Status); // held: only the moderators see it

        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Callers)
        {
            var http = Api.CreateClient();
            if (role is { } r)
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(r, r == DevRole.Actor ? world.Police.Id : null));
            clients[Name(role)] = http;
        }

        var failures = new SortedSet<string>(StringComparer.Ordinal);
        var publicAnswered = new HashSet<string>();
        var plantedSeen = new HashSet<string>();
        var reads = OpenApiDocument.Operations().Where(o => o.Method == "GET").ToList();
        foreach (var phase in new[] { "under way", "closed" })
        {
            if (phase == "closed") await world.CloseEventsAsync();
            foreach (var operation in reads)
            {
                var kind = Classify(operation);
                if (kind is null)
                {
                    failures.Add($"{operation}: not classified");
                    continue;
                }
                var urls = Urls(operation, world);
                if (urls.Count == 0) failures.Add($"{operation}: the world has no value for a parameter");
                foreach (var url in urls)
                    foreach (var role in Callers)
                    {
                        var caller = role?.ToString().ToLowerInvariant() ?? "anonymous";
                        var (response, body) = await SendAsync(clients[Name(role)], operation, kind.Value, url, world);
                        var cache = response.Headers.CacheControl;
                        var status = (int)response.StatusCode;
                        output.WriteLine($"[{phase}] {operation} {url} as {caller}: {status} {cache} | Vary: {string.Join(", ", response.Headers.Vary)}");
                        var found = Planted.Where(p => body.Contains(p, StringComparison.Ordinal)).ToList();
                        if (found.Count > 0)
                        {
                            plantedSeen.Add($"{operation.Id} as {caller}");
                            if (!IsNotStored(cache)) failures.Add($"{operation} as {caller}: holds planted personal data, yet {cache}");
                        }

                        var publicAnswer = kind == Kind.PublicRead && role is null;
                        if (!publicAnswer || (status >= 400 && status != 404))
                        {
                            if (!IsNotStored(cache)) failures.Add($"{operation} as {caller}: {status} with {cache}, expected private, no-store");
                            continue;
                        }
                        if (status == 404)
                        {
                            if (cache is not { Public: true, SharedMaxAge.TotalSeconds: <= 60 })
                                failures.Add($"{operation} anonymous 404: {cache}, expected public with a short s-maxage");
                            continue;
                        }
                        publicAnswered.Add(operation.Id);
                        if (cache is not { Public: true, Private: false, NoStore: false, MaxAge: not null, SharedMaxAge: not null })
                            failures.Add($"{operation} anonymous: {cache}, expected public with max-age and s-maxage");
                        await CheckVaryAsync(operation, kind.Value, url, world, clients, response, body, failures);
                    }
            }
        }

        // Every write, with the world's values, by a caller it admits: whatever it answers, nothing is kept.
        var writes = OpenApiDocument.Operations().Where(o => Classify(o) == Kind.Write).ToList();
        var accepted = 0;
        foreach (var operation in writes)
        {
            var role = operation.Roles is { } roles ? Enum.Parse<DevRole>(roles[0], ignoreCase: true) : (DevRole?)null;
            var url = Urls(operation, world).FirstOrDefault() ?? OpenApiDocument.Url(operation);
            var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
            AddHeaders(request, operation, world);
            if (operation.RequestBody is { } body)
                request.Content = body.MediaType.Contains("json", StringComparison.Ordinal)
                    ? new StringContent(OpenApiDocument.SampleBody(body.Schema, (string name, JsonObject _, out JsonNode? value) =>
                        (value = world.Property(operation.Id, name, 0)) is not null).ToJsonString(), Encoding.UTF8, body.MediaType)
                    : new StringContent("", Encoding.UTF8, body.MediaType);
            var response = await clients[Name(role)].SendAsync(request);
            if (response.IsSuccessStatusCode) accepted++;
            output.WriteLine($"{operation} as {role?.ToString() ?? "anonymous"}: {(int)response.StatusCode} {response.Headers.CacheControl}");
            if (!IsNotStored(response.Headers.CacheControl))
                failures.Add($"{operation}: {(int)response.StatusCode} with {response.Headers.CacheControl}, expected private, no-store");
        }
        output.WriteLine($"{writes.Count} writes, {accepted} accepted; planted data seen in {string.Join(", ", plantedSeen)}");

        var unanswered = reads.Where(o => Classify(o) == Kind.PublicRead && !publicAnswered.Contains(o.Id)).Select(o => $"{o}: never answered 2xx anonymously");
        failures.UnionWith(unanswered);
        // The planted values really were read back (by staff), so the check above looked at them.
        Assert.Contains(plantedSeen, s => s.StartsWith("ListRegistrations as", StringComparison.Ordinal));
        Assert.Contains(plantedSeen, s => s.StartsWith("ListModerationQueue as", StringComparison.Ordinal));
        Assert.True(accepted > writes.Count / 4, $"only {accepted} of {writes.Count} writes were accepted: the sweep's data is not realistic");
        Assert.NotNull(registrant.ManageToken);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_request_with_a_token_gets_no_shared_copy_of_a_public_read()
    {
        var http = Api.CreateClient();
        var anonymous = await http.GetAsync("/api/v1/areas");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/areas");
        request.Headers.Add("X-Voter-Token", "Zr5Tq1Wx8Km3Pv7Ny2Lb6Hd0Fg4Js9Ac-e_Oi1Uw5Qy");
        var withSecret = await http.SendAsync(request);
        var staff = Api.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        var authenticated = await staff.GetAsync("/api/v1/areas");

        Assert.True(anonymous.Headers.CacheControl is { Public: true, SharedMaxAge: not null }, $"{anonymous.Headers.CacheControl}");
        Assert.Contains("Authorization", anonymous.Headers.Vary);
        Assert.True(IsNotStored(withSecret.Headers.CacheControl), $"{withSecret.Headers.CacheControl}");
        Assert.True(IsNotStored(authenticated.Headers.CacheControl), $"{authenticated.Headers.CacheControl}");
    }

    [Fact]
    public async Task Errors_are_not_stored_and_a_missing_public_resource_is_kept_for_seconds()
    {
        var http = Api.CreateClient();
        var missing = await http.GetAsync("/api/v1/areas/fruangn");
        var bad = await http.GetAsync("/api/v1/dialogues?limit=0");
        var unknownPath = await http.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(missing.Headers.CacheControl is { Public: true, SharedMaxAge.TotalSeconds: 10, MaxAge.TotalSeconds: 0 }, $"{missing.Headers.CacheControl}");
        Assert.Contains("Accept-Language", missing.Headers.Vary);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(IsNotStored(bad.Headers.CacheControl), $"{bad.Headers.CacheControl}");
        Assert.True(IsNotStored(unknownPath.Headers.CacheControl), $"{unknownPath.Headers.CacheControl}");
    }

    private static string Name(DevRole? role) => role?.ToString().ToLowerInvariant() ?? "anonymous";

    private static bool IsNotStored(CacheControlHeaderValue? cache) => cache is { Private: true, NoStore: true, Public: false };

    /// <summary>
    /// Asks again with each request header that could change the answer and compares: where the answer differs, the
    /// header must be in <c>Vary</c>; <c>Authorization</c> must always be, as the same URL answers staff otherwise.
    /// </summary>
    private async Task CheckVaryAsync(OpenApiDocument.Operation operation, Kind kind, string url, PlantedWorld world, Dictionary<string, HttpClient> clients,
        HttpResponseMessage first, string body, SortedSet<string> failures)
    {
        var vary = first.Headers.Vary.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!vary.Contains("Authorization")) failures.Add($"{operation}: Vary lacks Authorization ({string.Join(", ", vary)})");

        var (english, englishBody) = await SendAsync(clients[Name(null)], operation, kind, url, world, r => r.Headers.AcceptLanguage.ParseAdd("en"));
        if (english.IsSuccessStatusCode && englishBody != body && !vary.Contains("Accept-Language"))
            failures.Add($"{operation}: the answer changes with Accept-Language, which Vary lacks");

        if (!operation.Path.Contains("{format}", StringComparison.Ordinal))
            foreach (var mediaType in operation.SuccessMediaTypes.Skip(1))
            {
                var (other, otherBody) = await SendAsync(clients[Name(null)], operation, kind, url, world, r => r.Headers.Accept.ParseAdd(mediaType));
                if (other.IsSuccessStatusCode && otherBody != body && !vary.Contains("Accept"))
                    failures.Add($"{operation}: the answer changes with Accept ({mediaType}), which Vary lacks");
            }

        var (cross, _) = await SendAsync(clients[Name(null)], operation, kind, url, world, r => r.Headers.Add("Origin", "https://www.stockholm.se"));
        string Cors(HttpResponseMessage r) => string.Join('|', r.Headers.Where(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal))
            .OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}={string.Join(',', h.Value)}"));
        if (Cors(cross) != Cors(first) && !vary.Contains("Origin"))
            failures.Add($"{operation}: CORS headers change with Origin ({Cors(first)} vs {Cors(cross)}), which Vary lacks");
    }

    private static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient http, OpenApiDocument.Operation operation, Kind kind, string url,
        PlantedWorld world, Action<HttpRequestMessage>? adjust = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        AddHeaders(request, operation, world);
        adjust?.Invoke(request);
        if (kind != Kind.Stream && !operation.SuccessMediaTypes.Contains("text/event-stream"))
        {
            var response = await http.SendAsync(request);
            return (response, await response.Content.ReadAsStringAsync());
        }
        // A stream never ends: its headers are what count.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var cancel = new CancellationTokenSource();
        var streamed = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        await cancel.CancelAsync();
        streamed.Dispose();
        return (streamed, "");
    }

    private static void AddHeaders(HttpRequestMessage request, OpenApiDocument.Operation operation, PlantedWorld world)
    {
        foreach (var header in operation.Parameters("header"))
        {
            var name = (string)header["name"]!;
            if (name == "If-Match") request.Headers.TryAddWithoutValidation(name, "\"1\"");
            else if (world.Header(operation.Id, name) is { } value) request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>
    /// URLs with up to three of the world's values for each path parameter (staff paths to the world's dialogue, actors to
    /// the police) and its first value for each required query parameter; empty when the world has no value.
    /// </summary>
    private static List<string> Urls(OpenApiDocument.Operation operation, PlantedWorld world)
    {
        List<string> paths = [operation.Path];
        foreach (var parameter in operation.Parameters("path"))
        {
            var name = (string)parameter["name"]!;
            var collection = PlantedPersonalDataTests.CollectionOf(operation.Path, name);
            IReadOnlyList<string> values = (collection, name) switch
            {
                ("events", "id") => [world.Dialogue.Id.ToString()],
                ("actors", "id") => [world.Police.Id.ToString()],
                _ => world.PathValues(collection, name),
            };
            paths = [.. paths.SelectMany(p => values.Take(3).Select(v => p.Replace($"{{{name}}}", Uri.EscapeDataString(v), StringComparison.Ordinal)))];
        }
        var query = new List<string>();
        foreach (var parameter in operation.Parameters("query").Where(p => p["required"]?.GetValue<bool>() == true))
        {
            if (PlantedPersonalDataTests.ValuesOf(parameter, world) is not [var value, ..]) return [];
            query.Add($"{parameter["name"]}={Uri.EscapeDataString(value)}");
        }
        return [.. paths.Select(path => query.Count == 0 ? path : $"{path}?{string.Join('&', query)}")];
    }
}
