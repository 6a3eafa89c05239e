import { useMutation, useQuery } from '@urql/preact';
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { catalogue, useLocale, useTexts } from '../i18n';
import { ProblemList, SelectField, Status, TextAreaField, TextField, problemFor } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import { Page } from '../ui/page';
import { InviteForm } from './invite';
import {
  SpeakerInvitationsOfConferenceDocument,
  SpeakerOwnerChoicesDocument,
  SpeakerProfileFragment,
  SpeakerToEditDocument,
  UpdateSpeakerAppearanceDocument,
  UpdateSpeakerProfileDocument,
} from './operations.generated';
import { MergeDuplicate } from './merge';
import { inputProblems } from './problems';
import { ChangesToReview } from './review';
import { INVITATION_NAMES, LANGUAGE_NAMES, ROLE_NAMES, TEXT_LOCALES, TextLocale, languageOf, textLocales } from './speaker-texts';

const texts = catalogue({
  en: {
    backToList: 'All speakers',
    profile: 'Profile',
    name: 'Name',
    slug: 'Address name',
    slugHint: 'Lower-case letters, digits and hyphens; the public page is {{address}}.',
    email: 'E-mail (organisers only)',
    owner: 'Owned by',
    ownerHint: 'The conference whose organisers may change the profile and read the e-mail.',
    ownerKept: 'As it is now',
    otherNames: 'Other spellings of the name, one a line',
    otherSlugs: 'Other address names that lead here, one a line',
    bio: 'Bio (Markdown)',
    bioIn: 'Bio in {{language}}',
    photo: 'Photo',
    photoUrl: 'Photo address (http or https)',
    photoWidth: 'Width in pixels',
    photoHeight: 'Height in pixels',
    photoAlt: 'What the photo shows',
    photoAltIn: 'What the photo shows, in {{language}}',
    missing: 'Missing translation',
    fallsBack: 'No text in {{language}}: the public sees the {{other}} one.',
    noText: 'No text in {{language}}.',
    links: 'Links',
    linkLabel: 'Link {{number}}: what it is',
    linkUrl: 'Link {{number}}: address',
    addLink: 'Add a link',
    removeLink: 'Remove link {{number}}',
    save: 'Save the profile',
    saved: 'Saved.',
    appearances: 'Appearances',
    appearancesHint: 'The title and organisation the speaker had at each session.',
    session: 'Session',
    conference: 'Conference',
    role: 'Part',
    jobTitle: 'Title',
    organisation: 'Organisation',
    actions: 'Actions',
    titleAt: 'Title at {{session}}',
    organisationAt: 'Organisation at {{session}}',
    saveAppearance: 'Save {{session}}',
    appearanceSaved: 'Saved the appearance at {{session}}.',
    noAppearances: 'Not in any programme yet.',
    interviews: 'Interviews',
    invitation: 'Invitation to speak',
    notInvited: 'Not invited to this conference yet.',
    invitationState: '{{state}} — sent to {{email}} in {{language}}.',
    invite: 'Invite to speak',
    inviteAgain: 'Invite again',
    invited: 'Invitation sent to {{email}}.',
    untitled: '(untitled)',
    notFound: 'There is no speaker at this address.',
    loading: 'Loading…',
  },
  sv: {
    backToList: 'Alla talare',
    profile: 'Profil',
    name: 'Namn',
    slug: 'Adressnamn',
    slugHint: 'Små bokstäver, siffror och bindestreck; den publika sidan är {{address}}.',
    email: 'E-post (bara för arrangörer)',
    owner: 'Ägs av',
    ownerHint: 'Konferensen vars arrangörer får ändra profilen och läsa e-postadressen.',
    ownerKept: 'Som nu',
    otherNames: 'Andra stavningar av namnet, en per rad',
    otherSlugs: 'Andra adressnamn som leder hit, ett per rad',
    bio: 'Presentation (Markdown)',
    bioIn: 'Presentation på {{language}}',
    photo: 'Foto',
    photoUrl: 'Fotots adress (http eller https)',
    photoWidth: 'Bredd i pixlar',
    photoHeight: 'Höjd i pixlar',
    photoAlt: 'Vad fotot visar',
    photoAltIn: 'Vad fotot visar, på {{language}}',
    missing: 'Översättning saknas',
    fallsBack: 'Ingen text på {{language}}: besökarna ser den på {{other}}.',
    noText: 'Ingen text på {{language}}.',
    links: 'Länkar',
    linkLabel: 'Länk {{number}}: vad den är',
    linkUrl: 'Länk {{number}}: adress',
    addLink: 'Lägg till en länk',
    removeLink: 'Ta bort länk {{number}}',
    save: 'Spara profilen',
    saved: 'Sparat.',
    appearances: 'Medverkanden',
    appearancesHint: 'Titeln och organisationen talaren hade vid varje pass.',
    session: 'Pass',
    conference: 'Konferens',
    role: 'Roll',
    jobTitle: 'Titel',
    organisation: 'Organisation',
    actions: 'Åtgärder',
    titleAt: 'Titel vid {{session}}',
    organisationAt: 'Organisation vid {{session}}',
    saveAppearance: 'Spara {{session}}',
    appearanceSaved: 'Medverkan i {{session}} sparad.',
    noAppearances: 'Finns inte i något program än.',
    interviews: 'Intervjuer',
    invitation: 'Inbjudan att tala',
    notInvited: 'Inte inbjuden till den här konferensen än.',
    invitationState: '{{state}} – skickad till {{email}} på {{language}}.',
    invite: 'Bjud in att tala',
    inviteAgain: 'Bjud in igen',
    invited: 'Inbjudan skickad till {{email}}.',
    untitled: '(utan titel)',
    notFound: 'Det finns ingen talare på den här adressen.',
    loading: 'Laddar …',
  },
  nb: {
    backToList: 'Alle foredragsholdere',
    profile: 'Profil',
    name: 'Navn',
    slug: 'Adressenavn',
    slugHint: 'Små bokstaver, sifre og bindestreker; den offentlige siden er {{address}}.',
    email: 'E-post (bare for arrangører)',
    owner: 'Eies av',
    ownerHint: 'Konferansen der arrangørene kan endre profilen og lese e-postadressen.',
    ownerKept: 'Som nå',
    otherNames: 'Andre stavemåter av navnet, én per linje',
    otherSlugs: 'Andre adressenavn som leder hit, ett per linje',
    bio: 'Presentasjon (Markdown)',
    bioIn: 'Presentasjon på {{language}}',
    photo: 'Bilde',
    photoUrl: 'Bildets adresse (http eller https)',
    photoWidth: 'Bredde i piksler',
    photoHeight: 'Høyde i piksler',
    photoAlt: 'Hva bildet viser',
    photoAltIn: 'Hva bildet viser, på {{language}}',
    missing: 'Oversettelse mangler',
    fallsBack: 'Ingen tekst på {{language}}: publikum ser den på {{other}}.',
    noText: 'Ingen tekst på {{language}}.',
    links: 'Lenker',
    linkLabel: 'Lenke {{number}}: hva den er',
    linkUrl: 'Lenke {{number}}: adresse',
    addLink: 'Legg til en lenke',
    removeLink: 'Fjern lenke {{number}}',
    save: 'Lagre profilen',
    saved: 'Lagret.',
    appearances: 'Opptredener',
    appearancesHint: 'Tittelen og organisasjonen foredragsholderen hadde ved hver økt.',
    session: 'Økt',
    conference: 'Konferanse',
    role: 'Rolle',
    jobTitle: 'Tittel',
    organisation: 'Organisasjon',
    actions: 'Handlinger',
    titleAt: 'Tittel ved {{session}}',
    organisationAt: 'Organisasjon ved {{session}}',
    saveAppearance: 'Lagre {{session}}',
    appearanceSaved: 'Opptredenen i {{session}} er lagret.',
    noAppearances: 'Er ikke i noe program ennå.',
    interviews: 'Intervjuer',
    invitation: 'Invitasjon til å holde foredrag',
    notInvited: 'Ikke invitert til denne konferansen ennå.',
    invitationState: '{{state}} – sendt til {{email}} på {{language}}.',
    invite: 'Inviter til å holde foredrag',
    inviteAgain: 'Inviter på nytt',
    invited: 'Invitasjonen er sendt til {{email}}.',
    untitled: '(uten tittel)',
    notFound: 'Det finnes ingen foredragsholder på denne adressen.',
    loading: 'Laster …',
  },
});

