using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <param name="Reason">Why, shown to the asker through the private question link (1–1,000 characters).</param>
public sealed record RejectionRequest(string Reason);

public sealed record RejectQuestionCommand(Guid Id, RejectionRequest Request, bool Admin) : ICommand<ModeratedQuestion>;

public sealed class RejectQuestionValidator : AbstractValidator<RejectQuestionCommand>
{
    public RejectQuestionValidator() =>
        RuleFor(c => c.Request.Reason).Cascade(CascadeMode.Stop).NotEmpty().Must(r => r.Trim().Length is >= 1 and <= 1_000).Must(QuestionTextRules.IsPlain)
            .OverridePropertyName("reason");
}

public sealed class RejectQuestionHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<RejectQuestionCommand, ModeratedQuestion>
{
    public async ValueTask<ModeratedQuestion> Handle(RejectQuestionCommand command, CancellationToken ct)
    {
        var (current, _) = await QuestionTransitions.LockAsync(db, command.Id, ct, QuestionStatus.Pending, QuestionStatus.Hidden);
        return await QuestionTransitions.MoveAsync(db, clock, audit, current, QuestionStatus.Rejected, "question.reject",
            new { Reason = command.Request.Reason.Trim() }, command.Admin, "reject_reason = @Reason, pinned = false", ct);
    }
}
