using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>How a resident takes part: in the room or remotely.</summary>
public enum RegistrationMode { OnSite, Remote }

/// <summary>A place (<c>confirmed</c>), in the queue for one (<c>waitlisted</c>), or given up (<c>cancelled</c>).</summary>
public enum RegistrationStatus { Confirmed, Waitlisted, Cancelled }

/// <summary>Why an event does not take registrations.</summary>
public enum RegistrationClosedReason { NotPublished, Cancelled, Held, DeadlinePassed, ModeNotOffered }

/// <summary>A resident's registration. No account: the answer carries a secret manage link.</summary>
/// <param name="Mode">On site or remote (the event's format decides which are offered).</param>
/// <param name="ConsentVersion">The version of the privacy notice the resident agreed to, e.g. <c>2026-01</c>.</param>
/// <param name="Email">Where confirmation, reminder and changes are sent; required for remote participation.</param>
/// <param name="Name">Optional; shown to staff only.</param>
/// <param name="AccessibilityNeeds">What the resident needs to take part (interpreter, step-free access, hearing loop …); staff only.</param>
public sealed record RegistrationRequest(
    RegistrationMode Mode,
    string ConsentVersion,
    string? Email = null,
    string? Name = null,
    string? AccessibilityNeeds = null);

/// <summary>The answer to a registration: status, check-in code and the secret manage link (given only here and by e-mail).</summary>
/// <param name="Id">The registration.</param>
/// <param name="EventId">The dialogue or walk.</param>
/// <param name="Mode">On site or remote.</param>
/// <param name="Status">Confirmed or waitlisted.</param>
/// <param name="WaitlistPosition">Place in the queue (1 = next to be promoted) when waitlisted.</param>
/// <param name="CheckInCode">Eight characters to show at the door; no look-alike characters.</param>
/// <param name="ManageToken">The secret of the manage link; send it in the <c>X-Registration-Token</c> header. Stored only hashed.</param>
/// <param name="ManageUrl">The manage link as e-mailed: the secret after <c>#</c>, so it never reaches a server log.</param>
public sealed record RegistrationReceipt(Guid Id, Guid EventId, RegistrationMode Mode, RegistrationStatus Status, int? WaitlistPosition,
    string CheckInCode, string ManageToken, string ManageUrl);

/// <summary>The event as the holder of a manage link sees it.</summary>
public sealed record RegisteredEvent(Guid Id, EventKind Kind, string Slug, string Title, EventStatus Status, EventFormat Format,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string AreaName, string? VenueName, string? VenueAddress, string? CancelReason);

/// <summary>When the meeting link of a remote event can be fetched (<c>POST /registration/join</c>).</summary>
/// <param name="OpensAt">From when.</param>
/// <param name="ClosesAt">Until when (the end of the event).</param>
/// <param name="Open">Whether it can be fetched now.</param>
public sealed record MeetingWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open);

/// <summary>What the holder of a manage link sees: their own registration and the personal data kept about them.</summary>
/// <param name="Meeting">For a confirmed remote registration: when the meeting link opens.</param>
/// <param name="PersonalDataErased">True once e-mail, name and needs have been erased (on request or after the retention time).</param>
/// <param name="CanChange">Whether mode changes and cancellation are still possible.</param>
public sealed record ManagedRegistration(Guid Id, RegisteredEvent Event, RegistrationMode Mode, RegistrationStatus Status, int? WaitlistPosition,
    string CheckInCode, string? Email, string? Name, string? AccessibilityNeeds, string ConsentVersion, bool PersonalDataErased,
    DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt, MeetingWindow? Meeting, bool CanChange);

/// <summary>The meeting link, for a confirmed remote participant inside the window.</summary>
public sealed record MeetingLink(string Url, DateTimeOffset ClosesAt);

/// <summary>Change between on site and remote; the new mode must have a free place.</summary>
/// <param name="Mode">The mode to change to.</param>
/// <param name="Email">Needed when changing to remote without an e-mail address on file.</param>
public sealed record ModeChangeRequest(RegistrationMode Mode, string? Email = null);

/// <summary>A registration as staff see it (personal data; every read is audited).</summary>
public sealed record StaffRegistration(Guid Id, RegistrationMode Mode, RegistrationStatus Status, int? WaitlistPosition, string CheckInCode,
    string? Email, string? Name, string? AccessibilityNeeds, string ConsentVersion, DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt,
    DateTimeOffset? CancelledAt, DateTimeOffset? CheckedInAt, DateTimeOffset? JoinedAt, DateTimeOffset? ErasedAt);

