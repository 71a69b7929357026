using Mediator;

namespace Trygghet.Api.Features.Events;

// What happens to an event that other features keep state about. Published inside the command, so their handlers run
// on the same DbSession and commit or roll back with the change. Mediator's default publisher (ForeachAwaitPublisher)
// runs the handlers one after the other, as the one connection of a DbSession requires.

/// <summary>
/// An event's times, places or state are about to change: published before the event's row is locked. A feature that
/// serialises its own writes per event (registration, under an advisory lock) takes its lock here. Taking it after the
/// row would deadlock: a registration holding that lock adds to its tally, whose foreign key waits for the row.
/// </summary>
public sealed record EventChanging(Guid EventId) : INotification;

/// <summary>Staff edited an event; its capacities may have grown.</summary>
public sealed record EventUpdated(Guid EventId, DateTimeOffset At) : INotification;

/// <summary>A published event moved to a new time.</summary>
public sealed record EventRescheduled(Guid EventId, DateTimeOffset At) : INotification;

/// <summary>A published event was cancelled.</summary>
public sealed record EventCancelled(Guid EventId, DateTimeOffset At) : INotification;

/// <summary>A held event was closed with its minutes and feedback.</summary>
public sealed record EventClosed(Guid EventId, DateTimeOffset At) : INotification;
