import { useMutation, useQuery } from '@urql/preact';
import { DateTime } from 'luxon';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { catalogue, useLocale, useTexts } from '../i18n';
import { ProblemList, Status, TextAreaField, TextField, problemFor } from '../ui/controls';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import {
  ChangelogFieldsFragment,
  PendingChangesDocument,
  ReleaseDetailsDocument,
  ReleaseFieldsFragment,
  ReleaseScheduleDocument,
  ReleasedSessionFieldsFragment,
  ReleasesDocument,
} from './operations.generated';

const texts = catalogue({
  en: {
    title: 'Releases',
    intro:
      'A release freezes the published programme as a numbered version. Calendars and apps that follow releases get it; drafts are never part of one.',
    followsLatest: 'Readers of this conference follow its latest release.',
    followsLive: 'Readers of this conference follow the live programme; a release is a version they can ask for by its number.',
    draft: 'The conference is not published yet: publish it (under Details) before releasing its schedule.',
    blocking: 'These conflicts stop the next release; solve them first (on the schedule, or in the sessions):',
    toSchedule: 'Open the schedule',
    refresh: 'Look again',
    pendingFirst: 'What the first release will hold',
    pendingSince: 'Changes since release {{version}}, “{{name}}”',
    pendingHint: 'What calendars and apps will get with the next release.',
    nothing: 'Nothing has changed since the last release.',
    nothingYet: 'No session is published yet.',
    added: 'Added ({{count}})',
    moved: 'New time or room ({{count}})',
    retitled: 'New title ({{count}})',
    cancelled: 'Cancelled ({{count}})',
    speakersAdded: 'Speakers added ({{count}})',
    speakersRemoved: 'Speakers taken out ({{count}})',
    removed: 'Removed from the programme ({{count}})',
    changedOne: '{{count}} session differs in all.',
    changedMany: '{{count}} sessions differ in all.',
    fromTo: '{{from}} → {{to}}',
    unscheduled: 'not scheduled',
    noRoom: 'no room',
    speakerIn: '{{speaker}} in “{{title}}”',
    release: 'Release the schedule',
    name: 'Name',
    nameHint: 'E.g. “v3 — keynote moved”.',
    note: 'Note',
    noteHint: 'A longer word on what changed, for readers.',
    releaseButton: 'Release',
    released: 'Released as version {{version}}, “{{name}}”.',
    refused: 'The release was refused. Solve these conflicts first:',
    history: 'Earlier releases',
    none: 'There is no release yet.',
    version: 'Release {{version}}: {{name}}',
    releasedAt: 'Released',
    releasedBy: 'By',
    noteLabel: 'Note',
    heldOne: 'What it held: {{count}} session',
    heldMany: 'What it held: {{count}} sessions',
    changesFirst: 'Changes: the first release',
    changesAgainst: 'Changes against release {{version}}',
    notFound: 'No conference of yours has this address.',
    loading: 'Loading…',
  },
  sv: {
    title: 'Versioner',
    intro:
      'En version fryser det publicerade programmet med ett nummer. Kalendrar och appar som följer versionerna får det; utkast ingår aldrig.',
    followsLatest: 'Konferensens läsare följer dess senaste version.',
    followsLive: 'Konferensens läsare följer det levande programmet; en version kan de be om med dess nummer.',
    draft: 'Konferensen är inte publicerad än: publicera den (under Uppgifter) innan du ger ut schemat som version.',
    blocking: 'De här konflikterna stoppar nästa version; lös dem först (i schemat eller i passen):',
    toSchedule: 'Öppna schemat',
    refresh: 'Titta igen',
    pendingFirst: 'Det här kommer den första versionen att innehålla',
    pendingSince: 'Ändringar sedan version {{version}}, ”{{name}}”',
    pendingHint: 'Det här får kalendrar och appar med nästa version.',
    nothing: 'Inget har ändrats sedan den senaste versionen.',
    nothingYet: 'Inget pass är publicerat än.',
    added: 'Tillagda ({{count}})',
    moved: 'Ny tid eller sal ({{count}})',
    retitled: 'Ny titel ({{count}})',
    cancelled: 'Inställda ({{count}})',
    speakersAdded: 'Talare tillagda ({{count}})',
    speakersRemoved: 'Talare borttagna ({{count}})',
    removed: 'Borttagna ur programmet ({{count}})',
    changedOne: '{{count}} pass skiljer sig totalt.',
    changedMany: '{{count}} pass skiljer sig totalt.',
    fromTo: '{{from}} → {{to}}',
    unscheduled: 'inte schemalagt',
    noRoom: 'ingen sal',
    speakerIn: '{{speaker}} i ”{{title}}”',
    release: 'Ge ut schemat',
    name: 'Namn',
    nameHint: 'T.ex. ”v3 — keynoten flyttad”.',
    note: 'Anteckning',
    noteHint: 'Några ord till läsarna om vad som ändrats.',
    releaseButton: 'Ge ut',
    released: 'Utgiven som version {{version}}, ”{{name}}”.',
    refused: 'Versionen nekades. Lös först de här konflikterna:',
    history: 'Tidigare versioner',
    none: 'Det finns ingen version än.',
    version: 'Version {{version}}: {{name}}',
    releasedAt: 'Utgiven',
    releasedBy: 'Av',
    noteLabel: 'Anteckning',
    heldOne: 'Innehöll: {{count}} pass',
    heldMany: 'Innehöll: {{count}} pass',
    changesFirst: 'Ändringar: den första versionen',
    changesAgainst: 'Ändringar jämfört med version {{version}}',
    notFound: 'Ingen av dina konferenser har den här adressen.',
    loading: 'Laddar …',
  },
  nb: {
    title: 'Versjoner',
    intro:
      'En versjon fryser det publiserte programmet med et nummer. Kalendere og apper som følger versjonene, får den; utkast er aldri med.',
    followsLatest: 'Konferansens lesere følger den siste versjonen.',
    followsLive: 'Konferansens lesere følger det levende programmet; en versjon kan de be om med nummeret.',
    draft: 'Konferansen er ikke publisert ennå: publiser den (under Detaljer) før du gir ut programmet som versjon.',
    blocking: 'Disse konfliktene stopper neste versjon; løs dem først (i timeplanen eller i øktene):',
    toSchedule: 'Åpne timeplanen',
    refresh: 'Se igjen',
    pendingFirst: 'Dette vil den første versjonen inneholde',
    pendingSince: 'Endringer siden versjon {{version}}, «{{name}}»',
    pendingHint: 'Dette får kalendere og apper med neste versjon.',
    nothing: 'Ingenting er endret siden siste versjon.',
    nothingYet: 'Ingen økt er publisert ennå.',
    added: 'Lagt til ({{count}})',
    moved: 'Ny tid eller nytt rom ({{count}})',
    retitled: 'Ny tittel ({{count}})',
    cancelled: 'Avlyst ({{count}})',
    speakersAdded: 'Foredragsholdere lagt til ({{count}})',
    speakersRemoved: 'Foredragsholdere tatt ut ({{count}})',
    removed: 'Fjernet fra programmet ({{count}})',
    changedOne: '{{count}} økt er forskjellig i alt.',
    changedMany: '{{count}} økter er forskjellige i alt.',
    fromTo: '{{from}} → {{to}}',
    unscheduled: 'ikke satt opp',
    noRoom: 'uten rom',
    speakerIn: '{{speaker}} i «{{title}}»',
    release: 'Gi ut programmet',
    name: 'Navn',
    nameHint: 'F.eks. «v3 — hovedinnlegget flyttet».',
    note: 'Merknad',
    noteHint: 'Noen ord til leserne om hva som er endret.',
    releaseButton: 'Gi ut',
    released: 'Gitt ut som versjon {{version}}, «{{name}}».',
    refused: 'Versjonen ble avvist. Løs disse konfliktene først:',
    history: 'Tidligere versjoner',
    none: 'Det finnes ingen versjon ennå.',
    version: 'Versjon {{version}}: {{name}}',
    releasedAt: 'Gitt ut',
    releasedBy: 'Av',
    noteLabel: 'Merknad',
    heldOne: 'Inneholdt: {{count}} økt',
    heldMany: 'Inneholdt: {{count}} økter',
    changesFirst: 'Endringer: den første versjonen',
    changesAgainst: 'Endringer mot versjon {{version}}',
    notFound: 'Ingen av konferansene dine har denne adressen.',
    loading: 'Laster …',
  },
});

