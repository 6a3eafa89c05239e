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

/** LIKE patterns, one per word of a search, in the same folded form as `searchable`. */
export function searchWords(text: string | undefined): string[] {
  if (!text) return [];
  return searchable(text)
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 10)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
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
