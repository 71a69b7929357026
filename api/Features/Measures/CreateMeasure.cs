using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

public sealed record CreateMeasureCommand(MeasureInput Input) : ICommand<Measure>;

public sealed class CreateMeasureValidator : AbstractValidator<CreateMeasureCommand>
{
    public CreateMeasureValidator() => RuleFor(c => c.Input).NotNull().SetValidator(new MeasureInputValidator()).OverridePropertyName("");
}

public sealed class CreateMeasureHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<CreateMeasureCommand, Measure>
{
    public async ValueTask<Measure> Handle(CreateMeasureCommand command, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await db.SaveMeasureAsync(id, command.Input, insert: true, clock.GetUtcNow(), ct);
        await Alerts.AlertEvents.RecordMeasureAsync(db, id, null, clock.GetUtcNow(), ct);
        await audit.WriteAsync("measure.create", "measure", id.ToString(), new { command.Input.Title }, ct);
        return await db.LoadWithWarningsAsync(id, ct);
    }
}