/** Before the first release the changes are those since nothing: every published session. */
const BEFORE_EVERYTHING = '1970-01-01T00:00:00Z';

type Texts = (key: Parameters<typeof texts>[1], values?: Record<string, unknown>) => string;

export default function Releases() {
  const t = useTexts(texts);
  const slug = useRoute().params.slug as string;
  const [{ data, fetching }, refetch] = useQuery({ query: ReleasesDocument, variables: { slug } });
  const latest = data?.scheduleReleases[0];
  const [pending, refetchPending] = useQuery({
    query: PendingChangesDocument,
    variables: latest ? { slug, version: latest.version } : { slug, since: BEFORE_EVERYTHING },
    pause: !data?.conference,
  });
  if (fetching && !data) return <p>{t('loading')}</p>;
  const conference = data?.conference;
  if (!conference) return <p role="alert">{t('notFound')}</p>;
  const zone = conference.timeZone;
  const again = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchPending({ requestPolicy: 'network-only' });
  };
  const changes = pending.data?.changesSince;

  return (
    <Page
      title={t('title')}
      actions={
        <button type="button" class="secondary" onClick={again}>
          {t('refresh')}
        </button>
      }
    >
      <p>{t('intro')}</p>
      <p>{conference.programmeFollows === 'LATEST_RELEASE' ? t('followsLatest') : t('followsLive')}</p>

      <section class="releases-pending" aria-labelledby="releases-pending">
        <h2 id="releases-pending">{latest ? t('pendingSince', { version: latest.version, name: latest.name }) : t('pendingFirst')}</h2>
        <p class="hint">{t('pendingHint')}</p>
        <ProblemList problems={problemsOf(pending.error)} />
        {changes ? (
          <ChangeList changes={changes} zone={zone} headingLevel={3} empty={latest ? t('nothing') : t('nothingYet')} />
        ) : (
          !pending.error && <p>{t('loading')}</p>
        )}
      </section>

      <ReleaseForm
        slug={slug}
        draft={conference.status === 'DRAFT'}
        blocking={data.conflicts.filter((conflict) => conflict.blocksRelease)}
        onReleased={again}
      />

      <section aria-labelledby="releases-history">
        <h2 id="releases-history">{t('history')}</h2>
        {data.scheduleReleases.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ol class="release-list">
            {data.scheduleReleases.map((release) => (
              <ReleaseEntry key={release.id} release={release} slug={slug} zone={zone} />
            ))}
          </ol>
        )}
      </section>
    </Page>
  );
}

