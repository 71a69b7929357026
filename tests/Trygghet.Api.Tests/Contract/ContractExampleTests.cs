using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// The contract teaches by example: every request body, every JSON answer and every problem shows a realistic Swedish
/// example in Swagger UI. Over the whole contract, so a new operation is covered the day it appears; and the examples of
/// the main requests are sent to the API as they stand, which accepts them.
/// </summary>
public sealed class ContractExampleTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Open311 GeoReport v2 answers are written in that standard's own shape, not from these schemas.</summary>
    private static bool IsOpen311Answer(OpenApiDocument.Operation o) => o.Path.StartsWith("/open311/", StringComparison.Ordinal);

    public static TheoryData<string> WithBody() =>
        [.. OpenApiDocument.Operations().Where(o => o.Node["requestBody"] is not null).Select(o => o.Id)];

    public static TheoryData<string> WithJsonAnswer() =>
        [.. OpenApiDocument.Operations().Where(o => !IsOpen311Answer(o) && JsonAnswers(o).Any()).Select(o => o.Id)];

    private static IEnumerable<(string Status, JsonObject Media)> JsonAnswers(OpenApiDocument.Operation o) =>
        (o.Node["responses"]?.AsObject() ?? []).Where(r => r.Key.StartsWith('2'))
            .Select(r => (r.Key, Media: r.Value?["content"]?["application/json"] as JsonObject))
            .Where(r => r.Media?["schema"] is JsonObject schema && (schema["$ref"] is not null || schema["items"]?["$ref"] is not null))
            .Select(r => (r.Key, r.Media!));

    /// <summary>The example shown for a media type: its own, or its schema's (for an array, its items').</summary>
    private static JsonNode? ExampleOf(JsonObject media)
    {
        if (media["example"] is { } own) return own;
        if (media["schema"] is not JsonObject schema) return null;
        var resolved = OpenApiDocument.Resolve(schema);
        return resolved["example"] ?? (resolved["items"] is JsonObject items ? OpenApiDocument.Resolve(items)["example"] : null);
    }

    [Theory]
    [MemberData(nameof(WithBody))]
    public void Every_request_body_has_an_example(string operationId)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        foreach (var (mediaType, media) in operation.Node["requestBody"]!["content"]!.AsObject())
        {
            if (mediaType == "multipart/form-data") continue; // a file to upload
            Assert.True(ExampleOf(media!.AsObject()) is not null, $"{operation}: the {mediaType} body has no example");
        }
    }

    [Theory]
    [MemberData(nameof(WithJsonAnswer))]
    public void Every_JSON_answer_has_an_example(string operationId)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        foreach (var (status, media) in JsonAnswers(operation))
            Assert.True(ExampleOf(media) is not null, $"{operation}: the {status} answer has no example");
    }

    [Fact]
    public void Every_problem_has_an_example_in_Swedish_with_its_status()
    {
        var missing = new List<string>();
        foreach (var operation in OpenApiDocument.Operations())
            foreach (var (status, response) in operation.Node["responses"]!.AsObject())
            {
                if (response?["content"]?["application/problem+json"] is not JsonObject media) continue;
                if (media["example"] is not JsonObject example) { missing.Add($"{operation} {status}: no example"); continue; }
                var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
                if ((int?)example["status"] != code) missing.Add($"{operation} {status}: status {example["status"]}");
                if ((string?)example["title"] != CommonTexts.Status(code)?.Title.Sv) missing.Add($"{operation} {status}: title '{example["title"]}'");
                if (string.IsNullOrWhiteSpace((string?)example["detail"]) || ((string)example["detail"]!).Contains('{'))
                    missing.Add($"{operation} {status}: detail '{example["detail"]}'");
                if (code == 400 && (operation.Node["requestBody"] is not null || operation.Node["parameters"] is JsonArray { Count: > 0 })
                    && example["errors"] is not JsonObject { Count: > 0 })
                    missing.Add($"{operation} 400: no field in errors");
            }
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public async Task A_problem_example_is_what_the_API_answers()
    {
        var example = OpenApiDocument.Operations().Single(o => o.Id == "GetArea").Node["responses"]!["404"]!["content"]!["application/problem+json"]!["example"]!;

        using var response = await Api.CreateClient().GetAsync(new Uri("/api/v1/areas/fruangn", UriKind.Relative));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        foreach (var member in new[] { "type", "title", "status", "detail" })
            Assert.Equal(example[member]!.ToJsonString(), answer[member]?.ToJsonString());
        Assert.Empty(answer.Select(m => m.Key).Except(example.AsObject().Select(m => m.Key)).Except(["traceId", "instance"]));
    }

    [Fact]
    public async Task The_examples_of_the_main_requests_are_accepted_as_they_stand()
    {
        Api.Clock.Set(ExampleValues.Written);
        var staff = Api.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(Client.DevRole.Staff));

        var created = await PostExample(staff, "CreateEvent", "/api/v1/events");
        Assert.Equal("Trygghetsdialog i Fruängen", (string?)created["title"]);
        var id = (string)created["id"]!;
        using (var publish = await staff.PostAsJsonAsync($"/api/v1/events/{id}/publish", new { overrideReason = "Exemplet prövas utan inbjudna aktörer." }))
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);

        var resident = Api.CreateClient();
        resident.DefaultRequestHeaders.Add(Idempotency.Header, Guid.NewGuid().ToString());
        var receipt = await PostExample(resident, "RegisterForDialogue", $"/api/v1/dialogues/{id}/registrations");
        Assert.Equal("confirmed", (string?)receipt["status"]);

        resident.DefaultRequestHeaders.Remove(Idempotency.Header);
        resident.DefaultRequestHeaders.Add(Idempotency.Header, Guid.NewGuid().ToString());
        var asked = await PostExample(resident, "AskQuestion", $"/api/v1/dialogues/{id}/questions");
        Assert.Equal("pending", (string?)asked["status"]);

        // An observation names a walk that exists; the example's walk is put in its place.
        var walkDetails = OpenApiDocument.Resolve(new JsonObject { ["$ref"] = "#/components/schemas/WalkDetails" })["example"]!.DeepClone().AsObject();
        walkDetails["linkedDialogueId"] = id;
        var walk = await PostExample(staff, "CreateEvent", "/api/v1/events", body =>
        {
            body["kind"] = "walk";
            body["title"] = "Trygghetsvandring i Fruängen";
            body["walk"] = walkDetails;
        });
        var observation = await PostExample(staff, "RecordObservation", "/api/v1/observations", body => body["walkId"] = walk["id"]!.DeepClone());
        Assert.Equal("lighting", (string?)observation["category"]);

        var actor = await PostExample(staff, "CreateActor", "/api/v1/actors");
        Assert.Equal("police", (string?)actor["kind"]);
    }

    private static async Task<JsonObject> PostExample(HttpClient http, string operationId, string url, Action<JsonObject>? adapt = null)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        var body = ExampleOf(operation.Node["requestBody"]!["content"]!["application/json"]!.AsObject())!.DeepClone().AsObject();
        adapt?.Invoke(body);
        using var response = await http.PostAsync(new Uri(url, UriKind.Relative), new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operationId} refused its own example: {(int)response.StatusCode} {raw}");
        return JsonNode.Parse(raw)!.AsObject();
    }
}
