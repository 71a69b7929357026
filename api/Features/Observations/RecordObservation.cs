using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <param name="ReporterKind">staff, actor, participant or open311.</param>
/// <param name="ReporterRef">Who (never public): a subject, actor id, registration id or key id.</param>
public sealed record RecordObservationCommand(ObservationInput Input, string ReporterKind, string ReporterRef) : ICommand<Observation>;

public sealed class RecordObservationValidator : AbstractValidator<RecordObservationCommand>
{
    public RecordObservationValidator() => RuleFor(c => c.Input).NotNull().SetValidator(new ObservationInputValidator()).OverridePropertyName("");
}

public sealed class RecordObservationHandler(DbSession db, TimeProvider clock, AreaLocator locator) : ICommandHandler<RecordObservationCommand, Observation>
{
    public async ValueTask<Observation> Handle(RecordObservationCommand command, CancellationToken ct)
    {
        var input = command.Input;
        if (input.WalkId is { } walkId
            && await db.QuerySingleOrDefaultAsync<string>("select kind from event where id = @walkId", new { walkId }, ct) != "walk")
            throw new BusinessRuleException(ObservationTexts.WalkUnknown, walkId);
        return await db.RecordAsync(locator, clock, input, command.ReporterKind, command.ReporterRef, ct);
    }
}
