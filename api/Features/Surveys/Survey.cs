using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;

namespace Trygghet.Api.Features.Surveys;

/// <summary>Whether the dialogue or walk was useful.</summary>
public enum SurveyUseful { Yes, Partly, No }

/// <summary>Whether the participant would come again.</summary>
public enum SurveyComeAgain { Yes, No, Unsure }

/// <summary>How a question is answered: a scale of 1–5, one of its choices, or free text.</summary>
public enum SurveyQuestionKind { Scale, Choice, Text }

/// <summary>The questions, by their stable id (the wording is versioned in configuration).</summary>
public enum SurveyQuestionId { Safety, Useful, ComeAgain, Priority }

/// <summary>Where a participant's free text stands: held for a moderator, public, or kept out of public view.</summary>
public enum SurveyTextStatus { Pending, Approved, Rejected }

/// <summary>One possible answer: the value to send and its label in the request's language.</summary>
public sealed record SurveyChoice(string Value, string Label);

/// <param name="Id">The field of the answer that carries it.</param>
/// <param name="Text">The question as worded in the version the invitation was sent with, in the request's language.</param>
/// <param name="Choices">The answers to choose from (for a scale: 1 to 5, with the ends labelled).</param>
/// <param name="MaxLength">For free text: the most characters it may have.</param>
public sealed record SurveyQuestion(SurveyQuestionId Id, SurveyQuestionKind Kind, string Text, bool Required, IReadOnlyList<SurveyChoice> Choices,
    int? MaxLength);

/// <summary>The survey behind a link: what it is about and its questions. No personal data.</summary>
/// <param name="Version">The version of the questions; the answer is stored with it.</param>
/// <param name="ExpiresAt">Until when the link takes an answer.</param>
/// <param name="AnsweredAt">When this link was answered; null until then (a link takes one answer).</param>
/// <param name="Expired">True once the link no longer takes an answer.</param>
public sealed record SurveyForm(Guid EventId, EventKind EventKind, string EventTitle, DateTimeOffset EventStartsAt, AreaRef Area, string Version,
    DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, bool Expired, IReadOnlyList<SurveyQuestion> Questions);

/// <summary>A participant's answer, given once per link.</summary>
/// <param name="Safety">How safe they feel in the area, 1 (very unsafe) to 5 (very safe).</param>
/// <param name="Useful">Whether the dialogue or walk was useful.</param>
/// <param name="ComeAgain">Whether they would come again.</param>
/// <param name="Priority">What the district should do first: optional, at most 500 characters of plain text. Public only after a moderator approves it; text that looks like personal data is refused (422 with <c>findings</c>) so it can be rephrased.</param>
public sealed record SurveyAnswerRequest(int Safety, SurveyUseful Useful, SurveyComeAgain ComeAgain, string? Priority = null);

/// <summary>The answer was stored.</summary>
/// <param name="PriorityHeld">True when free text was given: it waits for a moderator before it is shown.</param>
public sealed record SurveyReceipt(DateTimeOffset AnsweredAt, bool PriorityHeld);

/// <summary>How many answers gave one value.</summary>
public sealed record SurveyCount(string Value, int Count);

/// <summary>The figures of a set of answers, present only when there are at least the minimum number of answers.</summary>
/// <param name="SafetyMean">Mean of the safety answers (1–5), one decimal.</param>
/// <param name="Safety">How many answered 1, 2, 3, 4 and 5.</param>
/// <param name="Useful">How many answered yes, partly and no.</param>
/// <param name="ComeAgain">How many answered yes, no and unsure.</param>
public sealed record SurveyFigures(double SafetyMean, IReadOnlyList<SurveyCount> Safety, IReadOnlyList<SurveyCount> Useful,
    IReadOnlyList<SurveyCount> ComeAgain);

/// <summary>What participants of an event said afterwards.</summary>
/// <param name="Invited">Participants sent the survey.</param>
/// <param name="Answers">Answers received.</param>
/// <param name="MinimumAnswers">Answers needed before any figure is shown (k-anonymity).</param>
/// <param name="TooFewAnswers">True below the minimum: no figures and no texts are shown ("för få svar").</param>
/// <param name="Figures">The figures; null when there are too few answers.</param>
/// <param name="Priorities">What participants want the district to do first, as moderators approved them; empty when there are too few answers.</param>
/// <param name="Note">What these figures are, and what they are not.</param>
public sealed record EventSurveyResults(Guid EventId, EventKind EventKind, string EventTitle, int Invited, int Answers, int MinimumAnswers,
    bool TooFewAnswers, SurveyFigures? Figures, IReadOnlyList<string> Priorities, string Note);

/// <summary>One period of the perceived-safety trend.</summary>
/// <param name="Period">The period, e.g. <c>2026 H2</c> or <c>2026 Q3</c>.</param>
/// <param name="Answers">Answers from events that ended in the period.</param>
/// <param name="TooFewAnswers">True below the minimum: no mean and no distribution.</param>
/// <param name="SafetyMean">Mean of the safety answers (1–5), one decimal; null with too few answers.</param>
/// <param name="Safety">How many answered 1–5; empty with too few answers.</param>
public sealed record SurveyTrendPoint(string Period, DateOnly From, DateOnly To, int Answers, bool TooFewAnswers, double? SafetyMean,
    IReadOnlyList<SurveyCount> Safety);

/// <summary>Grouping of the trend.</summary>
public enum SurveyPeriod { Quarter, HalfYear }

/// <summary>What participants of the area's dialogues and walks answered, and how safe they felt period by period.</summary>
/// <param name="Answers">All answers from the area's events (the district: from all its neighbourhoods).</param>
/// <param name="TooFewAnswers">True below the minimum: no figures.</param>
/// <param name="Figures">The figures over all answers; null with too few answers.</param>
/// <param name="Trend">Perceived safety per period, each period shown only with enough answers.</param>
/// <param name="Note">That these are answers from participants in dialogues and walks, not a representative survey.</param>
public sealed record AreaSurveyResults(AreaRef Area, int Answers, int MinimumAnswers, bool TooFewAnswers, SurveyFigures? Figures, SurveyPeriod Period,
    IReadOnlyList<SurveyTrendPoint> Trend, string Note);

/// <summary>A participant's free text as moderators see it, with the event it came from.</summary>
public sealed record SurveyText(Guid Id, Guid EventId, string EventTitle, string Text, SurveyTextStatus Status, DateTimeOffset AnsweredAt,
    DateTimeOffset? ReviewedAt);
