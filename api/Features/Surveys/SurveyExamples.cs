using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Surveys;

/// <summary>The contract's examples: the survey after the walk in Fruängen and its results.</summary>
public sealed class SurveyExamples : IContractExamples
{
    private static readonly SurveyQuestionSet Set = new()
    {
        Safety = new() { Sv = "Hur trygg känner du dig i området?", En = "How safe do you feel in the area?" },
        Useful = new() { Sv = "Var vandringen givande för dig?", En = "Was the walk useful to you?" },
        ComeAgain = new() { Sv = "Skulle du komma igen?", En = "Would you come again?" },
        Priority = new() { Sv = "Vad borde stadsdelen göra först?", En = "What should the district do first?" },
    };

    private static readonly AreaRef Fruangen = new("fruangen", "Fruängen", AreaKind.Neighbourhood);

    private static readonly SurveyFigures Figures = new(3.4,
        [new("1", 1), new("2", 2), new("3", 4), new("4", 6), new("5", 2)],
        [new("yes", 10), new("partly", 4), new("no", 1)],
        [new("yes", 12), new("no", 1), new("unsure", 2)]);

    private static readonly SurveyText Text = new(Guid.Parse("0b7a4c2e-3d5f-4a6b-9c8d-1e2f3a4b5c6d"), WalkId, "Trygghetsvandring i Fruängen",
        "Bättre belysning i gångtunneln vid tunnelbanan.", SurveyTextStatus.Pending, WalkStart.AddDays(3), null);

    public IEnumerable<object> Examples =>
    [
        new SurveyForm(WalkId, EventKind.Walk, "Trygghetsvandring i Fruängen", WalkStart, Fruangen, "2026-1", WalkStart.AddDays(16), null, false,
            GetSurveyFormHandler.Questions(Set)),
        new SurveyAnswerRequest(3, SurveyUseful.Yes, SurveyComeAgain.Yes, "Bättre belysning i gångtunneln vid tunnelbanan."),
        new SurveyReceipt(WalkStart.AddDays(3), true),
        new EventSurveyResults(WalkId, EventKind.Walk, "Trygghetsvandring i Fruängen", 21, 15, 5, false, Figures,
            ["Bättre belysning i gångtunneln vid tunnelbanan.", "Röj buskarna längs gångvägen mot Västertorp."], SurveyTexts.Note.Sv),
        new AreaSurveyResults(Fruangen, 15, 5, false, Figures, SurveyPeriod.HalfYear,
            [
                new SurveyTrendPoint("2026 H2", new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), 3, true, null, []),
                new SurveyTrendPoint("2027 H1", new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), 12, false, 3.5,
                    [new("1", 1), new("2", 1), new("3", 3), new("4", 5), new("5", 2)]),
            ], SurveyTexts.Note.Sv),
        new Page<SurveyText>([Text], null),
        Text,
    ];
}
