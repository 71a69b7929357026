using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record RecordParticipantObservationCommand(string Token, ParticipantObservationInput Input) : ICommand<Observation>;

public sealed class RecordParticipantObservationValidator : AbstractValidator<RecordParticipantObservationCommand>
{
    public RecordParticipantObservationValidator()
    {
        this.ValidToken(c => c.Token);
        RuleFor(c => new ObservationInput(c.Input.Category, c.Input.Description, c.Input.Severity, c.Input.Lat, c.Input.Lon, null))
            .SetValidator(new ObservationInputValidator()).OverridePropertyName("");
    }
}

public sealed class RecordParticipantObservationHandler(DbSession db, TimeProvider clock, AreaLocator locator) :
    ICommandHandler<RecordParticipantObservationCommand, Observation>
{
    /// <summary>Participants may record observations from the walk's start until this long after its end.</summary>
    public static readonly TimeSpan ParticipantWindowAfterEnd = TimeSpan.FromDays(14);

    public async ValueTask<Observation> Handle(RecordParticipantObservationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var registration = await db.QuerySingleOrDefaultAsync<(Guid Id, Guid EventId, string Status, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string EventStatus)?>($"""
            select r.id, r.event_id, r.status, e.kind, e.starts_at, e.ends_at, e.status as event_status
            from registration r join event e on e.id = r.event_id
            where {RegistrationRow.ByToken}
            """, new { Hash = SecretTokens.Hash(command.Token) }, ct) ?? throw new NotFoundException(RegistrationTexts.NotFound);
        if (registration.Kind != "walk" || registration.Status == "cancelled" || registration.EventStatus == "cancelled")
            throw new ConflictException(ObservationTexts.NotAWalkParticipant);
        if (now < registration.StartsAt || now > registration.EndsAt + ParticipantWindowAfterEnd)
            throw new ConflictException(ObservationTexts.OutsideWalk);
        var input = command.Input;
        return await db.RecordAsync(locator, clock,
            new ObservationInput(input.Category, input.Description, input.Severity, input.Lat, input.Lon, registration.EventId),
            "participant", registration.Id.ToString(), ct);
    }
}
