import { DateTime, IANAZone } from 'luxon';
import { FieldProblem, UserError } from './errors';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 80;

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

  timeZone(value: string | undefined, field = 'timeZone'): this {
    if (value === undefined) return this;
    return this.check(isIanaZone(value), field, `"${value}" is not an IANA time zone such as "Europe/Stockholm"`);
  }

  locale(value: string | undefined, field = 'locale'): this {
    if (value === undefined) return this;
    return this.check(canonicalLocale(value) !== undefined, field, `"${value}" is not a BCP 47 language tag such as "sv" or "en-GB"`);
  }

  url(value: string | null | undefined, field: string): this {
    if (value === undefined || value === null) return this;
    return this.check(isHttpUrl(value), field, 'must be an absolute http(s) URL');
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

export function isIanaZone(value: string): boolean {
  // Offsets such as "UTC+1" are valid to luxon but are not zones: they know no daylight saving.
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value) && IANAZone.isValidZone(value);
}

export function canonicalLocale(value: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical;
  } catch {
    return undefined;
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}
