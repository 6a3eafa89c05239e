import { chooseLocale } from '../common/localisation';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat } from '../sessions/session.entity';

/** The words a feed adds around the programme's own texts, in the languages of the demo programme. */
export interface CalendarLabels {
  role: Record<AppearanceRole, string>;
  format: Record<SessionFormat, string>;
  cancelled: string;
  stream: string;
  agenda: string;
  sessionsWith: (name: string) => string;
}

const LABELS: Record<string, CalendarLabels> = {
  en: {
    role: { SPEAKER: 'Speaker', PANELIST: 'Panellist', MODERATOR: 'Moderator', HOST: 'Host', INTERVIEWEE: 'Interviewee' },
    format: {
      KEYNOTE: 'Keynote',
      TALK: 'Talk',
      PANEL: 'Panel',
      INTERVIEW: 'Interview',
      WORKSHOP: 'Workshop',
      HACKATHON: 'Hackathon',
      BREAK: 'Break',
      OTHER: 'Other',
    },
    cancelled: 'Cancelled',
    stream: 'Stream',
    agenda: 'My agenda',
    sessionsWith: (name) => `Sessions with ${name}`,
  },
  sv: {
    role: { SPEAKER: 'Talare', PANELIST: 'Paneldeltagare', MODERATOR: 'Moderator', HOST: 'Värd', INTERVIEWEE: 'Intervjuad' },
    format: {
      KEYNOTE: 'Huvudtal',
      TALK: 'Föredrag',
      PANEL: 'Panel',
      INTERVIEW: 'Intervju',
      WORKSHOP: 'Workshop',
      HACKATHON: 'Hackathon',
      BREAK: 'Paus',
      OTHER: 'Övrigt',
    },
    cancelled: 'Inställt',
    stream: 'Sändning',
    agenda: 'Min agenda',
    sessionsWith: (name) => `Programpunkter med ${name}`,
  },
  nb: {
    role: { SPEAKER: 'Foredragsholder', PANELIST: 'Paneldeltaker', MODERATOR: 'Ordstyrer', HOST: 'Vert', INTERVIEWEE: 'Intervjuobjekt' },
    format: {
      KEYNOTE: 'Hovedinnlegg',
      TALK: 'Foredrag',
      PANEL: 'Panel',
      INTERVIEW: 'Intervju',
      WORKSHOP: 'Verksted',
      HACKATHON: 'Hackathon',
      BREAK: 'Pause',
      OTHER: 'Annet',
    },
    cancelled: 'Avlyst',
    stream: 'Strømming',
    agenda: 'Min agenda',
    sessionsWith: (name) => `Programposter med ${name}`,
  },
};

/** The labels for a reader, by the same fallback rules as the programme's texts; English (listed first) otherwise. */
export function calendarLabels(locale: string | undefined, fallback: string | undefined): CalendarLabels {
  return LABELS[chooseLocale(Object.keys(LABELS), locale, fallback)!];
}
