using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record ListCategories : IQuery<IReadOnlyList<CategoryInfo>>;

/// <param name="ReporterKind">staff, actor, participant or open311.</param>
/// <param name="ReporterRef">Who (never public): a subject, actor id, registration id or key id.</param>
public sealed record RecordObservation(ObservationInput Input, string ReporterKind, string ReporterRef) : ICommand<Observation>;

public sealed record RecordParticipantObservation(string Token, ParticipantObservationInput Input) : ICommand<Observation>;

public sealed record ListObservations(string? Area, ObservationStatus? Status, ObservationCategory? Category, Guid? WalkId, bool? Overdue,
    int? Limit, string? Cursor) : IQuery<Page<Observation>>;

public sealed record ListAssignedObservations(Guid ActorId) : IQuery<IReadOnlyList<Observation>>;

public sealed record GetObservation(Guid Id) : IQuery<Observation>;

public sealed record AssignObservation(Guid Id, AssignRequest Request) : ICommand<Observation>;

/// <param name="ActorId">Set when an actor changes the status: only what is assigned to their organisation.</param>
public sealed record ChangeObservationStatus(Guid Id, StatusChangeRequest Request, Guid? ActorId) : ICommand<Observation>;

public sealed class ObservationInputValidator : AbstractValidator<ObservationInput>
{
    public ObservationInputValidator()
    {
        RuleFor(o => o.Category).IsInEnum();
        RuleFor(o => o.Description).NotEmpty().Length(3, 4_000);
        RuleFor(o => o.Severity).InclusiveBetween(1, 3);
        RuleFor(o => o.Lat).InclusiveBetween(-90, 90);
        RuleFor(o => o.Lon).InclusiveBetween(-180, 180);
    }
}

public sealed class RecordObservationValidator : AbstractValidator<RecordObservation>
{
    public RecordObservationValidator() => RuleFor(c => c.Input).NotNull().SetValidator(new ObservationInputValidator()).OverridePropertyName("");
}

public sealed class RecordParticipantObservationValidator : AbstractValidator<RecordParticipantObservation>
{
    public RecordParticipantObservationValidator()
    {
        this.ValidToken(c => c.Token);
        RuleFor(c => new ObservationInput(c.Input.Category, c.Input.Description, c.Input.Severity, c.Input.Lat, c.Input.Lon, null))
            .SetValidator(new ObservationInputValidator()).OverridePropertyName("");
    }
}

