import { useMutation, useQuery } from '@urql/preact';
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { catalogue, useLocale, useTexts } from '../i18n';
import { localOf, utcOf } from '../schedule/zoned-time';
import { ProblemList, SelectField, Status, TextAreaField, TextField, problemFor } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import { LineUp } from './line-up';
import {
  CancelSessionDocument,
  CreateSessionDocument,
  DeleteSessionDocument,
  PublishSessionDocument,
  ConferenceForNewSessionDocument,
  SessionConferenceFragment,
  SessionFieldsFragment,
  SessionToEditDocument,
  UnpublishSessionDocument,
  UpdateSessionDocument,
} from './operations.generated';
import { FORMAT_NAMES, LANGUAGE_NAMES, STATUS_NAMES } from './session-texts';

const texts = catalogue({
  en: {
    newTitle: 'New session',
    untitled: 'Session',
    texts: 'Title and abstract in each language',
    defaultLanguage: '{{language}} (default language)',
    missingMark: 'Missing translation',
    titleLabel: 'Title ({{language}})',
    abstractLabel: 'Abstract in Markdown ({{language}})',
    titleMissing: 'Not translated: the public sees the {{fallback}} title instead.',
    titleMissingNone: 'Not translated yet.',
    abstractMissing: 'No abstract in this language: the public sees the {{fallback}} one.',
    abstractMissingNone: 'No abstract in this language yet.',
    preview: 'Preview ({{language}}), as the public sees it',
    previewNote: 'The server’s rendering of the saved text; save to see changes.',
    previewStale: 'Unsaved changes: save to see them here.',
    previewEmpty: 'Nothing saved in this language.',
    schedule: 'Time and place',
    startsAt: 'Starts ({{zone}})',
    endsAt: 'Ends ({{zone}})',
    timesHint: 'Both or neither; neither leaves the session unscheduled.',
    room: 'Room',
    noRoom: 'No room yet',
    track: 'Track',
    noTrack: 'No track',
    details: 'Details',
    format: 'Format',
    language: 'Held in',
    status: 'Status',
    notes: 'Note for readers',
    streamUrl: 'Live stream address',
    slidesUrl: 'Slides address',
    recordingUrl: 'Recording address',
    create: 'Create session',
    save: 'Save',
    saved: 'Saved.',
    published: 'Published',
    unpublished: 'Not published',
    publish: 'Publish',
    unpublish: 'Unpublish',
    cancelSession: 'Cancel session',
    delete: 'Delete session',
    back: 'Go back',
    publishTitle: 'Publish this session?',
    publishText: 'The public programme shows it once the conference is published, and subscribers’ calendars add it at their next update.',
    publishConfirm: 'Publish the session',
    unpublishTitle: 'Unpublish this session?',
    unpublishText: 'It leaves the public programme, and subscribers’ calendars remove it at their next update.',
    unpublishConfirm: 'Unpublish the session',
    cancelTitle: 'Cancel this session?',
    cancelText:
      'It stays in the programme marked cancelled, and subscribers’ calendars show it as cancelled at their next update. Everyone who added it keeps seeing that it was called off.',
    cancelConfirm: 'Cancel the session',
    deleteTitle: 'Delete this session?',
    deleteText:
      'It disappears from the programme and from every calendar, with its line-up. This cannot be undone; to tell attendees it is called off, cancel it instead.',
    deleteConfirm: 'Delete the session',
    publishedDone: 'Published.',
    unpublishedDone: 'Unpublished.',
    cancelledDone: 'Cancelled.',
    conflicts: 'Problems in the programme',
    ERROR: 'Error',
    WARNING: 'Warning',
    blocksRelease: 'blocks the next release',
    backToList: 'All sessions',
    notFound: 'No session of yours has this address.',
    loading: 'Loading…',
  },
  sv: {
    newTitle: 'Nytt pass',
    untitled: 'Pass',
    texts: 'Titel och sammanfattning på varje språk',
    defaultLanguage: '{{language}} (standardspråk)',
    missingMark: 'Översättning saknas',
    titleLabel: 'Titel ({{language}})',
    abstractLabel: 'Sammanfattning i Markdown ({{language}})',
    titleMissing: 'Inte översatt: allmänheten ser titeln på {{fallback}} i stället.',
    titleMissingNone: 'Inte översatt än.',
    abstractMissing: 'Ingen sammanfattning på det här språket: allmänheten ser den på {{fallback}}.',
    abstractMissingNone: 'Ingen sammanfattning på det här språket än.',
    preview: 'Förhandsvisning ({{language}}), som allmänheten ser den',
    previewNote: 'Serverns återgivning av den sparade texten; spara för att se ändringar.',
    previewStale: 'Osparade ändringar: spara för att se dem här.',
    previewEmpty: 'Inget sparat på det här språket.',
    schedule: 'Tid och plats',
    startsAt: 'Börjar ({{zone}})',
    endsAt: 'Slutar ({{zone}})',
    timesHint: 'Båda eller ingen; ingen lämnar passet oschemalagt.',
    room: 'Sal',
    noRoom: 'Ingen sal än',
    track: 'Spår',
    noTrack: 'Inget spår',
    details: 'Uppgifter',
    format: 'Format',
    language: 'Hålls på',
    status: 'Status',
    notes: 'Anteckning till läsarna',
    streamUrl: 'Adress till direktsändningen',
    slidesUrl: 'Adress till bilderna',
    recordingUrl: 'Adress till inspelningen',
    create: 'Skapa pass',
    save: 'Spara',
    saved: 'Sparat.',
    published: 'Publicerat',
    unpublished: 'Inte publicerat',
    publish: 'Publicera',
    unpublish: 'Avpublicera',
    cancelSession: 'Ställ in passet',
    delete: 'Ta bort passet',
    back: 'Gå tillbaka',
    publishTitle: 'Publicera passet?',
    publishText:
      'Det offentliga programmet visar det när konferensen är publicerad, och prenumeranternas kalendrar lägger till det vid nästa uppdatering.',
    publishConfirm: 'Publicera passet',
    unpublishTitle: 'Avpublicera passet?',
    unpublishText: 'Det försvinner ur det offentliga programmet, och prenumeranternas kalendrar tar bort det vid nästa uppdatering.',
    unpublishConfirm: 'Avpublicera passet',
    cancelTitle: 'Ställa in passet?',
    cancelText:
      'Det blir kvar i programmet markerat som inställt, och prenumeranternas kalendrar visar det som inställt vid nästa uppdatering. Alla som lagt till det ser att det är inställt.',
    cancelConfirm: 'Ställ in passet',
    deleteTitle: 'Ta bort passet?',
    deleteText:
      'Det försvinner ur programmet och ur alla kalendrar, med sina talare. Det går inte att ångra; ställ in passet i stället för att berätta för deltagarna att det inte blir av.',
    deleteConfirm: 'Ta bort passet',
    publishedDone: 'Publicerat.',
    unpublishedDone: 'Avpublicerat.',
    cancelledDone: 'Inställt.',
    conflicts: 'Problem i programmet',
    ERROR: 'Fel',
    WARNING: 'Varning',
    blocksRelease: 'stoppar nästa utgåva',
    backToList: 'Alla pass',
    notFound: 'Inget av dina pass har den här adressen.',
    loading: 'Laddar …',
  },
  nb: {
    newTitle: 'Ny økt',
    untitled: 'Økt',
    texts: 'Tittel og sammendrag på hvert språk',
    defaultLanguage: '{{language}} (standardspråk)',
    missingMark: 'Oversettelse mangler',
    titleLabel: 'Tittel ({{language}})',
    abstractLabel: 'Sammendrag i Markdown ({{language}})',
    titleMissing: 'Ikke oversatt: publikum ser tittelen på {{fallback}} i stedet.',
    titleMissingNone: 'Ikke oversatt ennå.',
    abstractMissing: 'Ikke noe sammendrag på dette språket: publikum ser det på {{fallback}}.',
    abstractMissingNone: 'Ikke noe sammendrag på dette språket ennå.',
    preview: 'Forhåndsvisning ({{language}}), slik publikum ser den',
    previewNote: 'Serverens gjengivelse av den lagrede teksten; lagre for å se endringer.',
    previewStale: 'Ulagrede endringer: lagre for å se dem her.',
    previewEmpty: 'Ingenting lagret på dette språket.',
    schedule: 'Tid og sted',
    startsAt: 'Starter ({{zone}})',
    endsAt: 'Slutter ({{zone}})',
    timesHint: 'Begge eller ingen; ingen lar økten være uplanlagt.',
    room: 'Rom',
    noRoom: 'Uten rom ennå',
    track: 'Spor',
    noTrack: 'Uten spor',
    details: 'Detaljer',
    format: 'Format',
    language: 'Holdes på',
    status: 'Status',
    notes: 'Merknad til leserne',
    streamUrl: 'Adresse til direktesendingen',
    slidesUrl: 'Adresse til lysbildene',
    recordingUrl: 'Adresse til opptaket',
    create: 'Opprett økt',
    save: 'Lagre',
    saved: 'Lagret.',
    published: 'Publisert',
    unpublished: 'Ikke publisert',
    publish: 'Publiser',
    unpublish: 'Avpubliser',
    cancelSession: 'Avlys økten',
    delete: 'Slett økten',
    back: 'Gå tilbake',
    publishTitle: 'Publisere økten?',
    publishText:
      'Det offentlige programmet viser den når konferansen er publisert, og abonnentenes kalendere legger den til ved neste oppdatering.',
    publishConfirm: 'Publiser økten',
    unpublishTitle: 'Avpublisere økten?',
    unpublishText: 'Den forsvinner fra det offentlige programmet, og abonnentenes kalendere fjerner den ved neste oppdatering.',
    unpublishConfirm: 'Avpubliser økten',
    cancelTitle: 'Avlyse økten?',
    cancelText:
      'Den blir værende i programmet merket som avlyst, og abonnentenes kalendere viser den som avlyst ved neste oppdatering. Alle som har lagt den til, ser at den er avlyst.',
    cancelConfirm: 'Avlys økten',
    deleteTitle: 'Slette økten?',
    deleteText:
      'Den forsvinner fra programmet og fra alle kalendere, med foredragsholderne sine. Det kan ikke angres; avlys økten i stedet for å fortelle deltakerne at den ikke blir noe av.',
    deleteConfirm: 'Slett økten',
    publishedDone: 'Publisert.',
    unpublishedDone: 'Avpublisert.',
    cancelledDone: 'Avlyst.',
    conflicts: 'Problemer i programmet',
    ERROR: 'Feil',
    WARNING: 'Advarsel',
    blocksRelease: 'stopper neste utgivelse',
    backToList: 'Alle økter',
    notFound: 'Ingen av øktene dine har denne adressen.',
    loading: 'Laster …',
  },
});

