using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

public static class VoterTokens
{
    public const string Header = "X-Voter-Token";
}

public sealed record VoteForQuestionCommand(Guid Id, string VoterToken) : ICommand<VoteResult>;

public sealed class VoteForQuestionValidator : AbstractValidator<VoteForQuestionCommand>
{
    public VoteForQuestionValidator() =>
        RuleFor(c => c.VoterToken).Must(SecretTokens.LooksValid).WithMessage(_ => QuestionTexts.BadVoterToken.Format()).OverridePropertyName(VoterTokens.Header);
}

public sealed class VoteForQuestionHandler(DbSession db, TimeProvider clock) : ICommandHandler<VoteForQuestionCommand, VoteResult>
{
    public async ValueTask<VoteResult> Handle(VoteForQuestionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var question = await db.QuerySingleOrDefaultAsync<(Guid EventId, string Status, int Votes)?>(
            "select event_id, status, votes from question where id = @Id", command, ct);
        // Questions the public cannot see do not exist for voters.
        if (question is not { Status: "published" } q) throw new NotFoundException(QuestionTexts.NotFound, command.Id);
        (await QuestionEvent.LoadAsync(db, q.EventId, ct)).RequireOpen(now);
        var voter = SecretTokens.Hash(command.VoterToken);
        if (!await db.QuerySingleOrDefaultAsync<bool>("select true from voter_token where token_hash = @voter", new { voter }, ct))
            throw new BusinessRuleException(QuestionTexts.UnknownVoterToken);

        var votes = await db.QuerySingleOrDefaultAsync<int?>("""
            with vote as (
                insert into question_vote (question_id, voter_hash, voted_at) values (@Id, @voter, @now)
                on conflict do nothing returning 1)
            update question set votes = votes + 1, updated_at = @now where id = @Id and status = 'published' and exists (select from vote)
            returning votes
            """, new { command.Id, voter, now }, ct);
        if (votes is not { } counted)
            return new VoteResult(command.Id, await db.QuerySingleOrDefaultAsync<int>("select votes from question where id = @Id", command, ct), Counted: false);
        var result = new VoteResult(command.Id, counted, Counted: true);
        await QuestionStream.AppendAsync(db, q.EventId, StreamAudience.Public, "voted", command.Id, result, now, ct);
        return result;
    }
}
