import { DateTime } from 'luxon';
import { composeMail, ComposedMail } from '../../mail/mail-layout';

/** The languages release notices are written in; a conference in any other is told in English. */
export const NOTICE_LOCALES = ['sv', 'nb', 'en'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];

/** Where and when a session is, as a release has it. */
export interface NoticeSlot {
  startsAt: Date | null;
  endsAt: Date | null;
  room: string | null;
}

/** One of the speaker's sessions, and what the release changed about it. */
export interface SessionChange {
  title: string;
  kind: 'moved' | 'cancelled' | 'removed';
  from: NoticeSlot;
  /** Where it is now; for a cancelled or removed session, where it was. */
  to: NoticeSlot;
}

interface NoticeWords {
  subject: (conference: string) => string;
  greeting: (name: string) => string;
  intro: (conference: string, release: string) => string;
  moved: (from: string, to: string) => string;
  cancelled: (slot: string) => string;
  removed: (slot: string) => string;
  unscheduled: string;
  calendar: string;
  footer: (conference: string) => string;
}

const WORDS: Record<NoticeLocale, NoticeWords> = {
  sv: {
    subject: (conference) => `Ändringar i ditt program på ${conference}`,
    greeting: (name) => `Hej ${name}!`,
    intro: (conference, release) =>
      `Programmet för ${conference} har fått en ny version (${release}). Det här har ändrats för dina sessioner:`,
    moved: (from, to) => `Flyttad: ${from} → ${to}`,
    cancelled: (slot) => `Inställd (var ${slot})`,
    removed: (slot) => `Borttagen ur programmet (var ${slot})`,
    unscheduled: 'ej schemalagd',
    calendar: 'Den bifogade kalenderfilen (.ics) uppdaterar dina kalenderposter.',
    footer: (conference) => `Du får det här mejlet för att du talar på ${conference}.`,
  },
  nb: {
    subject: (conference) => `Endringer i programmet ditt på ${conference}`,
    greeting: (name) => `Hei ${name}!`,
    intro: (conference, release) => `Programmet for ${conference} har fått en ny versjon (${release}). Dette er endret for øktene dine:`,
    moved: (from, to) => `Flyttet: ${from} → ${to}`,
    cancelled: (slot) => `Avlyst (var ${slot})`,
    removed: (slot) => `Fjernet fra programmet (var ${slot})`,
    unscheduled: 'ikke satt opp',
    calendar: 'Den vedlagte kalenderfilen (.ics) oppdaterer kalenderoppføringene dine.',
    footer: (conference) => `Du får denne e-posten fordi du snakker på ${conference}.`,
  },
  en: {
    subject: (conference) => `Changes to your sessions at ${conference}`,
    greeting: (name) => `Hello ${name},`,
    intro: (conference, release) => `The programme of ${conference} has a new version (${release}). This changed for your sessions:`,
    moved: (from, to) => `Moved: ${from} → ${to}`,
    cancelled: (slot) => `Cancelled (was ${slot})`,
    removed: (slot) => `Removed from the programme (was ${slot})`,
    unscheduled: 'unscheduled',
    calendar: 'The attached calendar file (.ics) updates your calendar entries.',
    footer: (conference) => `You get this e-mail because you speak at ${conference}.`,
  },
};

export function noticeLocale(locale: string | null | undefined): NoticeLocale {
  return (NOTICE_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as NoticeLocale) : 'en';
}

export interface NoticeContent {
  locale: NoticeLocale;
  speakerName: string;
  conferenceName: string;
  releaseName: string;
  timeZone: string;
  changes: SessionChange[];
}

/** One mail per speaker and release: each changed session with its old and new time, in the conference's zone. */
export function releaseNoticeMail({ locale, speakerName, conferenceName, releaseName, timeZone, changes }: NoticeContent): ComposedMail {
  const words = WORDS[locale];
  const slot = (at: NoticeSlot) => slotInWords(at, timeZone, locale, words.unscheduled);
  const described = changes.map((change) => {
    const what =
      change.kind === 'moved'
        ? words.moved(slot(change.from), slot(change.to))
        : change.kind === 'cancelled'
          ? words.cancelled(slot(change.to))
          : words.removed(slot(change.to));
    return `«${change.title}»\n${what}`;
  });
  return composeMail({
    locale,
    subject: words.subject(conferenceName),
    greeting: words.greeting(speakerName),
    paragraphs: [words.intro(conferenceName, releaseName), ...described, words.calendar],
    footer: words.footer(conferenceName),
  });
}

/** "tis 1 maj 2030 10:00–10:30 (Europe/Stockholm), Sal A": local time in the reader's language, with its zone. */
function slotInWords(slot: NoticeSlot, zone: string, locale: string, unscheduled: string): string {
  const where = slot.room ? `, ${slot.room}` : '';
  if (!slot.startsAt || !slot.endsAt) return `${unscheduled}${where}`;
  const starts = DateTime.fromJSDate(slot.startsAt, { zone }).setLocale(locale);
  const ends = DateTime.fromJSDate(slot.endsAt, { zone }).setLocale(locale);
  const end = starts.hasSame(ends, 'day') ? ends.toFormat('HH:mm') : ends.toFormat('ccc d LLL yyyy HH:mm');
  return `${starts.toFormat('ccc d LLL yyyy HH:mm')}–${end} (${zone})${where}`;
}
