using System.Text.Json.Nodes;

namespace Trygghet.Api.Tests.Contract;

public sealed class ContractTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string RefreshCommand = "dotnet run --project api -- --export-openapi \"$PWD/openapi/trygghet.v1.json\"";

    [Fact]
    public async Task The_running_API_serves_exactly_the_committed_OpenAPI_document()
    {
        var served = JsonNode.Parse(await Api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var differences = new List<string>();
        Diff("$", OpenApiDocument.Committed, served, differences);

        Assert.True(differences.Count == 0,
            $"The API's OpenAPI document differs from openapi/trygghet.v1.json ({differences.Count} differences). " +
            $"If the change is intended, refresh it with `{RefreshCommand}` and rebuild the clients.\n" +
            string.Join('\n', differences.Take(40)));
    }

    [Fact]
    public void The_contract_is_OpenAPI_3_0_with_an_operation_id_and_problem_responses_everywhere()
    {
        Assert.StartsWith("3.0.", (string)OpenApiDocument.Committed["openapi"]!);
        Assert.All(OpenApiDocument.Operations(), op =>
        {
            Assert.False(string.IsNullOrEmpty(op.Id), $"{op} has no operationId");
            Assert.False(string.IsNullOrEmpty((string?)op.Node["summary"]), $"{op} has no summary");
            foreach (var status in new[] { "500", "503" })
                Assert.NotNull(op.Node["responses"]?[status]?["content"]?["application/problem+json"]);
            if (op.Roles is not null)
            {
                Assert.NotNull(op.Node["security"]);
                Assert.NotNull(op.Node["responses"]?["401"]);
                Assert.NotNull(op.Node["responses"]?["403"]);
            }
        });
    }

    private static void Diff(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!a.ContainsKey(key)) differences.Add($"- {path}.{key} (only in the committed document)");
                    else if (!e.ContainsKey(key)) differences.Add($"+ {path}.{key} (only in the running API): {Short(a[key])}");
                    else Diff($"{path}.{key}", e[key], a[key], differences);
                }
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++) Diff($"{path}[{i}]", e[i], a[i], differences);
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    differences.Add($"~ {path}: committed {Short(expected)}, running {Short(actual)}");
                break;
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
