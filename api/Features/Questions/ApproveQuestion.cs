using System.Text.Json;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>Approve: publish a pending, hidden or rejected question.</summary>
/// <param name="AcknowledgeFlags">Required true when the confidentiality filter flags the text: the moderator has checked it (or redacted it first).</param>
public sealed record ApprovalRequest(bool AcknowledgeFlags = false);

public sealed record ApproveQuestionCommand(Guid Id, ApprovalRequest Request, bool Admin) : ICommand<ModeratedQuestion>;

public sealed class ApproveQuestionHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<ApproveQuestionCommand, ModeratedQuestion>
{
    public async ValueTask<ModeratedQuestion> Handle(ApproveQuestionCommand command, CancellationToken ct)
    {
        var (current, _) = await QuestionTransitions.LockAsync(db, command.Id, ct, QuestionStatus.Pending, QuestionStatus.Hidden, QuestionStatus.Rejected);
        var flags = JsonSerializer.Deserialize<List<TextFinding>>(current.Flags, Json.Options) ?? [];
        if (flags.Count > 0 && !command.Request.AcknowledgeFlags)
            throw new BusinessRuleException(QuestionTexts.Flagged) { Extensions = { ["flags"] = flags.Select(f => f.Kind).Distinct().ToList() } };
        return await QuestionTransitions.MoveAsync(db, clock, audit, current, QuestionStatus.Published, "question.approve", null, command.Admin,
            "published_at = coalesce(published_at, @now)", ct);
    }
}
