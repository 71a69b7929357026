using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Actors;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record AssignObservationCommand(Guid Id, AssignRequest Request) : ICommand<Observation>;

public sealed class AssignObservationValidator : AbstractValidator<AssignObservationCommand>
{
    public AssignObservationValidator() => RuleFor(c => c.Request.ActorId).NotEmpty().OverridePropertyName("actorId");
}

public sealed class AssignObservationHandler(DbSession db, TimeProvider clock, AuditLog audit, ReportFollowers followers)
    : ICommandHandler<AssignObservationCommand, Observation>
{
    public async ValueTask<Observation> Handle(AssignObservationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = await db.LoadObservationAsync(command.Id, now, ct);
        if (!ObservationRules.IsOpen(current.Status)) throw new ConflictException(ObservationTexts.Ended, ObservationTexts.Status(current.Status).Format());
        var organisation = await db.QuerySingleOrDefaultAsync<string>("select organisation from actor where id = @ActorId", command.Request, ct)
            ?? throw new BusinessRuleException(ActorTexts.NotFound);
        await db.ExecuteAsync("""
            update observation set responsible_actor_id = @ActorId, deadline = @Deadline, updated_at = @now where id = @Id;
            insert into observation_history (observation_id, at, status, responsible, deadline) values (@Id, @now, @Status, @organisation, @Deadline);
            """, new { command.Id, command.Request.ActorId, command.Request.Deadline, now, Status = WireName.Of(current.Status), organisation }, ct);
        await audit.WriteAsync("observation.assign", "observation", command.Id.ToString(), new { command.Request.ActorId, command.Request.Deadline }, ct);
        var assigned = await db.LoadObservationAsync(command.Id, now, ct);
        await followers.TellAsync(current, assigned, ct);
        return assigned;
    }
}
