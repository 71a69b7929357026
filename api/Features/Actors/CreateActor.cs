using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Actors;

public sealed record CreateActorCommand(ActorInput Actor) : ICommand<Actor>;

public sealed class CreateActorValidator : AbstractValidator<CreateActorCommand>
{
    public CreateActorValidator() => RuleFor(c => c.Actor).SetValidator(new ActorInputValidator()).OverridePropertyName("");
}

public sealed class CreateActorHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<CreateActorCommand, Actor>
{
    public async ValueTask<Actor> Handle(CreateActorCommand command, CancellationToken ct)
    {
        var id = await db.QuerySingleOrDefaultAsync<Guid>("""
            insert into actor (organisation, kind, contact_name, contact_email, contact_phone, created_at, updated_at)
            values (@Organisation, @Kind, @Name, @Email, @Phone, @Now, @Now)
            returning id
            """, ActorRow.Parameters(command.Actor, clock.GetUtcNow()), ct);
        await audit.WriteAsync("actor.create", "actor", id.ToString(), new { command.Actor.Organisation, command.Actor.Kind }, ct);
        return await ActorRow.LoadAsync(db, id, ct);
    }
}
