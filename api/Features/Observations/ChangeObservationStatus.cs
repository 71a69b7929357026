using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <param name="ActorId">Set when an actor changes the status: only what is assigned to their organisation.</param>
public sealed record ChangeObservationStatusCommand(Guid Id, StatusChangeRequest Request, Guid? ActorId) : ICommand<Observation>;

public sealed class ChangeObservationStatusValidator : AbstractValidator<ChangeObservationStatusCommand>
{
    public ChangeObservationStatusValidator()
    {
        RuleFor(c => c.Request.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(c => c.Request.Note).MaximumLength(2_000).OverridePropertyName("note");
        RuleFor(c => c.Request.Note).NotEmpty().When(c => ObservationRules.NeedsNote(c.Request.Status))
            .WithMessage(_ => ObservationTexts.NoteRequired.Format()).OverridePropertyName("note");
        RuleFor(c => c.Request.DuplicateOf).NotEmpty().When(c => c.Request.Status == ObservationStatus.Duplicate).OverridePropertyName("duplicateOf");
    }
}

public sealed class ChangeObservationStatusHandler(DbSession db, TimeProvider clock, AuditLog audit, ReportFollowers followers)
    : ICommandHandler<ChangeObservationStatusCommand, Observation>
{
    public async ValueTask<Observation> Handle(ChangeObservationStatusCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = await db.LoadObservationAsync(command.Id, now, ct);
        if (command.ActorId is { } actorId && current.ResponsibleActorId != actorId) throw new ForbiddenException(ObservationTexts.NotYours);
        var request = command.Request;
        // An actor's note is public as written, so what looks like personal data goes back to the actor to rephrase.
        if (command.ActorId is not null) ConfidentialityPolicy.RequireClear(("note", request.Note));
        if (!ObservationRules.Allows(current.Status, request.Status))
            throw new ConflictException(ObservationTexts.Transition, ObservationTexts.Status(current.Status).Format(), ObservationTexts.Status(request.Status).Format());
        if (request.DuplicateOf is { } original && (original == current.Id
            || !await db.QuerySingleOrDefaultAsync<bool>("select true from observation where id = @original", new { original }, ct)))
            throw new BusinessRuleException(ObservationTexts.DuplicateUnknown);
        await db.ExecuteAsync("""
            update observation set status = @Status, status_note = coalesce(@Note, status_note), duplicate_of = @DuplicateOf,
                   fixed_at = case when @Status = 'fixed' then @now else fixed_at end, updated_at = @now
            where id = @Id;
            insert into observation_history (observation_id, at, status, note, responsible, deadline)
            values (@Id, @now, @Status, @Note, @Responsible, @Deadline);
            """, new
        {
            command.Id,
            Status = WireName.Of(request.Status),
            Note = request.Note?.Trim(),
            DuplicateOf = request.Status == ObservationStatus.Duplicate ? request.DuplicateOf : null,
            now,
            current.Responsible,
            current.Deadline,
        }, ct);
        await audit.WriteAsync("observation.status", "observation", command.Id.ToString(), new { from = current.Status, to = request.Status }, ct);
        var changed = await db.LoadObservationAsync(command.Id, now, ct);
        await followers.TellAsync(current, changed, ct);
        return changed;
    }
}
