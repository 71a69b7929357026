using Trygghet.Api.Features.Areas;

namespace Trygghet.Api.Features.Statistics;

/// <summary>How residents take part, for an area and a period.</summary>
/// <param name="DialoguesHeld">Safety dialogues whose end lies in the period (held or closed, not cancelled).</param>
/// <param name="WalksHeld">Safety walks whose end lies in the period.</param>
/// <param name="Cancelled">Events of the period that were cancelled.</param>
/// <param name="ParticipantsOnSite">Attendance on site: as recorded when an event was closed, else the registrations checked in.</param>
/// <param name="ParticipantsRemote">Attendance at a distance: as recorded when an event was closed, else the remote registrants who fetched the meeting link.</param>
/// <param name="EventsWithFeedback">Events closed with published feedback (återkoppling).</param>
/// <param name="ActorsTakingPart">Organisations that accepted an invitation to an event of the period.</param>
/// <param name="Registrations">Registrations for the events held (not cancelled by the registrant).</param>
/// <param name="RegistrationsOnSite">Of those, on site.</param>
/// <param name="RegistrationsRemote">Of those, remote.</param>
/// <param name="QuestionsAsked">Questions residents asked at the dialogues held (a duplicate merged into another counts once).</param>
/// <param name="QuestionsAnswered">Published questions answered in writing or live.</param>
/// <param name="ObservationsOpen">Observations reported in the period and still open (reported, investigating, planned, in progress).</param>
/// <param name="ObservationsFixed">Observations fixed in the period.</param>
/// <param name="MedianDaysToFix">Median days from report to fix of the observations fixed in the period; null while none is.</param>
/// <param name="Source">Where the figures come from.</param>
/// <param name="SurveysSent">Participants of the events held who were sent the survey afterwards.</param>
/// <param name="SurveysAnswered">Of those, how many answered it.</param>
/// <param name="SurveyResponseRate">Answered per sent, 0–1 with three decimals; null while none was sent.</param>
public sealed record Engagement(AreaRef Area, DateOnly From, DateOnly To, int DialoguesHeld, int WalksHeld, int Cancelled,
    int ParticipantsOnSite, int ParticipantsRemote, int EventsWithFeedback, int ActorsTakingPart, int Registrations, int RegistrationsOnSite,
    int RegistrationsRemote, int QuestionsAsked,
    int QuestionsAnswered, int ObservationsOpen, int ObservationsFixed, double? MedianDaysToFix, string Source,
    int SurveysSent, int SurveysAnswered, double? SurveyResponseRate);
