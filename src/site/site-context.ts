import { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { LocaleWishes, LocalisedText, localiseFor } from '../common/localisation';
import { InterfaceLanguage } from './site-i18n';

/**
 * Where a page's links lead: the served site (absolute paths, keeping an explicit `?lang=`) or a
 * static copy (relative file names, see site-export). Pages only ever link through this.
 */
export interface SiteAddresses {
  /** A page of the site, by its served path (e.g. `/internetdagarna-2020/sessions/12`). */
  page(path: string, query?: URLSearchParams): string;
  /** One of the site's own files (stylesheet, script). */
  asset(name: string): string;
  /** The page's address in another interface language. */
  inLanguage(language: InterfaceLanguage): string;
  /** Whether pages are served (forms and stars work) or a static copy. */
  served: boolean;
}

/** What every page is rendered with: its reader's language and the way its links are written. */
export interface PageContext {
  language: InterfaceLanguage;
  t: TFunction;
  /** Content texts follow these (the interface language first, then the browser's, then the conference's). */
  wishes: LocaleWishes;
  addresses: SiteAddresses;
  /** The site's public address (PUBLIC_BASE_URL), for canonical links, Open Graph and JSON-LD. */
  publicBaseUrl: string;
  /** The served path of this page, for its canonical address. */
  path: string;
  /** Extra `<head>` alternates: the same page in each interface language. */
  alternates: { language: InterfaceLanguage; href: string }[];
}

/** A content text in the reader's language where it has one, with the language it is in. */
export function textOf(context: PageContext, text: LocalisedText | null | undefined): { text: string | null; locale: string | null } {
  return localiseFor(text, context.wishes);
}

export function sameLanguage(a: string | null | undefined, b: string): boolean {
  return (
    !!a &&
    a
      .toLowerCase()
      .split('-')[0]
      .replace(/^n[no]$/, 'nb') === b
  );
}

/** An instant in a zone, in the interface language. */
export function inZone(instant: string, zone: string, language: InterfaceLanguage): DateTime {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).setLocale(language);
}

export function clock(instant: string, zone: string, language: InterfaceLanguage): string {
  return inZone(instant, zone, language).toFormat('HH:mm');
}

/**
 * The zone's abbreviation at that instant (CET or CEST): both sides of a DST change read right.
 * ICU knows an abbreviation only in the locales where it is in common use (CEST in en-GB, sv and
 * nb, not en-US; EDT in en-US and nb, not sv), and writes "GMT+2" elsewhere; abbreviations are not
 * translated, so the first locale that has one gives it, whatever the page's language.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB'];

export function zoneAbbreviation(instant: string, zone: string, language: InterfaceLanguage): string {
  for (const locale of [language, ...ABBREVIATION_LOCALES]) {
    const name = inZone(instant, zone, language).setLocale(locale).toFormat('ZZZZ');
    if (!/^(GMT|UTC)[+\-\u2212]/.test(name)) return name;
  }
  return inZone(instant, zone, language).toFormat('ZZZZ');
}

export function dayTitle(date: string, zone: string, language: InterfaceLanguage): string {
  return DateTime.fromISO(date, { zone }).setLocale(language).toFormat('cccc d LLLL yyyy');
}

/** The conference-local date (yyyy-mm-dd) of an instant. */
export function localDate(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISODate()!;
}
