import { InterfaceLanguage } from '../../site/site-i18n';
import { AssignmentStatus } from './questionnaire-assignment.entity';

/** The questionnaire pages' interface texts, in the site's languages. */
export interface QuestionnaireTexts {
  title: string;
  none: string;
  conference: string;
  state: string;
  due: string;
  noDue: string;
  open: string;
  status: Record<AssignmentStatus, string>;
  answerIn: (question: string, language: string) => string;
  note: string;
  save: string;
  submit: string;
  saved: string;
  submitted: string;
  readOnly: string;
  failed: string;
  markdown: string;
  back: string;
}

const TEXTS: Record<InterfaceLanguage, QuestionnaireTexts> = {
  en: {
    title: 'Questionnaires',
    none: 'No questionnaires for you yet.',
    conference: 'Conference',
    state: 'State',
    due: 'Due',
    noDue: 'No due date',
    open: 'Answer',
    status: {
      DRAFT: 'Not submitted yet',
      SUBMITTED: 'Submitted',
      RETURNED: 'Returned to you for changes',
      APPROVED: 'Approved',
    },
    answerIn: (question, language) => `${question} (answer in ${language})`,
    note: "The organisers' note",
    save: 'Save draft',
    submit: 'Submit',
    saved: 'Your draft is saved.',
    submitted: 'Your answers are submitted. Thank you!',
    readOnly: 'Your answers are with the organisers; they can return them to you if something should change.',
    failed: 'Please check the answers marked below.',
    markdown: 'Markdown: *italics*, **bold**, [links](https://example.org), lists.',
    back: 'All questionnaires',
  },
  sv: {
    title: 'Frågeformulär',
    none: 'Inga frågeformulär till dig ännu.',
    conference: 'Konferens',
    state: 'Läge',
    due: 'Senast',
    noDue: 'Inget slutdatum',
    open: 'Svara',
    status: {
      DRAFT: 'Inte inskickat ännu',
      SUBMITTED: 'Inskickat',
      RETURNED: 'Tillbakaskickat för ändringar',
      APPROVED: 'Godkänt',
    },
    answerIn: (question, language) => `${question} (svar på ${language})`,
    note: 'Arrangörernas kommentar',
    save: 'Spara utkast',
    submit: 'Skicka in',
    saved: 'Ditt utkast är sparat.',
    submitted: 'Dina svar är inskickade. Tack!',
    readOnly: 'Dina svar ligger hos arrangörerna; de kan skicka tillbaka dem om något behöver ändras.',
    failed: 'Se över svaren som är markerade nedan.',
    markdown: 'Markdown: *kursiv*, **fet**, [länkar](https://example.org), listor.',
    back: 'Alla frågeformulär',
  },
  nb: {
    title: 'Spørreskjemaer',
    none: 'Ingen spørreskjemaer til deg ennå.',
    conference: 'Konferanse',
    state: 'Status',
    due: 'Frist',
    noDue: 'Ingen frist',
    open: 'Svar',
    status: {
      DRAFT: 'Ikke sendt inn ennå',
      SUBMITTED: 'Sendt inn',
      RETURNED: 'Sendt tilbake for endringer',
      APPROVED: 'Godkjent',
    },
    answerIn: (question, language) => `${question} (svar på ${language})`,
    note: 'Arrangørenes kommentar',
    save: 'Lagre utkast',
    submit: 'Send inn',
    saved: 'Utkastet ditt er lagret.',
    submitted: 'Svarene dine er sendt inn. Takk!',
    readOnly: 'Svarene dine ligger hos arrangørene; de kan sende dem tilbake hvis noe bør endres.',
    failed: 'Se over svarene som er merket nedenfor.',
    markdown: 'Markdown: *kursiv*, **fet**, [lenker](https://example.org), lister.',
    back: 'Alle spørreskjemaer',
  },
};

export function questionnaireTexts(language: InterfaceLanguage): QuestionnaireTexts {
  return TEXTS[language];
}