public sealed class ListObservationsValidator : AbstractValidator<ListObservations>
{
    public ListObservationsValidator()
    {
        RuleFor(q => q.Area!).AreaSlug().When(q => q.Area is not null);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class AssignObservationValidator : AbstractValidator<AssignObservation>
{
    public AssignObservationValidator() => RuleFor(c => c.Request.ActorId).NotEmpty().OverridePropertyName("actorId");
}

public sealed class ChangeObservationStatusValidator : AbstractValidator<ChangeObservationStatus>
{
    public ChangeObservationStatusValidator()
    {
        RuleFor(c => c.Request.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(c => c.Request.Note).MaximumLength(2_000).OverridePropertyName("note");
        RuleFor(c => c.Request.Note).NotEmpty().When(c => ObservationRules.NeedsNote(c.Request.Status))
            .WithMessage(_ => Messages.Get("observation.noteRequired")).OverridePropertyName("note");
        RuleFor(c => c.Request.DuplicateOf).NotEmpty().When(c => c.Request.Status == ObservationStatus.Duplicate).OverridePropertyName("duplicateOf");
    }
}

public sealed class ObservationHandlers(DbSession db, TimeProvider clock, AreaLocator locator, AuditLog audit) :
    IQueryHandler<ListCategories, IReadOnlyList<CategoryInfo>>, ICommandHandler<RecordObservation, Observation>,
    ICommandHandler<RecordParticipantObservation, Observation>, IQueryHandler<ListObservations, Page<Observation>>,
    IQueryHandler<ListAssignedObservations, IReadOnlyList<Observation>>, IQueryHandler<GetObservation, Observation>,
    ICommandHandler<AssignObservation, Observation>, ICommandHandler<ChangeObservationStatus, Observation>
{
    /// <summary>Participants may record observations from the walk's start until this long after its end.</summary>
    public static readonly TimeSpan ParticipantWindowAfterEnd = TimeSpan.FromDays(14);

    public async ValueTask<IReadOnlyList<CategoryInfo>> Handle(ListCategories query, CancellationToken ct) =>
        (await db.QueryAsync<(string Code, string NameSv, string NameEn, string Description, string Parameter)>(
            "select code, name_sv, name_en, description, safetipin_parameter from observation_category order by sort", null, ct))
        .Select(c => new CategoryInfo(WireName.Parse<ObservationCategory>(c.Code), c.NameSv, c.NameEn, c.Description, c.Parameter)).ToList();

    public async ValueTask<Observation> Handle(RecordObservation command, CancellationToken ct)
    {
        var input = command.Input;
        if (input.WalkId is { } walkId
            && await db.QuerySingleOrDefaultAsync<string>("select kind from event where id = @walkId", new { walkId }, ct) != "walk")
            throw new BusinessRuleException("observation.walkUnknown", walkId);
        return await InsertAsync(input, command.ReporterKind, command.ReporterRef, ct);
    }

    public async ValueTask<Observation> Handle(RecordParticipantObservation command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var registration = await db.QuerySingleOrDefaultAsync<(Guid Id, Guid EventId, string Status, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string EventStatus)?>($"""
            select r.id, r.event_id, r.status, e.kind, e.starts_at, e.ends_at, e.status as event_status
            from registration r join event e on e.id = r.event_id
            where {RegistrationRow.ByToken}
            """, new { Hash = SecretTokens.Hash(command.Token) }, ct) ?? throw new NotFoundException("registration.notFound");
        if (registration.Kind != "walk" || registration.Status == "cancelled" || registration.EventStatus == "cancelled")
            throw new ConflictException("observation.notAWalkParticipant");
        if (now < registration.StartsAt || now > registration.EndsAt + ParticipantWindowAfterEnd)
            throw new ConflictException("observation.outsideWalk");
        var input = command.Input;
        return await InsertAsync(new ObservationInput(input.Category, input.Description, input.Severity, input.Lat, input.Lon, registration.EventId),
            "participant", registration.Id.ToString(), ct);
    }

    private async Task<Observation> InsertAsync(ObservationInput input, string reporterKind, string reporterRef, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var area = await locator.LocateAsync(input.Lat, input.Lon, ct);
        if (area is null || area.Kind != AreaKind.Neighbourhood) throw new BusinessRuleException("observation.outsideDistrict");
        var description = input.Description.Trim();
        // Whoever reports, what looks like personal data waits for a moderator; the rest of the observation is public at once.
        var findings = ConfidentialityPolicy.Screen(("description", description));
        var id = await db.QuerySingleOrDefaultAsync<Guid>("""
            insert into observation (category, description, description_status, findings, severity, lat, lon, area_id, walk_id, reporter_kind, reporter_ref,
                                     created_at, updated_at)
            select @Category, @description, @DescriptionStatus, @Findings::jsonb, @Severity, @Lat, @Lon, a.id, @WalkId, @reporterKind, @reporterRef, @now, @now
            from area a where a.slug = @Slug
            returning id
            """, new
        {
            Category = WireName.Of(input.Category),
            description,
            DescriptionStatus = findings.Count > 0 ? "held" : "cleared",
            Findings = JsonSerializer.Serialize(findings, Json.Options),
            Severity = (short)input.Severity,
            input.Lat,
            input.Lon,
            input.WalkId,
            reporterKind,
            reporterRef,
            now,
            area.Slug,
        }, ct);
        await db.ExecuteAsync("insert into observation_history (observation_id, at, status) values (@id, @now, 'reported')", new { id, now }, ct);
        return await db.LoadOneAsync(id, now, ct);
    }

    public async ValueTask<Page<Observation>> Handle(ListObservations query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var filters = new List<string> { "true" };
        if (query.Area is not null)
        {
            if (!await db.QuerySingleOrDefaultAsync<bool>("select true from area where slug = @Area", query, ct)) throw new NotFoundException("area.notFound", query.Area);
            // The area itself, its children and their children: the city, a district or a neighbourhood.
            filters.Add("""
                (a.slug = @Area or a.parent_id = (select id from area where slug = @Area)
                 or a.parent_id in (select id from area where parent_id = (select id from area where slug = @Area)))
                """);
        }
        if (query.Status is not null) filters.Add("o.status = @Status");
        if (query.Category is not null) filters.Add("o.category = @Category");
        if (query.WalkId is not null) filters.Add("o.walk_id = @WalkId");
        if (query.Overdue is { } overdue)
            filters.Add((overdue ? "" : "not ") + "coalesce(o.deadline < @Today and o.status in ('reported', 'investigating', 'planned', 'inProgress'), false)");
        if (hasCursor) filters.Add("(o.created_at, o.id) < (@At, @After)");
        var items = await db.LoadAsync(string.Join(" and ", filters), new
        {
            query.Area,
            Status = query.Status is { } s ? WireName.Of(s) : null,
            Category = query.Category is { } c ? WireName.Of(c) : null,
            query.WalkId,
            Today = DateOnly.FromDateTime(Time.Local(now).DateTime),
            At = at,
            After = after,
        }, now, ct, orderBy: "o.created_at desc, o.id desc", limit: limit + 1);
        var page = items.Take(limit).ToList();
        return new Page<Observation>(page, items.Count > limit ? Cursor.Encode(page[^1].ReportedAt, page[^1].Id) : null);
    }

    public async ValueTask<IReadOnlyList<Observation>> Handle(ListAssignedObservations query, CancellationToken ct) =>
        await db.LoadAsync("o.responsible_actor_id = @ActorId", query, clock.GetUtcNow(), ct, orderBy: "o.deadline nulls last, o.created_at");

    public async ValueTask<Observation> Handle(GetObservation query, CancellationToken ct) => await db.LoadOneAsync(query.Id, clock.GetUtcNow(), ct);

    public async ValueTask<Observation> Handle(AssignObservation command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = await db.LoadOneAsync(command.Id, now, ct);
        if (!ObservationRules.IsOpen(current.Status)) throw new ConflictException("observation.ended", WireName.Of(current.Status));
        var organisation = await db.QuerySingleOrDefaultAsync<string>("select organisation from actor where id = @ActorId", command.Request, ct)
            ?? throw new BusinessRuleException("actor.notFound");
        await db.ExecuteAsync("""
            update observation set responsible_actor_id = @ActorId, deadline = @Deadline, updated_at = @now where id = @Id;
            insert into observation_history (observation_id, at, status, responsible, deadline) values (@Id, @now, @Status, @organisation, @Deadline);
            """, new { command.Id, command.Request.ActorId, command.Request.Deadline, now, Status = WireName.Of(current.Status), organisation }, ct);
        await audit.WriteAsync("observation.assign", "observation", command.Id.ToString(), new { command.Request.ActorId, command.Request.Deadline }, ct);
        return await db.LoadOneAsync(command.Id, now, ct);
    }

    public async ValueTask<Observation> Handle(ChangeObservationStatus command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = await db.LoadOneAsync(command.Id, now, ct);
        if (command.ActorId is { } actorId && current.ResponsibleActorId != actorId) throw new ForbiddenException("observation.notYours");
        var request = command.Request;
        // An actor's note is public as written, so what looks like personal data goes back to the actor to rephrase.
        if (command.ActorId is not null) ConfidentialityPolicy.RequireClear(("note", request.Note));
        if (!ObservationRules.Allows(current.Status, request.Status))
            throw new ConflictException("observation.transition", WireName.Of(current.Status), WireName.Of(request.Status));
        if (request.DuplicateOf is { } original && (original == current.Id
            || !await db.QuerySingleOrDefaultAsync<bool>("select true from observation where id = @original", new { original }, ct)))
            throw new BusinessRuleException("observation.duplicateUnknown");
        await db.ExecuteAsync("""
            update observation set status = @Status, status_note = coalesce(@Note, status_note), duplicate_of = @DuplicateOf,
                   fixed_at = case when @Status = 'fixed' then @now else fixed_at end, updated_at = @now
            where id = @Id;
            insert into observation_history (observation_id, at, status, note, responsible, deadline)
            values (@Id, @now, @Status, @Note, @Responsible, @Deadline);
            """, new
        {
            command.Id,
            Status = WireName.Of(request.Status),
            Note = request.Note?.Trim(),
            DuplicateOf = request.Status == ObservationStatus.Duplicate ? request.DuplicateOf : null,
            now,
            current.Responsible,
            current.Deadline,
        }, ct);
        await audit.WriteAsync("observation.status", "observation", command.Id.ToString(), new { from = current.Status, to = request.Status }, ct);
        return await db.LoadOneAsync(command.Id, now, ct);
    }
}
