import i18next, { TFunction } from 'i18next';
import { acceptedLocales, negotiateLocale } from '../common/localisation';
import { Validation } from '../common/validation';
import en from './catalogues/en.json';
import nb from './catalogues/nb.json';
import sv from './catalogues/sv.json';

/** The languages the site's interface is written in; English first, the last resort. */
export const INTERFACE_LANGUAGES = ['en', 'sv', 'nb'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

const catalogues = i18next.createInstance();
// Synchronous: the resources are in memory, so `t` is ready when this module is.
void catalogues.init({
  resources: { en: { translation: en }, sv: { translation: sv }, nb: { translation: nb } },
  supportedLngs: [...INTERFACE_LANGUAGES],
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false }, // Preact escapes every text it renders.
  returnNull: false,
});

export function translator(language: InterfaceLanguage): TFunction {
  return catalogues.getFixedT(language);
}

/**
 * The interface language: `?lang=` when given (one of INTERFACE_LANGUAGES, else a 400 naming it),
 * then the browser's Accept-Language, then the conference's default language, then English.
 */
export function interfaceLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
  conferenceDefault?: string,
): { language: InterfaceLanguage; explicit: boolean } {
  if (lang !== undefined) {
    const v = new Validation();
    const chosen = INTERFACE_LANGUAGES.find((language) => language === lang.trim().toLowerCase());
    v.check(chosen !== undefined, 'lang', `must be one of ${INTERFACE_LANGUAGES.join(', ')}`);
    v.throwIfFailed();
    return { language: chosen!, explicit: true };
  }
  const language = negotiateLocale([...INTERFACE_LANGUAGES], {
    accepted: acceptedLocales(acceptLanguage),
    fallback: conferenceDefault,
  }) as InterfaceLanguage;
  return { language, explicit: false };
}
