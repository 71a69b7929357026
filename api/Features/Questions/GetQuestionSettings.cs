using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>How a dialogue takes questions.</summary>
public sealed record GetQuestionSettingsQuery(Guid EventId) : IQuery<QuestionSettings>;

public sealed class GetQuestionSettingsHandler(DbSession db) : IQueryHandler<GetQuestionSettingsQuery, QuestionSettings>
{
    public async ValueTask<QuestionSettings> Handle(GetQuestionSettingsQuery query, CancellationToken ct) =>
        new((await QuestionEvent.LoadAsync(db, query.EventId, ct)).QuestionModeration == "post" ? QuestionModeration.Post : QuestionModeration.Pre);
}
