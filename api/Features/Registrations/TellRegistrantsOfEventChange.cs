using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

// How registration follows what staff do to an event. Events publishes these inside its command, so what is done here
// commits or rolls back with the event's change.

/// <summary>
/// Takes the event's exclusive registration lock before staff change the event, so that no registration is in flight
/// while times, capacities or the state change (docs/decisions/0008). It must come before the event's row lock: a
/// registration holding the shared lock adds to the tally, whose foreign key waits for that row, so the other order
/// deadlocks.
/// </summary>
public sealed class LockRegistrationsWhileEventChanges(DbSession db) : INotificationHandler<EventChanging>
{
    public async ValueTask Handle(EventChanging notification, CancellationToken ct) =>
        await RegistrationQueue.LockAsync(db, notification.EventId, ct);
}

/// <summary>A larger capacity frees places: the waitlist moves up.</summary>
public sealed class PromoteWhenEventUpdated(DbSession db, Outbox outbox, SiteOptions site, RegistrationOptions options)
    : INotificationHandler<EventUpdated>
{
    public async ValueTask Handle(EventUpdated notification, CancellationToken ct) =>
        await RegistrationQueue.PromoteAsync(db, outbox, await db.LoadAsync(notification.EventId, ct), site, options, notification.At, ct);
}

/// <summary>Registrations stand for the new time: everyone is told, and reminded again before it.</summary>
public sealed class TellRegistrantsOfEventRescheduled(DbSession db, Outbox outbox, SiteOptions site, RegistrationOptions options)
    : INotificationHandler<EventRescheduled>
{
    public async ValueTask Handle(EventRescheduled notification, CancellationToken ct)
    {
        await db.ExecuteAsync("update registration set reminded_at = null where event_id = @EventId", notification, ct);
        await RegistrationQueue.NotifyAllAsync(db, outbox, RegistrationMailKind.EventRescheduled, notification.EventId, site, options,
            notification.At, ct);
    }
}

/// <summary>Under the exclusive lock taken on <see cref="EventChanging"/> no registration is in flight: everyone registered is told.</summary>
public sealed class TellRegistrantsOfEventCancelled(DbSession db, Outbox outbox, SiteOptions site, RegistrationOptions options)
    : INotificationHandler<EventCancelled>
{
    public async ValueTask Handle(EventCancelled notification, CancellationToken ct) =>
        await RegistrationQueue.NotifyAllAsync(db, outbox, RegistrationMailKind.EventCancelled, notification.EventId, site, options,
            notification.At, ct);
}
