using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Trygghet.Api.Tests.Support;

/// <summary>One Server-Sent Event as a browser's EventSource would dispatch it.</summary>
public sealed record SseEvent(long Id, string Event, string Data)
{
    public JsonNode Json => JsonNode.Parse(Data)!;
}

/// <summary>Reads a text/event-stream response the way EventSource does: fields until a blank line, comments counted as heartbeats.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<SseEvent> events = Channel.CreateUnbounded<SseEvent>();
    private readonly Task reading;
    private int heartbeats;

    private SseReader(HttpResponseMessage response)
    {
        this.response = response;
        reading = Task.Run(ReadAsync);
    }

    public HttpResponseMessage Response => response;

    public int Heartbeats => Volatile.Read(ref heartbeats);

    public static async Task<SseReader> OpenAsync(HttpClient http, string url, long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseReader(response);
    }

    /// <summary>The next event, or a failure after the timeout (default 10 s).</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await events.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Whether an event arrives within the time; for asserting that nothing does.</summary>
    public async Task<SseEvent?> TryNextAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try
        {
            return await events.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            if (!response.IsSuccessStatusCode) return;
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            long id = 0;
            string kind = "message";
            var data = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0) await events.Writer.WriteAsync(new SseEvent(id, kind, string.Join('\n', data)), stop.Token);
                    kind = "message";
                    data.Clear();
                }
                else if (line.StartsWith(':')) Interlocked.Increment(ref heartbeats);
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) kind = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Add(line[6..]);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        await reading;
        stop.Dispose();
    }
}
