import { useMutation, useQuery } from '@urql/preact';
import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { catalogue, useTexts } from '../i18n';
import { CheckboxField, ProblemList, SelectField, Status, TextAreaField, TextField, problemFor } from '../ui/controls';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import {
  ConferenceFieldsFragment,
  ConferenceToEditDocument,
  CreateConferenceDocument,
  PublishConferenceDocument,
  UnpublishConferenceDocument,
  UpdateConferenceDocument,
} from './operations.generated';

const texts = catalogue({
  en: {
    newTitle: 'New conference',
    name: 'Name',
    slug: 'Address name',
    slugHint: 'Lower-case letters, digits and hyphens, e.g. internetdagarna-2020: it names the conference in addresses.',
    series: 'Series',
    edition: 'Edition',
    startDate: 'First day',
    endDate: 'Last day',
    timeZone: 'Time zone',
    defaultLocale: 'Default language',
    locales: 'Languages it publishes in',
    localesHint: 'Language tags separated by commas, e.g. “sv, en”; the default language is always one.',
    city: 'City',
    venue: 'Venue',
    organiser: 'Organised by',
    websiteUrl: 'Website',
    description: 'Description (Markdown, in the default language)',
    programmeFollows: 'The public follows',
    LIVE: 'the live programme',
    LATEST_RELEASE: 'the latest release',
    speakerChangesNeedReview: 'Changes speakers make wait for review',
    create: 'Create conference',
    save: 'Save',
    saved: 'Saved.',
    publish: 'Publish',
    unpublish: 'Unpublish',
    published: 'Published: the public sees this conference and its published sessions.',
    draft: 'Draft: only organisers see this conference.',
    notFound: 'No conference of yours has this address.',
    loading: 'Loading…',
  },
  sv: {
    newTitle: 'Ny konferens',
    name: 'Namn',
    slug: 'Adressnamn',
    slugHint: 'Små bokstäver, siffror och bindestreck, t.ex. internetdagarna-2020: det namnger konferensen i adresser.',
    series: 'Serie',
    edition: 'Upplaga',
    startDate: 'Första dagen',
    endDate: 'Sista dagen',
    timeZone: 'Tidszon',
    defaultLocale: 'Standardspråk',
    locales: 'Språk den publicerar på',
    localesHint: 'Språkkoder åtskilda med kommatecken, t.ex. ”sv, en”; standardspråket är alltid ett av dem.',
    city: 'Stad',
    venue: 'Plats',
    organiser: 'Arrangeras av',
    websiteUrl: 'Webbplats',
    description: 'Beskrivning (Markdown, på standardspråket)',
    programmeFollows: 'Allmänheten följer',
    LIVE: 'programmet som det är nu',
    LATEST_RELEASE: 'den senaste utgåvan',
    speakerChangesNeedReview: 'Talarnas ändringar väntar på granskning',
    create: 'Skapa konferens',
    save: 'Spara',
    saved: 'Sparat.',
    publish: 'Publicera',
    unpublish: 'Avpublicera',
    published: 'Publicerad: allmänheten ser konferensen och dess publicerade pass.',
    draft: 'Utkast: bara arrangörer ser konferensen.',
    notFound: 'Ingen av dina konferenser har den här adressen.',
    loading: 'Laddar …',
  },
  nb: {
    newTitle: 'Ny konferanse',
    name: 'Navn',
    slug: 'Adressenavn',
    slugHint: 'Små bokstaver, sifre og bindestreker, f.eks. internetdagarna-2020: det navngir konferansen i adresser.',
    series: 'Serie',
    edition: 'Utgave',
    startDate: 'Første dag',
    endDate: 'Siste dag',
    timeZone: 'Tidssone',
    defaultLocale: 'Standardspråk',
    locales: 'Språk den publiserer på',
    localesHint: 'Språkkoder skilt med komma, f.eks. «nb, en»; standardspråket er alltid ett av dem.',
    city: 'By',
    venue: 'Sted',
    organiser: 'Arrangert av',
    websiteUrl: 'Nettsted',
    description: 'Beskrivelse (Markdown, på standardspråket)',
    programmeFollows: 'Publikum følger',
    LIVE: 'programmet slik det er nå',
    LATEST_RELEASE: 'den siste utgivelsen',
    speakerChangesNeedReview: 'Endringer fra foredragsholdere venter på gjennomgang',
    create: 'Opprett konferanse',
    save: 'Lagre',
    saved: 'Lagret.',
    publish: 'Publiser',
    unpublish: 'Avpubliser',
    published: 'Publisert: publikum ser konferansen og de publiserte øktene.',
    draft: 'Utkast: bare arrangører ser konferansen.',
    notFound: 'Ingen av konferansene dine har denne adressen.',
    loading: 'Laster …',
  },
});

