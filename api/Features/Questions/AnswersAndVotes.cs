using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>An answer from an actor or staff.</summary>
/// <param name="Text">The written answer (1–4,000 characters); may be left out when <c>live</c> is true.</param>
/// <param name="Live">The question was answered live at the event.</param>
public sealed record AnswerRequest(string? Text = null, bool Live = false);

/// <summary>A voter token: send it in the <c>X-Voter-Token</c> header with each vote. Keep it for the whole event.</summary>
public sealed record VoterToken(string Token);

/// <param name="Votes">The question's votes now.</param>
/// <param name="Counted">False when this voter had already voted for the question (a second vote changes nothing).</param>
public sealed record VoteResult(Guid QuestionId, int Votes, bool Counted);

/// <param name="ActorId">Set for an actor's answer (from the token); null for staff.</param>
public sealed record AnswerQuestion(Guid Id, AnswerRequest Request, Guid? ActorId, bool Admin) : ICommand<ModeratedQuestion>;

public sealed record IssueVoterToken : ICommand<VoterToken>;

public sealed record VoteForQuestion(Guid Id, string VoterToken) : ICommand<VoteResult>;

public static class VoterTokens
{
    public const string Header = "X-Voter-Token";
}

public sealed class AnswerQuestionValidator : AbstractValidator<AnswerQuestion>
{
    public AnswerQuestionValidator()
    {
        RuleFor(c => c.Request.Text).NotEmpty().When(c => !c.Request.Live).WithMessage(_ => Messages.Get("answer.textOrLive")).OverridePropertyName("text");
        RuleFor(c => c.Request.Text).Must(t => t is null || t.Trim().Length is >= 1 and <= 4_000).Must(QuestionText.IsPlain).OverridePropertyName("text");
    }
}

public sealed class VoteForQuestionValidator : AbstractValidator<VoteForQuestion>
{
    public VoteForQuestionValidator() =>
        RuleFor(c => c.VoterToken).Must(SecretTokens.LooksValid).WithMessage(_ => Messages.Get("vote.badToken")).OverridePropertyName(VoterTokens.Header);
}

public sealed class AnswersAndVotesHandlers(DbSession db, TimeProvider clock, ISecretTokens tokens, AuditLog audit, SiteOptions site) :
    ICommandHandler<AnswerQuestion, ModeratedQuestion>, ICommandHandler<IssueVoterToken, VoterToken>, ICommandHandler<VoteForQuestion, VoteResult>
{
    public async ValueTask<ModeratedQuestion> Handle(AnswerQuestion command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = await db.QuerySingleOrDefaultAsync<(string Status, Guid EventId, string EventStatus)?>("""
            select q.status, q.event_id, e.status as event_status from question q join event e on e.id = q.event_id where q.id = @Id for update of q
            """, command, ct) ?? throw new NotFoundException("question.notFound", command.Id);
        var author = site.Organiser;
        var text = string.IsNullOrWhiteSpace(command.Request.Text) ? null : command.Request.Text.Trim();
        if (command.ActorId is { } actorId)
        {
            // An organisation answers only in dialogues it takes part in: its answer is shown under its name.
            author = await db.QuerySingleOrDefaultAsync<string>("""
                select a.organisation from actor a join invitation i on i.actor_id = a.id
                where a.id = @actorId and i.event_id = @EventId and i.status = 'accepted'
                """, new { actorId, current.EventId }, ct) ?? throw new ForbiddenException("answer.notInvited");
            // Published as written, so what looks like personal data goes back to the author instead of out to the public.
            ConfidentialityPolicy.RequireClear(("text", text));
        }
        if (current.Status != "published") throw new ConflictException("question.notPublished");
        if (current.EventStatus == "cancelled") throw new ConflictException("question.eventCancelled");
        await db.ExecuteAsync("""
            insert into question_answer (id, question_id, text, live, author_kind, actor_id, author, answered_at)
            values (@AnswerId, @Id, @text, @Live, @AuthorKind, @ActorId, @author, @now);
            update question set answered_live = answered_live or @Live, updated_at = @now, version = version + 1 where id = @Id;
            """, new
        {
            AnswerId = Guid.CreateVersion7(now),
            command.Id,
            text,
            command.Request.Live,
            AuthorKind = WireName.Of(command.ActorId is null ? AnswerAuthorKind.Staff : AnswerAuthorKind.Actor),
            command.ActorId,
            author,
            now,
        }, ct);
        await audit.WriteAsync("question.answer", "question", command.Id.ToString(), new { command.Request.Live, author }, ct);
        var (row, answers) = await db.LoadQuestionAsync(command.Id, ct);
        await QuestionStream.PublishAsync(db, row, answers, "answered", now, ct);
        return row.ToModerated(answers, command.Admin);
    }

    public async ValueTask<VoterToken> Handle(IssueVoterToken command, CancellationToken ct)
    {
        var token = tokens.New();
        await db.ExecuteAsync("insert into voter_token (token_hash, issued_at) values (@Hash, @now)",
            new { Hash = SecretTokens.Hash(token), now = clock.GetUtcNow() }, ct);
        return new VoterToken(token);
    }

    public async ValueTask<VoteResult> Handle(VoteForQuestion command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var question = await db.QuerySingleOrDefaultAsync<(Guid EventId, string Status, int Votes)?>(
            "select event_id, status, votes from question where id = @Id", command, ct);
        // Questions the public cannot see do not exist for voters.
        if (question is not { Status: "published" } q) throw new NotFoundException("question.notFound", command.Id);
        (await QuestionEvent.LoadAsync(db, q.EventId, ct)).RequireOpen(now);
        var voter = SecretTokens.Hash(command.VoterToken);
        if (!await db.QuerySingleOrDefaultAsync<bool>("select true from voter_token where token_hash = @voter", new { voter }, ct))
            throw new BusinessRuleException("vote.unknownToken");

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