/** A BCP 47 tag of a language the conference publishes in (or a session has a text in). */
type TextLocale = string;
type Format = SessionFieldsFragment['format'];
type SessionStatus = SessionFieldsFragment['status'];

interface Draft {
  title: Record<TextLocale, string>;
  abstract: Record<TextLocale, string>;
  startsAt: string;
  endsAt: string;
  roomId: string;
  trackId: string;
  format: Format;
  language: string;
  status: SessionStatus;
  notes: string;
  streamUrl: string;
  slidesUrl: string;
  recordingUrl: string;
}

/** The input fields the form shows the server's problems at. */
const SHOWN_FIELDS = [
  'title',
  'abstract',
  'startsAt',
  'endsAt',
  'roomId',
  'trackId',
  'format',
  'language',
  'status',
  'notes',
  'streamUrl',
  'slidesUrl',
  'recordingUrl',
];
const languageOf = (locale: string | null | undefined) => locale?.toLowerCase().split('-')[0] ?? '';
type Translations = SessionFieldsFragment['titleTranslations'];
const textIn = (translations: Translations, locale: TextLocale) => translations.find((each) => each.locale === locale)?.text ?? null;

/**
 * The language the public reads instead of a missing one, as the server chooses it: the same
 * language in another form ("sv-SE" for "sv"), else the conference's default, else the first.
 */
