using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;

namespace Trygghet.Api.Features.Statistics;

/// <summary>A suggested dialogue or walk for a flagged area, with the kinds of actors to invite.</summary>
public sealed record SignalSuggestion(EventKind Kind, string Title, IReadOnlyList<string> ActorKinds);

/// <summary>One neighbourhood's test: its police events in the window against its own baseline.</summary>
/// <param name="WindowFrom">First month of the window (the last three complete months).</param>
/// <param name="Expected">Events the window would hold at the baseline's rate.</param>
/// <param name="PValue">Probability of at least this many events if the rate had not changed (exact conditional Poisson test).</param>
/// <param name="AdjustedPValue">After Holm's correction for testing all 17 neighbourhoods at once; flagged at ≤ 0.05.</param>
/// <param name="TopTypes">The most frequent event types of the window.</param>
/// <param name="Flagged">Police events rise significantly, or observations or unanswered questions pile up.</param>
/// <param name="RiseFlagged">Police events rise significantly against the area's own history.</param>
/// <param name="PileUpFlagged">Observations pile up: at least 5 open for more than 30 days, or at least 3 past their deadline.</param>
/// <param name="OpenObservations">Observations still open.</param>
/// <param name="StaleObservations">Of those, reported more than 30 days ago.</param>
/// <param name="OverdueObservations">Of those, past their deadline.</param>
/// <param name="QuestionsFlagged">Residents' questions pile up unanswered: at least 5 published questions of dialogues that ended more than 14 days (and less than a year) ago have no answer.</param>
/// <param name="UnansweredQuestions">Those unanswered questions.</param>
/// <param name="Explanation">The numbers in words.</param>
/// <param name="EnoughData">The police imports cover the whole baseline and window; when not, the rise is not tested (no area is flagged for it) and the explanation says so.</param>
/// <param name="PoliceCoveredUntil">The end of the police imports' coverage, null before any import.</param>
/// <param name="Suggestion">For a flagged area: the dialogue or walk to hold, and whom to invite.</param>
public sealed record AreaSignal(AreaRef Area, bool Flagged, DateOnly WindowFrom, DateOnly WindowTo, int WindowEvents, int BaselineEvents,
    double Expected, double PValue, double AdjustedPValue, IReadOnlyList<string> TopTypes, string Explanation, SignalSuggestion? Suggestion,
    bool RiseFlagged, bool PileUpFlagged, int OpenObservations, int StaleObservations, int OverdueObservations, bool QuestionsFlagged,
    int UnansweredQuestions, bool EnoughData, DateTimeOffset? PoliceCoveredUntil);
