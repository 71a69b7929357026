using Trygghet.Api.Features.Actors;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>
/// The routine ("rutinen") an event must pass before it is published: notice to the public and to actors,
/// the required actor kinds invited, accessibility stated, the remote link present. Configured under <c>Publishing</c>.
/// </summary>
public sealed class PublishingOptions
{
    public int MinimumPublicNoticeDays { get; set; } = 14;
    public int MinimumActorNoticeDays { get; set; } = 21;
    public string[] RequiredActorKinds { get; set; } = ["police", "administration"];

    /// <summary>Names of checks that only warn instead of blocking publication.</summary>
    public string[] WarnOnly { get; set; } = [];

    /// <summary>
    /// Days after an event's end within which its feedback (återkoppling) is published: the public sees the date as
    /// <c>feedbackExpectedBy</c> until the event is closed.
    /// </summary>
    public int FeedbackWithinDays { get; set; } = DefaultFeedbackWithinDays;

    public const int DefaultFeedbackWithinDays = 28;
}

/// <summary>The result of one routine check.</summary>
/// <param name="Name">Stable name: <c>publicNotice</c>, <c>actorNotice</c>, <c>requiredActors</c>, <c>venueAccessibility</c>, <c>remoteLink</c>,
/// <c>personalData</c> (a warning, never blocking: the title, description or problem looks like it holds personal data),
/// <c>lightCondition</c> (walks only; a warning, never blocking: a daylight walk that is not wholly between sunrise and sunset, or a
/// walk in darkness that is, reckoned for its date at its meeting point or else in Stockholm).</param>
/// <param name="Passed">Whether the event passes it.</param>
/// <param name="Blocking">Whether a failure blocks publishing (else it only warns).</param>
/// <param name="Message">What was found, in the caller's language.</param>
public sealed record PublicationCheck(string Name, bool Passed, bool Blocking, string Message);

/// <summary>The routine checks of an event.</summary>
/// <param name="Ready">True when no blocking check fails.</param>
/// <param name="Checks">Every check, passed or not.</param>
public sealed record PublicationReport(bool Ready, IReadOnlyList<PublicationCheck> Checks);

/// <summary>A walk's planned light condition and where and when it ends, as the light check sees it.</summary>
public sealed record LightFact(LightCondition Planned, DateTimeOffset EndsAt, double? Lat, double? Lon);

/// <summary>An invitation as the checks see it.</summary>
public sealed record InvitationFact(string ActorKind, DateTimeOffset InvitedAt, string Status);

public static class RoutineChecks
{
    public static PublicationReport Run(EventFormat format, DateTimeOffset startsAt, string? venueAddress, string? accessibilityNotes,
        string? remoteUrl, IReadOnlyList<InvitationFact> invitations, DateTimeOffset now, PublishingOptions options,
        IReadOnlyList<TextFinding>? findings = null, LightFact? light = null)
    {
        var live = invitations.Where(i => i.Status != "declined").ToList();
        var checks = new List<PublicationCheck>();
        void Add(string name, bool passed, string failure) =>
            checks.Add(new PublicationCheck(name, passed, !options.WarnOnly.Contains(name), passed ? EventTexts.CheckPassed.Format() : failure));

        var daysAhead = (int)Math.Floor((startsAt - now).TotalDays);
        Add("publicNotice", startsAt - now >= TimeSpan.FromDays(options.MinimumPublicNoticeDays),
            EventTexts.CheckPublicNotice.Format(options.MinimumPublicNoticeDays, Math.Max(daysAhead, 0)));

        var late = live.Count(i => startsAt - i.InvitedAt < TimeSpan.FromDays(options.MinimumActorNoticeDays));
        Add("actorNotice", live.Count > 0 && late == 0,
            live.Count == 0 ? EventTexts.CheckActorNoticeNone.Format() : EventTexts.CheckActorNotice.Format(options.MinimumActorNoticeDays, late));

        var missing = options.RequiredActorKinds.Where(kind => live.All(i => i.ActorKind != kind)).ToList();
        Add("requiredActors", missing.Count == 0, EventTexts.CheckRequiredActors.Format(string.Join(", ", missing.Select(ActorTexts.KindName))));

        if (format is EventFormat.OnSite or EventFormat.Hybrid)
            Add("venueAccessibility", !string.IsNullOrWhiteSpace(venueAddress) && !string.IsNullOrWhiteSpace(accessibilityNotes),
                EventTexts.CheckVenueAccessibility.Format());
        if (format is EventFormat.Remote or EventFormat.Hybrid)
            Add("remoteLink", !string.IsNullOrWhiteSpace(remoteUrl), EventTexts.CheckRemoteLink.Format());

        // Staff write these texts, so what looks like personal data is a warning to read them again, never a block. The venue
        // and meeting point are addresses on purpose and are not screened.
        findings ??= [];
        checks.Add(new PublicationCheck("personalData", findings.Count == 0, Blocking: false, findings.Count == 0 ? EventTexts.CheckPassed.Format()
            : EventTexts.CheckPersonalData.Format(string.Join(", ", findings.Select(f => EventTexts.Field(f.Field)).Distinct()))));

        // The sun decides, not the label: a wrong label is worth a second look but never stops a walk, and the public event shows the
        // light as it will be (LightCheck.Public).
        if (light is not null)
        {
            var holds = LightCheck.Holds(light.Planned, startsAt, light.EndsAt, light.Lat, light.Lon);
            var sun = SunTimes.OnDateOf(startsAt, light.Lat ?? SunTimes.StockholmLat, light.Lon ?? SunTimes.StockholmLon);
            string Clock(DateTimeOffset at) => Time.Local(at).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var failure = holds || sun is not { } s ? EventTexts.CheckPassed.Format()
                : (light.Planned == LightCondition.Daylight ? EventTexts.CheckLightDaylight : EventTexts.CheckLightDarkness)
                    .Format(Clock(s.Sunrise), Clock(s.Sunset), Clock(startsAt), Clock(light.EndsAt));
            checks.Add(new PublicationCheck("lightCondition", holds, Blocking: false, failure));
        }

        return new PublicationReport(checks.All(c => c.Passed || !c.Blocking), checks);
    }

    internal static async Task<PublicationReport> RunAsync(DbSession db, EventRow row, DateTimeOffset now, PublishingOptions options, CancellationToken ct)
    {
        var invitations = await db.QueryAsync<InvitationFact>("""
            select a.kind as actor_kind, i.invited_at, i.status
            from invitation i join actor a on a.id = i.actor_id
            where i.event_id = @Id
            """, new { row.Id }, ct);
        return Run(row.FormatValue, row.StartsAt, row.VenueAddress, row.AccessibilityNotes, row.RemoteUrl, invitations, now, options,
            ConfidentialityPolicy.Screen(("title", row.Title), ("description", row.Description), ("problem", row.Problem)),
            row.WalkValue?.LightCondition is { } planned ? new LightFact(planned, row.EndsAt, row.MeetingLat, row.MeetingLon) : null);
    }
}
