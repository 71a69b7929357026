using System.Text.Json;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>Approve: publish a pending, hidden or rejected question.</summary>
/// <param name="AcknowledgeFlags">Required true when the confidentiality filter flags the text: the moderator has checked it (or redacted it first).</param>
public sealed record ApprovalRequest(bool AcknowledgeFlags = false);

/// <param name="Reason">Why, shown to the asker through the private question link (1–1,000 characters).</param>
public sealed record RejectionRequest(string Reason);

/// <param name="Into">The question this one duplicates; it receives this one's votes.</param>
public sealed record MergeRequest(Guid Into);

/// <param name="Text">The redacted text; the original is kept for admins.</param>
/// <param name="RemoveDisplayName">Also remove the display name (for one that names or identifies someone).</param>
public sealed record RedactionRequest(string Text, bool RemoveDisplayName = false);

public sealed record ApproveQuestion(Guid Id, ApprovalRequest Request, bool Admin) : ICommand<ModeratedQuestion>;

public sealed record RejectQuestion(Guid Id, RejectionRequest Request, bool Admin) : ICommand<ModeratedQuestion>;

public sealed record MergeQuestion(Guid Id, MergeRequest Request, bool Admin) : ICommand<ModeratedQuestion>;

public sealed record PinQuestion(Guid Id, bool Pinned, bool Admin) : ICommand<ModeratedQuestion>;

public sealed record HideQuestion(Guid Id, bool Admin) : ICommand<ModeratedQuestion>;

public sealed record RedactQuestion(Guid Id, int ExpectedVersion, RedactionRequest Request, bool Admin) : ICommand<ModeratedQuestion>;

public sealed record SetQuestionSettings(Guid EventId, QuestionSettings Settings) : ICommand<QuestionSettings>;

public sealed class RejectQuestionValidator : AbstractValidator<RejectQuestion>
{
    public RejectQuestionValidator() =>
        RuleFor(c => c.Request.Reason).Cascade(CascadeMode.Stop).NotEmpty().Must(r => r.Trim().Length is >= 1 and <= 1_000).Must(QuestionText.IsPlain)
            .OverridePropertyName("reason");
}

public sealed class MergeQuestionValidator : AbstractValidator<MergeQuestion>
{
    public MergeQuestionValidator() => RuleFor(c => c.Request.Into).NotEmpty().OverridePropertyName("into");
}

public sealed class RedactQuestionValidator : AbstractValidator<RedactQuestion>
{
    public RedactQuestionValidator() => RuleFor(c => c.Request.Text).QuestionBody().OverridePropertyName("text");
}

public sealed class SetQuestionSettingsValidator : AbstractValidator<SetQuestionSettings>
{
    public SetQuestionSettingsValidator() => RuleFor(c => c.Settings.Moderation).IsInEnum().OverridePropertyName("moderation");
}

