using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record CheckInCommand(Guid EventId, CheckInRequest Request) : ICommand<StaffRegistration>;

public sealed class CheckInValidator : AbstractValidator<CheckInCommand>
{
    public CheckInValidator() => RuleFor(c => c.Request.Code).NotEmpty().MaximumLength(20)
        .Must(code => CheckInCodes.Normalise(code) is { Length: 8 }).WithMessage(_ => RegistrationTexts.CodeFormat.Format()).OverridePropertyName("code");
}

/// <summary>Checks a participant in at the door (audited); checking in twice keeps the first time.</summary>
public sealed class CheckInHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<CheckInCommand, StaffRegistration>
{
    public async ValueTask<StaffRegistration> Handle(CheckInCommand command, CancellationToken ct)
    {
        await db.LoadAsync(command.EventId, ct);
        var code = CheckInCodes.Normalise(command.Request.Code);
        var row = await db.QuerySingleOrDefaultAsync<RegistrationRow>(RegistrationRow.Select + " where r.event_id = @EventId and r.check_in_code = @code for update of r",
            new { command.EventId, code }, ct) ?? throw new NotFoundException(RegistrationTexts.CodeUnknown);
        if (row.StatusValue == RegistrationStatus.Cancelled) throw new ConflictException(RegistrationTexts.IsCancelled);
        await db.ExecuteAsync("update registration set checked_in_at = coalesce(checked_in_at, @now), updated_at = @now where id = @Id",
            new { row.Id, now = clock.GetUtcNow() }, ct);
        await audit.WriteAsync("registration.checkIn", "registration", row.Id.ToString(), null, ct);
        return (await db.QuerySingleOrDefaultAsync<RegistrationRow>(RegistrationRow.Select + " where r.id = @Id", new { row.Id }, ct))!.ToStaff();
    }
}
