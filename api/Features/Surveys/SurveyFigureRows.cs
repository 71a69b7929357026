using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

/// <summary>Counts of a set of answers, as one SQL row, and the figures they make once there are enough of them.</summary>
internal sealed record SurveyCounts(int Answers, double? SafetyMean, int Safety1, int Safety2, int Safety3, int Safety4, int Safety5,
    int UsefulYes, int UsefulPartly, int UsefulNo, int AgainYes, int AgainNo, int AgainUnsure)
{
    /// <summary>The select list over <c>survey_answer a</c> that fills this record.</summary>
    public const string Select = """
        count(*)::int as answers, avg(a.safety)::float8 as safety_mean,
        count(*) filter (where a.safety = 1)::int as safety1, count(*) filter (where a.safety = 2)::int as safety2,
        count(*) filter (where a.safety = 3)::int as safety3, count(*) filter (where a.safety = 4)::int as safety4,
        count(*) filter (where a.safety = 5)::int as safety5,
        count(*) filter (where a.useful = 'yes')::int as useful_yes, count(*) filter (where a.useful = 'partly')::int as useful_partly,
        count(*) filter (where a.useful = 'no')::int as useful_no,
        count(*) filter (where a.come_again = 'yes')::int as again_yes, count(*) filter (where a.come_again = 'no')::int as again_no,
        count(*) filter (where a.come_again = 'unsure')::int as again_unsure
        """;

    public static readonly SurveyCounts None = new(0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public bool Enough(SurveyOptions options) => Answers >= options.MinimumAnswers;

    public IReadOnlyList<SurveyCount> SafetyCounts() =>
        [new("1", Safety1), new("2", Safety2), new("3", Safety3), new("4", Safety4), new("5", Safety5)];

    public double Mean() => Math.Round(SafetyMean ?? 0, 1, MidpointRounding.AwayFromZero);

    /// <summary>The figures, or null below the minimum: a small group's answers are never shown.</summary>
    public SurveyFigures? Figures(SurveyOptions options) => !Enough(options) ? null : new SurveyFigures(Mean(), SafetyCounts(),
        [new(WireName.Of(SurveyUseful.Yes), UsefulYes), new(WireName.Of(SurveyUseful.Partly), UsefulPartly), new(WireName.Of(SurveyUseful.No), UsefulNo)],
        [new(WireName.Of(SurveyComeAgain.Yes), AgainYes), new(WireName.Of(SurveyComeAgain.No), AgainNo), new(WireName.Of(SurveyComeAgain.Unsure), AgainUnsure)]);
}
