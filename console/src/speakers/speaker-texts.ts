import type { ConsoleLocale } from '../i18n';

/** The languages a speaker's texts are written in, each with a column in the editor. */
export type TextLocale = 'en' | 'sv' | 'nb';
export const TEXT_LOCALES: TextLocale[] = ['en', 'sv', 'nb'];

/** The languages by their own names. */
export const LANGUAGE_NAMES: Record<TextLocale, string> = { en: 'English', sv: 'Svenska', nb: 'Norsk bokmål' };

/** The editor's columns: the conference's default language first. */
export function textLocales(defaultLocale: string): TextLocale[] {
  const first = TEXT_LOCALES.find((locale) => locale === languageOf(defaultLocale));
  return first ? [first, ...TEXT_LOCALES.filter((locale) => locale !== first)] : [...TEXT_LOCALES];
}

export const languageOf = (locale: string | null | undefined): string => locale?.toLowerCase().split('-')[0] ?? '';

/** Where an invitation to speak stands, in the console's languages. */
export const INVITATION_NAMES: Record<ConsoleLocale, Record<'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED', string>> = {
  en: { PENDING: 'Invited, no answer yet', ACCEPTED: 'Accepted', DECLINED: 'Declined', REVOKED: 'Invitation withdrawn' },
  sv: { PENDING: 'Inbjuden, inget svar än', ACCEPTED: 'Har tackat ja', DECLINED: 'Har tackat nej', REVOKED: 'Inbjudan återkallad' },
  nb: {
    PENDING: 'Invitert, ikke svart ennå',
    ACCEPTED: 'Har takket ja',
    DECLINED: 'Har takket nei',
    REVOKED: 'Invitasjonen er trukket tilbake',
  },
};

/** A speaker's part in a session. */
export const ROLE_NAMES: Record<ConsoleLocale, Record<'SPEAKER' | 'MODERATOR' | 'PANELIST' | 'HOST' | 'INTERVIEWEE', string>> = {
  en: { SPEAKER: 'Speaker', MODERATOR: 'Moderator', PANELIST: 'Panelist', HOST: 'Host', INTERVIEWEE: 'Interviewee' },
  sv: { SPEAKER: 'Talare', MODERATOR: 'Moderator', PANELIST: 'Paneldeltagare', HOST: 'Värd', INTERVIEWEE: 'Intervjuad' },
  nb: { SPEAKER: 'Foredragsholder', MODERATOR: 'Moderator', PANELIST: 'Paneldeltaker', HOST: 'Vert', INTERVIEWEE: 'Intervjuobjekt' },
};

/** The fields a proposed change may touch, by what an organiser calls them. */
export const CHANGE_FIELD_NAMES: Record<ConsoleLocale, Record<string, string>> = {
  en: {
    name: 'Name',
    otherNames: 'Other spellings',
    bio: 'Bio',
    links: 'Links',
    photoUrl: 'Photo',
    title: 'Title',
    organisation: 'Organisation',
  },
  sv: {
    name: 'Namn',
    otherNames: 'Andra stavningar',
    bio: 'Presentation',
    links: 'Länkar',
    photoUrl: 'Foto',
    title: 'Titel',
    organisation: 'Organisation',
  },
  nb: {
    name: 'Navn',
    otherNames: 'Andre stavemåter',
    bio: 'Presentasjon',
    links: 'Lenker',
    photoUrl: 'Bilde',
    title: 'Tittel',
    organisation: 'Organisasjon',
  },
};
