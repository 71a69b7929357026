using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

/// <summary>Answer the survey behind a link: once, before the link expires.</summary>
public sealed record AnswerSurveyCommand(string Token, SurveyAnswerRequest Request) : ICommand<SurveyReceipt>;

public sealed class AnswerSurveyValidator : AbstractValidator<AnswerSurveyCommand>
{
    public AnswerSurveyValidator()
    {
        this.ValidToken(c => c.Token);
        RuleFor(c => c.Request).NotNull().OverridePropertyName("");
        RuleFor(c => c.Request.Safety).InclusiveBetween(1, 5).WithMessage(_ => SurveyTexts.SafetyRange.Format()).OverridePropertyName("safety");
        RuleFor(c => c.Request.Useful).IsInEnum().OverridePropertyName("useful");
        RuleFor(c => c.Request.ComeAgain).IsInEnum().OverridePropertyName("comeAgain");
        RuleFor(c => c.Request.Priority).Must(p => p is null || p.Trim().Length <= GetSurveyFormHandler.PriorityMaxLength)
            .WithMessage(_ => SurveyTexts.PriorityLength.Format()).OverridePropertyName("priority");
    }
}

public sealed class AnswerSurveyHandler(DbSession db, TimeProvider clock, SurveyOptions options, SurveyQuestionSets sets)
    : ICommandHandler<AnswerSurveyCommand, SurveyReceipt>
{
    public async ValueTask<SurveyReceipt> Handle(AnswerSurveyCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var priority = string.IsNullOrWhiteSpace(command.Request.Priority) ? null : command.Request.Priority.Trim();
        // Free text can become public: what looks like personal data is refused, so the participant rephrases it and
        // nothing of it is stored.
        ConfidentialityPolicy.RequireClear(("priority", priority));
        var invitation = await SurveyInvitations.FindAsync(db, command.Token, forUpdate: true, ct);
        if (invitation.AnsweredAt is not null) throw new ConflictException(SurveyTexts.AlreadyAnswered);
        if (invitation.ExpiresAt <= now)
            throw new ConflictException(SurveyTexts.Expired, Time.Local(invitation.ExpiresAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var (version, _) = sets.For(invitation.Version, options);
        await db.ExecuteAsync("""
            update survey_invitation set answered_at = @now where id = @Id;
            insert into survey_answer (id, event_id, version, safety, useful, come_again, priority, priority_status, answered_at)
            values (@AnswerId, @EventId, @version, @Safety, @Useful, @ComeAgain, @priority, case when @priority is not null then 'pending' end, @now)
            """, new
        {
            invitation.Id,
            AnswerId = Guid.CreateVersion7(now),
            invitation.EventId,
            version,
            command.Request.Safety,
            Useful = WireName.Of(command.Request.Useful),
            ComeAgain = WireName.Of(command.Request.ComeAgain),
            priority,
            now,
        }, ct);
        return new SurveyReceipt(Time.Local(now), priority is not null);
    }
}