function fallbackOf(translations: Translations, locale: TextLocale, defaultLocale: string): string | null {
  const sameLanguage = translations.find((each) => languageOf(each.locale) === languageOf(locale));
  return (sameLanguage ?? translations.find((each) => each.locale === defaultLocale) ?? translations[0])?.locale ?? null;
}

/** The columns of texts: every language the conference publishes in, its default first, and any other a session has a text in. */
function columnsOf(conference: SessionConferenceFragment, session: SessionFieldsFragment | null): TextLocale[] {
  const written = session ? [...session.titleTranslations, ...session.abstractTranslations].map((each) => each.locale) : [];
  return [...new Set([conference.defaultLocale, ...conference.locales, ...written])];
}

/** A language's name in the organiser's language, e.g. "Swedish", "svenska". */
function nameIn(consoleLocale: string, language: string): string {
  try {
    return new Intl.DisplayNames([consoleLocale], { type: 'language' }).of(language) ?? language;
  } catch {
    return LANGUAGE_NAMES[language] ?? language;
  }
}

function emptyDraft(conference: SessionConferenceFragment): Draft {
  const none = Object.fromEntries(columnsOf(conference, null).map((locale) => [locale, '']));
  return {
    title: { ...none },
    abstract: { ...none },
    startsAt: '',
    endsAt: '',
    roomId: '',
    trackId: '',
    format: 'TALK',
    language: languageOf(conference.defaultLocale) || 'en',
    status: 'CONFIRMED',
    notes: '',
    streamUrl: '',
    slidesUrl: '',
    recordingUrl: '',
  };
}

