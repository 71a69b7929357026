using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

public sealed record GetSurveyFormQuery(string Token) : IQuery<SurveyForm>;

public sealed class GetSurveyFormValidator : AbstractValidator<GetSurveyFormQuery>
{
    public GetSurveyFormValidator() => this.ValidToken(q => q.Token);
}

public sealed class GetSurveyFormHandler(DbSession db, TimeProvider clock, SurveyOptions options, SurveyQuestionSets sets)
    : IQueryHandler<GetSurveyFormQuery, SurveyForm>
{
    public const int PriorityMaxLength = 500;

    public async ValueTask<SurveyForm> Handle(GetSurveyFormQuery query, CancellationToken ct)
    {
        var invitation = await SurveyInvitations.FindAsync(db, query.Token, forUpdate: false, ct);
        var (version, set) = sets.For(invitation.Version, options);
        return new SurveyForm(invitation.EventId, WireName.Parse<EventKind>(invitation.EventKind), invitation.EventTitle,
            Time.Local(invitation.EventStartsAt), new AreaRef(invitation.AreaSlug, invitation.AreaName, AreaKinds.Parse(invitation.AreaKind)), version,
            Time.Local(invitation.ExpiresAt), invitation.AnsweredAt is { } answered ? Time.Local(answered) : null,
            invitation.ExpiresAt <= clock.GetUtcNow(), Questions(set));
    }

    public static IReadOnlyList<SurveyQuestion> Questions(SurveyQuestionSet set)
    {
        static SurveyChoice Choice<T>(T value, Text label) where T : struct, Enum => new(WireName.Of(value), label.Format());
        return
        [
            new(SurveyQuestionId.Safety, SurveyQuestionKind.Scale, set.Safety.ToText().Format(), true,
                [new("1", $"1 – {SurveyTexts.ScaleLow.Format()}"), new("2", "2"), new("3", "3"), new("4", "4"), new("5", $"5 – {SurveyTexts.ScaleHigh.Format()}")], null),
            new(SurveyQuestionId.Useful, SurveyQuestionKind.Choice, set.Useful.ToText().Format(), true,
                [Choice(SurveyUseful.Yes, SurveyTexts.Yes), Choice(SurveyUseful.Partly, SurveyTexts.Partly), Choice(SurveyUseful.No, SurveyTexts.No)], null),
            new(SurveyQuestionId.ComeAgain, SurveyQuestionKind.Choice, set.ComeAgain.ToText().Format(), true,
                [Choice(SurveyComeAgain.Yes, SurveyTexts.Yes), Choice(SurveyComeAgain.No, SurveyTexts.No), Choice(SurveyComeAgain.Unsure, SurveyTexts.Unsure)], null),
            new(SurveyQuestionId.Priority, SurveyQuestionKind.Text, set.Priority.ToText().Format(), false, [], PriorityMaxLength),
        ];
    }
}
