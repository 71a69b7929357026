using System.Text.Json;
using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <param name="Text">The redacted text; the original is kept for admins.</param>
/// <param name="RemoveDisplayName">Also remove the display name (for one that names or identifies someone).</param>
public sealed record RedactionRequest(string Text, bool RemoveDisplayName = false);

public sealed record RedactQuestionCommand(Guid Id, int ExpectedVersion, RedactionRequest Request, bool Admin) : ICommand<ModeratedQuestion>;

public sealed class RedactQuestionValidator : AbstractValidator<RedactQuestionCommand>
{
    public RedactQuestionValidator() => RuleFor(c => c.Request.Text).QuestionBody().OverridePropertyName("text");
}

public sealed class RedactQuestionHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<RedactQuestionCommand, ModeratedQuestion>
{
    public async ValueTask<ModeratedQuestion> Handle(RedactQuestionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (current, _) = await QuestionTransitions.LockAsync(db, command.Id, ct, Enum.GetValues<QuestionStatus>());
        if (current.Version != command.ExpectedVersion) throw new PreconditionFailedException(QuestionTexts.VersionMismatch);
        var text = command.Request.Text.Trim();
        var displayName = command.Request.RemoveDisplayName ? null : current.DisplayName;
        var flags = ConfidentialityPolicy.Screen(("text", text), ("displayName", displayName));
        await db.ExecuteAsync("""
            update question set original_text = case when text <> @text then coalesce(original_text, text) else original_text end,
                   text = @text, display_name = @displayName, flags = @Flags::jsonb,
                   updated_at = @now, version = version + 1
            where id = @Id
            """, new { command.Id, text, displayName, Flags = JsonSerializer.Serialize(flags, Json.Options), now }, ct);
        // The audit log names the edit, never the text: the original may hold the personal data the edit removed.
        await audit.WriteAsync("question.redact", "question", command.Id.ToString(), new { command.Request.RemoveDisplayName }, ct);
        // Earlier events of the question carry the old text: a client resuming from before them gets the redacted one.
        await QuestionStream.RedactAsync(db, command.Id, text, command.Request.RemoveDisplayName, ct);
        var (row, answers) = await db.LoadQuestionAsync(command.Id, ct);
        if (row.StatusValue == QuestionStatus.Published) await QuestionStream.PublishAsync(db, row, answers, "updated", now, ct);
        else if (row.StatusValue == QuestionStatus.Pending)
            await QuestionStream.AppendAsync(db, row.EventId, StreamAudience.Moderators, "updated", row.Id, row.ToModerated(answers, admin: false), now, ct);
        return row.ToModerated(answers, command.Admin);
    }
}