/// <summary>
/// Moderators' actions. Each locks the question, checks the move is allowed from where it is (409 otherwise),
/// writes it, is audited, and tells the streams: the public hears of what is or was published, the moderators of
/// what enters or leaves their queue.
/// </summary>
public sealed class ModerationHandlers(DbSession db, TimeProvider clock, AuditLog audit) :
    ICommandHandler<ApproveQuestion, ModeratedQuestion>, ICommandHandler<RejectQuestion, ModeratedQuestion>,
    ICommandHandler<MergeQuestion, ModeratedQuestion>, ICommandHandler<PinQuestion, ModeratedQuestion>,
    ICommandHandler<HideQuestion, ModeratedQuestion>, ICommandHandler<RedactQuestion, ModeratedQuestion>,
    ICommandHandler<SetQuestionSettings, QuestionSettings>
{
    public async ValueTask<ModeratedQuestion> Handle(ApproveQuestion command, CancellationToken ct)
    {
        var (current, _) = await LockAsync(command.Id, ct, QuestionStatus.Pending, QuestionStatus.Hidden, QuestionStatus.Rejected);
        var flags = JsonSerializer.Deserialize<List<TextFinding>>(current.Flags, Json.Options) ?? [];
        if (flags.Count > 0 && !command.Request.AcknowledgeFlags)
            throw new BusinessRuleException("question.flagged") { Extensions = { ["flags"] = flags.Select(f => f.Kind).Distinct().ToList() } };
        return await MoveAsync(current, QuestionStatus.Published, "question.approve", null, command.Admin, ct,
            "published_at = coalesce(published_at, @now)");
    }

    public async ValueTask<ModeratedQuestion> Handle(RejectQuestion command, CancellationToken ct)
    {
        var (current, _) = await LockAsync(command.Id, ct, QuestionStatus.Pending, QuestionStatus.Hidden);
        return await MoveAsync(current, QuestionStatus.Rejected, "question.reject", new { Reason = command.Request.Reason.Trim() }, command.Admin, ct,
            "reject_reason = @Reason, pinned = false");
    }

    public async ValueTask<ModeratedQuestion> Handle(HideQuestion command, CancellationToken ct)
    {
        var (current, _) = await LockAsync(command.Id, ct, QuestionStatus.Pending, QuestionStatus.Published);
        return await MoveAsync(current, QuestionStatus.Hidden, "question.hide", null, command.Admin, ct, "pinned = false");
    }

    public async ValueTask<ModeratedQuestion> Handle(MergeQuestion command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (command.Request.Into == command.Id) throw new BusinessRuleException("question.mergeTarget");
        // Both rows locked in id order, so two merges of the same pair cannot deadlock.
        await db.QueryAsync<Guid>("select id from question where id in (@Id, @Into) order by id for update", new { command.Id, command.Request.Into }, ct);
        var (current, _) = await LockAsync(command.Id, ct, QuestionStatus.Pending, QuestionStatus.Published, QuestionStatus.Hidden);
        var target = await db.QuerySingleOrDefaultAsync<(Guid EventId, string Status)?>(
            "select event_id, status from question where id = @Into", command.Request, ct);
        if (target is not { } t || t.EventId != current.EventId || t.Status is not ("pending" or "published"))
            throw new BusinessRuleException("question.mergeTarget");

        // Votes follow the question; a resident who voted for both counts once.
        await db.ExecuteAsync("""
            insert into question_vote (question_id, voter_hash, voted_at)
            select @Into, voter_hash, voted_at from question_vote where question_id = @Id
            on conflict do nothing;
            update question set votes = (select count(*) from question_vote where question_id = @Into), updated_at = @now where id = @Into;
            """, new { command.Id, command.Request.Into, now }, ct);
        var merged = await MoveAsync(current, QuestionStatus.Merged, "question.merge", new { command.Request.Into }, command.Admin, ct,
            "merged_into = @Into, pinned = false");
        var (targetRow, targetAnswers) = await db.LoadQuestionAsync(command.Request.Into, ct);
        if (targetRow.StatusValue == QuestionStatus.Published)
            await QuestionStream.AppendAsync(db, targetRow.EventId, StreamAudience.Public, "voted", targetRow.Id,
                new VoteResult(targetRow.Id, targetRow.Votes, Counted: false), now, ct);
        else
            await QuestionStream.AppendAsync(db, targetRow.EventId, StreamAudience.Moderators, "updated", targetRow.Id,
                targetRow.ToModerated(targetAnswers, admin: false), now, ct);
        return merged;
    }

    public async ValueTask<ModeratedQuestion> Handle(PinQuestion command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (current, _) = await LockAsync(command.Id, ct, QuestionStatus.Published);
        await db.ExecuteAsync("update question set pinned = @Pinned, updated_at = @now, version = version + 1 where id = @Id", new { command.Id, command.Pinned, now }, ct);
        await audit.WriteAsync(command.Pinned ? "question.pin" : "question.unpin", "question", command.Id.ToString(), null, ct);
        var (row, answers) = await db.LoadQuestionAsync(command.Id, ct);
        if (current.Pinned != command.Pinned) await QuestionStream.PublishAsync(db, row, answers, "pinned", now, ct);
        return row.ToModerated(answers, command.Admin);
    }

    public async ValueTask<ModeratedQuestion> Handle(RedactQuestion command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (current, _) = await LockAsync(command.Id, ct, Enum.GetValues<QuestionStatus>());
        if (current.Version != command.ExpectedVersion) throw new PreconditionFailedException("question.versionMismatch");
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

    public async ValueTask<QuestionSettings> Handle(SetQuestionSettings command, CancellationToken ct)
    {
        var moderation = WireName.Of(command.Settings.Moderation);
        var changed = await db.QuerySingleOrDefaultAsync<bool>("""
            update event set question_moderation = @moderation where id = @EventId and kind = 'dialogue' returning true
            """, new { command.EventId, moderation }, ct);
        if (!changed) throw new NotFoundException("event.notFound", command.EventId);
        await audit.WriteAsync("question.settings", "event", command.EventId.ToString(), new { moderation }, ct);
        return command.Settings;
    }

    /// <summary>The question, locked; 404 when unknown, 409 when it is not in one of the states the action starts from.</summary>
    private async Task<(QuestionRow Row, IReadOnlyList<Answer> Answers)> LockAsync(Guid id, CancellationToken ct, params QuestionStatus[] from)
    {
        if (!await db.QuerySingleOrDefaultAsync<bool>("select true from question where id = @id for update", new { id }, ct))
            throw new NotFoundException("question.notFound", id);
        var loaded = await db.LoadQuestionAsync(id, ct);
        if (!from.Contains(loaded.Row.StatusValue)) throw new ConflictException("question.transition", loaded.Row.Status);
        return loaded;
    }

    private async Task<ModeratedQuestion> MoveAsync(QuestionRow current, QuestionStatus to, string action, object? details, bool admin,
        CancellationToken ct, string set)
    {
        var now = clock.GetUtcNow();
        var parameters = new Dapper.DynamicParameters(details);
        parameters.AddDynamicParams(new { current.Id, Status = WireName.Of(to), now });
        await db.ExecuteAsync($"""
            update question set status = @Status, {set}, moderated_at = @now, updated_at = @now, version = version + 1 where id = @Id
            """, parameters, ct);
        await audit.WriteAsync(action, "question", current.Id.ToString(), details, ct);

        var (row, answers) = await db.LoadQuestionAsync(current.Id, ct);
        var was = current.StatusValue;
        if (to == QuestionStatus.Published) await QuestionStream.PublishAsync(db, row, answers, "published", now, ct);
        else if (was == QuestionStatus.Published)
        {
            await QuestionStream.ForgetPublicAsync(db, row.Id, ct);
            await QuestionStream.AppendAsync(db, row.EventId, StreamAudience.Public, "hidden", row.Id, new HiddenQuestion(row.Id), now, ct);
        }
        if (was == QuestionStatus.Pending || to == QuestionStatus.Pending)
            await QuestionStream.AppendAsync(db, row.EventId, StreamAudience.Moderators, "moderated", row.Id, row.ToModerated(answers, admin: false), now, ct);
        return row.ToModerated(answers, admin);
    }
}

/// <summary>A question that is no longer public (hidden, merged or rejected after publication): clients remove it.</summary>
public sealed record HiddenQuestion(Guid Id);
