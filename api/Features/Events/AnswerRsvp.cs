using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>The answer given through an RSVP link.</summary>
/// <param name="Answer">Accept or decline.</param>
/// <param name="Note">A note to the organisers, e.g. who will come.</param>
public sealed record RsvpRequest(RsvpAnswer Answer, string? Note = null);

public sealed record AnswerRsvpCommand(string Token, RsvpRequest Request) : ICommand<RsvpView>;

public sealed class AnswerRsvpValidator : AbstractValidator<AnswerRsvpCommand>
{
    public AnswerRsvpValidator()
    {
        RuleFor(c => c.Token).Must(SecretTokens.LooksValid).WithMessage(_ => EventTexts.BadRsvpLink.Format()).OverridePropertyName("X-Rsvp-Token");
        RuleFor(c => c.Request.Answer).IsInEnum().OverridePropertyName("answer");
        RuleFor(c => c.Request.Note).MaximumLength(2_000).OverridePropertyName("note");
    }
}

public sealed class AnswerRsvpHandler(DbSession db, TimeProvider clock) : ICommandHandler<AnswerRsvpCommand, RsvpView>
{
    public async ValueTask<RsvpView> Handle(AnswerRsvpCommand command, CancellationToken ct)
    {
        var row = await RsvpRow.FindAsync(db, command.Token, ct);
        if (row.EventStatus is "cancelled" or "closed") throw new ConflictException(EventTexts.Transition, EventTexts.Action("rsvp"), EventTexts.Status(WireName.Parse<EventStatus>(row.EventStatus)));
        // The event's public list of participating organisations changes with the answer, so its listings must too.
        await db.ExecuteAsync("""
            update invitation set status = @Status, note = @Note, answered_at = @Now where id = @Id;
            update event set updated_at = @Now where id = (select event_id from invitation where id = @Id);
            """,
            new { row.Id, Status = command.Request.Answer == RsvpAnswer.Accept ? "accepted" : "declined", command.Request.Note, Now = clock.GetUtcNow() }, ct);
        return (await RsvpRow.FindAsync(db, command.Token, ct)).ToView();
    }
}