type Localised = Record<TextLocale, string>;

interface Draft {
  name: string;
  slug: string;
  email: string;
  otherNames: string;
  otherSlugs: string;
  bio: Localised;
  photoUrl: string;
  photoWidth: string;
  photoHeight: string;
  photoAlt: Localised;
  links: { label: string; url: string }[];
  /** The owner conference to move the profile to; empty: as it is. */
  owner: string;
}

const aliased = (speaker: SpeakerProfileFragment, field: string, locale: TextLocale) =>
  (speaker as unknown as Record<string, string | null>)[`${field}_${locale}`];

/** Whether the bio asked in `locale` is one written in it, not the server's fallback to another: `bioLocale` says. */
export function bioHeld(speaker: SpeakerProfileFragment, locale: TextLocale): boolean {
  return languageOf(aliased(speaker, 'bioLocale', locale)) === locale && aliased(speaker, 'bio', locale) !== null;
}

/**
 * Whether the photo's description asked in `locale` is one written in it. The API says which
 * locale a bio came in but not a description's, so a text the same as another language's is taken
 * as the server's fallback to the language it would fall back to first: the browser's languages,
 * then the conference's default.
 */
function altHeld(speaker: SpeakerProfileFragment, locale: TextLocale, defaultLocale: string): boolean {
  const text = aliased(speaker, 'photoAlt', locale);
  if (!text) return false;
  const same = TEXT_LOCALES.filter((other) => aliased(speaker, 'photoAlt', other) === text);
  if (same.length === 1) return true;
  const order = [...(navigator.languages ?? []).map(languageOf), languageOf(defaultLocale), ...TEXT_LOCALES];
  return order.find((each) => (same as string[]).includes(each)) === locale;
}

