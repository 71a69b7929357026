import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { StartPage } from '../features/events/StartPage';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

// The start page is in the first bundle; every other screen loads on demand, so residents
// download only what they open (see scripts/budget.mjs).
const page = <T extends Record<string, React.ComponentType>>(load: () => Promise<T>, name: keyof T) =>
  lazy(async () => ({ default: (await load())[name] as React.ComponentType }));

const EventPage = page(() => import('../features/events/EventPage'), 'EventPage');
const ManagePage = page(() => import('../features/registrations/ManagePage'), 'ManagePage');
const QuestionsPage = page(() => import('../features/questions/QuestionsPage'), 'QuestionsPage');
const MyQuestionPage = page(() => import('../features/questions/MyQuestionPage'), 'MyQuestionPage');
const AreasPage = page(() => import('../features/areas/AreasPage'), 'AreasPage');
const AreaPage = page(() => import('../features/areas/AreaPage'), 'AreaPage');
const StatisticsPage = page(() => import('../features/areas/StatisticsPage'), 'StatisticsPage');
const MeasurePage = page(() => import('../features/areas/MeasurePage'), 'MeasurePage');
const ObservationPage = page(() => import('../features/areas/ObservationPage'), 'ObservationPage');
const RsvpPage = page(() => import('../features/staff/RsvpPage'), 'RsvpPage');
const StaffLayout = page(() => import('../features/staff/StaffLayout'), 'StaffLayout');
const SignInPage = page(() => import('../features/staff/SignInPage'), 'SignInPage');
const StaffHome = page(() => import('../features/staff/StaffHome'), 'StaffHome');
const EventPlans = page(() => import('../features/staff/EventPlans'), 'EventPlans');
const EventEditor = page(() => import('../features/staff/EventEditor'), 'EventEditor');
const RegistrationsPage = page(() => import('../features/registrations/RegistrationsPage'), 'RegistrationsPage');
const ModerationPage = page(() => import('../features/questions/ModerationPage'), 'ModerationPage');
const ObservationsFollowUp = page(() => import('../features/staff/ObservationsFollowUp'), 'ObservationsFollowUp');
const StopFollowingPage = page(() => import('../features/observations/StopFollowingPage'), 'StopFollowingPage');
const ReportPage = page(() => import('../features/observations/ReportPage'), 'ReportPage');
const NewObservationPage = page(() => import('../features/observations/NewObservationPage'), 'NewObservationPage');
const SignalsPage = page(() => import('../features/staff/SignalsPage'), 'SignalsPage');
const ReportReviewPage = page(() => import('../features/staff/ReportReviewPage'), 'ReportReviewPage');
const RoomPage = page(() => import('../features/room/RoomPage'), 'RoomPage');
const JoinPage = page(() => import('../features/room/JoinPage'), 'JoinPage');
const SurveyPage = page(() => import('../features/surveys/SurveyPage'), 'SurveyPage');
const SurveyModerationPage = page(() => import('../features/surveys/SurveyModerationPage'), 'SurveyModerationPage');
const SubscribePage = page(() => import('../features/alerts/SubscribePage'), 'SubscribePage');
const ConfirmAlertsPage = page(() => import('../features/alerts/ConfirmPage'), 'ConfirmPage');
const ManageAlertsPage = page(() => import('../features/alerts/ManagePage'), 'ManagePage');

/**
 * Paths are Swedish: they appear in e-mails and on posters. The secret links (/anmalan, /fraga,
 * /svar, /iakttagelser/sluta-folja) carry their token after '#', so it never reaches a server log.
 */
export const routes: RouteObject[] = [
  // The room's screen fills a projector: no banner, menu or footer.
  { path: 'dialoger/:slug/storskarm', element: <Suspense fallback={null}><RoomPage /></Suspense> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <StartPage /> },
      { path: 'dialoger/:slug', element: <EventPage /> },
      { path: 'vandringar/:slug', element: <EventPage /> },
      { path: 'dialoger/:slug/fragor', element: <QuestionsPage /> },
      { path: 'anmalan', element: <ManagePage /> },
      { path: 'fraga', element: <MyQuestionPage /> },
      { path: 'svar', element: <RsvpPage /> },
      { path: 'omraden', element: <AreasPage /> },
      { path: 'omraden/:slug', element: <AreaPage /> },
      { path: 'omraden/:slug/statistik', element: <StatisticsPage /> },
      { path: 'atgarder/:id', element: <MeasurePage /> },
      { path: 'iakttagelser/:id', element: <ObservationPage /> },
      { path: 'iakttagelser/sluta-folja', element: <StopFollowingPage /> },
      { path: 'rapportera', element: <ReportPage /> },
      { path: 'q/:code', element: <JoinPage /> },
      { path: 'enkat', element: <SurveyPage /> },
      { path: 'bevaka', element: <SubscribePage /> },
      { path: 'bevaka/bekrafta', element: <ConfirmAlertsPage /> },
      { path: 'bevaka/hantera', element: <ManageAlertsPage /> },
      { path: 'personal/logga-in', element: <SignInPage /> },
      {
        path: 'personal',
        element: <StaffLayout />,
        children: [
          { index: true, element: <StaffHome /> },
          { path: 'evenemang', element: <EventPlans /> },
          { path: 'evenemang/ny', element: <EventEditor /> },
          { path: 'evenemang/:id', element: <EventEditor /> },
          { path: 'evenemang/:id/fragor', element: <ModerationPage /> },
          { path: 'evenemang/:id/anmalningar', element: <RegistrationsPage /> },
          { path: 'iakttagelser', element: <ObservationsFollowUp /> },
          { path: 'iakttagelser/ny', element: <NewObservationPage /> },
          { path: 'signaler', element: <SignalsPage /> },
          { path: 'granska', element: <ReportReviewPage /> },
          { path: 'granska/enkatsvar', element: <SurveyModerationPage /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