function draftOf(session: SessionFieldsFragment, conference: SessionConferenceFragment): Draft {
  const zone = conference.timeZone;
  const per = (translations: Translations) =>
    Object.fromEntries(columnsOf(conference, session).map((locale) => [locale, textIn(translations, locale) ?? '']));
  return {
    title: per(session.titleTranslations),
    abstract: per(session.abstractTranslations),
    startsAt: session.startsAt ? localOf(session.startsAt, zone) : '',
    endsAt: session.endsAt ? localOf(session.endsAt, zone) : '',
    roomId: session.room?.id ?? '',
    trackId: session.track?.id ?? '',
    format: session.format,
    language: session.language,
    status: session.status,
    notes: session.notes ?? '',
    streamUrl: session.streamUrl ?? '',
    slidesUrl: session.slidesUrl ?? '',
    recordingUrl: session.recordingUrl ?? '',
  };
}

/**
 * What to send: everything for a new session; for a saved one only what changed, and of the
 * titles and abstracts only the languages changed (the server keeps the others; an emptied one
 * goes as null, which removes it).
 */
function inputOf(draft: Draft, base: Draft | null, zone: string) {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const texts = (field: 'title' | 'abstract') =>
    Object.keys(draft[field])
      .filter((locale) => (base ? draft[field][locale] !== (base[field][locale] ?? '') : draft[field][locale].trim() !== ''))
      .map((locale) => ({ locale, text: optional(draft[field][locale]) }));
  const full = {
    title: texts('title'),
    abstract: texts('abstract'),
    startsAt: draft.startsAt ? utcOf(draft.startsAt, zone) : null,
    endsAt: draft.endsAt ? utcOf(draft.endsAt, zone) : null,
    roomId: draft.roomId || null,
    trackId: draft.trackId || null,
    format: draft.format,
    language: draft.language,
    status: draft.status === 'CANCELLED' ? undefined : draft.status,
    notes: optional(draft.notes),
    streamUrl: optional(draft.streamUrl),
    slidesUrl: optional(draft.slidesUrl),
    recordingUrl: optional(draft.recordingUrl),
  };
  if (!base) return full;
  const changed: Partial<typeof full> = {};
  for (const key of Object.keys(full) as (keyof typeof full)[]) {
    const differs = key === 'title' || key === 'abstract' ? full[key].length > 0 : draft[key] !== base[key];
    if (differs) (changed as Record<string, unknown>)[key] = full[key];
  }
  return changed;
}

export default function SessionEditor() {
  const { params } = useRoute();
  const slug = params.slug as string;
  const id = params.id as string | undefined;
  return id ? <ExistingSession key={id} slug={slug} id={id} /> : <NewSession slug={slug} />;
}

function NewSession({ slug }: { slug: string }) {
  const t = useTexts(texts);
  const [{ data, fetching }] = useQuery({ query: ConferenceForNewSessionDocument, variables: { slug } });
  if (fetching && !data) return <p>{t('loading')}</p>;
  if (!data?.conference) return <p role="alert">{t('notFound')}</p>;
  return (
    <Page title={t('newTitle')}>
      <BackToList slug={slug} />
      <SessionForm conference={data.conference} session={null} />
    </Page>
  );
}

