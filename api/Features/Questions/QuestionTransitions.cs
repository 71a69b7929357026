using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>
/// The moves moderators make. Each locks the question, checks the move is allowed from where it is (409 otherwise),
/// writes it, is audited, and tells the streams: the public hears of what is or was published, the moderators of
/// what enters or leaves their queue.
/// </summary>
internal static class QuestionTransitions
{
    /// <summary>The question, locked; 404 when unknown, 409 when it is not in one of the states the action starts from.</summary>
    public static async Task<(QuestionRow Row, IReadOnlyList<Answer> Answers)> LockAsync(DbSession db, Guid id, CancellationToken ct,
        params QuestionStatus[] from)
    {
        if (!await db.QuerySingleOrDefaultAsync<bool>("select true from question where id = @id for update", new { id }, ct))
            throw new NotFoundException(QuestionTexts.NotFound, id);
        var loaded = await db.LoadQuestionAsync(id, ct);
        if (!from.Contains(loaded.Row.StatusValue)) throw new ConflictException(QuestionTexts.Transition, loaded.Row.Status);
        return loaded;
    }

    public static async Task<ModeratedQuestion> MoveAsync(DbSession db, TimeProvider clock, AuditLog audit, QuestionRow current, QuestionStatus to,
        string action, object? details, bool admin, string set, CancellationToken ct)
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
