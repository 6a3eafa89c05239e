import { lazy } from 'preact-iso';
import type { AnyComponent } from 'preact';
import type { ConsoleLocale } from './i18n';

/**
 * Every screen of the console and its address under /console. Screens load when first opened, so
 * the first load carries only the shell and the conference list.
 */
export interface Screen {
  path: string;
  component: AnyComponent;
}

const ConferenceList = lazy(() => import('./conferences/conference-list'));
const ConferenceEditor = lazy(() => import('./conferences/conference-editor'));
const RoomsAndTracks = lazy(() => import('./schedule/rooms-and-tracks'));
const SessionList = lazy(() => import('./sessions/session-list'));
const SessionEditor = lazy(() => import('./sessions/session-editor'));
const ScheduleBoard = lazy(() => import('./schedule/board'));
const Webhooks = lazy(() => import('./webhooks/webhooks'));
const Releases = lazy(() => import('./releases/releases'));
const Exchange = lazy(() => import('./exchange/exchange'));
const SpeakerList = lazy(() => import('./speakers/speaker-list'));
const SpeakerEditor = lazy(() => import('./speakers/speaker-editor'));
const Interviews = lazy(() => import('./interviews/interviews'));
const Interview = lazy(() => import('./interviews/interview'));
const Questionnaire = lazy(() => import('./interviews/questionnaire'));
const OrganiserList = lazy(() => import('./organisers/organiser-list'));
const OrganiserScreen = lazy(() => import('./organisers/organiser'));

export const SCREENS: Screen[] = [
  { path: '/console/', component: ConferenceList },
  { path: '/console/conferences/new', component: ConferenceEditor },
  { path: '/console/conferences/:slug', component: ConferenceEditor },
  { path: '/console/conferences/:slug/rooms', component: RoomsAndTracks },
  { path: '/console/conferences/:slug/sessions', component: SessionList },
  { path: '/console/conferences/:slug/sessions/new', component: SessionEditor },
  { path: '/console/conferences/:slug/sessions/:id', component: SessionEditor },
  { path: '/console/conferences/:slug/schedule', component: ScheduleBoard },
  { path: '/console/conferences/:slug/webhooks', component: Webhooks },
  { path: '/console/conferences/:slug/releases', component: Releases },
  { path: '/console/conferences/:slug/exchange', component: Exchange },
  { path: '/console/conferences/:slug/speakers', component: SpeakerList },
  { path: '/console/conferences/:slug/speakers/:speakerSlug', component: SpeakerEditor },
  { path: '/console/conferences/:slug/interviews', component: Interviews },
  { path: '/console/conferences/:slug/interviews/questionnaires/:questionnaireId', component: Questionnaire },
  { path: '/console/conferences/:slug/interviews/:interviewSlug', component: Interview },
  { path: '/console/organisers', component: OrganiserList },
  { path: '/console/organisers/:id', component: OrganiserScreen },
];

/** The parts of one conference, in the order its menu lists them, with their names in the menu. */
export const CONFERENCE_SECTIONS: { path: string; label: Record<ConsoleLocale, string> }[] = [
  { path: '', label: { en: 'Details', sv: 'Uppgifter', nb: 'Detaljer' } },
  { path: '/rooms', label: { en: 'Rooms and tracks', sv: 'Salar och spår', nb: 'Rom og spor' } },
  { path: '/sessions', label: { en: 'Sessions', sv: 'Pass', nb: 'Økter' } },
  { path: '/schedule', label: { en: 'Schedule', sv: 'Schema', nb: 'Timeplan' } },
  { path: '/releases', label: { en: 'Releases', sv: 'Versioner', nb: 'Versjoner' } },
  { path: '/exchange', label: { en: 'Import and export', sv: 'Import och export', nb: 'Import og eksport' } },
  { path: '/speakers', label: { en: 'Speakers', sv: 'Talare', nb: 'Foredragsholdere' } },
  { path: '/interviews', label: { en: 'Interviews', sv: 'Intervjuer', nb: 'Intervjuer' } },
  { path: '/webhooks', label: { en: 'Webhooks', sv: 'Webhooks', nb: 'Webhooks' } },
];