function ReleaseForm({
  slug,
  draft,
  blocking,
  onReleased,
}: {
  slug: string;
  draft: boolean;
  blocking: { key: string; message: string }[];
  onReleased: () => void;
}) {
  const t = useTexts(texts);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [released, release] = useMutation(ReleaseScheduleDocument);
  const problems = problemsOf(released.error);
  const conflicts = problems.filter((problem) => problem.field?.startsWith('conflicts.'));
  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const answer = await release({ input: { conferenceSlug: slug, name: name.trim(), note: note.trim() === '' ? null : note.trim() } });
    if (answer.data) {
      setDone(t('released', { version: answer.data.releaseSchedule.version, name: answer.data.releaseSchedule.name }));
      setName('');
      setNote('');
      onReleased();
    }
  };
  return (
    <section aria-labelledby="releases-release">
      <h2 id="releases-release">{t('release')}</h2>
      {draft && <p class="hint">{t('draft')}</p>}
      {blocking.length > 0 && conflicts.length === 0 && (
        <div class="release-blocking">
          <p>{t('blocking')}</p>
          <ul>
            {blocking.map((conflict) => (
              <li key={conflict.key}>{conflict.message}</li>
            ))}
          </ul>
          <p>
            <a href={`/console/conferences/${slug}/schedule`}>{t('toSchedule')}</a>
          </p>
        </div>
      )}
      <form class="form-grid" onSubmit={submit} noValidate>
        <TextField label={t('name')} hint={t('nameHint')} value={name} onValue={setName} problem={problemFor(problems, 'name')} required />
        <TextAreaField
          label={t('note')}
          hint={t('noteHint')}
          value={note}
          onValue={setNote}
          problem={problemFor(problems, 'note')}
          rows={2}
        />
        <div class="wide">
          {conflicts.length > 0 ? (
            <div class="problems" role="alert">
              <p>{t('refused')}</p>
              <ul>
                {conflicts.map((problem, index) => (
                  <li key={index}>{problem.message}</li>
                ))}
              </ul>
            </div>
          ) : (
            <ProblemList problems={problems} shownFields={['name', 'note']} />
          )}
          <button type="submit" disabled={released.fetching}>
            {t('releaseButton')}
          </button>
          <Status>{done}</Status>
        </div>
      </form>
    </section>
  );
}

