using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Removes one translation: the public reads it in Swedish (or another of its languages) again.</summary>
public sealed record DeleteEventTranslationCommand(Guid Id, string Language) : ICommand;

public sealed class DeleteEventTranslationValidator : AbstractValidator<DeleteEventTranslationCommand>
{
    public DeleteEventTranslationValidator(ContentOptions content) => RuleFor(c => c.Language).ContentLanguage(content);
}

public sealed class DeleteEventTranslationHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<DeleteEventTranslationCommand>
{
    public async ValueTask<Unit> Handle(DeleteEventTranslationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        var deleted = await db.ExecuteAsync("delete from event_translation where event_id = @Id and language = @Language", new { row.Id, command.Language }, ct);
        if (deleted == 0) throw new NotFoundException(EventTexts.TranslationNotFound, command.Language);
        await PutEventTranslationHandler.Touch(db, row, now, ct);
        await audit.WriteAsync("event.translation.delete", "event", row.Id.ToString(), new { command.Language }, ct);
        return Unit.Value;
    }
}
