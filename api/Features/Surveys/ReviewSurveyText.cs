using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

/// <summary>Approve (public with the event's results) or reject (never public) a participant's free text.</summary>
public sealed record ReviewSurveyTextCommand(Guid Id, SurveyTextStatus To) : ICommand<SurveyText>;

public sealed class ReviewSurveyTextHandler(DbSession db, TimeProvider clock, AuditLog audit) : ICommandHandler<ReviewSurveyTextCommand, SurveyText>
{
    public async ValueTask<SurveyText> Handle(ReviewSurveyTextCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.QuerySingleOrDefaultAsync<ListSurveyTextsHandler.Row>(ListSurveyTextsHandler.Select + """
             where a.id = @Id and a.priority is not null for update of a
            """, command, ct) ?? throw new NotFoundException(SurveyTexts.TextNotFound);
        var status = WireName.Parse<SurveyTextStatus>(row.PriorityStatus);
        if (status == command.To) return row.ToText(); // the same decision again changes nothing
        // A moderator may change their mind: a rejected text can still be approved, and an approved one withdrawn.
        await db.ExecuteAsync("update survey_answer set priority_status = @To, reviewed_at = @now where id = @Id",
            new { command.Id, To = WireName.Of(command.To), now }, ct);
        await audit.WriteAsync(command.To == SurveyTextStatus.Approved ? "survey.text.approve" : "survey.text.reject", "survey_answer",
            command.Id.ToString(), new { from = WireName.Of(status) }, ct);
        return (row with { PriorityStatus = WireName.Of(command.To), ReviewedAt = now }).ToText();
    }
}
