using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

/// <summary>Participants' free texts for moderators: pending first by default, oldest first.</summary>
public sealed record ListSurveyTextsQuery(SurveyTextStatus? Status, Guid? EventId, int? Limit, string? Cursor) : IQuery<Page<SurveyText>>;

public sealed class ListSurveyTextsValidator : AbstractValidator<ListSurveyTextsQuery>
{
    public ListSurveyTextsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.EventId).NotEqual(Guid.Empty);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ListSurveyTextsHandler(DbSession db) : IQueryHandler<ListSurveyTextsQuery, Page<SurveyText>>
{
    internal sealed record Row(Guid Id, Guid EventId, string EventTitle, string Priority, string PriorityStatus, DateTimeOffset AnsweredAt,
        DateTimeOffset? ReviewedAt)
    {
        public SurveyText ToText() => new(Id, EventId, EventTitle, Priority, WireName.Parse<SurveyTextStatus>(PriorityStatus), Time.Local(AnsweredAt),
            ReviewedAt is { } at ? Time.Local(at) : null);
    }

    internal const string Select = """
        select a.id, a.event_id, e.title as event_title, a.priority, a.priority_status, a.answered_at, a.reviewed_at
        from survey_answer a join event e on e.id = a.event_id
        """;

    public async ValueTask<Page<SurveyText>> Handle(ListSurveyTextsQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var rows = await db.QueryAsync<Row>(Select + $"""
             where a.priority_status = @Status and (@EventId::uuid is null or a.event_id = @EventId)
             {(hasCursor ? "and (a.answered_at, a.id) > (@at, @after)" : "")}
             order by a.answered_at, a.id limit @Take
            """, new { Status = WireName.Of(query.Status ?? SurveyTextStatus.Pending), query.EventId, at, after, Take = limit + 1 }, ct);
        return Cursor.ToPage(rows, limit, r => (r.AnsweredAt, r.Id), r => r.ToText());
    }
}
