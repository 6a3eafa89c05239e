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

/**
 * A page shows thousands of times: one formatter per zone and language, kept, rather than one per
 * time (making an Intl.DateTimeFormat costs far more than using one).
 */
function remembered<T>(make: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) kept.set(key, (value = make(key)));
    return value;
  };
}

const clockFormat = remembered((key) => {
  const [zone, language] = key.split('|');
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
});

export function clock(instant: string, zone: string, language: InterfaceLanguage): string {
  return clockFormat(`${zone}|${language}`).format(new Date(instant));
}

/**
 * The zone's abbreviation at that instant (CET or CEST): both sides of a DST change read right.
 * ICU knows an abbreviation only in the locales where it is in common use (CEST in en-GB, sv and
 * nb, not en-US; EDT in en-US and nb, not sv), and writes "GMT+2" elsewhere; abbreviations are not
 * translated, so the first locale that has one gives it, whatever the page's language.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB'];

const zoneNames = remembered((key) => {
  const [zone, locale] = key.split('|');
  return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
});

/** Zones change their offset on the hour, so the abbreviation is worked out once per zone, language and hour. */
const abbreviations = new Map<string, string>();

export function zoneAbbreviation(instant: string, zone: string, language: InterfaceLanguage): string {
  const key = `${zone}|${language}|${new Date(instant).toISOString().slice(0, 13)}`;
  let found = abbreviations.get(key);
  if (found === undefined) {
    const names = [language, ...ABBREVIATION_LOCALES].map(
      (locale) =>
        zoneNames(`${zone}|${locale}`)
          .formatToParts(new Date(instant))
          .find((part) => part.type === 'timeZoneName')?.value ?? zone,
    );
    found = names.find((name) => !/^(GMT|UTC)[+\-\u2212]/.test(name)) ?? names[0];
    abbreviations.set(key, found);
  }
  return found;
}

const displayNames = remembered((language) => new Intl.DisplayNames([language], { type: 'language' }));

/** A language's name in the interface language ("svenska", "Swedish"). */
export function languageName(locale: string, inLanguage: string): string {
  try {
    return displayNames(inLanguage).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

export function dayTitle(date: string, zone: string, language: InterfaceLanguage): string {
  return DateTime.fromISO(date, { zone }).setLocale(language).toFormat('cccc d LLLL yyyy');
}

/** en-CA writes dates as yyyy-mm-dd. */
const dateFormat = remembered(
  (zone) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }),
);

/** The conference-local date (yyyy-mm-dd) of an instant. */
export function localDate(instant: string, zone: string): string {
  return dateFormat(zone).format(new Date(instant));
}
