using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>A question as moderators see it; the original of a redacted text for admins only.</summary>
public sealed record GetModeratedQuestionQuery(Guid Id, bool Admin) : IQuery<ModeratedQuestion>;

public sealed class GetModeratedQuestionHandler(DbSession db) : IQueryHandler<GetModeratedQuestionQuery, ModeratedQuestion>
{
    public async ValueTask<ModeratedQuestion> Handle(GetModeratedQuestionQuery query, CancellationToken ct)
    {
        var (row, answers) = await db.LoadQuestionAsync(query.Id, ct);
        return row.ToModerated(answers, query.Admin);
    }
}
