using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

// Staff work with an event's registrations: the list (personal data, every read audited), its CSV export,
// counts and attendance, and check-in at the door. Plus the public availability of places.

public sealed record ListRegistrations(Guid EventId, int? Limit, string? Cursor) : IQuery<Page<StaffRegistration>>;

public sealed record ExportRegistrations(Guid EventId) : IQuery<string>;

public sealed record GetRegistrationSummary(Guid EventId) : IQuery<RegistrationSummary>;

public sealed record CheckIn(Guid EventId, CheckInRequest Request) : ICommand<StaffRegistration>;

public sealed record GetAvailability(EventKind Kind, string IdOrSlug) : IQuery<Availability>;

public sealed class ListRegistrationsValidator : AbstractValidator<ListRegistrations>
{
    public ListRegistrationsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).Must(c => c is null || Cursor.TryDecode(c, out long _)).WithMessage(_ => Messages.Get("paging.badCursor"));
    }
}

public sealed class CheckInValidator : AbstractValidator<CheckIn>
{
    public CheckInValidator() => RuleFor(c => c.Request.Code).NotEmpty().MaximumLength(20)
        .Must(code => CheckInCodes.Normalise(code) is { Length: 8 }).WithMessage(_ => Messages.Get("registration.codeFormat")).OverridePropertyName("code");
}

internal static class CheckInCodes
{
    public static string Normalise(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}

public sealed class StaffRegistrationHandlers(DbSession db, AuditLog audit, TimeProvider clock, RegistrationOptions options) :
    IQueryHandler<ListRegistrations, Page<StaffRegistration>>, IQueryHandler<ExportRegistrations, string>,
    IQueryHandler<GetRegistrationSummary, RegistrationSummary>, ICommandHandler<CheckIn, StaffRegistration>,
    IQueryHandler<GetAvailability, Availability>
{
    public async ValueTask<Page<StaffRegistration>> Handle(ListRegistrations query, CancellationToken ct)
    {
        await db.LoadAsync(query.EventId, ct);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var after = Cursor.TryDecode(query.Cursor, out long queue) ? queue : 0;
        var rows = await db.QueryAsync<RegistrationRow>(RegistrationRow.Select + """
             where r.event_id = @EventId and r.queue > @after order by r.queue limit @take
            """, new { query.EventId, after, take = limit + 1 }, ct);
        var items = rows.Take(limit).Select(r => r.ToStaff()).ToList();
        await audit.WriteAsync("registration.read", "event", query.EventId.ToString(), new { count = items.Count }, ct);
        return new Page<StaffRegistration>(items, rows.Count > limit ? Cursor.Encode(rows[limit - 1].Queue) : null);
    }

    public async ValueTask<string> Handle(ExportRegistrations query, CancellationToken ct)
    {
        await db.LoadAsync(query.EventId, ct);
        var rows = await db.QueryAsync<RegistrationRow>(RegistrationRow.Select + " where r.event_id = @EventId order by r.queue", query, ct);
        await audit.WriteAsync("registration.export", "event", query.EventId.ToString(), new { count = rows.Count }, ct);
        static DateTimeOffset? At(DateTimeOffset? at) => at is { } value ? Time.Local(value) : null;
        return Csv.Write(
            ["mode", "status", "waitlist_position", "check_in_code", "name", "email", "accessibility_needs", "registered_at", "checked_in_at", "joined_at", "erased_at"],
            rows.Select(r => new object?[]
            {
                r.Mode, r.Status, r.WaitlistPosition, r.CheckInCode, r.Name, r.Email, r.Needs, At(r.CreatedAt), At(r.CheckedInAt), At(r.JoinedAt), At(r.ErasedAt),
            }));
    }

    public async ValueTask<RegistrationSummary> Handle(GetRegistrationSummary query, CancellationToken ct)
    {
        var row = await db.LoadAsync(query.EventId, ct);
        var counts = await db.QueryAsync<RegistrationQueue.ModeCount>(RegistrationQueue.CountsSql, query, ct);
        ModeCounts Of(RegistrationMode mode)
        {
            var c = RegistrationQueue.For(counts, mode);
            return new ModeCounts(RegistrationQueue.Capacity(row, mode), c.Confirmed, c.Waitlisted, c.Cancelled, c.Attended);
        }
        return new RegistrationSummary(row.Id, Of(RegistrationMode.OnSite), Of(RegistrationMode.Remote), row.EndsAt.AddDays(options.RetentionDays));
    }

    public async ValueTask<StaffRegistration> Handle(CheckIn command, CancellationToken ct)
    {
        await db.LoadAsync(command.EventId, ct);
        var code = CheckInCodes.Normalise(command.Request.Code);
        var row = await db.QuerySingleOrDefaultAsync<RegistrationRow>(RegistrationRow.Select + " where r.event_id = @EventId and r.check_in_code = @code for update of r",
            new { command.EventId, code }, ct) ?? throw new NotFoundException("registration.codeUnknown");
        if (row.StatusValue == RegistrationStatus.Cancelled) throw new ConflictException("registration.isCancelled");
        await db.ExecuteAsync("update registration set checked_in_at = coalesce(checked_in_at, @now), updated_at = @now where id = @Id",
            new { row.Id, now = clock.GetUtcNow() }, ct);
        await audit.WriteAsync("registration.checkIn", "registration", row.Id.ToString(), null, ct);
        return (await db.QuerySingleOrDefaultAsync<RegistrationRow>(RegistrationRow.Select + " where r.id = @Id", new { row.Id }, ct))!.ToStaff();
    }

    public async ValueTask<Availability> Handle(GetAvailability query, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<EventRow>(EventRow.Select + """
             where e.kind = @Kind and e.status <> 'draft' and (e.slug = @IdOrSlug or e.id::text = @IdOrSlug)
            """, new { Kind = WireName.Of(query.Kind), query.IdOrSlug }, ct)
            ?? throw new NotFoundException("event.notFound", query.IdOrSlug);
        var now = clock.GetUtcNow();
        var counts = await db.QueryAsync<RegistrationQueue.ModeCount>(RegistrationQueue.TallySql, new { EventId = row.Id }, ct);
        ModeAvailability? Of(RegistrationMode mode)
        {
            if (!RegistrationQueue.Offers(row, mode)) return null;
            var c = RegistrationQueue.For(counts, mode);
            var capacity = RegistrationQueue.Capacity(row, mode);
            return new ModeAvailability(capacity, capacity is { } places ? Math.Max(0, places - c.Confirmed) : null, c.Waitlisted);
        }
        var reason = RegistrationQueue.ClosedReason(row, now);
        return new Availability(reason is null, reason, Time.Local(RegistrationQueue.Deadline(row)), Of(RegistrationMode.OnSite), Of(RegistrationMode.Remote));
    }
}
