import { DateTime } from 'luxon';
import { badInput } from '../../common/errors';
import { LocalisedText } from '../../common/localisation';
import { knownLocale } from '../../common/validation';
import { AppearanceRole } from '../../sessions/appearance.entity';
import { SessionFormat } from '../../sessions/session.entity';
import { calendarLabels } from '../../calendar/calendar-labels';
import { IMPORT_DEPTH_MAX, IMPORT_DOCUMENT_MAX } from './import-limits';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A document that cannot be read: BAD_USER_INPUT naming `document` and the place. */
export function unreadable(place: string, problem: string): Error {
  return badInput('document', place ? `${place}: ${problem}` : problem);
}

export function checkSize(document: string): void {
  if (document.length > IMPORT_DOCUMENT_MAX) {
    throw unreadable('', `the document is ${document.length} characters long, more than the ${IMPORT_DOCUMENT_MAX} an import reads`);
  }
}

export function tooDeep(): Error {
  return unreadable('', `the document nests deeper than ${IMPORT_DEPTH_MAX} levels; no schedule needs that`);
}

/** Collects warnings, each with its path. */
export class Warnings {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
}

/** A source id as the document gives it; a guid that is not a UUID is kept, with a warning. */
export function sourceKey(guid: unknown, id: unknown, path: string, warnings: Warnings): string | null {
  const g = text(guid);
  if (g) {
    if (!UUID.test(g)) warnings.add(path, 'guid is not a UUID, kept as source id');
    return g.toLowerCase();
  }
  const i = text(id);
  if (i) {
    warnings.add(path, 'no guid, matched by id');
    return `id:${i}`;
  }
  return null;
}

export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && '#text' in (value as object)) return text((value as Record<string, unknown>)['#text']);
  return '';
}

/** `0:30`, `00:30`, `01:00:00`, `PT1H30M`, or a number of minutes; null when none of these. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value);
  const given = text(value);
  let match = /^(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?$/.exec(given);
  if (match) return Number(match[1]) * 60 + Number(match[2]) + Math.round(Number(match[3] ?? 0) / 60);
  match = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(given);
  if (match && given.length > 1) {
    return Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) + Math.round(Number(match[4] ?? 0) / 60);
  }
  return null;
}

/** An instant from an ISO time with an offset, or a local one in the zone given. */
export function parseInstant(value: string, zone: string): DateTime | null {
  if (!value) return null;
  const time = DateTime.fromISO(value, { zone, setZone: true });
  return time.isValid ? time : null;
}

const FORMATS: Record<string, SessionFormat> = {
  keynote: SessionFormat.KEYNOTE,
  talk: SessionFormat.TALK,
  lecture: SessionFormat.TALK,
  panel: SessionFormat.PANEL,
  podium: SessionFormat.PANEL,
  interview: SessionFormat.INTERVIEW,
  workshop: SessionFormat.WORKSHOP,
  hackathon: SessionFormat.HACKATHON,
  break: SessionFormat.BREAK,
  pause: SessionFormat.BREAK,
  other: SessionFormat.OTHER,
  meeting: SessionFormat.OTHER,
  performance: SessionFormat.OTHER,
  lightning_talk: SessionFormat.TALK,
  contest: SessionFormat.OTHER,
  // schedule2's own types, as Lectern writes them (its enum has no panel or hackathon).
  discussion: SessionFormat.PANEL,
  hands_on: SessionFormat.HACKATHON,
};

/** A session's format from the source's type; unknown types become OTHER, with a warning. */
export function formatOf(type: string, path: string, warnings: Warnings): SessionFormat {
  if (!type) return SessionFormat.TALK;
  const key = type.toLowerCase().replace(/[\s-]+/g, '_');
  const found = FORMATS[key] ?? (key.includes('talk') ? SessionFormat.TALK : undefined);
  if (found) return found;
  warnings.add(path, `type "${type}" is not one of Lectern's formats, imported as OTHER`);
  return SessionFormat.OTHER;
}

const ROLES: Record<string, AppearanceRole> = {
  speaker: AppearanceRole.SPEAKER,
  contributor: AppearanceRole.PANELIST,
  panelist: AppearanceRole.PANELIST,
  panellist: AppearanceRole.PANELIST,
  moderator: AppearanceRole.MODERATOR,
  host: AppearanceRole.HOST,
  guest: AppearanceRole.INTERVIEWEE,
  interviewee: AppearanceRole.INTERVIEWEE,
};

export function roleOf(role: string, path: string, warnings: Warnings): AppearanceRole {
  if (!role) return AppearanceRole.SPEAKER;
  const found = ROLES[role.toLowerCase()];
  if (!found) warnings.add(path, `role "${role}" is not one of Lectern's roles, imported as SPEAKER`);
  return found ?? AppearanceRole.SPEAKER;
}

export function languageOf(value: unknown, path: string, warnings: Warnings): string | null {
  const given = text(value);
  if (!given) return null;
  const locale = knownLocale(given);
  if (!locale) warnings.add(path, `language "${given}" is not a known language, the conference's is used`);
  return locale ?? null;
}

/**
 * A cancelled session's title as Lectern's own exports write it (`Cancelled: …`, in the export's
 * language): the title without the prefix, and that it is cancelled.
 */
export function cancelledTitle(title: string): { title: string; cancelled: boolean } {
  for (const locale of ['en', 'sv', 'nb', 'da', 'fi', 'de', 'fr']) {
    const prefix = `${calendarLabels(locale, 'en').cancelled}: `;
    if (title.startsWith(prefix)) return { title: title.slice(prefix.length), cancelled: true };
  }
  return { title, cancelled: false };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The predefined and numeric character references only: no entity a document declares is ever expanded. */
export function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Lectern stores rich text as Markdown with raw HTML off: HTML in a source's abstract keeps its
 * words, paragraphs, line breaks, list items, emphasis and links, and loses its markup.
 */
export function htmlToMarkdown(value: string): string {
  return decodeReferences(
    value
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|ul|ol|blockquote)\s*>/gi, '\n\n')
      .replace(/<li\b[^>]*>/gi, '- ')
      .replace(/<\/li\s*>/gi, '\n')
      .replace(/<(strong|b)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi, '**$2**')
      .replace(/<(em|i)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi, '*$2*')
      .replace(/<a\b[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a\s*>/gi, '[$2]($1)')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A text of the source as Markdown: HTML converted, with a warning. */
export function richText(value: unknown, path: string, warnings: Warnings): string {
  const given = text(value);
  if (/<\/?[a-z][a-z0-9]*\b[^>]*>/i.test(given)) {
    warnings.add(path, 'HTML converted to text');
    return htmlToMarkdown(given);
  }
  return given;
}

export function inLocale(value: string, locale: string): LocalisedText {
  return value ? { [locale]: value } : {};
}

/** A zone the document names, when it is one luxon knows. */
export function zoneOf(value: unknown, path: string, warnings: Warnings): string | null {
  const zone = text(value);
  if (!zone) return null;
  if (!DateTime.now().setZone(zone).isValid) {
    warnings.add(path, `time zone "${zone}" is unknown, the conference's is used`);
    return null;
  }
  return zone;
}
