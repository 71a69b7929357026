using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

public sealed record UpdateMeasureCommand(Guid Id, int ExpectedVersion, MeasureInput Input) : ICommand<Measure>;

public sealed class UpdateMeasureValidator : AbstractValidator<UpdateMeasureCommand>
{
    public UpdateMeasureValidator() => RuleFor(c => c.Input).NotNull().SetValidator(new MeasureInputValidator()).OverridePropertyName("");
}

public sealed class UpdateMeasureHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<UpdateMeasureCommand, Measure>
{
    public async ValueTask<Measure> Handle(UpdateMeasureCommand command, CancellationToken ct)
    {
        var version = await db.QuerySingleOrDefaultAsync<int?>("select version from measure where id = @Id for update", command, ct)
            ?? throw new NotFoundException(MeasureTexts.NotFound, command.Id);
        if (version != command.ExpectedVersion) throw new PreconditionFailedException(CommonTexts.Stale);
        var statusBefore = await db.QuerySingleOrDefaultAsync<string>("select status from measure where id = @Id", command, ct);
        await db.SaveMeasureAsync(command.Id, command.Input, insert: false, clock.GetUtcNow(), ct);
        await Alerts.AlertEvents.RecordMeasureAsync(db, command.Id, statusBefore, clock.GetUtcNow(), ct);
        await audit.WriteAsync("measure.update", "measure", command.Id.ToString(), new { command.Input.Title, command.Input.Status }, ct);
        return await db.LoadWithWarningsAsync(command.Id, ct);
    }
}
