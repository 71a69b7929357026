using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <param name="Into">The question this one duplicates; it receives this one's votes.</param>
public sealed record MergeRequest(Guid Into);

public sealed record MergeQuestionCommand(Guid Id, MergeRequest Request, bool Admin) : ICommand<ModeratedQuestion>;

public sealed class MergeQuestionValidator : AbstractValidator<MergeQuestionCommand>
{
    public MergeQuestionValidator() => RuleFor(c => c.Request.Into).NotEmpty().OverridePropertyName("into");
}

public sealed class MergeQuestionHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<MergeQuestionCommand, ModeratedQuestion>
{
    public async ValueTask<ModeratedQuestion> Handle(MergeQuestionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (command.Request.Into == command.Id) throw new BusinessRuleException(QuestionTexts.MergeTarget);
        // Both rows locked in id order, so two merges of the same pair cannot deadlock.
        await db.QueryAsync<Guid>("select id from question where id in (@Id, @Into) order by id for update", new { command.Id, command.Request.Into }, ct);
        var (current, _) = await QuestionTransitions.LockAsync(db, command.Id, ct, QuestionStatus.Pending, QuestionStatus.Published, QuestionStatus.Hidden);
        var target = await db.QuerySingleOrDefaultAsync<(Guid EventId, string Status)?>(
            "select event_id, status from question where id = @Into", command.Request, ct);
        if (target is not { } t || t.EventId != current.EventId || t.Status is not ("pending" or "published"))
            throw new BusinessRuleException(QuestionTexts.MergeTarget);

        // Votes follow the question; a resident who voted for both counts once.
        await db.ExecuteAsync("""
            insert into question_vote (question_id, voter_hash, voted_at)
            select @Into, voter_hash, voted_at from question_vote where question_id = @Id
            on conflict do nothing;
            update question set votes = (select count(*) from question_vote where question_id = @Into), updated_at = @now where id = @Into;
            """, new { command.Id, command.Request.Into, now }, ct);
        var merged = await QuestionTransitions.MoveAsync(db, clock, audit, current, QuestionStatus.Merged, "question.merge", new { command.Request.Into },
            command.Admin, "merged_into = @Into, pinned = false", ct);
        var (targetRow, targetAnswers) = await db.LoadQuestionAsync(command.Request.Into, ct);
        if (targetRow.StatusValue == QuestionStatus.Published)
            await QuestionStream.AppendAsync(db, targetRow.EventId, StreamAudience.Public, "voted", targetRow.Id,
                new VoteResult(targetRow.Id, targetRow.Votes, Counted: false), now, ct);
        else
            await QuestionStream.AppendAsync(db, targetRow.EventId, StreamAudience.Moderators, "updated", targetRow.Id,
                targetRow.ToModerated(targetAnswers, admin: false), now, ct);
        return merged;
    }
}
