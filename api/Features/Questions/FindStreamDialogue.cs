using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The id of a public dialogue, to subscribe to its stream.</summary>
public sealed record FindStreamDialogueQuery(string IdOrSlug) : IQuery<Guid>;

public sealed class FindStreamDialogueHandler(DbSession db) : IQueryHandler<FindStreamDialogueQuery, Guid>
{
    public async ValueTask<Guid> Handle(FindStreamDialogueQuery query, CancellationToken ct) => (await QuestionEvent.FindPublicAsync(db, query.IdOrSlug, ct)).Id;
}
