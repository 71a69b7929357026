using System.Text;
using System.Threading.Channels;
using Dapper;
using Npgsql;

namespace Trygghet.Api.Features.Questions;

/// <summary>Writes a stream as Server-Sent Events: backlog after Last-Event-ID first, then live changes and heartbeats.</summary>
internal static class ServerSentEvents
{
    public const string ContentType = "text/event-stream";

    public static async Task WriteAsync(HttpContext http, QuestionStreamHub hub, NpgsqlDataSource dataSource, Guid eventId, StreamAudience audience,
        long? after)
    {
        var ct = http.RequestAborted;
        var response = http.Response;
        response.ContentType = ContentType;
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass each event on at once
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

        var subscriber = await hub.SubscribeAsync(eventId, audience, ct);
        try
        {
            long last;
            await using (var connection = await dataSource.OpenConnectionAsync(ct))
            {
                last = after ?? await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    "select last_seq from question_stream_head where event_id = @eventId and audience = @Audience",
                    new { eventId, Audience = QuestionStream.Wire(audience) }, cancellationToken: ct)) ?? 0;
                await response.WriteAsync("retry: 3000\n\n", ct);
                if (after is not null)
                    while (true)
                    {
                        var backlog = await QuestionStream.ReadAfterAsync(connection, eventId, audience, last, ct);
                        if (backlog.Count == 0) break;
                        foreach (var item in backlog) await WriteItemAsync(response, item, ct);
                        last = backlog[^1].Seq;
                    }
            }
            await response.Body.FlushAsync(ct);

            await foreach (var item in subscriber.Items.Reader.ReadAllAsync(ct))
            {
                if (item.Seq == 0)
                    await response.WriteAsync(": heartbeat\n\n", ct);
                else if (item.Seq > last)
                {
                    await WriteItemAsync(response, item, ct);
                    last = item.Seq;
                }
                if (subscriber.Items.Reader.Count == 0) await response.Body.FlushAsync(ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException or IOException)
        {
            // The client left, or fell behind and reconnects with Last-Event-ID.
        }
        finally
        {
            hub.Unsubscribe(eventId, audience, subscriber);
        }
    }

    private static Task WriteItemAsync(HttpResponse response, StreamItem item, CancellationToken ct) =>
        response.WriteAsync(new StringBuilder().Append("id: ").Append(item.Seq).Append("\nevent: ").Append(item.Kind)
            .Append("\ndata: ").Append(item.Payload).Append("\n\n").ToString(), ct);
}
