using Trygghet.Api.Features.Actors;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Observations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

internal sealed record MeasureRow(Guid Id, string Title, string Description, string AreaSlug, string AreaName, string AreaKind, string? Responsible,
    Guid? ResponsibleActorId, string Status, DateOnly? StartsOn, DateOnly? CompletedOn, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const string Select = """
        select m.id, m.title, m.description, a.slug as area_slug, a.name as area_name, a.kind as area_kind, ac.organisation as responsible,
               m.responsible_actor_id, m.status, m.starts_on, m.completed_on, m.version, m.created_at, m.updated_at
        from measure m join area a on a.id = m.area_id left join actor ac on ac.id = m.responsible_actor_id
        """;
}

internal static class MeasureStore
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
        (await db.LoadMeasuresAsync("m.id = @id", new { id }, ct)).SingleOrDefault() ?? throw new NotFoundException(MeasureTexts.NotFound, id);

    /// <summary>Staff write measures, so the confidentiality filter's findings come back as a warning with the saved measure.</summary>
    public static async Task<Measure> LoadWithWarningsAsync(this DbSession db, Guid id, CancellationToken ct)
    {
        var measure = await db.LoadMeasureAsync(id, ct);
        return measure with { PersonalDataWarnings = ConfidentialityPolicy.Screen(("title", measure.Title), ("description", measure.Description)) };
    }

    /// <summary>Inserts or updates a measure and replaces its links, once its area, actor and every linked observation and event are known.</summary>
    public static async Task SaveMeasureAsync(this DbSession db, Guid id, MeasureInput input, bool insert, DateTimeOffset now, CancellationToken ct)
    {
        var areaId = await db.QuerySingleOrDefaultAsync<Guid?>("select id from area where slug = @AreaSlug and kind in ('district', 'neighbourhood')", input, ct)
            ?? throw new BusinessRuleException(AreaTexts.Unknown, input.AreaSlug);
        if (input.ResponsibleActorId is { } actorId && !await db.QuerySingleOrDefaultAsync<bool>("select true from actor where id = @actorId", new { actorId }, ct))
            throw new BusinessRuleException(ActorTexts.NotFound);
        var observationIds = (input.ObservationIds ?? []).Distinct().ToArray();
        var eventIds = (input.EventIds ?? []).Distinct().ToArray();
        var found = await db.QuerySingleOrDefaultAsync<(int Observations, int Events)>("""
            select (select count(*)::int from observation where id = any(@observationIds)), (select count(*)::int from event where id = any(@eventIds) and status <> 'draft')
            """, new { observationIds, eventIds }, ct);
        if (found.Observations != observationIds.Length || found.Events != eventIds.Length) throw new BusinessRuleException(MeasureTexts.LinkUnknown);
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
}
