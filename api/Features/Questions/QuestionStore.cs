using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

internal static class QuestionStore
{
    /// <summary>Questions with their answers, in the order asked for.</summary>
    public static async Task<IReadOnlyList<(QuestionRow Row, IReadOnlyList<Answer> Answers)>> LoadQuestionsAsync(this DbSession db, string where,
        object param, CancellationToken ct, string orderBy = "q.asked_at, q.id", int? limit = null, int offset = 0)
    {
        var rows = await db.QueryAsync<QuestionRow>($"{QuestionRow.Select} where {where} order by {orderBy}"
            + (limit is { } take ? $" limit {take}" : "") + (offset > 0 ? $" offset {offset}" : ""), param, ct);
        if (rows.Count == 0) return [];
        var answers = (await db.QueryAsync<AnswerRow>(AnswerRow.Select + " where qa.question_id = any(@ids) order by qa.answered_at, qa.id",
            new { ids = rows.Select(r => r.Id).ToArray() }, ct)).ToLookup(a => a.QuestionId);
        return rows.Select(r => (r, (IReadOnlyList<Answer>)answers[r.Id].Select(a => a.ToAnswer()).ToList())).ToList();
    }

    public static async Task<(QuestionRow Row, IReadOnlyList<Answer> Answers)> LoadQuestionAsync(this DbSession db, Guid id, CancellationToken ct) =>
        (await db.LoadQuestionsAsync("q.id = @id", new { id }, ct)).SingleOrDefault() is { Row: not null } found ? found
            : throw new NotFoundException(QuestionTexts.NotFound, id);
}
