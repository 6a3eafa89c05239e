import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { canonicalLocale, knownLocale, Validation } from './validation';

/** One value per locale, e.g. `{ "sv": "Innovation i samhällets tjänst", "en": "…" }`. */
export type LocalisedText = Record<string, string>;

/** What the descriptions of localised inputs say of updates; the README says the same. */
export const LOCALISED_UPDATES =
  'Updates are merged by locale: the locales given are set, the others keep their text; text: null removes that locale.';

@InputType({
  description: `A text in one language. ${LOCALISED_UPDATES} Creating takes the full set.`,
})
export class LocalisedTextInput {
  @Field({ description: 'BCP 47 language tag with a known language, e.g. "sv", "nb", "en".' })
  locale: string;

  @Field(() => String, { nullable: true, description: 'The text; null (or an empty text) removes this locale.' })
  text: string | null;
}

@ObjectType({ description: 'A text in one language, as stored: no fallback to another.' })
export class Translation {
  @Field({ description: 'Its BCP 47 language tag, e.g. "sv".' })
  locale: string;

  @Field({ description: 'The text.' })
  text: string;
}

/** Every language a text is written in, in the order they were given. */
export function translationsOf(
  text: LocalisedText | null | undefined,
  format: (source: string) => string = (source) => source,
): Translation[] {
  return Object.entries(text ?? {}).map(([locale, value]) => ({ locale, text: format(value) }));
}

/** A localised input field's description: what it is, and how an update merges it. */
export function localisedField(what?: string): string {
  return what ? `${what} ${LOCALISED_UPDATES}` : LOCALISED_UPDATES;
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

export interface TextRule {
  /** The most characters one locale's text may have. */
  maxLength: number;
  /** The text must end up with something in at least one locale (a session's title, say). */
  required?: boolean;
}

/**
 * A stored localised text after an input, for every localised field of every type. The locales
 * given are set to their text; a text that is null (or empty) removes its locale; the locales not
 * given keep their text, so updating a title in one language never loses the others. Creating
 * merges into `{}` (or nothing). `given` undefined is no change (undefined back); null removes
 * every locale (`{}`). A required text must be given when there is none yet, and refuses null and
 * ending up empty. Problems go to `validation`, under `field` and `field[i].locale` / `.text`.
 */
export function mergeLocalisedText(
  current: LocalisedText | null | undefined,
  given: readonly LocalisedTextInput[] | null | undefined,
  field: string,
  validation: Validation,
  rule: TextRule,
): LocalisedText | undefined {
  const empty = !current || Object.keys(current).length === 0;
  if (given === undefined || given === null) {
    // Nothing to keep (a new session's title): required; something to keep: a null would clear it.
    if (rule.required && (empty || given === null)) validation.fail(field, empty ? 'is required' : 'cannot be cleared');
    return given === null ? {} : undefined;
  }
  const merged: LocalisedText = { ...(current ?? {}) };
  const seen = new Set<string>();
  given.forEach(({ locale, text: value }, index) => {
    const at = `${field}[${index}]`;
    const canonical = knownLocale(locale);
    if (!canonical) {
      validation.locale(locale, `${at}.locale`);
      return;
    }
    if (seen.has(canonical)) validation.fail(`${at}.locale`, `"${canonical}" is given twice`);
    seen.add(canonical);
    validation.maxLength(value, rule.maxLength, `${at}.text`);
    const text = value?.trim() ?? '';
    if (text === '') delete merged[canonical];
    else merged[canonical] = text;
  });
  if (rule.required) validation.someText(merged, field);
  return merged;
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