/// <summary>Counts of one mode.</summary>
/// <param name="Capacity">Places; null when unlimited.</param>
/// <param name="Confirmed">Registrations with a place.</param>
/// <param name="Waitlisted">Registrations in the queue.</param>
/// <param name="Cancelled">Registrations given up.</param>
/// <param name="Attended">On site: checked in; remote: fetched the meeting link while it was open (or checked in).</param>
public sealed record ModeCounts(int? Capacity, int Confirmed, int Waitlisted, int Cancelled, int Attended);

/// <summary>Registrations and attendance of an event, on site and remote.</summary>
/// <param name="PersonalDataErasedAfter">When registrants' e-mail, name and needs are erased: the event's end plus the
/// retention period (<c>Registrations__RetentionDays</c>).</param>
public sealed record RegistrationSummary(Guid EventId, ModeCounts OnSite, ModeCounts Remote, DateTimeOffset PersonalDataErasedAfter);

/// <summary>Check a participant in by the code they show.</summary>
/// <param name="Code">The eight-character check-in code (case and spaces do not matter).</param>
public sealed record CheckInRequest(string Code);

/// <summary>Places of one mode, for the public.</summary>
/// <param name="Capacity">Places; null when unlimited.</param>
/// <param name="Available">Free places; null when unlimited.</param>
/// <param name="Waitlisted">People in the queue.</param>
public sealed record ModeAvailability(int? Capacity, int? Available, int Waitlisted);

/// <summary>Whether a dialogue or walk takes registrations, and how many places are left.</summary>
/// <param name="Open">Whether registration is open now.</param>
/// <param name="ClosedReason">Why not, when closed.</param>
/// <param name="Deadline">When registration closes.</param>
/// <param name="OnSite">Places on site; null when not offered.</param>
/// <param name="Remote">Places remotely; null when not offered.</param>
public sealed record Availability(bool Open, RegistrationClosedReason? ClosedReason, DateTimeOffset Deadline, ModeAvailability? OnSite, ModeAvailability? Remote);

/// <summary>A registration row with its event, as the handlers read it.</summary>
internal sealed record RegistrationRow(Guid Id, Guid EventId, long Queue, string Mode, string Status, string? Email, string? Name, string? Needs,
    string ConsentVersion, string Language, string CheckInCode, DateTimeOffset? CheckedInAt, DateTimeOffset? JoinedAt, DateTimeOffset CreatedAt,
    DateTimeOffset? PromotedAt, DateTimeOffset? CancelledAt, DateTimeOffset? ErasedAt, int? WaitlistPosition)
{
    public const string Select = """
        select r.id, r.event_id, r.queue, r.mode, r.status, r.email, r.name, r.needs, r.consent_version, r.language, r.check_in_code,
               r.checked_in_at, r.joined_at, r.created_at, r.promoted_at, r.cancelled_at, r.erased_at,
               case when r.status = 'waitlisted' then (select count(*)::int from registration w
                    where w.event_id = r.event_id and w.mode = r.mode and w.status = 'waitlisted' and w.queue <= r.queue) end as waitlist_position
        from registration r
        """;

    /// <summary>The registration behind a manage link: the first link, or the one of the reminder (reads <c>@Hash</c>).</summary>
    public const string ByToken = "(r.token_hash = @Hash or r.reminder_token_hash = @Hash)";

    public RegistrationMode ModeValue => WireName.Parse<RegistrationMode>(Mode);

    public RegistrationStatus StatusValue => WireName.Parse<RegistrationStatus>(Status);

    public StaffRegistration ToStaff() => new(Id, ModeValue, StatusValue, WaitlistPosition, CheckInCode, Email, Name, Needs, ConsentVersion,
        Time.Local(CreatedAt), Local(PromotedAt), Local(CancelledAt), Local(CheckedInAt), Local(JoinedAt), Local(ErasedAt));

    private static DateTimeOffset? Local(DateTimeOffset? at) => at is { } value ? Time.Local(value) : null;
}

public sealed class RegistrationOptions
{
    /// <summary>Minutes before the start from which a confirmed remote participant can fetch the meeting link.</summary>
    public int MeetingLinkOpensMinutesBefore { get; set; } = 30;

    /// <summary>Hours before the start when confirmed participants get a reminder.</summary>
    public int ReminderHoursBefore { get; set; } = 48;

    /// <summary>Days after the end of the event when e-mail, name and needs are erased.</summary>
    public int RetentionDays { get; set; } = 30;
}
