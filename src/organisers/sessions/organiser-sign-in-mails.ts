import { composeMail, ComposedMail } from '../../mail/mail-layout';

/** The languages console sign-in mails are written in; anything else is written in English. */
export const SIGN_IN_LOCALES = ['sv', 'nb', 'en'] as const;
export type SignInLocale = (typeof SIGN_IN_LOCALES)[number];

interface SignInWords {
  subject: string;
  greeting: (name: string) => string;
  asked: string;
  link: (minutes: number) => string;
  action: string;
  ignore: string;
}

const WORDS: Record<SignInLocale, SignInWords> = {
  sv: {
    subject: 'Logga in i Lecterns konsol',
    greeting: (name) => `Hej ${name}!`,
    asked: 'Någon, förhoppningsvis du, bad om en länk för att logga in i Lecterns konsol för arrangörer.',
    link: (minutes) => `Länken nedan fungerar en gång, i ${minutes} minuter.`,
    action: 'Logga in',
    ignore: 'Om du inte bad om den kan du bortse från det här mejlet: ingen loggas in utan länken.',
  },
  nb: {
    subject: 'Logg inn i Lecterns konsoll',
    greeting: (name) => `Hei ${name}!`,
    asked: 'Noen, forhåpentligvis du, ba om en lenke for å logge inn i Lecterns konsoll for arrangører.',
    link: (minutes) => `Lenken nedenfor virker én gang, i ${minutes} minutter.`,
    action: 'Logg inn',
    ignore: 'Hvis du ikke ba om den, kan du se bort fra denne e-posten: ingen logges inn uten lenken.',
  },
  en: {
    subject: 'Sign in to the Lectern console',
    greeting: (name) => `Hello ${name},`,
    asked: "Someone, hopefully you, asked for a link to sign in to Lectern's organiser console.",
    link: (minutes) => `The link below works once, for ${minutes} minutes.`,
    action: 'Sign in',
    ignore: 'If you did not ask for it, you can ignore this e-mail: nobody is signed in without the link.',
  },
};

export function signInLocale(locale: string | null | undefined): SignInLocale {
  return (SIGN_IN_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as SignInLocale) : 'en';
}

/** The mail with an organiser's one-time console sign-in link. */
export function organiserSignInMail(locale: SignInLocale, organiser: string, link: string, minutes: number): ComposedMail {
  const words = WORDS[locale];
  return composeMail({
    locale,
    subject: words.subject,
    greeting: words.greeting(organiser),
    paragraphs: [words.asked, words.link(minutes)],
    action: { label: words.action, url: link },
    footer: words.ignore,
  });
}
