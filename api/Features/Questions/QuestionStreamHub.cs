using System.Collections.Concurrent;
using System.Threading.Channels;
using Dapper;
using Npgsql;

namespace Trygghet.Api.Features.Questions;

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

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
        Justification = "A SemaphoreSlim awaited only with WaitAsync holds no wait handle; a topic is dropped, not disposed, when its last subscriber leaves.")]
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
