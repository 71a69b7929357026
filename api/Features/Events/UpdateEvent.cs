using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Replaces what staff planned. Times of a published event change only through reschedule.</summary>
public sealed record UpdateEventCommand(Guid Id, int ExpectedVersion, EventInput Event) : ICommand<EventPlan>;

public sealed class UpdateEventValidator : AbstractValidator<UpdateEventCommand>
{
    public UpdateEventValidator(AreaLocator locator) => RuleFor(c => c.Event).NotNull().SetValidator(new EventInputValidator(locator))
        .OverridePropertyName(""); // field paths relative to the request body
}

public sealed class UpdateEventHandler(DbSession db, AuditLog audit, TimeProvider clock, IPublisher publisher)
    : ICommandHandler<UpdateEventCommand, EventPlan>
{
    public async ValueTask<EventPlan> Handle(UpdateEventCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Capacities may change: no registration may be in flight meanwhile.
        await publisher.Publish(new EventChanging(command.Id), ct);
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        if (row.Version != command.ExpectedVersion) throw new PreconditionFailedException(CommonTexts.Stale);
        row.RequireStatus(now, "edit", EventStatus.Draft, EventStatus.Published, EventStatus.Rescheduled);
        var input = command.Event;
        if (input.Kind != row.KindValue) throw new ConflictException(EventTexts.KindFixed);
        if (row.Status != "draft" && (input.StartsAt != row.StartsAt || input.EndsAt != row.EndsAt))
            throw new ConflictException(EventTexts.TimesViaReschedule);
        var slug = input.Slug ?? row.Slug;
        if (slug != row.Slug && await db.QuerySingleOrDefaultAsync<bool>("select true from event where slug = @slug", new { slug }, ct))
            throw new ConflictException(EventTexts.SlugTaken, slug);

        var parameters = new Dapper.DynamicParameters(await EventWrites.ParametersAsync(db, input, row.Id, ct));
        parameters.AddDynamicParams(new { row.Id, Slug = slug, Now = now, Public = row.Status != "draft" });
        await db.ExecuteAsync($"""
            update event set {EventWrites.Columns}, slug = @Slug, version = version + 1, updated_at = @Now,
                   sequence = sequence + case when @Public then 1 else 0 end
            where id = @Id
            """, parameters, ct);
        await audit.WriteAsync("event.update", "event", row.Id.ToString(), new { input.Title, slug }, ct);
        await publisher.Publish(new EventUpdated(row.Id, now), ct); // a larger capacity frees places
        return (await db.LoadAsync(row.Id, ct)).ToPlan(now);
    }
}
