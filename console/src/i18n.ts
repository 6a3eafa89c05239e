import i18next from 'i18next';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The languages the console speaks, in the order its language menu lists them. */
export const CONSOLE_LOCALES = ['en', 'sv', 'nb'] as const;
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];

/**
 * One screen's texts: English first, Swedish and Norwegian with exactly the same keys (the type
 * says so, so a text missing in one language fails the typecheck rather than the organiser).
 * Interpolation is i18next's: `{{name}}`; plurals by `_one`/`_other` keys.
 */
export type Catalogue<Keys extends string> = Record<ConsoleLocale, Record<Keys, string>>;

let registered = 0;
const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', fallbackLng: 'en', resources: {}, interpolation: { escapeValue: false }, initAsync: false });

/** Registers a screen's catalogue under a namespace of its own; call once, at module level. */
export function catalogue<Keys extends string>(texts: Catalogue<Keys>): Translate<Keys> {
  const namespace = `screen${registered++}`;
  for (const locale of CONSOLE_LOCALES) i18n.addResourceBundle(locale, namespace, texts[locale]);
  return (locale, key, values) => i18n.getFixedT(locale, namespace)(key, values ?? {}) as string;
}

type Translate<Keys extends string> = (locale: ConsoleLocale, key: Keys, values?: Record<string, unknown>) => string;

export const LocaleContext = createContext<ConsoleLocale>('en');

/** The organiser's chosen language. */
export const useLocale = (): ConsoleLocale => useContext(LocaleContext);

/** The texts of a catalogue in the organiser's chosen language: `const t = useTexts(texts); t('save')`. */
export function useTexts<Keys extends string>(translate: Translate<Keys>): (key: Keys, values?: Record<string, unknown>) => string {
  const locale = useContext(LocaleContext);
  return (key, values) => translate(locale, key, values);
}

const STORED_LOCALE = 'lectern-console-locale';

/** The organiser's language: the one they chose last, else the browser's first that the console speaks. */
export function initialLocale(): ConsoleLocale {
  const stored = localStorage.getItem(STORED_LOCALE);
  if (isConsoleLocale(stored)) return stored;
  for (const tag of navigator.languages ?? []) {
    const language = tag.toLowerCase().split('-')[0];
    const locale = language === 'no' || language === 'nn' ? 'nb' : language;
    if (isConsoleLocale(locale)) return locale;
  }
  return 'en';
}

export function rememberLocale(locale: ConsoleLocale): void {
  localStorage.setItem(STORED_LOCALE, locale);
  document.documentElement.lang = locale;
}

function isConsoleLocale(value: unknown): value is ConsoleLocale {
  return (CONSOLE_LOCALES as readonly unknown[]).includes(value);
}
