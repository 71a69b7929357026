using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>Where a measure stands.</summary>
public enum MeasureStatus { Planned, InProgress, Completed, Cancelled }

/// <summary>A safety measure (trygghetsskapande åtgärd) as staff publish it.</summary>
/// <param name="Title">Short public title, e.g. <c>Ny belysning i gångtunneln vid Västberga allé</c>.</param>
/// <param name="Description">What is done, and why.</param>
/// <param name="AreaSlug">The neighbourhood (or the district).</param>
/// <param name="Status">Planned, in progress, completed or cancelled.</param>
/// <param name="ResponsibleActorId">The organisation doing it.</param>
/// <param name="StartsOn">When work starts (or started).</param>
/// <param name="CompletedOn">When it was completed.</param>
/// <param name="ObservationIds">The observations it answers.</param>
/// <param name="EventIds">The dialogues and walks it answers.</param>
public sealed record MeasureInput(string Title, string Description, string AreaSlug, MeasureStatus Status, Guid? ResponsibleActorId = null,
    DateOnly? StartsOn = null, DateOnly? CompletedOn = null, IReadOnlyList<Guid>? ObservationIds = null, IReadOnlyList<Guid>? EventIds = null);

/// <summary>An observation a measure answers.</summary>
public sealed record ObservationRef(Guid Id, long Number, ObservationCategory Category, string? Description, ObservationStatus Status);

/// <summary>A dialogue or walk a measure answers.</summary>
public sealed record EventRef(Guid Id, EventKind Kind, string Slug, string Title, DateTimeOffset StartsAt);

/// <summary>A published safety measure.</summary>
/// <param name="Version">Row version; the same value is sent as the <c>ETag</c> header.</param>
/// <param name="PersonalDataWarnings">Only in the answer to staff who save the measure: what in the title or description looks like personal
/// data, with offsets. A warning to read the text again, never a block; null on reads.</param>
public sealed record Measure(Guid Id, string Title, string Description, AreaRef Area, string? Responsible, Guid? ResponsibleActorId, MeasureStatus Status,
    DateOnly? StartsOn, DateOnly? CompletedOn, IReadOnlyList<ObservationRef> Observations, IReadOnlyList<EventRef> Events, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<TextFinding>? PersonalDataWarnings = null);

public sealed record CreateMeasure(MeasureInput Input) : ICommand<Measure>;

public sealed record UpdateMeasure(Guid Id, int ExpectedVersion, MeasureInput Input) : ICommand<Measure>;

public sealed record ListMeasures(string? Area, MeasureStatus? Status, int? Limit, string? Cursor) : IQuery<Page<Measure>>;

public sealed record GetMeasure(Guid Id) : IQuery<Measure>;

public sealed class MeasureInputValidator : AbstractValidator<MeasureInput>
{
    public MeasureInputValidator()
    {
        RuleFor(m => m.Title).NotEmpty().Length(3, 200);
        RuleFor(m => m.Description).NotNull().MaximumLength(10_000);
        RuleFor(m => m.AreaSlug).AreaSlug();
        RuleFor(m => m.Status).IsInEnum();
        RuleFor(m => m.CompletedOn).GreaterThanOrEqualTo(m => m.StartsOn).When(m => m.StartsOn is not null && m.CompletedOn is not null);
        RuleFor(m => m.ObservationIds).Must(ids => ids is null || ids.Count <= 200);
        RuleFor(m => m.EventIds).Must(ids => ids is null || ids.Count <= 50);
    }
}

public sealed class CreateMeasureValidator : AbstractValidator<CreateMeasure>
{
    public CreateMeasureValidator() => RuleFor(c => c.Input).NotNull().SetValidator(new MeasureInputValidator()).OverridePropertyName("");
}

public sealed class UpdateMeasureValidator : AbstractValidator<UpdateMeasure>
{
    public UpdateMeasureValidator() => RuleFor(c => c.Input).NotNull().SetValidator(new MeasureInputValidator()).OverridePropertyName("");
}

