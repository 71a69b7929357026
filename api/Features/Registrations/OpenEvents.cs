using Trygghet.Api.Features.Events;

namespace Trygghet.Api.Features.Registrations;

/// <summary>
/// Events recently read open and far from full, so that a registration can go straight to the shared path without
/// reading the event first. Only a hint: the shared path re-checks version, status and places under the lock, and
/// forgets the event when they no longer hold. Kept for a few seconds, so that times and deadlines are fresh.
/// </summary>
public sealed class OpenEvents
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(5);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (EventRow Row, DateTimeOffset ReadAt)> events = new();

    internal EventRow? Get(Guid id, DateTimeOffset now) =>
        events.TryGetValue(id, out var entry) && now - entry.ReadAt < KeptFor && now >= entry.ReadAt ? entry.Row : null;

    internal void Remember(EventRow row, DateTimeOffset now)
    {
        if (events.Count > 10_000) events.Clear();
        events[row.Id] = (row, now);
    }

    internal void Forget(Guid id) => events.TryRemove(id, out _);
}
