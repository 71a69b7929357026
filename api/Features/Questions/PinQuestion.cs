using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>Pins a published question to the top of the list, or unpins it.</summary>
public sealed record PinQuestionCommand(Guid Id, bool Pinned, bool Admin) : ICommand<ModeratedQuestion>;

public sealed class PinQuestionHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<PinQuestionCommand, ModeratedQuestion>
{
    public async ValueTask<ModeratedQuestion> Handle(PinQuestionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (current, _) = await QuestionTransitions.LockAsync(db, command.Id, ct, QuestionStatus.Published);
        await db.ExecuteAsync("update question set pinned = @Pinned, updated_at = @now, version = version + 1 where id = @Id", new { command.Id, command.Pinned, now }, ct);
        await audit.WriteAsync(command.Pinned ? "question.pin" : "question.unpin", "question", command.Id.ToString(), null, ct);
        var (row, answers) = await db.LoadQuestionAsync(command.Id, ct);
        if (current.Pinned != command.Pinned) await QuestionStream.PublishAsync(db, row, answers, "pinned", now, ct);
        return row.ToModerated(answers, command.Admin);
    }
}
