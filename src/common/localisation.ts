import { Field, InputType } from '@nestjs/graphql';
import { canonicalLocale, Validation } from './validation';

/** One value per locale, e.g. `{ "sv": "Innovation i samhällets tjänst", "en": "…" }`. */
export type LocalisedText = Record<string, string>;

@InputType({ description: 'A text in one language.' })
export class LocalisedTextInput {
  @Field({ description: 'BCP 47 language tag, e.g. "sv", "nb", "en".' })
  locale: string;

  @Field()
  text: string;
}

/**
 * Picks the best value for a reader: the exact locale, then the same language (a reader asking
 * for "en-GB" gets "en", "no" gets "nb"), then the fallback (the conference's default), then
 * whatever the text has first.
 */
export function localise(text: LocalisedText | null | undefined, locale: string | undefined, fallback?: string): string | null {
  if (!text) return null;
  const chosen = chooseLocale(Object.keys(text), locale, fallback);
  return chosen === undefined ? null : text[chosen];
}

export function chooseLocale(available: string[], wanted: string | undefined, fallback?: string): string | undefined {
  for (const candidate of [wanted, fallback]) {
    if (!candidate) continue;
    if (available.includes(candidate)) return candidate;
    const language = languageOf(candidate);
    const sameLanguage = available.find((locale) => languageOf(locale) === language);
    if (sameLanguage) return sameLanguage;
  }
  return available[0];
}

/** Who asks for which locale: an explicit choice, the browser's Accept-Language list, the owner's default. */
export interface LocaleWishes {
  explicit?: string;
  /** Accept-Language's tags, most wanted first (see `acceptedLocales`). */
  accepted?: readonly string[];
  fallback?: string;
}

/**
 * The locale a reader gets of texts written in `available`: the explicit locale, else the first
 * Accept-Language entry the texts have (same language counts), else the fallback, else the first
 * written. Undefined only when there is no text at all.
 */
export function negotiateLocale(available: string[], { explicit, accepted = [], fallback }: LocaleWishes): string | undefined {
  for (const wanted of [explicit, ...accepted]) {
    const match = wanted ? matchLocale(available, wanted) : undefined;
    if (match) return match;
  }
  return chooseLocale(available, undefined, fallback);
}

/** A text and the locale it was actually given in, for the reader these wishes describe. */
export function localiseFor(text: LocalisedText | null | undefined, wishes: LocaleWishes): { text: string | null; locale: string | null } {
  const locale = text ? negotiateLocale(Object.keys(text), wishes) : undefined;
  return locale === undefined ? { text: null, locale: null } : { text: text![locale], locale };
}

function matchLocale(available: string[], wanted: string): string | undefined {
  if (available.includes(wanted)) return wanted;
  const language = languageOf(wanted);
  return available.find((locale) => languageOf(locale) === language);
}

const MAX_ACCEPTED = 20;

/**
 * An Accept-Language header's language tags, most wanted first (by q, then by order), without
 * `*`, entries of q=0 and tags that are not BCP 47. A malformed header is an empty wish.
 */
export function acceptedLocales(header: string | undefined): string[] {
  if (!header) return [];
  const entries = header
    .split(',')
    .slice(0, MAX_ACCEPTED)
    .map((part, order) => {
      const [tag, ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && Number.isFinite(q) && q > 0);
  entries.sort((a, b) => b.q - a.q || a.order - b.order);
  return entries.map(({ tag }) => canonicalLocale(tag)).filter((tag): tag is string => tag !== undefined);
}

/** Norwegian: "no" and "nn" readers are better served by Bokmål than by another language. */
function languageOf(locale: string): string {
  const language = locale.toLowerCase().split('-')[0];
  return language === 'no' || language === 'nn' ? 'nb' : language;
}

/** Turns the GraphQL list into the stored shape, checking each locale and dropping empty texts. */
export function toLocalisedText(
  values: LocalisedTextInput[] | undefined,
  field: string,
  validation: Validation,
  maxLength: number,
): LocalisedText | undefined {
  if (values === undefined) return undefined;
  const text: LocalisedText = {};
  values.forEach(({ locale, text: value }, index) => {
    const canonical = canonicalLocale(locale);
    if (!canonical) {
      validation.fail(`${field}[${index}].locale`, `"${locale}" is not a BCP 47 language tag such as "sv" or "en-GB"`);
      return;
    }
    if (canonical in text) validation.fail(`${field}[${index}].locale`, `"${canonical}" is given twice`);
    validation.maxLength(value, maxLength, `${field}[${index}].text`);
    if (value.trim() !== '') text[canonical] = value.trim();
  });
  return text;
}

/** Lower-case, accent-free text for substring search that behaves alike on both engines. */
export function searchable(...parts: Array<string | LocalisedText | null | undefined>): string {
  return parts
    .flatMap((part) => (part == null ? [] : typeof part === 'string' ? [part] : Object.values(part)))
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}
