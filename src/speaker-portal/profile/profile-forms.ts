import { DateTime } from 'luxon';
import { UserError } from '../../common/errors';
import { Speaker } from '../../speakers/speaker.entity';
import { ProfileChange, ProfileChangeStatus } from './profile-change.entity';
import { AddUnavailabilityInput, ProposeAppearanceChangeInput, ProposeProfileChangeInput } from './profile.inputs';

/*
 * The speaker's page's forms as the browser posts them (urlencoded fields), turned into the same
 * inputs the GraphQL mutations take, and the service's refusals turned back into messages beside
 * the fields they name. No rule lives here: every check is the service's.
 */

/** The bio languages the page offers a text area for, in the order shown. */
export const BIO_LOCALES = ['sv', 'nb', 'en'] as const;
export type BioLocale = (typeof BIO_LOCALES)[number];

/** Empty link rows offered beside the speaker's links, to add new ones without script. */
const SPARE_LINK_ROWS = 2;
const MAX_LINK_ROWS = 30;

export type FormBody = Record<string, unknown> | undefined;

/** Messages by form field name; `form` for one that belongs to the whole form. */
export type FieldErrors = Record<string, string>;

export interface ProfileForm {
  name: string;
  /** One spelling a line. */
  otherNames: string;
  bio: Record<BioLocale, string>;
  links: { label: string; url: string }[];
}

export interface AppearanceForm {
  title: string;
  organisation: string;
}

export interface UnavailabilityForm {
  from: string;
  until: string;
  zone: string;
  note: string;
}

/** A field's value as posted: the first one when sent twice, '' when missing. */
export function field(body: FormBody, name: string): string {
  const value = body?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** The profile as the form shows it: the public values, with what waits for review laid over them. */
export function profileFormOf(speaker: Speaker, pending: ProfileChange | undefined): ProfileForm {
  const proposed = pending?.status === ProfileChangeStatus.PENDING ? pending.changes : {};
  const bio = { ...speaker.bio, ...(proposed.bio ?? {}) };
  return {
    name: proposed.name ?? speaker.name,
    otherNames: (proposed.otherNames ?? speaker.otherNames).join('\n'),
    bio: Object.fromEntries(BIO_LOCALES.map((locale) => [locale, bio[locale] ?? ''])) as Record<BioLocale, string>,
    links: withSpareRows(proposed.links ?? speaker.links),
  };
}

export function readProfileForm(body: FormBody): ProfileForm {
  const links: { label: string; url: string }[] = [];
  for (let row = 0; row < MAX_LINK_ROWS; row++) {
    if (body?.[`link${row}Label`] === undefined && body?.[`link${row}Url`] === undefined) break;
    links.push({ label: field(body, `link${row}Label`), url: field(body, `link${row}Url`) });
  }
  return {
    name: field(body, 'name'),
    otherNames: field(body, 'otherNames'),
    bio: Object.fromEntries(BIO_LOCALES.map((locale) => [locale, field(body, `bio.${locale}`)])) as Record<BioLocale, string>,
    links,
  };
}

/** Rows a form may show again after a refusal: what was typed, and spare rows after it. */
export function withSpareRows(links: { label: string; url: string }[]): { label: string; url: string }[] {
  const filled = links.filter((link) => link.label.trim() || link.url.trim());
  return [...filled, ...Array.from({ length: SPARE_LINK_ROWS }, () => ({ label: '', url: '' }))];
}

/** The mutation's input, and where each of its fields sits in the form (for the service's refusals). */
export function profileInputOf(form: ProfileForm): { input: ProposeProfileChangeInput; formFieldOf: (field: string) => string } {
  const rows: number[] = [];
  const links = form.links.flatMap((link, row) => {
    if (!link.label.trim() && !link.url.trim()) return [];
    rows.push(row);
    return [{ label: link.label, url: link.url }];
  });
  const input: ProposeProfileChangeInput = {
    name: form.name,
    otherNames: form.otherNames
      .split(/\r?\n/)
      .map((name) => name.trim())
      .filter(Boolean),
    bio: BIO_LOCALES.map((locale) => ({ locale, text: form.bio[locale] })),
    links,
  };
  const formFieldOf = (at: string) => {
    const bio = /^bio\[(\d+)\]/.exec(at);
    if (bio) return `bio.${BIO_LOCALES[Number(bio[1])]}`;
    const link = /^links\[(\d+)\]\.(label|url)/.exec(at);
    if (link) return `link${rows[Number(link[1])]}${link[2] === 'url' ? 'Url' : 'Label'}`;
    if (at.startsWith('otherNames')) return 'otherNames';
    if (at === 'name') return 'name';
    return 'form';
  };
  return { input, formFieldOf };
}

export function readAppearanceForm(body: FormBody): AppearanceForm {
  return { title: field(body, 'title'), organisation: field(body, 'organisation') };
}

export function appearanceInputOf(appearanceId: string, form: AppearanceForm): ProposeAppearanceChangeInput {
  return { appearanceId, title: form.title, organisation: form.organisation };
}

export function readUnavailabilityForm(body: FormBody, defaultZone: string): UnavailabilityForm {
  return { from: field(body, 'from'), until: field(body, 'until'), zone: field(body, 'zone') || defaultZone, note: field(body, 'note') };
}

/**
 * A browser's date-and-time fields carry no zone: they are read in the zone chosen beside them.
 * What cannot be read is refused here, as the service refuses what it cannot accept.
 */
export function unavailabilityInputOf(form: UnavailabilityForm): AddUnavailabilityInput {
  const problems: { field: string; message: string }[] = [];
  const zone = DateTime.now().setZone(form.zone).isValid ? form.zone : null;
  if (!zone) problems.push({ field: 'zone', message: 'zone: is not a time zone' });
  const instant = (value: string, name: string) => {
    const local = zone ? DateTime.fromISO(value, { zone }) : null;
    if (local?.isValid) return local.toJSDate();
    if (zone) problems.push({ field: name, message: `${name}: give a date and time, e.g. 2026-11-24T09:00` });
    return new Date(NaN);
  };
  const startsAt = instant(form.from, 'from');
  const endsAt = instant(form.until, 'until');
  if (problems.length) throw new UserError('BAD_USER_INPUT', problems.map((p) => p.message).join('; '), problems[0].field, problems);
  return { startsAt, endsAt, note: form.note };
}

/** The unavailability mutation's fields, as the form names them. */
export function unavailabilityFormField(at: string): string {
  return { startsAt: 'from', endsAt: 'until', note: 'note', from: 'from', until: 'until', zone: 'zone' }[at] ?? 'form';
}

/** A refusal's problems by form field, each message without the field name it starts with. */
export function fieldErrors(error: UserError, formFieldOf: (field: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  const problems = error.problems?.length ? error.problems : [{ field: error.field ?? 'form', message: error.message }];
  for (const problem of problems) {
    const name = formFieldOf(problem.field);
    const message = problem.message.replace(/^[\w.[\]]+: /, '');
    errors[name] = errors[name] ? `${errors[name]} ${message}` : message;
  }
  return errors;
}
