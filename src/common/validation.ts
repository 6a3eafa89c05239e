import { domainToASCII } from 'node:url';
import { DateTime } from 'luxon';
import { FieldProblem, UserError } from './errors';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 80;

/** RFC 5321's limit on an address in a mail path (256 octets, less the angle brackets). */
export const EMAIL_MAX = 254;

/**
 * Collects every problem with one input, then fails once, naming each field, so a form can show
 * them all at the same time. Services run it before they write anything.
 */
export class Validation {
  private readonly problems: FieldProblem[] = [];

  fail(field: string, message: string): this {
    this.problems.push({ field, message });
    return this;
  }

  check(condition: boolean, field: string, message: string): this {
    return condition ? this : this.fail(field, message);
  }

  required(value: unknown, field: string): this {
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    return this.check(!empty, field, 'is required');
  }

  slug(value: string | undefined, field = 'slug'): this {
    if (value === undefined) return this;
    return this.check(
      SLUG_PATTERN.test(value) && value.length <= SLUG_MAX,
      field,
      `must be lower-case letters, digits and single hyphens (at most ${SLUG_MAX} characters), like "internetdagarna-2020"`,
    );
  }

  /** An IANA zone in any letter case; store `canonicalZone(value)`, the name as tzdata spells it. */
  timeZone(value: string | undefined, field = 'timeZone'): this {
    if (value === undefined) return this;
    return this.check(isIanaZone(value), field, `"${value}" is not an IANA time zone such as "Europe/Stockholm"`);
  }

  /** A BCP 47 tag whose language is a real one (`knownLocale`); store `canonicalLocale(value)`. */
  locale(value: string | undefined, field = 'locale'): this {
    if (value === undefined) return this;
    if (canonicalLocale(value) === undefined) return this.fail(field, `"${value}" is not a BCP 47 language tag such as "sv" or "en-GB"`);
    return this.check(
      knownLocale(value) !== undefined,
      field,
      `"${value}" does not start with a known language, such as "sv", "nb" or "en"`,
    );
  }

  url(value: string | null | undefined, field: string): this {
    if (value === undefined || value === null) return this;
    return this.check(isHttpUrl(value), field, 'must be an absolute http(s) URL with a host, like "https://example.org/page"');
  }

  email(value: string | null | undefined, field = 'email'): this {
    if (value === undefined || value === null) return this;
    if (value.length > EMAIL_MAX) return this.fail(field, `must be at most ${EMAIL_MAX} characters`);
    return this.check(isEmailAddress(value), field, 'is not an e-mail address like "name@example.org"');
  }

  /** A localised text that must say something: a non-empty text in at least one locale. */
  someText(value: Readonly<Record<string, string>> | null | undefined, field: string): this {
    return this.check(hasText(value), field, 'needs a text in at least one language');
  }

  date(value: string | undefined, field: string): this {
    if (value === undefined) return this;
    return this.check(isIsoDate(value), field, `"${value}" is not a date of the form YYYY-MM-DD`);
  }

  maxLength(value: string | null | undefined, max: number, field: string): this {
    if (value == null) return this;
    return this.check(value.length <= max, field, `must be at most ${max} characters`);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws one BAD_USER_INPUT error that lists every problem; the first one names `field`. */
  throwIfFailed(): void {
    if (this.ok) return;
    const message = this.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new UserError('BAD_USER_INPUT', message, this.problems[0].field, this.problems);
  }
}

/** Whether a localised text (`{ "sv": "…" }`) has a non-empty text in at least one locale. */
export function hasText(value: Readonly<Record<string, string>> | null | undefined): boolean {
  return value != null && Object.values(value).some((text) => typeof text === 'string' && text.trim() !== '');
}

/**
 * The zone's name as tzdata spells it ("europe/oslo" is "Europe/Oslo", "utc" is "UTC"), or
 * undefined when it is none. Offsets such as "UTC+1" are valid to luxon and Intl but are not
 * zones: they know no daylight saving.
 */
export function canonicalZone(value: string): string | undefined {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function isIanaZone(value: string): boolean {
  return canonicalZone(value) !== undefined;
}

/** The tag in canonical case and form ("en-gb" is "en-GB", "iw" is "he"), or undefined when it is not BCP 47. */
export function canonicalLocale(value: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical;
  } catch {
    return undefined;
  }
}

/**
 * Languages of ISO 639 that ICU (the list Node's `Intl.DisplayNames` knows) has no name for, but
 * that programmes in the Nordic countries are held or written in: Kven, Ume, Pite, Akkala, Kildin
 * and Ter Sami, Finnish Kalo and Scandinavian Romani, Elfdalian.
 */
const LANGUAGES_ICU_DOES_NOT_NAME = new Set(['fkv', 'sju', 'sje', 'sia', 'sjd', 'sjt', 'rmf', 'rmu', 'ovd']);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The canonical tag, when its language subtag is a real language: one ICU has a name for (about
 * 600 of ISO 639's, every one with a two-letter code among them) or one of
 * `LANGUAGES_ICU_DOES_NOT_NAME`. "norsk", "xx", "und" and the private-use "qaa"–"qtz" are none.
 */
export function knownLocale(value: string): string | undefined {
  const canonical = canonicalLocale(value);
  if (canonical === undefined) return undefined;
  // "und" (undetermined) comes back without a language at all.
  const language = new Intl.Locale(canonical).language;
  if (!language || language === 'und' || /^q[a-t][a-z]$/.test(language)) return undefined;
  return LANGUAGES_ICU_DOES_NOT_NAME.has(language) || languageNames.of(language) !== undefined ? canonical : undefined;
}

/**
 * An absolute http(s) URL naming a host, as typed: WHATWG URL forgives much ("http:/x" and
 * "http:\\x" parse as "http://x/", spaces are trimmed), so the raw text must already have the
 * form scheme://host, without spaces or control characters, and the host must be a host name
 * (dotted, or "localhost") or an IP address.
 */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^/?#\\]/i.test(value) || /[\s\p{Cc}]/u.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && isHostName(url.hostname);
}

/** A parsed URL's host: an IPv4 or [IPv6] address, "localhost", or a name of dot-separated labels ending in a top-level one. */
function isHostName(host: string): boolean {
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host === 'localhost') return host !== '';
  return isDomainName(host);
}

/** Dot-separated labels of letters, digits and inner hyphens (punycode included), the last a top-level domain: "example.org", "xn--bcher-kva.example". */
function isDomainName(name: string): boolean {
  const labels = name.replace(/\.$/, '').split('.');
  return (
    name.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(label)) &&
    /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i.test(labels[labels.length - 1])
  );
}

/**
 * An e-mail address of the everyday shape, not RFC 5322's every form (no quoted local parts,
 * comments or IP-literal domains): a local part of at most 64 characters without spaces, quotes,
 * brackets or separators, no leading, trailing or double dot; "@"; a domain name as for URLs.
 */
export function isEmailAddress(value: string): boolean {
  if (value.length > EMAIL_MAX) return false;
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return (
    at > 0 &&
    local.length <= 64 &&
    /^[^\s@"(),:;<>[\]\\\p{Cc}]+$/u.test(local) &&
    !/^\.|\.\.|\.$/.test(local) &&
    !domain.endsWith('.') &&
    isDomainName(domainToASCII(domain))
  );
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}
