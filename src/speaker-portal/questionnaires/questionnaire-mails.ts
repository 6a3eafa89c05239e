import { DateTime } from 'luxon';
import { composeMail, ComposedMail } from '../../mail/mail-layout';

/** The languages questionnaire mails are written in; anything else is told in English. */
type MailLanguage = 'sv' | 'nb' | 'en';

export type QuestionnaireMailKind = 'questionnaire-assigned' | 'questionnaire-reminder' | 'questionnaire-returned';

export interface QuestionnaireMailFacts {
  /** The conference's default locale: speakers are written to in the conference's language. */
  locale: string;
  speakerName: string;
  conferenceName: string;
  /** The interview's title for this speaker, e.g. "Fem frågor till Anna Berg". */
  title: string;
  dueAt: Date | null;
  timeZone: string;
  /** Where the speaker answers: `${publicBaseUrl}/me/questionnaires/<id>`. */
  url: string;
  /** The organisers' note, for a returned questionnaire. */
  note?: string | null;
}

interface Texts {
  greeting: (name: string) => string;
  due: (when: string) => string;
  answer: string;
  footer: (conference: string) => string;
  subject: Record<QuestionnaireMailKind, (title: string) => string>;
  body: Record<QuestionnaireMailKind, (title: string, conference: string) => string>;
  note: string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  sv: {
    greeting: (name) => `Hej ${name}!`,
    due: (when) => `Svaren behövs senast ${when}.`,
    answer: 'Svara på frågorna',
    footer: (conference) => `Det här mejlet kommer från arrangörerna av ${conference}.`,
    subject: {
      'questionnaire-assigned': (title) => `Frågor till dig: ${title}`,
      'questionnaire-reminder': (title) => `Påminnelse: ${title}`,
      'questionnaire-returned': (title) => `Dina svar behöver ändras: ${title}`,
    },
    body: {
      'questionnaire-assigned': (title, conference) =>
        `Arrangörerna av ${conference} vill gärna publicera en intervju med dig, "${title}". Du svarar på frågorna på din egen sida; du kan spara utkast och skicka in när du är klar.`,
      'questionnaire-reminder': (title) => `Vi har ännu inte fått dina svar på "${title}".`,
      'questionnaire-returned': (title) => `Arrangörerna har skickat tillbaka dina svar på "${title}" så att du kan ändra dem.`,
    },
    note: 'Arrangörernas kommentar:',
  },
  nb: {
    greeting: (name) => `Hei ${name}!`,
    due: (when) => `Svarene trengs senest ${when}.`,
    answer: 'Svar på spørsmålene',
    footer: (conference) => `Denne e-posten kommer fra arrangørene av ${conference}.`,
    subject: {
      'questionnaire-assigned': (title) => `Spørsmål til deg: ${title}`,
      'questionnaire-reminder': (title) => `Påminnelse: ${title}`,
      'questionnaire-returned': (title) => `Svarene dine må endres: ${title}`,
    },
    body: {
      'questionnaire-assigned': (title, conference) =>
        `Arrangørene av ${conference} vil gjerne publisere et intervju med deg, «${title}». Du svarer på spørsmålene på din egen side; du kan lagre utkast og sende inn når du er ferdig.`,
      'questionnaire-reminder': (title) => `Vi har ennå ikke fått svarene dine på «${title}».`,
      'questionnaire-returned': (title) => `Arrangørene har sendt tilbake svarene dine på «${title}» så du kan endre dem.`,
    },
    note: 'Arrangørenes kommentar:',
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    due: (when) => `The answers are due by ${when}.`,
    answer: 'Answer the questions',
    footer: (conference) => `This e-mail comes from the organisers of ${conference}.`,
    subject: {
      'questionnaire-assigned': (title) => `Questions for you: ${title}`,
      'questionnaire-reminder': (title) => `Reminder: ${title}`,
      'questionnaire-returned': (title) => `Your answers need changes: ${title}`,
    },
    body: {
      'questionnaire-assigned': (title, conference) =>
        `The organisers of ${conference} would like to publish an interview with you, "${title}". You answer the questions on your own page; you can save drafts and submit when you are done.`,
      'questionnaire-reminder': (title) => `We have not received your answers to "${title}" yet.`,
      'questionnaire-returned': (title) => `The organisers have sent your answers to "${title}" back so that you can change them.`,
    },
    note: "The organisers' note:",
  },
};

export function mailLanguage(locale: string): MailLanguage {
  const language = locale.toLowerCase().split('-')[0];
  if (language === 'sv') return 'sv';
  if (language === 'nb' || language === 'no' || language === 'nn') return 'nb';
  return 'en';
}

/** A questionnaire mail in the conference's language: plain text and HTML, from the shared layout. */
export function questionnaireMail(kind: QuestionnaireMailKind, facts: QuestionnaireMailFacts): ComposedMail & { locale: MailLanguage } {
  const locale = mailLanguage(facts.locale);
  const texts = TEXTS[locale];
  const when =
    facts.dueAt &&
    DateTime.fromJSDate(facts.dueAt, { zone: facts.timeZone })
      .setLocale(locale)
      .toLocaleString({ ...DateTime.DATETIME_FULL, timeZoneName: 'short' });
  const paragraphs = [
    texts.body[kind](facts.title, facts.conferenceName),
    ...(kind === 'questionnaire-returned' && facts.note ? [`${texts.note}\n${facts.note}`] : []),
    ...(when ? [texts.due(when)] : []),
  ];
  return {
    locale,
    ...composeMail({
      locale,
      subject: texts.subject[kind](facts.title),
      greeting: texts.greeting(facts.speakerName),
      paragraphs,
      action: { label: texts.answer, url: facts.url },
      footer: texts.footer(facts.conferenceName),
    }),
  };
}
