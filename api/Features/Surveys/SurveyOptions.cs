using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

/// <summary>Settings of the survey after each dialogue and walk (section <c>Surveys</c>).</summary>
public sealed class SurveyOptions
{
    /// <summary>Days a survey link takes an answer after the event was closed.</summary>
    public int AnswerDays { get; set; } = 14;

    /// <summary>Answers an event, an area or a period needs before its results are shown (k-anonymity).</summary>
    public int MinimumAnswers { get; set; } = 5;

    /// <summary>The questions set sent from now on: a key of the <c>SurveyQuestions</c> section.</summary>
    public string Version { get; set; } = "2026-1";
}

/// <summary>One question's wording, in Swedish and English.</summary>
public sealed class SurveyWording
{
    public string Sv { get; set; } = "";
    public string En { get; set; } = "";

    public Text ToText() => new(Sv, En);
}

/// <summary>
/// The wording of one version of the questions. The kinds of question and their answers are fixed (the answers are
/// compared across versions); a new version changes how they are put, and each answer records the version it was given to.
/// </summary>
public sealed class SurveyQuestionSet
{
    public SurveyWording Safety { get; set; } = new();
    public SurveyWording Useful { get; set; } = new();
    public SurveyWording ComeAgain { get; set; } = new();
    public SurveyWording Priority { get; set; } = new();

    public IEnumerable<(string Name, SurveyWording Wording)> All() =>
        [("Safety", Safety), ("Useful", Useful), ("ComeAgain", ComeAgain), ("Priority", Priority)];
}

/// <summary>
/// The versions of the questions, by version: those of <c>Data/surveys/questions.json</c> (built into the API, so they
/// are there whatever folder it runs from), to which the configuration's <c>SurveyQuestions</c> section (appsettings,
/// environment: <c>SurveyQuestions__2027-1__Safety__Sv</c>…) adds versions or rewords one.
/// </summary>
public sealed class SurveyQuestionSets(IReadOnlyDictionary<string, SurveyQuestionSet> sets)
{
    public const string Section = "SurveyQuestions";

    public static SurveyQuestionSets Read(IConfiguration configuration)
    {
        using var builtIn = typeof(SurveyQuestionSets).Assembly.GetManifestResourceStream("Trygghet.Api.Data.surveys.questions.json")
            ?? throw new InvalidOperationException("Data/surveys/questions.json is not embedded.");
        var merged = new ConfigurationBuilder().AddJsonStream(builtIn).AddConfiguration(configuration).Build();
        return new(merged.GetSection(Section).Get<Dictionary<string, SurveyQuestionSet>>() ?? []);
    }

    public IReadOnlyDictionary<string, SurveyQuestionSet> Sets { get; } = sets;

    /// <summary>The set an invitation was sent with; the current one if that version has since been removed.</summary>
    public (string Version, SurveyQuestionSet Set) For(string version, SurveyOptions options) =>
        Sets.TryGetValue(version, out var set) ? (version, set) : (options.Version, Sets[options.Version]);

    public IEnumerable<string> Problems(SurveyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Version) || options.Version.Length > 50)
            yield return "Surveys__Version must name a questions set (1–50 characters), e.g. 2026-1.";
        else if (!Sets.ContainsKey(options.Version))
            yield return $"Surveys__Version '{options.Version}' has no questions: add {Section}__{options.Version}__Safety__Sv and the rest (see api/Data/surveys/questions.json).";
        foreach (var (version, set) in Sets)
            foreach (var (name, wording) in set.All())
                if (string.IsNullOrWhiteSpace(wording.Sv) || string.IsNullOrWhiteSpace(wording.En))
                    yield return $"{Section}__{version}__{name} needs both Sv and En wording.";
    }
}
