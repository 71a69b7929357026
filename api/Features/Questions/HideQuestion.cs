using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>Takes a pending or published question out of public view; approving publishes it again.</summary>
public sealed record HideQuestionCommand(Guid Id, bool Admin) : ICommand<ModeratedQuestion>;

public sealed class HideQuestionHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<HideQuestionCommand, ModeratedQuestion>
{
    public async ValueTask<ModeratedQuestion> Handle(HideQuestionCommand command, CancellationToken ct)
    {
        var (current, _) = await QuestionTransitions.LockAsync(db, command.Id, ct, QuestionStatus.Pending, QuestionStatus.Published);
        return await QuestionTransitions.MoveAsync(db, clock, audit, current, QuestionStatus.Hidden, "question.hide", null, command.Admin, "pinned = false", ct);
    }
}