public sealed class ListMeasuresValidator : AbstractValidator<ListMeasures>
{
    public ListMeasuresValidator()
    {
        RuleFor(q => q.Area!).AreaSlug().When(q => q.Area is not null);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

internal sealed record MeasureRow(Guid Id, string Title, string Description, string AreaSlug, string AreaName, string AreaKind, string? Responsible,
    Guid? ResponsibleActorId, string Status, DateOnly? StartsOn, DateOnly? CompletedOn, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const string Select = """
        select m.id, m.title, m.description, a.slug as area_slug, a.name as area_name, a.kind as area_kind, ac.organisation as responsible,
               m.responsible_actor_id, m.status, m.starts_on, m.completed_on, m.version, m.created_at, m.updated_at
        from measure m join area a on a.id = m.area_id left join actor ac on ac.id = m.responsible_actor_id
        """;
}

internal static class MeasureQueries
{
    public static async Task<IReadOnlyList<Measure>> LoadMeasuresAsync(this DbSession db, string where, object param, CancellationToken ct, int? limit = null)
    {
        var rows = await db.QueryAsync<MeasureRow>($"{MeasureRow.Select} where {where} order by m.created_at desc, m.id desc"
            + (limit is { } take ? $" limit {take}" : ""), param, ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToArray();
        var observations = await db.QueryAsync<(Guid MeasureId, Guid Id, long Number, string Category, string? Description, string Status)>("""
            select mo.measure_id, o.id, o.number, o.category, case when o.description_status = 'cleared' then o.description end, o.status
            from measure_observation mo join observation o on o.id = mo.observation_id
            where mo.measure_id = any(@ids) order by o.number
            """, new { ids }, ct);
        var events = await db.QueryAsync<(Guid MeasureId, Guid Id, string Kind, string Slug, string Title, DateTimeOffset StartsAt)>("""
            select me.measure_id, e.id, e.kind, e.slug, e.title, e.starts_at
            from measure_event me join event e on e.id = me.event_id
            where me.measure_id = any(@ids) order by e.starts_at
            """, new { ids }, ct);
        return rows.Select(r => new Measure(r.Id, r.Title, r.Description, new AreaRef(r.AreaSlug, r.AreaName, AreaKinds.Parse(r.AreaKind)), r.Responsible,
            r.ResponsibleActorId, WireName.Parse<MeasureStatus>(r.Status), r.StartsOn, r.CompletedOn,
            observations.Where(o => o.MeasureId == r.Id).Select(o => new ObservationRef(o.Id, o.Number, WireName.Parse<ObservationCategory>(o.Category),
                o.Description, WireName.Parse<ObservationStatus>(o.Status))).ToList(),
            events.Where(e => e.MeasureId == r.Id).Select(e => new EventRef(e.Id, WireName.Parse<EventKind>(e.Kind), e.Slug, e.Title, Time.Local(e.StartsAt))).ToList(),
            r.Version, Time.Local(r.CreatedAt), Time.Local(r.UpdatedAt))).ToList();
    }

    public static async Task<Measure> LoadMeasureAsync(this DbSession db, Guid id, CancellationToken ct) =>
        (await db.LoadMeasuresAsync("m.id = @id", new { id }, ct)).SingleOrDefault() ?? throw new NotFoundException("measure.notFound", id);
}

public sealed class MeasureHandlers(DbSession db, TimeProvider clock, AuditLog audit) :
    ICommandHandler<CreateMeasure, Measure>, ICommandHandler<UpdateMeasure, Measure>, IQueryHandler<ListMeasures, Page<Measure>>,
    IQueryHandler<GetMeasure, Measure>
{
    public async ValueTask<Measure> Handle(CreateMeasure command, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await WriteAsync(id, command.Input, insert: true, ct);
        await audit.WriteAsync("measure.create", "measure", id.ToString(), new { command.Input.Title }, ct);
        return await WithWarningsAsync(id, ct);
    }

    public async ValueTask<Measure> Handle(UpdateMeasure command, CancellationToken ct)
    {
        var version = await db.QuerySingleOrDefaultAsync<int?>("select version from measure where id = @Id for update", command, ct)
            ?? throw new NotFoundException("measure.notFound", command.Id);
        if (version != command.ExpectedVersion) throw new PreconditionFailedException("concurrency.stale");
        await WriteAsync(command.Id, command.Input, insert: false, ct);
        await audit.WriteAsync("measure.update", "measure", command.Id.ToString(), new { command.Input.Title, command.Input.Status }, ct);
        return await WithWarningsAsync(command.Id, ct);
    }

    /// <summary>Staff write measures, so the confidentiality filter's findings come back as a warning with the saved measure.</summary>
    private async Task<Measure> WithWarningsAsync(Guid id, CancellationToken ct)
    {
        var measure = await db.LoadMeasureAsync(id, ct);
        return measure with { PersonalDataWarnings = ConfidentialityPolicy.Screen(("title", measure.Title), ("description", measure.Description)) };
    }

    private async Task WriteAsync(Guid id, MeasureInput input, bool insert, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var areaId = await db.QuerySingleOrDefaultAsync<Guid?>("select id from area where slug = @AreaSlug and kind in ('district', 'neighbourhood')", input, ct)
            ?? throw new BusinessRuleException("area.unknown", input.AreaSlug);
        if (input.ResponsibleActorId is { } actorId && !await db.QuerySingleOrDefaultAsync<bool>("select true from actor where id = @actorId", new { actorId }, ct))
            throw new BusinessRuleException("actor.notFound");
        var observationIds = (input.ObservationIds ?? []).Distinct().ToArray();
        var eventIds = (input.EventIds ?? []).Distinct().ToArray();
        var found = await db.QuerySingleOrDefaultAsync<(int Observations, int Events)>("""
            select (select count(*)::int from observation where id = any(@observationIds)), (select count(*)::int from event where id = any(@eventIds) and status <> 'draft')
            """, new { observationIds, eventIds }, ct);
        if (found.Observations != observationIds.Length || found.Events != eventIds.Length) throw new BusinessRuleException("measure.linkUnknown");
        var parameters = new
        {
            id,
            input.Title,
            Description = input.Description,
            areaId,
            input.ResponsibleActorId,
            Status = WireName.Of(input.Status),
            input.StartsOn,
            input.CompletedOn,
            now,
            observationIds,
            eventIds,
        };
        await db.ExecuteAsync(insert
            ? """
              insert into measure (id, title, description, area_id, responsible_actor_id, status, starts_on, completed_on, created_at, updated_at)
              values (@id, @Title, @Description, @areaId, @ResponsibleActorId, @Status, @StartsOn, @CompletedOn, @now, @now)
              """
            : """
              update measure set title = @Title, description = @Description, area_id = @areaId, responsible_actor_id = @ResponsibleActorId,
                     status = @Status, starts_on = @StartsOn, completed_on = @CompletedOn, version = version + 1, updated_at = @now
              where id = @id
              """, parameters, ct);
        await db.ExecuteAsync("""
            delete from measure_observation where measure_id = @id;
            delete from measure_event where measure_id = @id;
            insert into measure_observation (measure_id, observation_id) select @id, unnest(@observationIds);
            insert into measure_event (measure_id, event_id) select @id, unnest(@eventIds);
            """, parameters, ct);
    }

    public async ValueTask<Page<Measure>> Handle(ListMeasures query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var filters = new List<string> { "true" };
        if (query.Area is not null)
        {
            if (!await db.QuerySingleOrDefaultAsync<bool>("select true from area where slug = @Area", query, ct)) throw new NotFoundException("area.notFound", query.Area);
            filters.Add("(a.slug = @Area or a.parent_id = (select id from area where slug = @Area) or a.id = (select parent_id from area where slug = @Area))");
        }
        if (query.Status is not null) filters.Add("m.status = @Status");
        if (hasCursor) filters.Add("(m.created_at, m.id) < (@At, @After)");
        var items = await db.LoadMeasuresAsync(string.Join(" and ", filters),
            new { query.Area, Status = query.Status is { } s ? WireName.Of(s) : null, At = at, After = after }, ct, limit + 1);
        var page = items.Take(limit).ToList();
        return new Page<Measure>(page, items.Count > limit ? Cursor.Encode(page[^1].CreatedAt, page[^1].Id) : null);
    }

    public async ValueTask<Measure> Handle(GetMeasure query, CancellationToken ct) => await db.LoadMeasureAsync(query.Id, ct);
}
