using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>What the self-service use cases share: the registration behind a manage link, and how its holder sees it.</summary>
internal static class ManagedRegistrations
{
    public static async Task<RegistrationRow> FindAsync(DbSession db, string token, bool forUpdate, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<RegistrationRow>(
            $"{RegistrationRow.Select} where {RegistrationRow.ByToken}" + (forUpdate ? " for update of r" : ""),
            new { Hash = SecretTokens.Hash(token) }, ct)
        ?? throw new NotFoundException(RegistrationTexts.NotFound);

    /// <summary>The registration and its event, under the event's exclusive lock (places may change hands).</summary>
    public static async Task<(RegistrationRow, EventRow)> LockAsync(DbSession db, string token, CancellationToken ct)
    {
        var eventId = (await FindAsync(db, token, forUpdate: false, ct)).EventId;
        await RegistrationQueue.LockAsync(db, eventId, ct);
        return (await FindAsync(db, token, forUpdate: true, ct), await db.LoadAsync(eventId, ct));
    }

    /// <summary>When a remote participant can fetch the meeting link: a set time before the start until the end.</summary>
    public static MeetingWindow Window(EventRow row, RegistrationOptions options) =>
        new(Time.Local(row.StartsAt.AddMinutes(-options.MeetingLinkOpensMinutesBefore)), Time.Local(row.EndsAt), false);

    public static ManagedRegistration View(RegistrationRow r, EventRow row, DateTimeOffset now, RegistrationOptions options)
    {
        var status = row.StatusAt(now);
        var window = r.ModeValue == RegistrationMode.Remote && r.StatusValue == RegistrationStatus.Confirmed && status != EventStatus.Cancelled
            ? Window(row, options) is var w ? w with { Open = now >= w.OpensAt && now < w.ClosesAt && status is EventStatus.Published or EventStatus.Rescheduled } : null
            : null;
        var registeredEvent = new RegisteredEvent(row.Id, row.KindValue, row.Slug, row.Title, status, row.FormatValue, Time.Local(row.StartsAt),
            Time.Local(row.EndsAt), row.AreaName, row.VenueName, row.VenueAddress, row.CancelReason);
        return new ManagedRegistration(r.Id, registeredEvent, r.ModeValue, r.StatusValue, r.WaitlistPosition, r.CheckInCode, r.Email, r.Name, r.Needs,
            r.ConsentVersion, r.ErasedAt is not null, Time.Local(r.CreatedAt), r.CheckedInAt is { } at ? Time.Local(at) : null, window,
            CanChange: r.StatusValue != RegistrationStatus.Cancelled && status is EventStatus.Published or EventStatus.Rescheduled && now < row.StartsAt);
    }
}
