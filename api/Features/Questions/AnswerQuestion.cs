using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>An answer from an actor or staff.</summary>
/// <param name="Text">The written answer (1–4,000 characters); may be left out when <c>live</c> is true.</param>
/// <param name="Live">The question was answered live at the event.</param>
public sealed record AnswerRequest(string? Text = null, bool Live = false);

/// <param name="ActorId">Set for an actor's answer (from the token); null for staff.</param>
public sealed record AnswerQuestionCommand(Guid Id, AnswerRequest Request, Guid? ActorId, bool Admin) : ICommand<ModeratedQuestion>;

public sealed class AnswerQuestionValidator : AbstractValidator<AnswerQuestionCommand>
{
    public AnswerQuestionValidator()
    {
        RuleFor(c => c.Request.Text).NotEmpty().When(c => !c.Request.Live).WithMessage(_ => QuestionTexts.AnswerTextOrLive.Format()).OverridePropertyName("text");
        RuleFor(c => c.Request.Text).Must(t => t is null || t.Trim().Length is >= 1 and <= 4_000).Must(QuestionTextRules.IsPlain).OverridePropertyName("text");
    }
}

public sealed class AnswerQuestionHandler(DbSession db, TimeProvider clock, AuditLog audit, SiteOptions site) : ICommandHandler<AnswerQuestionCommand, ModeratedQuestion>
{
    public async ValueTask<ModeratedQuestion> Handle(AnswerQuestionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = await db.QuerySingleOrDefaultAsync<(string Status, Guid EventId, string EventStatus)?>("""
            select q.status, q.event_id, e.status as event_status from question q join event e on e.id = q.event_id where q.id = @Id for update of q
            """, command, ct) ?? throw new NotFoundException(QuestionTexts.NotFound, command.Id);
        var author = site.Organiser;
        var text = string.IsNullOrWhiteSpace(command.Request.Text) ? null : command.Request.Text.Trim();
        if (command.ActorId is { } actorId)
        {
            // An organisation answers only in dialogues it takes part in: its answer is shown under its name.
            author = await db.QuerySingleOrDefaultAsync<string>("""
                select a.organisation from actor a join invitation i on i.actor_id = a.id
                where a.id = @actorId and i.event_id = @EventId and i.status = 'accepted'
                """, new { actorId, current.EventId }, ct) ?? throw new ForbiddenException(QuestionTexts.AnswerNotInvited);
            // Published as written, so what looks like personal data goes back to the author instead of out to the public.
            ConfidentialityPolicy.RequireClear(("text", text));
        }
        if (current.Status != "published") throw new ConflictException(QuestionTexts.NotPublished);
        if (current.EventStatus == "cancelled") throw new ConflictException(QuestionTexts.EventCancelled);
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
}