function ReleaseEntry({ release, slug, zone }: { release: ReleaseFieldsFragment; slug: string; zone: string }) {
  const t = useTexts(texts);
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  // What it held and its changes are read when the organiser first opens them.
  const [details] = useQuery({ query: ReleaseDetailsDocument, variables: { slug, version: release.version }, pause: !open });
  const headingId = `release-${release.version}`;
  const when = DateTime.fromISO(release.releasedAt, { zone: 'utc' }).setZone(zone).setLocale(locale);
  const count = release.sessions.length;
  const held = details.data?.scheduleRelease;
  return (
    <li class="release-entry" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('version', { version: release.version, name: release.name })}</h3>
      <dl class="release-facts">
        <dt>{t('releasedAt')}</dt>
        <dd>
          <time dateTime={release.releasedAt}>{when.toFormat('ccc d LLL yyyy HH:mm')}</time> ({zone})
        </dd>
        {release.releasedBy && (
          <>
            <dt>{t('releasedBy')}</dt>
            <dd>{release.releasedBy}</dd>
          </>
        )}
        {release.note && (
          <>
            <dt>{t('noteLabel')}</dt>
            <dd class="release-note">{release.note}</dd>
          </>
        )}
      </dl>
      <details onToggle={(event) => setOpen(open || (event.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          {t(count === 1 ? 'heldOne' : 'heldMany', { count })}
          {' · '}
          {release.version === 1 ? t('changesFirst') : t('changesAgainst', { version: release.version - 1 })}
        </summary>
        <ProblemList problems={problemsOf(details.error)} />
        {!held ? (
          !details.error && <p>{t('loading')}</p>
        ) : (
          <div class="release-details">
            <section aria-labelledby={`${headingId}-held`}>
              <h4 id={`${headingId}-held`}>{t(count === 1 ? 'heldOne' : 'heldMany', { count })}</h4>
              <ul class="session-lines">
                {held.sessions.map((session) => (
                  <li key={session.uid}>
                    <SessionLine session={session} zone={zone} />
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby={`${headingId}-changes`}>
              <h4 id={`${headingId}-changes`}>
                {held.changelog.fromVersion == null ? t('changesFirst') : t('changesAgainst', { version: held.changelog.fromVersion })}
              </h4>
              <ChangeList changes={held.changelog} zone={zone} headingLevel={5} empty={t('nothing')} />
            </section>
          </div>
        )}
      </details>
    </li>
  );
}

/** The changes of a changelog, one list per kind, as the organiser would tell them to a reader. */
function ChangeList({
  changes,
  zone,
  headingLevel,
  empty,
}: {
  changes: ChangelogFieldsFragment;
  zone: string;
  headingLevel: 3 | 5;
  empty: string;
}) {
  const t = useTexts(texts);
  const locale = useLocale();
  const Heading = headingLevel === 3 ? 'h3' : 'h5';
  const slot = (startsAt: string | null, endsAt: string | null, room: string | null) => slotText(t, locale, zone, startsAt, endsAt, room);
  const groups = [
    {
      key: 'added',
      heading: t('added', { count: changes.added.length }),
      items: changes.added.map((session) => ({ id: session.uid, line: <SessionLine session={session} zone={zone} /> })),
    },
    {
      key: 'moved',
      heading: t('moved', { count: changes.moved.length }),
      items: changes.moved.map((move) => ({
        id: move.session.uid,
        line: (
          <>
            <strong>{move.session.title}</strong>:{' '}
            {t('fromTo', {
              from: slot(move.from.startsAt, move.from.endsAt, move.from.room),
              to: slot(move.to.startsAt, move.to.endsAt, move.to.room),
            })}
          </>
        ),
      })),
    },
    {
      key: 'retitled',
      heading: t('retitled', { count: changes.retitled.length }),
      items: changes.retitled.map((change) => ({
        id: change.session.uid,
        line: t('fromTo', { from: `“${change.from}”`, to: `“${change.to}”` }),
      })),
    },
    {
      key: 'cancelled',
      heading: t('cancelled', { count: changes.cancelled.length }),
      items: changes.cancelled.map((session) => ({ id: session.uid, line: <SessionLine session={session} zone={zone} /> })),
    },
    {
      key: 'speakersAdded',
      heading: t('speakersAdded', { count: changes.speakersAdded.length }),
      items: changes.speakersAdded.map((change) => ({
        id: `${change.session.uid}-${change.speaker.speakerName}`,
        line: t('speakerIn', { speaker: change.speaker.speakerName, title: change.session.title }),
      })),
    },
    {
      key: 'speakersRemoved',
      heading: t('speakersRemoved', { count: changes.speakersRemoved.length }),
      items: changes.speakersRemoved.map((change) => ({
        id: `${change.session.uid}-${change.speaker.speakerName}`,
        line: t('speakerIn', { speaker: change.speaker.speakerName, title: change.session.title }),
      })),
    },
    {
      key: 'removed',
      heading: t('removed', { count: changes.removed.length }),
      items: changes.removed.map((session) => ({ id: session.uid, line: <SessionLine session={session} zone={zone} /> })),
    },
  ].filter((group) => group.items.length > 0);
  if (groups.length === 0) return <p>{empty}</p>;
  return (
    <div class="changelog">
      {groups.map((group) => (
        <section key={group.key} class={`changes changes-${group.key}`} aria-label={group.heading}>
          <Heading>{group.heading}</Heading>
          <ul class="session-lines">
            {group.items.map((item) => (
              <li key={item.id}>{item.line}</li>
            ))}
          </ul>
        </section>
      ))}
      <p class="hint">{t(changes.changed.length === 1 ? 'changedOne' : 'changedMany', { count: changes.changed.length })}</p>
    </div>
  );
}

function SessionLine({ session, zone }: { session: ReleasedSessionFieldsFragment; zone: string }) {
  const t = useTexts(texts);
  const locale = useLocale();
  const speakers = session.appearances.map((appearance) => appearance.speakerName).join(', ');
  return (
    <>
      <strong>{session.title}</strong>
      {' — '}
      {slotText(t, locale, zone, session.startsAt, session.endsAt, session.room?.name ?? null)}
      {speakers && ` — ${speakers}`}
    </>
  );
}

/** "Wed 10 Feb 09:00–09:45, Store sal", in the conference's time zone. */
function slotText(t: Texts, locale: string, zone: string, startsAt: string | null, endsAt: string | null, room: string | null): string {
  const place = room ?? t('noRoom');
  if (!startsAt) return `${t('unscheduled')}, ${place}`;
  const start = DateTime.fromISO(startsAt, { zone: 'utc' }).setZone(zone).setLocale(locale);
  const end = endsAt ? DateTime.fromISO(endsAt, { zone: 'utc' }).setZone(zone).setLocale(locale) : null;
  const until = end ? `–${end.hasSame(start, 'day') ? end.toFormat('HH:mm') : end.toFormat('ccc d LLL HH:mm')}` : '';
  return `${start.toFormat('ccc d LLL HH:mm')}${until}, ${place}`;
}