function draftOf(speaker: SpeakerProfileFragment, defaultLocale: string): Draft {
  const per = (read: (locale: TextLocale) => string): Localised => ({ en: read('en'), sv: read('sv'), nb: read('nb') });
  return {
    name: speaker.name,
    slug: speaker.slug,
    email: speaker.email ?? '',
    otherNames: speaker.otherNames.join('\n'),
    otherSlugs: speaker.otherSlugs.join('\n'),
    bio: per((locale) => (bioHeld(speaker, locale) ? (aliased(speaker, 'bio', locale) ?? '') : '')),
    photoUrl: speaker.photoUrl ?? '',
    photoWidth: speaker.photoWidth == null ? '' : String(speaker.photoWidth),
    photoHeight: speaker.photoHeight == null ? '' : String(speaker.photoHeight),
    photoAlt: per((locale) => (altHeld(speaker, locale, defaultLocale) ? (aliased(speaker, 'photoAlt', locale) ?? '') : '')),
    links: speaker.links.map(({ label, url }) => ({ label, url })),
    owner: '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const optional = (value: string) => (value.trim() === '' ? null : value.trim());
const count = (value: string) => (value.trim() === '' ? null : Number(value));

/** Only what changed; of the localised texts only the languages changed (the server keeps the others; an emptied one goes as null). */
function inputOf(draft: Draft, base: Draft) {
  const input: Record<string, unknown> = {};
  if (draft.owner) input.conferenceId = draft.owner;
  if (draft.name !== base.name) input.name = draft.name.trim();
  if (draft.slug !== base.slug) input.slug = draft.slug.trim();
  if (draft.email !== base.email) input.email = optional(draft.email);
  if (draft.otherNames !== base.otherNames) input.otherNames = lines(draft.otherNames);
  if (draft.otherSlugs !== base.otherSlugs) input.otherSlugs = lines(draft.otherSlugs);
  for (const field of ['bio', 'photoAlt'] as const) {
    const changed = TEXT_LOCALES.filter((locale) => draft[field][locale] !== base[field][locale]);
    if (changed.length) input[field] = changed.map((locale) => ({ locale, text: optional(draft[field][locale]) }));
  }
  if (draft.photoUrl !== base.photoUrl) input.photoUrl = optional(draft.photoUrl);
  if (draft.photoWidth !== base.photoWidth) input.photoWidth = count(draft.photoWidth);
  if (draft.photoHeight !== base.photoHeight) input.photoHeight = count(draft.photoHeight);
  if (JSON.stringify(draft.links) !== JSON.stringify(base.links))
    input.links = draft.links
      .filter((link) => link.label.trim() || link.url.trim())
      .map((link) => ({ label: link.label.trim(), url: link.url.trim() }));
  return input;
}

export default function SpeakerEditor() {
  const t = useTexts(texts);
  const { params } = useRoute();
  const slug = params.slug as string;
  const speakerSlug = params.speakerSlug as string;
  const [{ data, fetching }, refetch] = useQuery({ query: SpeakerToEditDocument, variables: { slug, speakerSlug } });
  const [status, setStatus] = useState<string | null>(null);
  if (fetching && !data) return <p>{t('loading')}</p>;
  const conference = data?.conference;
  const speaker = data?.speaker;
  if (!conference || !speaker) return <p role="alert">{t('notFound')}</p>;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page title={speaker.name}>
      <p>
        <a href={`/console/conferences/${slug}/speakers`}>{t('backToList')}</a>
      </p>
      <Status>{status}</Status>
      <ProfileForm
        key={`${speaker.id} ${speaker.updatedAt}`}
        conferenceSlug={slug}
        defaultLocale={conference.defaultLocale}
        speaker={speaker}
        onStatus={setStatus}
      />
      <Appearances speaker={speaker} onStatus={setStatus} />
      <ChangesToReview
        conferenceId={conference.id}
        speaker={speaker}
        onReviewed={(message) => {
          setStatus(message);
          reload();
        }}
      />
      <Invitation conferenceId={conference.id} defaultLocale={conference.defaultLocale} speaker={speaker} onStatus={setStatus} />
      <MergeDuplicate
        speaker={speaker}
        onMerged={(message) => {
          setStatus(message);
          reload();
        }}
      />
    </Page>
  );
}

function ProfileForm({
  conferenceSlug,
  defaultLocale,
  speaker,
  onStatus,
}: {
  conferenceSlug: string;
  defaultLocale: string;
  speaker: SpeakerProfileFragment;
  onStatus: (message: string | null) => void;
}) {
  const t = useTexts(texts);
  const { route } = useLocation();
  const [base, setBase] = useState(() => draftOf(speaker, defaultLocale));
  const [draft, setDraft] = useState(base);
  const [held, setHeld] = useState(speaker);
  const [updated, update] = useMutation(UpdateSpeakerProfileDocument);
  const problems = inputProblems(updated.error);
  const locales = textLocales(defaultLocale);
  const [{ data: choices }] = useQuery({ query: SpeakerOwnerChoicesDocument });
  const owners = (
    choices?.me?.role === 'ADMIN' ? choices.conferences.edges.map((edge) => edge.node) : (choices?.me?.conferences ?? [])
  ).map((conference) => ({ value: conference.id, label: conference.name }));
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }));
  const setText = (field: 'bio' | 'photoAlt', locale: TextLocale) => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: { ...previous[field], [locale]: value } }));
  const setLink = (index: number, key: 'label' | 'url') => (value: string) =>
    setDraft((previous) => ({ ...previous, links: previous.links.map((link, at) => (at === index ? { ...link, [key]: value } : link)) }));

  const submit = async (event: Event) => {
    event.preventDefault();
    onStatus(null);
    const answer = await update({ input: { id: speaker.id, ...inputOf(draft, base) } });
    const saved = answer.data?.updateSpeaker;
    if (!saved) return;
    const next = draftOf(saved, defaultLocale);
    setBase(next);
    setDraft(next);
    setHeld(saved);
    onStatus(t('saved'));
    if (saved.slug !== speaker.slug) route(`/console/conferences/${conferenceSlug}/speakers/${saved.slug}`, true);
  };

  /** A column's mark when the language has no text of its own, saying what the public sees instead. */
  const missing = (field: 'bio' | 'photoAlt', locale: TextLocale) => {
    if (draft[field][locale].trim() !== '') return null;
    const language = LANGUAGE_NAMES[locale];
    const shown = field === 'bio' ? languageOf(aliased(held, 'bioLocale', locale)) : '';
    const other = field === 'bio' && aliased(held, 'bio', locale) && shown !== locale ? LANGUAGE_NAMES[shown as TextLocale] : undefined;
    return (
      <p class="speakers-missing">
        <span class="speakers-missing-mark">{t('missing')}</span> {other ? t('fallsBack', { language, other }) : t('noText', { language })}
      </p>
    );
  };

  return (
    <form class="speakers-form" onSubmit={submit} noValidate aria-labelledby="speaker-profile">
      <h2 id="speaker-profile">{t('profile')}</h2>
      <div class="form-grid">
        <TextField label={t('name')} value={draft.name} onValue={set('name')} problem={problemFor(problems, 'name')} required />
        <TextField
          label={t('slug')}
          hint={t('slugHint', { address: `/speakers/${draft.slug}` })}
          value={draft.slug}
          onValue={set('slug')}
          problem={problemFor(problems, 'slug')}
          required
        />
        <TextField label={t('email')} type="email" value={draft.email} onValue={set('email')} problem={problemFor(problems, 'email')} />
        <SelectField
          label={t('owner')}
          hint={t('ownerHint')}
          value={draft.owner}
          onValue={set('owner')}
          problem={problemFor(problems, 'conferenceId')}
          options={[{ value: '', label: t('ownerKept') }, ...owners]}
        />
        <TextAreaField
          label={t('otherNames')}
          rows={2}
          value={draft.otherNames}
          onValue={set('otherNames')}
          problem={problemFor(problems, 'otherNames')}
        />
        <TextAreaField
          label={t('otherSlugs')}
          rows={2}
          value={draft.otherSlugs}
          onValue={set('otherSlugs')}
          problem={problemFor(problems, 'otherSlugs')}
        />
      </div>

      <fieldset class="speakers-texts">
        <legend>{t('bio')}</legend>
        <div class="speakers-columns">
          {locales.map((locale) => (
            <div
              class={draft.bio[locale].trim() === '' ? 'speakers-column speakers-column-missing' : 'speakers-column'}
              key={locale}
              lang={locale}
            >
              <TextAreaField
                label={t('bioIn', { language: LANGUAGE_NAMES[locale] })}
                rows={6}
                value={draft.bio[locale]}
                onValue={setText('bio', locale)}
                problem={problemFor(problems, 'bio')}
              />
              {missing('bio', locale)}
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset class="speakers-texts">
        <legend>{t('photo')}</legend>
        <div class="speakers-photo-row">
          {held.photoUrl && (
            <img class="speakers-photo" src={held.photoUrl} alt={aliased(held, 'photoAlt', locales[0]) ?? ''} width={96} height={96} />
          )}
          <TextField
            label={t('photoUrl')}
            type="url"
            value={draft.photoUrl}
            onValue={set('photoUrl')}
            problem={problemFor(problems, 'photoUrl')}
          />
          <TextField
            label={t('photoWidth')}
            type="number"
            min={1}
            value={draft.photoWidth}
            onValue={set('photoWidth')}
            problem={problemFor(problems, 'photoWidth')}
          />
          <TextField
            label={t('photoHeight')}
            type="number"
            min={1}
            value={draft.photoHeight}
            onValue={set('photoHeight')}
            problem={problemFor(problems, 'photoHeight')}
          />
        </div>
        <div class="speakers-columns">
          {locales.map((locale) => (
            <div class="speakers-column" key={locale} lang={locale}>
              <TextField
                label={t('photoAltIn', { language: LANGUAGE_NAMES[locale] })}
                value={draft.photoAlt[locale]}
                onValue={setText('photoAlt', locale)}
                problem={problemFor(problems, 'photoAlt')}
              />
              {(draft.photoUrl || held.photoUrl) && missing('photoAlt', locale)}
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset class="speakers-texts">
        <legend>{t('links')}</legend>
        {draft.links.map((link, index) => (
          <div class="speakers-link-row" key={index}>
            <TextField label={t('linkLabel', { number: index + 1 })} value={link.label} onValue={setLink(index, 'label')} />
            <TextField label={t('linkUrl', { number: index + 1 })} type="url" value={link.url} onValue={setLink(index, 'url')} />
            <button type="button" class="secondary" onClick={() => set('links')(draft.links.filter((_, at) => at !== index))}>
              {t('removeLink', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => set('links')([...draft.links, { label: '', url: '' }])}>
          {t('addLink')}
        </button>
        {problemFor(problems, 'links') && <p class="problem">{problemFor(problems, 'links')?.message}</p>}
      </fieldset>

      <ProblemList
        problems={problems}
        shownFields={[
          'conferenceId',
          'name',
          'slug',
          'email',
          'otherNames',
          'otherSlugs',
          'bio',
          'photoUrl',
          'photoWidth',
          'photoHeight',
          'photoAlt',
          'links',
        ]}
      />
      <p>
        <button type="submit" disabled={updated.fetching}>
          {t('save')}
        </button>
      </p>
    </form>
  );
}

function Appearances({ speaker, onStatus }: { speaker: SpeakerProfileFragment; onStatus: (message: string | null) => void }) {
  const t = useTexts(texts);
  const locale = useLocale();
  return (
    <section aria-labelledby="speaker-appearances">
      <h2 id="speaker-appearances">{t('appearances')}</h2>
      <p class="hint">{t('appearancesHint')}</p>
      {speaker.appearances.length === 0 ? (
        <p>{t('noAppearances')}</p>
      ) : (
        <table class="list speakers-appearances">
          <thead>
            <tr>
              <th scope="col">{t('session')}</th>
              <th scope="col">{t('conference')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('jobTitle')}</th>
              <th scope="col">{t('organisation')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {speaker.appearances.map((appearance) => (
              <AppearanceRow
                key={appearance.id}
                appearance={appearance}
                role={ROLE_NAMES[locale][appearance.role as keyof (typeof ROLE_NAMES)['en']] ?? appearance.role}
                onStatus={onStatus}
              />
            ))}
          </tbody>
        </table>
      )}
      {speaker.interviews.length > 0 && (
        <>
          <h3>{t('interviews')}</h3>
          <ul>
            {speaker.interviews.map((interview) => (
              <li key={interview.id}>{interview.title}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AppearanceRow({
  appearance,
  role,
  onStatus,
}: {
  appearance: SpeakerProfileFragment['appearances'][number];
  role: string;
  onStatus: (message: string | null) => void;
}) {
  const t = useTexts(texts);
  const [title, setTitle] = useState(appearance.title ?? '');
  const [organisation, setOrganisation] = useState(appearance.organisation ?? '');
  const [updated, update] = useMutation(UpdateSpeakerAppearanceDocument);
  const problems = inputProblems(updated.error);
  const session = appearance.session.title ?? t('untitled');
  const save = async () => {
    onStatus(null);
    const answer = await update({ input: { id: appearance.id, title: title.trim(), organisation: organisation.trim() } });
    if (!answer.error) onStatus(t('appearanceSaved', { session }));
  };
  return (
    <tr>
      <td>
        <a href={`/console/conferences/${appearance.session.conference.slug}/sessions/${encodeURIComponent(appearance.session.id)}`}>
          {session}
        </a>
      </td>
      <td>{appearance.session.conference.name}</td>
      <td>{role}</td>
      <td>
        <input aria-label={t('titleAt', { session })} value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
      </td>
      <td>
        <input
          aria-label={t('organisationAt', { session })}
          value={organisation}
          onInput={(event) => setOrganisation(event.currentTarget.value)}
        />
        <ProblemList problems={problems} />
      </td>
      <td>
        <button type="button" class="secondary" onClick={save} disabled={updated.fetching}>
          {t('saveAppearance', { session })}
        </button>
      </td>
    </tr>
  );
}

function Invitation({
  conferenceId,
  defaultLocale,
  speaker,
  onStatus,
}: {
  conferenceId: string;
  defaultLocale: string;
  speaker: SpeakerProfileFragment;
  onStatus: (message: string | null) => void;
}) {
  const t = useTexts(texts);
  const locale = useLocale();
  const [inviting, setInviting] = useState(false);
  const [{ data }, refetch] = useQuery({ query: SpeakerInvitationsOfConferenceDocument, variables: { conferenceId } });
  const invitation = data?.speakerInvitations.edges.map((edge) => edge.node).find((each) => each.speaker?.id === speaker.id);
  return (
    <section aria-labelledby="speaker-invitation">
      <h2 id="speaker-invitation">{t('invitation')}</h2>
      {data && (
        <p>
          {invitation
            ? t('invitationState', {
                state: INVITATION_NAMES[locale][invitation.status],
                email: invitation.email,
                language: LANGUAGE_NAMES[languageOf(invitation.locale) as TextLocale] ?? invitation.locale,
              })
            : t('notInvited')}
        </p>
      )}
      <button type="button" onClick={() => setInviting(true)}>
        {invitation ? t('inviteAgain') : t('invite')}
      </button>
      <Dialog title={t('invite')} open={inviting} onClose={() => setInviting(false)}>
        <InviteForm
          conferenceId={conferenceId}
          defaultLocale={defaultLocale}
          speaker={speaker}
          onCancel={() => setInviting(false)}
          onDone={(email) => {
            setInviting(false);
            onStatus(t('invited', { email }));
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      </Dialog>
    </section>
  );
}
