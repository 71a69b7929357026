using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The asker's own view through the private link.</summary>
/// <param name="RejectReason">The moderator's reason, when the question was rejected.</param>
/// <param name="MergedInto">The question it was merged into (its votes and answers are there).</param>
public sealed record MyQuestion(Guid Id, Guid EventId, string EventTitle, QuestionStatus Status, string Text, string? RejectReason, Guid? MergedInto,
    int Votes, IReadOnlyList<Answer> Answers, DateTimeOffset AskedAt);

public static class QuestionTokens
{
    public const string Header = "X-Question-Token";
}

/// <summary>The asker's own question, found by the secret of the private link.</summary>
public sealed record GetMyQuestionQuery(string Token) : IQuery<MyQuestion>;

public sealed class GetMyQuestionValidator : AbstractValidator<GetMyQuestionQuery>
{
    public GetMyQuestionValidator() =>
        RuleFor(q => q.Token).Must(SecretTokens.LooksValid).WithMessage(_ => QuestionTexts.BadLink.Format()).OverridePropertyName(QuestionTokens.Header);
}

public sealed class GetMyQuestionHandler(DbSession db) : IQueryHandler<GetMyQuestionQuery, MyQuestion>
{
    public async ValueTask<MyQuestion> Handle(GetMyQuestionQuery query, CancellationToken ct)
    {
        var id = await db.QuerySingleOrDefaultAsync<Guid?>("select id from question where token_hash = @Hash", new { Hash = SecretTokens.Hash(query.Token) }, ct)
            ?? throw new NotFoundException(QuestionTexts.NotFound, "");
        var (row, answers) = await db.LoadQuestionAsync(id, ct);
        var title = await db.QuerySingleOrDefaultAsync<string>("select title from event where id = @EventId", row, ct) ?? "";
        return new MyQuestion(row.Id, row.EventId, title, row.StatusValue, row.Text, row.RejectReason, row.MergedInto, row.Votes, answers,
            Time.Local(row.AskedAt));
    }
}