/** The languages a conference may default to, as the programme site and feeds speak them. */
const LANGUAGES = [
  { value: 'sv', label: 'Svenska' },
  { value: 'nb', label: 'Norsk bokmål' },
  { value: 'en', label: 'English' },
];

interface Draft {
  name: string;
  slug: string;
  series: string;
  edition: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  defaultLocale: string;
  /** As typed: tags separated by commas. */
  locales: string;
  city: string;
  venue: string;
  organiser: string;
  websiteUrl: string;
  description: string;
  programmeFollows: 'LIVE' | 'LATEST_RELEASE';
  speakerChangesNeedReview: boolean;
}

const EMPTY: Draft = {
  name: '',
  slug: '',
  series: '',
  edition: '',
  startDate: '',
  endDate: '',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  defaultLocale: 'en',
  locales: '',
  city: '',
  venue: '',
  organiser: '',
  websiteUrl: '',
  description: '',
  programmeFollows: 'LIVE',
  speakerChangesNeedReview: true,
};

function draftOf(conference: ConferenceFieldsFragment): Draft {
  return {
    name: conference.name,
    slug: conference.slug,
    series: conference.series ?? '',
    edition: conference.edition === null ? '' : String(conference.edition),
    startDate: conference.startDate,
    endDate: conference.endDate,
    timeZone: conference.timeZone,
    defaultLocale: conference.defaultLocale,
    locales: conference.locales.join(', '),
    city: conference.city ?? '',
    venue: conference.venue ?? '',
    organiser: conference.organiser ?? '',
    websiteUrl: conference.websiteUrl ?? '',
    description: conference.description ?? '',
    programmeFollows: conference.programmeFollows,
    speakerChangesNeedReview: conference.speakerChangesNeedReview,
  };
}

/** What the form sends: empty optional fields as null (cleared), the description in the default language only. */
function inputOf(draft: Draft) {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    name: draft.name.trim(),
    slug: draft.slug.trim(),
    series: optional(draft.series),
    edition: draft.edition.trim() === '' ? null : Number(draft.edition),
    startDate: draft.startDate,
    endDate: draft.endDate,
    timeZone: draft.timeZone,
    defaultLocale: draft.defaultLocale,
    locales: draft.locales
      .split(/[,\s]+/)
      .map((tag) => tag.trim())
      .filter(Boolean),
    city: optional(draft.city),
    venue: optional(draft.venue),
    organiser: optional(draft.organiser),
    websiteUrl: optional(draft.websiteUrl),
    description: [{ locale: draft.defaultLocale, text: optional(draft.description) }],
    programmeFollows: draft.programmeFollows,
    speakerChangesNeedReview: draft.speakerChangesNeedReview,
  };
}

export default function ConferenceEditor() {
  const { params } = useRoute();
  const slug = params.slug as string | undefined;
  return slug ? <ExistingConference slug={slug} /> : <ConferenceForm conference={null} />;
}

function ExistingConference({ slug }: { slug: string }) {
  const t = useTexts(texts);
  const [{ data, fetching }] = useQuery({ query: ConferenceToEditDocument, variables: { slug } });
  if (fetching && !data) return <p>{t('loading')}</p>;
  if (!data?.conference) return <p role="alert">{t('notFound')}</p>;
  return <ConferenceForm key={data.conference.id} conference={data.conference} />;
}

