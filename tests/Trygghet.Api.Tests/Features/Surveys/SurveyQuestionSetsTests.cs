using Microsoft.Extensions.Configuration;
using Trygghet.Api.Features.Surveys;

namespace Trygghet.Api.Tests.Features.Surveys;

public sealed class SurveyQuestionSetsTests
{
    private static SurveyQuestionSets Read(params (string Key, string Value)[] settings) =>
        SurveyQuestionSets.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void The_built_in_questions_are_there_without_any_configuration()
    {
        var sets = Read();

        var set = sets.Sets["2026-1"];
        Assert.StartsWith("Hur trygg", set.Safety.Sv, StringComparison.Ordinal);
        Assert.StartsWith("How safe", set.Safety.En, StringComparison.Ordinal);
        Assert.Empty(sets.Problems(new SurveyOptions()));
    }

    [Fact]
    public void Configuration_adds_a_version_and_rewords_one_and_the_rules_name_what_is_missing()
    {
        var sets = Read(
            ("SurveyQuestions:2026-1:Useful:Sv", "Var kvällen givande?"),
            ("SurveyQuestions:2027-1:Safety:Sv", "Hur trygg känner du dig?"),
            ("SurveyQuestions:2027-1:Safety:En", "How safe do you feel?"));

        Assert.Equal("Var kvällen givande?", sets.Sets["2026-1"].Useful.Sv);
        Assert.StartsWith("Was the dialogue", sets.Sets["2026-1"].Useful.En, StringComparison.Ordinal);
        Assert.Equal("How safe do you feel?", sets.Sets["2027-1"].Safety.En);
        var problems = sets.Problems(new SurveyOptions { Version = "2027-1" }).ToList();
        Assert.Contains("SurveyQuestions__2027-1__Useful needs both Sv and En wording.", problems);
        Assert.Contains(sets.Problems(new SurveyOptions { Version = "2028-1" }), p => p.StartsWith("Surveys__Version '2028-1' has no questions", StringComparison.Ordinal));
        // A link sent with a version since removed gets the current questions.
        Assert.Equal("2026-1", sets.For("2019-1", new SurveyOptions()).Version);
    }
}
