using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record RevokeOpen311KeyCommand(Guid Id) : ICommand<Unit>;

public sealed class RevokeOpen311KeyHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<RevokeOpen311KeyCommand, Unit>
{
    public async ValueTask<Unit> Handle(RevokeOpen311KeyCommand command, CancellationToken ct)
    {
        if (await db.ExecuteAsync("update open311_key set revoked_at = coalesce(revoked_at, @now) where id = @Id", new { command.Id, now = clock.GetUtcNow() }, ct) == 0)
            throw new NotFoundException(Open311Texts.KeyNotFound, command.Id);
        await audit.WriteAsync("open311.keyRevoke", "open311Key", command.Id.ToString(), null, ct);
        return Unit.Value;
    }
}
