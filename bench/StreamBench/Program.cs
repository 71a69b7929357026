using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Usage: StreamBench API_URL DIALOGUE_ID API_PID SUBSCRIBERS QUESTIONS
// Measures, for each approved question, the time from sending the approval to its `published` event arriving at
// every subscriber: first with one subscriber (the baseline), then with SUBSCRIBERS. Prints p50/p99/max and the API
// process's resident memory before and with the subscribers. Exit code 0 when p99 ≤ 1 s with SUBSCRIBERS.
var (api, dialogue, apiPid, subscribers, questions) = (args[0].TrimEnd('/'), Guid.Parse(args[1]), int.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4]));

var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var http = new HttpClient(handler) { BaseAddress = new Uri(api), Timeout = Timeout.InfiniteTimeSpan };
var token = (await (await http.PostAsJsonAsync("/api/v1/dev/token", new { role = "moderator" })).EnsureSuccessStatusCode()
    .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
using var moderator = new HttpClient { BaseAddress = new Uri(api) };
moderator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

long Rss() => long.Parse(File.ReadLines($"/proc/{apiPid}/status").First(l => l.StartsWith("VmRSS:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
var rssBefore = Rss();

var baseline = await Measure(1, Math.Min(questions, 50));
GC.Collect();
var (latencies, rssWith, approveMs) = await Measure(subscribers, questions, measureMemory: true);

Console.WriteLine();
Console.WriteLine($"  subscribers  samples        p50         p99         max");
Print(1, baseline.Latencies);
Print(subscribers, latencies);
Console.WriteLine($"  approval request itself: p50 {Percentile(approveMs, 0.5):F1} ms");
Console.WriteLine($"  API resident memory: {rssBefore / 1048576.0:F0} MiB before, {rssWith / 1048576.0:F0} MiB with {subscribers} subscribers " +
    $"({(rssWith - rssBefore) / 1024.0 / subscribers:F0} KiB per subscriber)");
var p99 = Percentile(latencies, 0.99);
Console.WriteLine($"  p99 with {subscribers} subscribers {p99:F1} ms   target ≤ 1000 ms {(p99 <= 1000 ? "PASS" : "FAIL")}");
return p99 <= 1000 ? 0 : 1;

void Print(int n, List<double> values) =>
    Console.WriteLine($"  {n,11}  {values.Count,7}  {Percentile(values, 0.5),8:F1} ms  {Percentile(values, 0.99),8:F1} ms  {values.Max(),8:F1} ms");

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

async Task<(List<double> Latencies, long Rss, List<double> ApproveMs)> Measure(int n, int count, bool measureMemory = false)
{
    using var stop = new CancellationTokenSource();
    var received = new System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<long>>();
    var connected = 0;
    var readers = Enumerable.Range(0, n).Select(_ => Task.Run(async () =>
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dialogues/{dialogue}/questions/stream");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            string? kind = null;
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.StartsWith("retry:")) Interlocked.Increment(ref connected);
                else if (line.StartsWith("event: ")) kind = line[7..];
                else if (line.StartsWith("data: ") && kind == "published")
                {
                    var now = Stopwatch.GetTimestamp();
                    var id = JsonDocument.Parse(line[6..]).RootElement.GetProperty("id").GetString()!;
                    received.GetOrAdd(id, _ => []).Add(now);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    })).ToList();

    var deadline = Stopwatch.StartNew();
    while (Volatile.Read(ref connected) < n)
    {
        if (deadline.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException($"only {connected} of {n} subscribers connected");
        await Task.Delay(50);
    }
    Console.WriteLine($"{n} subscribers connected in {deadline.Elapsed.TotalSeconds:F1} s; approving {count} questions…");
    await Task.Delay(1000);
    var rss = measureMemory ? Rss() : 0;

    var latencies = new List<double>();
    var approveMs = new List<double>();
    for (var i = 0; i < count; i++)
    {
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dialogues/{dialogue}/questions")
        {
            Content = JsonContent.Create(new { text = $"Bänkfråga {i} om tryggheten i Fruängen ({Guid.NewGuid():N})" }),
        };
        ask.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var id = (await (await http.SendAsync(ask)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var sent = Stopwatch.GetTimestamp();
        (await moderator.PostAsJsonAsync($"/api/v1/questions/{id}/approve", new { acknowledgeFlags = true })).EnsureSuccessStatusCode();
        approveMs.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        var wait = Stopwatch.StartNew();
        while ((received.TryGetValue(id, out var bag) ? bag.Count : 0) < n)
        {
            if (wait.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"question {i} reached {(received.TryGetValue(id, out var b) ? b.Count : 0)} of {n}");
            await Task.Delay(5);
        }
        latencies.AddRange(received[id].Select(at => Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds));
        await Task.Delay(100);
    }
    await stop.CancelAsync();
    await Task.WhenAll(readers);
    return (latencies, rss, approveMs);
}
