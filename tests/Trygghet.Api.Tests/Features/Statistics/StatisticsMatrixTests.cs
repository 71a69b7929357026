using System.Text.Json;

namespace Trygghet.Api.Tests.Features.Statistics;

/// <summary>
/// Every question the crime series can be asked answers: 200 with a series, or a 400/404 problem; never a server
/// error for lack of data, and never a zero where no figure is known.
/// </summary>
public sealed class StatisticsMatrixTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Areas = ["stockholm", "hagersten-alvsjo", "fruangen", "atlantis"];
    private static readonly string[] Sources = ["bra", "police"];
    private static readonly string?[] Categories = [null, "Totalt antal brott", "Inbrott", "Ingen sådan kategori"];
    private static readonly string[] Units = ["count", "per100k"];
    private static readonly string[] Granularities = ["month", "quarter", "year"];

    private static string Data(string folder, string file) => StatisticsData.Read(folder, file);

    private Task Import(string path, string body, string mediaType) => Api.ImportAsync(path, body, mediaType);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_combination_answers_a_series_or_a_problem(bool seeded)
    {
        Api.Clock.Set(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        if (seeded)
        {
            await Import("/api/v1/statistics/imports/police-events", Data("polisen", "hagersten-alvsjo-mentions-2023-2026.json"), "application/json");
            await Import("/api/v1/statistics/imports/bra", Data("bra", "anmalda-brott-bromma-hagersten-alvsjo-monthly-2025.csv"), "text/csv");
            await Import("/api/v1/statistics/imports/bra", Data("bra", "anmalda-brott-stockholm-stadsdelsomraden-per100k-2021-2025.csv"), "text/csv");
        }
        var http = Api.CreateClient();
        var failures = new List<string>();
        var queries = from area in Areas
                      from source in Sources
                      from category in Categories
                      from unit in Units
                      from granularity in Granularities
                      from format in new[] { "json", "csv" }
                      from unfinished in new[] { "", "&includeUnfinished=true" }
                      select (Format: format, Unfinished: unfinished.Length > 0,
                          Text: $"area={area}&source={source}&unit={unit}&granularity={granularity}&format={format}{unfinished}"
                              + (category is null ? "" : $"&category={Uri.EscapeDataString(category)}"));
        foreach (var (format, unfinished, query) in queries)
        {
            var response = await http.GetAsync($"/api/v1/statistics/crime?{query}");
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status is not (200 or 400 or 404))
            {
                failures.Add($"{query} → {status}: {body}");
                continue;
            }
            if (status != 200)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") failures.Add($"{query} → {status} without a problem");
                continue;
            }
            if (format == "csv") continue;
            using var json = JsonDocument.Parse(body);
            foreach (var point in json.RootElement.GetProperty("points").EnumerateArray())
            {
                var value = point.GetProperty("value");
                var reason = point.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                if (value.ValueKind == JsonValueKind.Null && reason is null)
                    failures.Add($"{query}: {point.GetProperty("period")} has no value and no reason");
                if (!unfinished && reason == "unfinished")
                    failures.Add($"{query}: {point.GetProperty("period")} is not over");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
