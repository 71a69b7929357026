using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

public sealed record CreateEventCommand(EventInput Event) : ICommand<EventPlan>;

public sealed class CreateEventValidator : AbstractValidator<CreateEventCommand>
{
    public CreateEventValidator(AreaLocator locator) => RuleFor(c => c.Event).NotNull().SetValidator(new EventInputValidator(locator))
        .OverridePropertyName(""); // field paths relative to the request body
}

public sealed class CreateEventHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<CreateEventCommand, EventPlan>
{
    public async ValueTask<EventPlan> Handle(CreateEventCommand command, CancellationToken ct)
    {
        var input = command.Event;
        var now = clock.GetUtcNow();
        var slug = input.Slug ?? await FreeSlugAsync(EventWrites.SlugFor(input), ct);
        if (input.Slug is not null && await db.QuerySingleOrDefaultAsync<bool>("select true from event where slug = @slug", new { slug }, ct))
            throw new ConflictException(EventTexts.SlugTaken, slug);
        var parameters = new Dapper.DynamicParameters(await EventWrites.ParametersAsync(db, input, null, ct));
        parameters.AddDynamicParams(new { Kind = WireName.Of(input.Kind), Slug = slug, Now = now });
        // Insert the identity, then set every planned column through the one column list that edit uses too.
        var id = await db.QuerySingleOrDefaultAsync<Guid>("""
            insert into event (kind, slug, title, area_id, format, starts_at, ends_at, participation_level, created_at, updated_at)
            values (@Kind, @Slug, @Title, @AreaId, @Format, @StartsAt, @EndsAt, @ParticipationLevel, @Now, @Now)
            returning id
            """, parameters, ct);
        parameters.Add("Id", id);
        await db.ExecuteAsync($"update event set {EventWrites.Columns} where id = @Id", parameters, ct);
        await audit.WriteAsync("event.create", "event", id.ToString(), new { input.Kind, slug, input.Title }, ct);
        return (await db.LoadAsync(id, ct)).ToPlan(now);
    }

    private async Task<string> FreeSlugAsync(string wanted, CancellationToken ct)
    {
        var taken = await db.QueryAsync<string>("select slug from event where slug = @wanted or slug like @pattern",
            new { wanted, pattern = wanted + "-%" }, ct);
        if (!taken.Contains(wanted)) return wanted;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{wanted}-{n}")) return $"{wanted}-{n}";
    }
}