function ConferenceForm({ conference }: { conference: ConferenceFieldsFragment | null }) {
  const t = useTexts(texts);
  const { route } = useLocation();
  const [draft, setDraft] = useState<Draft>(() => (conference ? draftOf(conference) : EMPTY));
  const [saved, setSaved] = useState(false);
  const [created, create] = useMutation(CreateConferenceDocument);
  const [updated, update] = useMutation(UpdateConferenceDocument);
  const [publication, publish] = useMutation(PublishConferenceDocument);
  const [unpublication, unpublish] = useMutation(UnpublishConferenceDocument);
  const timeZones = useMemo(
    // Browsers list the zones of places; UTC, which online events use, is not one of them.
    () =>
      ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')].map((zone) => ({
        value: zone,
        label: zone.replaceAll('_', ' '),
      })),
    [],
  );
  useEffect(() => setSaved(false), [draft]);

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }));
  const problems = problemsOf(conference ? (updated.error ?? publication.error ?? unpublication.error) : created.error);
  const field = (key: keyof Draft) => ({
    label: t(key),
    value: draft[key] as string,
    onValue: set(key) as (value: string) => void,
    problem: problemFor(problems, key),
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!conference) {
      const result = await create({ input: inputOf(draft) });
      if (result.data) route(`/console/conferences/${result.data.createConference.slug}`);
      return;
    }
    const result = await update({ input: { id: conference.id, ...inputOf(draft) } });
    if (result.data) {
      setSaved(true);
      if (result.data.updateConference.slug !== conference.slug) route(`/console/conferences/${result.data.updateConference.slug}`, true);
    }
  };

  const status = conference?.status;
  return (
    <Page
      title={conference ? conference.name : t('newTitle')}
      actions={
        conference && (
          <>
            <span class={`badge badge-${status?.toLowerCase()}`}>{status === 'PUBLISHED' ? t('published') : t('draft')}</span>
            {status === 'PUBLISHED' ? (
              <button type="button" class="secondary" onClick={() => unpublish({ input: { id: conference.id } })}>
                {t('unpublish')}
              </button>
            ) : (
              <button type="button" onClick={() => publish({ input: { id: conference.id } })}>
                {t('publish')}
              </button>
            )}
          </>
        )
      }
    >
      <form class="form-grid" onSubmit={submit} noValidate>
        <TextField {...field('name')} required />
        <TextField {...field('slug')} hint={t('slugHint')} required pattern="[a-z0-9-]+" />
        <TextField {...field('series')} />
        <TextField {...field('edition')} type="number" min={1} />
        <TextField {...field('startDate')} type="date" required />
        <TextField {...field('endDate')} type="date" required />
        <SelectField {...field('timeZone')} options={timeZones} />
        <SelectField {...field('defaultLocale')} options={LANGUAGES} />
        <TextField {...field('locales')} hint={t('localesHint')} />
        <TextField {...field('city')} />
        <TextField {...field('venue')} />
        <TextField {...field('organiser')} />
        <TextField {...field('websiteUrl')} type="url" />
        <div class="wide">
          <TextAreaField {...field('description')} rows={6} />
        </div>
        <SelectField
          label={t('programmeFollows')}
          value={draft.programmeFollows}
          onValue={(value) => set('programmeFollows')(value as Draft['programmeFollows'])}
          problem={problemFor(problems, 'programmeFollows')}
          options={[
            { value: 'LIVE', label: t('LIVE') },
            { value: 'LATEST_RELEASE', label: t('LATEST_RELEASE') },
          ]}
        />
        <CheckboxField
          label={t('speakerChangesNeedReview')}
          checked={draft.speakerChangesNeedReview}
          onChecked={set('speakerChangesNeedReview')}
        />
        <div class="wide">
          <ProblemList problems={problems} shownFields={Object.keys(draft)} />
          <button type="submit" disabled={created.fetching || updated.fetching}>
            {conference ? t('save') : t('create')}
          </button>
          <Status>{saved && t('saved')}</Status>
        </div>
      </form>
    </Page>
  );
}
