import type { ConsoleLocale } from '../i18n';

/** What the sessions screens call the API's values, in each of the console's languages. */
export const STATUS_NAMES: Record<ConsoleLocale, Record<'TENTATIVE' | 'CONFIRMED' | 'CANCELLED', string>> = {
  en: { TENTATIVE: 'Tentative', CONFIRMED: 'Confirmed', CANCELLED: 'Cancelled' },
  sv: { TENTATIVE: 'Preliminär', CONFIRMED: 'Bekräftad', CANCELLED: 'Inställd' },
  nb: { TENTATIVE: 'Foreløpig', CONFIRMED: 'Bekreftet', CANCELLED: 'Avlyst' },
};

export const FORMAT_NAMES: Record<
  ConsoleLocale,
  Record<'TALK' | 'KEYNOTE' | 'PANEL' | 'INTERVIEW' | 'WORKSHOP' | 'HACKATHON' | 'BREAK' | 'OTHER', string>
> = {
  en: {
    TALK: 'Talk',
    KEYNOTE: 'Keynote',
    PANEL: 'Panel',
    INTERVIEW: 'Interview',
    WORKSHOP: 'Workshop',
    HACKATHON: 'Hackathon',
    BREAK: 'Break',
    OTHER: 'Other',
  },
  sv: {
    TALK: 'Föredrag',
    KEYNOTE: 'Huvudtal',
    PANEL: 'Panel',
    INTERVIEW: 'Intervju',
    WORKSHOP: 'Workshop',
    HACKATHON: 'Hackathon',
    BREAK: 'Paus',
    OTHER: 'Annat',
  },
  nb: {
    TALK: 'Foredrag',
    KEYNOTE: 'Hovedinnlegg',
    PANEL: 'Panel',
    INTERVIEW: 'Intervju',
    WORKSHOP: 'Verksted',
    HACKATHON: 'Hackathon',
    BREAK: 'Pause',
    OTHER: 'Annet',
  },
};

export const ROLE_NAMES: Record<ConsoleLocale, Record<'SPEAKER' | 'MODERATOR' | 'PANELIST' | 'HOST' | 'INTERVIEWEE', string>> = {
  en: { SPEAKER: 'Speaker', MODERATOR: 'Moderator', PANELIST: 'Panelist', HOST: 'Host', INTERVIEWEE: 'Interviewee' },
  sv: { SPEAKER: 'Talare', MODERATOR: 'Moderator', PANELIST: 'Paneldeltagare', HOST: 'Värd', INTERVIEWEE: 'Intervjuad' },
  nb: { SPEAKER: 'Foredragsholder', MODERATOR: 'Moderator', PANELIST: 'Paneldeltaker', HOST: 'Vert', INTERVIEWEE: 'Intervjuobjekt' },
};

/** The languages sessions are written and held in, by their own names. */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', sv: 'Svenska', nb: 'Norsk bokmål' };
