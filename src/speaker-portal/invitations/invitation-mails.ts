import { composeMail, ComposedMail } from '../../mail/mail-layout';

/** The languages invitations are written in; anything else is written in English. */
export const INVITATION_LOCALES = ['sv', 'nb', 'en'] as const;
export type InvitationLocale = (typeof INVITATION_LOCALES)[number];

interface InvitationWords {
  subject: (conference: string) => string;
  greeting: (name: string) => string;
  invited: (conference: string) => string;
  link: (days: number) => string;
  action: string;
  ignore: string;
}

const WORDS: Record<InvitationLocale, InvitationWords> = {
  sv: {
    subject: (conference) => `Inbjudan att tala på ${conference}`,
    greeting: (name) => `Hej ${name}!`,
    invited: (conference) =>
      `Du är inbjuden att tala på ${conference}. På din egen sida svarar du på inbjudan, håller din presentation och ditt foto aktuella och besvarar intervjufrågor.`,
    link: (days) => `Länken nedan är personlig och fungerar en gång i ${days} dagar.`,
    action: 'Öppna din sida',
    ignore: 'Om du inte väntade dig det här mejlet kan du bortse från det.',
  },
  nb: {
    subject: (conference) => `Invitasjon til å snakke på ${conference}`,
    greeting: (name) => `Hei ${name}!`,
    invited: (conference) =>
      `Du er invitert til å snakke på ${conference}. På din egen side svarer du på invitasjonen, holder presentasjonen og bildet ditt oppdatert og svarer på intervjuspørsmål.`,
    link: (days) => `Lenken nedenfor er personlig og virker én gang i ${days} dager.`,
    action: 'Åpne siden din',
    ignore: 'Hvis du ikke ventet denne e-posten, kan du se bort fra den.',
  },
  en: {
    subject: (conference) => `Invitation to speak at ${conference}`,
    greeting: (name) => `Hello ${name},`,
    invited: (conference) =>
      `You are invited to speak at ${conference}. On your own page you answer the invitation, keep your bio and photo up to date, and answer interview questions.`,
    link: (days) => `The link below is personal and works once, for ${days} days.`,
    action: 'Open your page',
    ignore: 'If you did not expect this e-mail, you can ignore it.',
  },
};

export function invitationLocale(locale: string | null | undefined): InvitationLocale {
  return (INVITATION_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as InvitationLocale) : 'en';
}

/** The invitation mail with its personal sign-in link. */
export function invitationMail(locale: InvitationLocale, speaker: string, conference: string, link: string, days: number): ComposedMail {
  const words = WORDS[locale];
  return composeMail({
    locale,
    subject: words.subject(conference),
    greeting: words.greeting(speaker),
    paragraphs: [words.invited(conference), words.link(days)],
    action: { label: words.action, url: link },
    footer: words.ignore,
  });
}
