using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Actors;

public sealed record UpdateActorCommand(Guid Id, int ExpectedVersion, ActorInput Actor) : ICommand<Actor>;

public sealed class UpdateActorValidator : AbstractValidator<UpdateActorCommand>
{
    public UpdateActorValidator() => RuleFor(c => c.Actor).SetValidator(new ActorInputValidator()).OverridePropertyName("");
}

public sealed class UpdateActorHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<UpdateActorCommand, Actor>
{
    public async ValueTask<Actor> Handle(UpdateActorCommand command, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(ActorRow.Parameters(command.Actor, clock.GetUtcNow()));
        parameters.AddDynamicParams(new { command.Id, command.ExpectedVersion });
        var updated = await db.ExecuteAsync("""
            update actor set organisation = @Organisation, kind = @Kind, contact_name = @Name, contact_email = @Email,
                   contact_phone = @Phone, version = version + 1, updated_at = @Now
            where id = @Id and version = @ExpectedVersion
            """, parameters, ct);
        if (updated == 0)
        {
            await ActorRow.LoadAsync(db, command.Id, ct); // 404 when it does not exist
            throw new PreconditionFailedException(CommonTexts.Stale);
        }
        await audit.WriteAsync("actor.update", "actor", command.Id.ToString(), new { command.Actor.Organisation, command.Actor.Kind }, ct);
        return await ActorRow.LoadAsync(db, command.Id, ct);
    }
}
