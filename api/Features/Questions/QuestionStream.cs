using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using Npgsql;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The two live streams of a dialogue: what everyone sees, and the moderators' queue.</summary>
public enum StreamAudience { Public, Moderators }

/// <summary>One change in a stream, numbered densely per dialogue and audience.</summary>
internal sealed record StreamItem(long Seq, string Kind, string Payload);

/// <summary>
/// Writes changes to a dialogue's streams in the transaction of the change. The head row of the stream is locked until
/// commit, so numbers are dense and follow commit order; NOTIFY is delivered at commit, never for a rolled-back change.
/// </summary>
internal static class QuestionStream
{
    public const string Channel = "question_stream";

    public static Task AppendAsync(DbSession db, Guid eventId, StreamAudience audience, string kind, Guid questionId, object payload,
        DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync($"""
            with head as (
                insert into question_stream_head (event_id, audience, last_seq) values (@eventId, @Audience, 1)
                on conflict (event_id, audience) do update set last_seq = question_stream_head.last_seq + 1
                returning last_seq)
            insert into question_stream_event (event_id, audience, seq, kind, question_id, payload, at)
            select @eventId, @Audience, last_seq, @kind, @questionId, @Payload::jsonb, @now from head;
            select pg_notify('{Channel}', @eventId::text || '/' || @Audience);
            """, new
        {
            eventId,
            Audience = Wire(audience),
            kind,
            questionId,
            Payload = JsonSerializer.Serialize(payload, Json.Options),
            now,
        }, ct);

    /// <summary>Everyone's stream hears about a published question's change; the moderators hear about their queue.</summary>
    public static Task PublishAsync(DbSession db, QuestionRow row, IReadOnlyList<Answer> answers, string kind, DateTimeOffset now, CancellationToken ct) =>
        AppendAsync(db, row.EventId, StreamAudience.Public, kind, row.Id, row.ToPublic(answers), now, ct);

    /// <summary>
    /// A question left public view: its earlier public events become <c>hidden</c>, so a client resuming from before
    /// them never receives its text again (numbers stay, so nobody's position moves).
    /// </summary>
    public static Task ForgetPublicAsync(DbSession db, Guid questionId, CancellationToken ct) =>
        db.ExecuteAsync("""
            update question_stream_event set kind = 'hidden', payload = jsonb_build_object('id', question_id)
            where question_id = @questionId and audience = 'public' and kind <> 'hidden'
            """, new { questionId }, ct);

    /// <summary>A redacted text replaces the text in every earlier event of the question, in both streams.</summary>
    public static Task RedactAsync(DbSession db, Guid questionId, string text, bool removeDisplayName, CancellationToken ct) =>
        db.ExecuteAsync("""
            update question_stream_event
            set payload = case when @removeDisplayName and payload ? 'displayName'
                               then jsonb_set(jsonb_set(payload, '{text}', to_jsonb(@text::text)), '{displayName}', 'null'::jsonb)
                               else jsonb_set(payload, '{text}', to_jsonb(@text::text)) end
            where question_id = @questionId and payload->>'text' is not null
            """, new { questionId, text, removeDisplayName }, ct);

    public static string Wire(StreamAudience audience) => audience == StreamAudience.Public ? "public" : "moderators";

    public static async Task<long> HeadAsync(DbSession db, Guid eventId, StreamAudience audience, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<long?>("select last_seq from question_stream_head where event_id = @eventId and audience = @Audience",
            new { eventId, Audience = Wire(audience) }, ct) ?? 0;

    public static async Task<IReadOnlyList<StreamItem>> ReadAfterAsync(NpgsqlConnection connection, Guid eventId, StreamAudience audience, long after,
        CancellationToken ct) =>
        (await connection.QueryAsync<StreamItem>(new CommandDefinition("""
            select seq, kind, payload::text as payload from question_stream_event
            where event_id = @eventId and audience = @Audience and seq > @after order by seq limit 1000
            """, new { eventId, Audience = Wire(audience), after }, cancellationToken: ct))).AsList();
}

/// <summary>Settings of the live stream.</summary>
public sealed class StreamOptions
{
    /// <summary>Seconds between heartbeat comments on an idle stream (proxies close silent connections).</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Changes a subscriber may have unwritten before it is dropped (it reconnects and resumes with Last-Event-ID).</summary>
    public int SubscriberBuffer { get; set; } = 512;
}

/// <summary>
/// Fans a dialogue's stream out to this instance's subscribers. One connection per instance LISTENs; a notification
/// makes the instance read the new changes of that stream once and hand them to every local subscriber. Every
/// heartbeat it also reads all streams it serves, so a notification lost in a reconnect delays a change, never loses it.
/// </summary>
public sealed class QuestionStreamHub(NpgsqlDataSource dataSource, StreamOptions options, ILogger<QuestionStreamHub> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(Guid EventId, StreamAudience Audience), Topic> topics = new();

    /// <summary>Subscribers on this instance (for health and benchmarks).</summary>
    public int SubscriberCount => topics.Values.Sum(t => t.Count);

    internal sealed class Subscriber(int buffer)
    {
        public Channel<StreamItem> Items { get; } = System.Threading.Channels.Channel.CreateBounded<StreamItem>(
            new BoundedChannelOptions(buffer) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    private sealed class Topic
    {
        public readonly SemaphoreSlim Fetching = new(1, 1);
        public readonly Lock Gate = new();
        public List<Subscriber> Subscribers = [];
        public long LastSeq = -1;

        public int Count
        {
            get
            {
                lock (Gate) return Subscribers.Count;
            }
        }
    }

    /// <summary>Registers a subscriber before its backlog is read, so that nothing committed in between is missed.</summary>
    internal async Task<Subscriber> SubscribeAsync(Guid eventId, StreamAudience audience, CancellationToken ct)
    {
        var subscriber = new Subscriber(options.SubscriberBuffer);
        var key = (eventId, audience);
        while (true)
        {
            var topic = topics.GetOrAdd(key, _ => new Topic());
            lock (topic.Gate)
            {
                if (!topics.TryGetValue(key, out var current) || current != topic) continue; // removed meanwhile: take the new one
                topic.Subscribers = [.. topic.Subscribers, subscriber];
            }
            await FetchAsync(key, topic, ct);
            return subscriber;
        }
    }

    internal void Unsubscribe(Guid eventId, StreamAudience audience, Subscriber subscriber)
    {
        var key = (eventId, audience);
        if (!topics.TryGetValue(key, out var topic)) return;
        lock (topic.Gate)
        {
            topic.Subscribers = topic.Subscribers.Where(s => s != subscriber).ToList();
            if (topic.Subscribers.Count == 0) topics.TryRemove(KeyValuePair.Create(key, topic));
        }
    }

    /// <summary>Reads what is new in one stream and hands it to the subscribers; the first read only learns where the stream is.</summary>
    private async Task FetchAsync((Guid EventId, StreamAudience Audience) key, Topic topic, CancellationToken ct)
    {
        await topic.Fetching.WaitAsync(ct);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            if (topic.LastSeq < 0)
            {
                topic.LastSeq = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    "select last_seq from question_stream_head where event_id = @EventId and audience = @Audience",
                    new { key.EventId, Audience = QuestionStream.Wire(key.Audience) }, cancellationToken: ct)) ?? 0;
                return;
            }
            while (true)
            {
                var items = await QuestionStream.ReadAfterAsync(connection, key.EventId, key.Audience, topic.LastSeq, ct);
                if (items.Count == 0) return;
                List<Subscriber> subscribers;
                lock (topic.Gate) subscribers = topic.Subscribers;
                foreach (var item in items)
                    foreach (var subscriber in subscribers)
                        if (!subscriber.Items.Writer.TryWrite(item))
                            subscriber.Items.Writer.TryComplete(new ChannelClosedException("The subscriber fell behind."));
                topic.LastSeq = items[^1].Seq;
            }
        }
        finally
        {
            topic.Fetching.Release();
        }
    }

    private void Fetch((Guid EventId, StreamAudience Audience) key, CancellationToken ct)
    {
        if (!topics.TryGetValue(key, out var topic)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await FetchAsync(key, topic, ct);
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                logger.LogWarning(e, "Reading the question stream failed; the next heartbeat tries again");
            }
        }, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heartbeat = Task.Run(() => HeartbeatAsync(stoppingToken), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException)
            {
                logger.LogWarning(e, "Listening for question changes failed; reconnecting");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        await heartbeat.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>One unpooled connection that LISTENs: a LISTEN must never go back to the pool.</summary>
    private async Task ListenAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString) { Pooling = false, KeepAlive = 10 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            var parts = e.Payload.Split('/');
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var eventId))
                Fetch((eventId, parts[1] == "public" ? StreamAudience.Public : StreamAudience.Moderators), ct);
        };
        await using (var listen = new NpgsqlCommand($"listen {QuestionStream.Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
        // Whatever was notified while not listening is read now.
        foreach (var key in topics.Keys) Fetch(key, ct);
        while (true) await connection.WaitAsync(ct);
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        var beat = new StreamItem(0, "heartbeat", "");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.HeartbeatSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                foreach (var (key, topic) in topics)
                {
                    List<Subscriber> subscribers;
                    lock (topic.Gate) subscribers = topic.Subscribers;
                    foreach (var subscriber in subscribers) subscriber.Items.Writer.TryWrite(beat);
                    Fetch(key, ct);
                }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

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
        response.Headers.CacheControl = "no-store";
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
