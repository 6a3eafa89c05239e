import { DateTime } from 'luxon';
import { chooseLocale } from '../common/localisation';
import { isHttpUrl } from '../common/validation';
import { calendarLabels } from '../calendar/calendar-labels';
import { AppearanceRole } from '../sessions/appearance.entity';
import { AppearanceView, SessionView, SpeakerView, SpeakerWallView } from './website-views';

/*
 * The embeddable fragments: semantic HTML with `lectern-…` classes and no style or script of its
 * own (a link to Lectern's stylesheet only when asked for). Every text is escaped here; the only
 * markup not written here is rich text, which comes from the Markdown renderer with raw HTML off
 * (so it is the views' HTML format, never raw input). Addresses are written only when they are
 * http(s).
 */

/** Options of a fragment: the address of the stylesheet to link, when the embedding site asked for it. */
export interface EmbedOptions {
  stylesheet?: string;
}

/**
 * Written between the parts of a session's row, so that its text reads well unstyled (a page that
 * does not style the fragment, a reader view, a text-only client); a stylesheet may hide it.
 */
const SEPARATOR = '<span class="lectern-session__sep"> · </span>';

function stylesheetHtml({ stylesheet }: EmbedOptions): string {
  return stylesheet && isHttpUrl(stylesheet) ? `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : '';
}

interface EmbedLabels {
  sessions: string;
  addToCalendar: string;
  googleCalendar: string;
  speakers: string;
  unscheduled: string;
}

const LABELS: Record<string, EmbedLabels> = {
  en: {
    sessions: 'Sessions',
    addToCalendar: 'Add to calendar',
    googleCalendar: 'Google Calendar',
    speakers: 'Speakers',
    unscheduled: 'Time not set',
  },
  sv: {
    sessions: 'Programpunkter',
    addToCalendar: 'Lägg till i kalendern',
    googleCalendar: 'Google Kalender',
    speakers: 'Talare',
    unscheduled: 'Tid ej satt',
  },
  nb: {
    sessions: 'Programposter',
    addToCalendar: 'Legg til i kalenderen',
    googleCalendar: 'Google Kalender',
    speakers: 'Foredragsholdere',
    unscheduled: 'Tid ikke satt',
  },
};

function labelsFor(locale: string): EmbedLabels {
  return LABELS[chooseLocale(Object.keys(LABELS), locale)!];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escaped text in an element, or nothing when there is no text. */
function element(tag: string, className: string, text: string | null | undefined, attributes = ''): string {
  return text ? `<${tag} class="${className}"${attributes}>${escapeHtml(text)}</${tag}>` : '';
}

function link(url: string | null | undefined, className: string, text: string, rel = 'nofollow noopener'): string {
  return url && isHttpUrl(url) ? `<a class="${className}" href="${escapeHtml(url)}" rel="${rel}">${escapeHtml(text)}</a>` : '';
}

/** A webcal: address is ours (the https feed with its scheme changed), so it is checked as that. */
function webcalLink(webcal: string, https: string, className: string, text: string): string {
  return isHttpUrl(https) && webcal === https.replace(/^https?:/, 'webcal:')
    ? `<a class="${className}" href="${escapeHtml(webcal)}">${escapeHtml(text)}</a>`
    : '';
}

export function speakerCardHtml(speaker: SpeakerView, options: EmbedOptions = {}): string {
  return stylesheetHtml(options) + cardHtml(speaker, 'h2');
}

function cardHtml(speaker: SpeakerView, heading: 'h2' | 'h3'): string {
  const labels = labelsFor(speaker.locale);
  const photo =
    speaker.photo && isHttpUrl(speaker.photo.url)
      ? `<img class="lectern-speaker__photo" src="${escapeHtml(speaker.photo.url)}" alt="${escapeHtml(speaker.photo.alt ?? speaker.name)}"` +
        `${speaker.photo.width ? ` width="${speaker.photo.width}"` : ''}${speaker.photo.height ? ` height="${speaker.photo.height}"` : ''} loading="lazy">`
      : '';
  const links = speaker.links.map((l) => `<li>${link(l.url, 'lectern-speaker__link', l.label)}</li>`).join('');
  const sessions = speaker.appearances.map((appearance) => sessionItemHtml(appearance, speaker.locale, labels)).join('');
  const subheading = heading === 'h2' ? 'h3' : 'h4';
  return [
    `<article class="lectern-speaker" lang="${escapeHtml(speaker.locale)}" data-speaker="${escapeHtml(speaker.slug)}">`,
    photo,
    element(heading, 'lectern-speaker__name', speaker.name),
    element('p', 'lectern-speaker__affiliation', speaker.affiliation),
    speaker.bio ? `<div class="lectern-speaker__bio">${speaker.bio}</div>` : '',
    links ? `<ul class="lectern-speaker__links">${links}</ul>` : '',
    sessions
      ? `<section class="lectern-speaker__sessions">${element(subheading, 'lectern-speaker__sessions-heading', labels.sessions)}<ul class="lectern-sessions">${sessions}</ul></section>`
      : '',
    '</article>',
  ].join('');
}

function sessionItemHtml({ session, affiliation, role }: AppearanceView, locale: string, labels: EmbedLabels): string {
  const roleName = calendarLabels(locale, undefined).role[role as AppearanceRole];
  const add = [
    webcalLink(session.calendar.webcal, session.calendar.https, 'lectern-session__calendar', labels.addToCalendar),
    link(session.calendar.google, 'lectern-session__google', labels.googleCalendar),
    // Product names, the same in every language.
    link(session.calendar.outlook, 'lectern-session__outlook', 'Outlook.com'),
    link(session.calendar.office365, 'lectern-session__office365', 'Office 365'),
  ].filter(Boolean);
  const parts = [
    element('span', 'lectern-session__title', session.title),
    element('span', 'lectern-session__conference', session.conference.name),
    timeHtml(session, locale, labels),
    element('span', 'lectern-session__role', roleName),
    element('span', 'lectern-session__affiliation', affiliation),
  ].filter(Boolean);
  const links = session.startsAt && add.length ? `<span class="lectern-session__add">${SEPARATOR}${add.join(SEPARATOR)}</span>` : '';
  return `<li class="lectern-session" data-status="${escapeHtml(session.status.toLowerCase())}">${parts.join(SEPARATOR)}${links}</li>`;
}

/** The local time in the conference's zone, naming the zone; the machine-readable instant has its offset. */
function timeHtml(session: SessionView, locale: string, labels: EmbedLabels): string {
  if (!session.localStartsAt) return element('span', 'lectern-session__time', labels.unscheduled);
  const start = DateTime.fromISO(session.localStartsAt, { setZone: true }).setZone(session.timeZone).setLocale(locale);
  const shown = start.toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' });
  return element('time', 'lectern-session__time', shown, ` datetime="${escapeHtml(session.localStartsAt)}"`);
}

export function speakerWallHtml(wall: SpeakerWallView, options: EmbedOptions = {}): string {
  const labels = labelsFor(wall.locale);
  const cards = wall.speakers.map((speaker) => `<li class="lectern-speaker-wall__item">${cardHtml(speaker, 'h3')}</li>`).join('');
  return [
    stylesheetHtml(options),
    `<section class="lectern-speaker-wall" lang="${escapeHtml(wall.locale)}" data-conference="${escapeHtml(wall.conference.slug)}">`,
    element('h2', 'lectern-speaker-wall__heading', `${labels.speakers} – ${wall.conference.name}`),
    `<ul class="lectern-speaker-wall__list">${cards}</ul>`,
    '</section>',
  ].join('');
}
