using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>Chooses pre- or post-moderation for a dialogue (audited).</summary>
public sealed record SetQuestionSettingsCommand(Guid EventId, QuestionSettings Settings) : ICommand<QuestionSettings>;

public sealed class SetQuestionSettingsValidator : AbstractValidator<SetQuestionSettingsCommand>
{
    public SetQuestionSettingsValidator() => RuleFor(c => c.Settings.Moderation).IsInEnum().OverridePropertyName("moderation");
}

public sealed class SetQuestionSettingsHandler(DbSession db, AuditLog audit) : ICommandHandler<SetQuestionSettingsCommand, QuestionSettings>
{
    public async ValueTask<QuestionSettings> Handle(SetQuestionSettingsCommand command, CancellationToken ct)
    {
        var moderation = WireName.Of(command.Settings.Moderation);
        var changed = await db.QuerySingleOrDefaultAsync<bool>("""
            update event set question_moderation = @moderation where id = @EventId and kind = 'dialogue' returning true
            """, new { command.EventId, moderation }, ct);
        if (!changed) throw new NotFoundException(QuestionTexts.DialogueNotFound, command.EventId);
        await audit.WriteAsync("question.settings", "event", command.EventId.ToString(), new { moderation }, ct);
        return command.Settings;
    }
}