function BackToList({ slug }: { slug: string }) {
  const t = useTexts(texts);
  return (
    <p>
      <a href={`/console/conferences/${slug}/sessions`}>{t('backToList')}</a>
    </p>
  );
}

function ExistingSession({ slug, id }: { slug: string; id: string }) {
  const t = useTexts(texts);
  const [{ data, fetching }] = useQuery({ query: SessionToEditDocument, variables: { slug, id } });
  if (fetching && !data) return <p>{t('loading')}</p>;
  const conference = data?.conference;
  const session = data?.session;
  if (!conference || !session) return <p role="alert">{t('notFound')}</p>;
  const title = textIn(session.titleTranslations, conference.defaultLocale) || session.titleTranslations[0]?.text || t('untitled');
  return (
    <Page title={title} actions={<SessionActions slug={slug} session={session} />}>
      <BackToList slug={slug} />
      <Conflicts session={session} />
      <SessionForm conference={conference} session={session} />
      <LineUp session={session} />
    </Page>
  );
}

/** The problems the server finds that this session is part of, in its words, with how bad each is. */
function Conflicts({ session }: { session: SessionFieldsFragment }) {
  const t = useTexts(texts);
  if (session.conflicts.length === 0) return null;
  return (
    <section class="session-conflicts" aria-labelledby="session-conflicts-title">
      <h2 id="session-conflicts-title">{t('conflicts')}</h2>
      <ul>
        {session.conflicts.map((conflict) => (
          <li key={conflict.key} class={`conflict conflict-${conflict.severity.toLowerCase()}`}>
            <strong>
              <span aria-hidden="true">⚠ </span>
              {t(conflict.severity)}:
            </strong>{' '}
            {conflict.message}
            {conflict.blocksRelease && ` (${t('blocksRelease')})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Asking = 'publish' | 'unpublish' | 'cancel' | 'delete' | null;

function SessionActions({ slug, session }: { slug: string; session: SessionFieldsFragment }) {
  const t = useTexts(texts);
  const locale = useLocale();
  const { route } = useLocation();
  const [asking, setAsking] = useState<Asking>(null);
  const [done, setDone] = useState('');
  const [published, publish] = useMutation(PublishSessionDocument);
  const [unpublished, unpublish] = useMutation(UnpublishSessionDocument);
  const [cancelled, cancel] = useMutation(CancelSessionDocument);
  const [deleted, remove] = useMutation(DeleteSessionDocument);
  const problems = problemsOf(published.error ?? unpublished.error ?? cancelled.error ?? deleted.error);
  const input = { input: { id: session.id } };
  const confirm = async () => {
    const which = asking;
    setAsking(null);
    setDone('');
    if (which === 'publish' && !(await publish(input)).error) setDone(t('publishedDone'));
    if (which === 'unpublish' && !(await unpublish(input)).error) setDone(t('unpublishedDone'));
    if (which === 'cancel' && !(await cancel(input)).error) setDone(t('cancelledDone'));
    if (which === 'delete' && !(await remove(input)).error) route(`/console/conferences/${slug}/sessions`);
  };
  const question =
    asking &&
    {
      publish: { title: t('publishTitle'), text: t('publishText'), confirm: t('publishConfirm') },
      unpublish: { title: t('unpublishTitle'), text: t('unpublishText'), confirm: t('unpublishConfirm') },
      cancel: { title: t('cancelTitle'), text: t('cancelText'), confirm: t('cancelConfirm') },
      delete: { title: t('deleteTitle'), text: t('deleteText'), confirm: t('deleteConfirm') },
    }[asking];
  return (
    <>
      <span class={`badge badge-session-${session.status.toLowerCase()}`}>{STATUS_NAMES[locale][session.status]}</span>
      <span class={session.published ? 'badge badge-published' : 'badge'}>{session.published ? t('published') : t('unpublished')}</span>
      {session.published ? (
        <button type="button" class="secondary" onClick={() => setAsking('unpublish')}>
          {t('unpublish')}
        </button>
      ) : (
        <button type="button" onClick={() => setAsking('publish')}>
          {t('publish')}
        </button>
      )}
      {session.status !== 'CANCELLED' && (
        <button type="button" class="secondary" onClick={() => setAsking('cancel')}>
          {t('cancelSession')}
        </button>
      )}
      <button type="button" class="danger" onClick={() => setAsking('delete')}>
        {t('delete')}
      </button>
      <Status>{done}</Status>
      <ProblemList problems={problems} />
      <Dialog title={question?.title ?? ''} open={asking !== null} onClose={() => setAsking(null)}>
        {question && (
          <>
            <p>{question.text}</p>
            <p class="dialog-actions">
              <button type="button" class={asking === 'delete' ? 'danger' : undefined} onClick={confirm}>
                {question.confirm}
              </button>{' '}
              {/* Focus starts on the answer that changes nothing. */}
              <button type="button" class="secondary" autoFocus onClick={() => setAsking(null)}>
                {t('back')}
              </button>
            </p>
          </>
        )}
      </Dialog>
    </>
  );
}

function SessionForm({ conference, session }: { conference: SessionConferenceFragment; session: SessionFieldsFragment | null }) {
  const t = useTexts(texts);
  const locale = useLocale();
  const { route } = useLocation();
  const zone = conference.timeZone;
  const [base, setBase] = useState<Draft | null>(() => (session ? draftOf(session, conference) : null));
  const [draft, setDraft] = useState<Draft>(() => base ?? emptyDraft(conference));
  const [saved, setSaved] = useState(false);
  const [created, create] = useMutation(CreateSessionDocument);
  const [updated, update] = useMutation(UpdateSessionDocument);
  const problems = problemsOf(session ? updated.error : created.error);
  const locales = columnsOf(conference, session);
  const [sent, setSent] = useState<Record<'title' | 'abstract', TextLocale[]>>({ title: [], abstract: [] });
  /** The server names a text as `title[1].text`, by its place in what was sent; the field alone goes to the first column. */
  const textProblem = (name: 'title' | 'abstract', at: TextLocale) =>
    problems.find((problem) => {
      const place = new RegExp(`^${name}\\[(\\d+)\\]`).exec(problem.field ?? '');
      return place ? sent[name][Number(place[1])] === at : problem.field === name && at === locales[0];
    });

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setSaved(false);
      setDraft((previous) => ({ ...previous, [key]: value }));
    };
  const setText = (field: 'title' | 'abstract', at: TextLocale) => (value: string) => {
    setSaved(false);
    setDraft((previous) => ({ ...previous, [field]: { ...previous[field], [at]: value } }));
  };
  const field = (key: 'notes' | 'streamUrl' | 'slidesUrl' | 'recordingUrl') => ({
    label: t(key),
    value: draft[key],
    onValue: set(key),
    problem: problemFor(problems, key),
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const input = inputOf(draft, session ? base : null, zone);
    setSent({ title: input.title?.map((text) => text.locale) ?? [], abstract: input.abstract?.map((text) => text.locale) ?? [] });
    if (!session) {
      const result = await create({ input: { conferenceId: conference.id, ...(input as Required<typeof input>) } });
      if (result.data) route(`/console/conferences/${conference.slug}/sessions/${encodeURIComponent(result.data.createSession.id)}`);
      return;
    }
    const result = await update({ input: { id: session.id, ...input } });
    if (result.data) {
      const next = draftOf(result.data.updateSession, conference);
      setBase(next);
      setDraft(next);
      setSaved(true);
    }
  };

  const languages = Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }));
  if (!LANGUAGE_NAMES[draft.language]) languages.push({ value: draft.language, label: draft.language });
  const statuses = (['TENTATIVE', 'CONFIRMED', ...(draft.status === 'CANCELLED' ? ['CANCELLED'] : [])] as SessionStatus[]).map((value) => ({
    value,
    label: STATUS_NAMES[locale][value],
  }));

  return (
    <form class="session-form" onSubmit={submit} noValidate>
      <fieldset class="session-texts">
        <legend>{t('texts')}</legend>
        <div class="locale-columns">
          {locales.map((at) => {
            const language = LANGUAGE_NAMES[at] ?? nameIn(at, at);
            const titleMissing = session !== null && textIn(session.titleTranslations, at) === null;
            const abstractMissing = session !== null && textIn(session.abstractTranslations, at) === null;
            const titleFallback = session && titleMissing ? fallbackOf(session.titleTranslations, at, conference.defaultLocale) : null;
            const abstractFallback =
              session && abstractMissing ? fallbackOf(session.abstractTranslations, at, conference.defaultLocale) : null;
            const html = session ? textIn(session.abstractHtml, at) : null;
            return (
              <section key={at} class={titleMissing ? 'locale-column locale-missing' : 'locale-column'} lang={at} aria-label={language}>
                <h3>
                  {conference.defaultLocale === at ? t('defaultLanguage', { language }) : language}
                  {titleMissing && (
                    <span class="missing-mark">
                      <span aria-hidden="true">⚠ </span>
                      {t('missingMark')}
                    </span>
                  )}
                </h3>
                <TextField
                  label={t('titleLabel', { language })}
                  value={draft.title[at] ?? ''}
                  onValue={setText('title', at)}
                  problem={textProblem('title', at)}
                  hint={
                    titleMissing
                      ? titleFallback
                        ? t('titleMissing', { fallback: nameIn(locale, titleFallback) })
                        : t('titleMissingNone')
                      : undefined
                  }
                />
                <TextAreaField
                  label={t('abstractLabel', { language })}
                  value={draft.abstract[at] ?? ''}
                  onValue={setText('abstract', at)}
                  problem={textProblem('abstract', at)}
                  rows={7}
                  hint={
                    abstractMissing && session
                      ? abstractFallback
                        ? t('abstractMissing', { fallback: nameIn(locale, abstractFallback) })
                        : t('abstractMissingNone')
                      : undefined
                  }
                />
                {session && (
                  <div class="abstract-preview" role="region" aria-label={t('preview', { language })}>
                    {base && (draft.abstract[at] ?? '') !== (base.abstract[at] ?? '') ? (
                      <p class="hint">{t('previewStale')}</p>
                    ) : (
                      html && <p class="hint">{t('previewNote')}</p>
                    )}
                    {html ? (
                      <div class="rendered" dangerouslySetInnerHTML={{ __html: html }} />
                    ) : (
                      <p class="rendered rendered-empty">{t('previewEmpty')}</p>
                    )}
                  </div>
                )}
              </section>
            );
          })}
        </div>
      </fieldset>

      <fieldset class="form-grid">
        <legend>{t('schedule')}</legend>
        <TextField
          label={t('startsAt', { zone })}
          type="datetime-local"
          value={draft.startsAt}
          onValue={set('startsAt')}
          problem={problemFor(problems, 'startsAt')}
          hint={t('timesHint')}
        />
        <TextField
          label={t('endsAt', { zone })}
          type="datetime-local"
          value={draft.endsAt}
          onValue={set('endsAt')}
          problem={problemFor(problems, 'endsAt')}
        />
        <SelectField
          label={t('room')}
          value={draft.roomId}
          onValue={set('roomId')}
          problem={problemFor(problems, 'roomId')}
          options={[{ value: '', label: t('noRoom') }, ...conference.rooms.map((room) => ({ value: room.id, label: room.name }))]}
        />
        <SelectField
          label={t('track')}
          value={draft.trackId}
          onValue={set('trackId')}
          problem={problemFor(problems, 'trackId')}
          options={[{ value: '', label: t('noTrack') }, ...conference.tracks.map((track) => ({ value: track.id, label: track.name }))]}
        />
      </fieldset>

      <fieldset class="form-grid">
        <legend>{t('details')}</legend>
        <SelectField
          label={t('format')}
          value={draft.format}
          onValue={(value) => set('format')(value as Format)}
          problem={problemFor(problems, 'format')}
          options={Object.entries(FORMAT_NAMES[locale]).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          label={t('language')}
          value={draft.language}
          onValue={set('language')}
          problem={problemFor(problems, 'language')}
          options={languages}
        />
        <SelectField
          label={t('status')}
          value={draft.status}
          onValue={(value) => set('status')(value as SessionStatus)}
          problem={problemFor(problems, 'status')}
          options={statuses}
        />
        <TextField {...field('streamUrl')} type="url" />
        <TextField {...field('slidesUrl')} type="url" />
        <TextField {...field('recordingUrl')} type="url" />
        <div class="wide">
          <TextAreaField {...field('notes')} rows={2} />
        </div>
      </fieldset>

      <div class="form-end">
        <ProblemList problems={problems.filter((problem) => !SHOWN_FIELDS.includes(problem.field?.split(/[.[]/)[0] ?? ''))} />
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {session ? t('save') : t('create')}
        </button>
        <Status>{saved && t('saved')}</Status>
      </div>
    </form>
  );
}
