using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record EraseMyPersonalDataCommand(string Token) : ICommand<Unit>;

public sealed class EraseMyPersonalDataValidator : AbstractValidator<EraseMyPersonalDataCommand>
{
    public EraseMyPersonalDataValidator() => this.ValidToken(c => c.Token);
}

/// <summary>Erases e-mail, name and needs now, with the messages about the registration; the place is kept.</summary>
public sealed class EraseMyPersonalDataHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<EraseMyPersonalDataCommand, Unit>
{
    public async ValueTask<Unit> Handle(EraseMyPersonalDataCommand command, CancellationToken ct)
    {
        var registration = await ManagedRegistrations.FindAsync(db, command.Token, forUpdate: true, ct);
        await RegistrationRetention.EraseAsync(db, [registration.Id], clock.GetUtcNow(), ct);
        await audit.WriteAsync("registration.erase", "registration", registration.Id.ToString(), new { by = "registrant" }, ct);
        return Unit.Value;
    }
}
