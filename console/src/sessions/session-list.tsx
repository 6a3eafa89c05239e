import { useQuery } from '@urql/preact';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { catalogue, useLocale, useTexts } from '../i18n';
import { localOf } from '../schedule/zoned-time';
import { Status, TextField } from '../ui/controls';
import { Page } from '../ui/page';
import { ConferenceSessionsDocument } from './operations.generated';
import { STATUS_NAMES } from './session-texts';

const PAGE_SIZE = 20;

const texts = catalogue({
  en: {
    title: 'Sessions',
    newSession: 'New session',
    filter: 'Find sessions',
    filterHint: 'Words in the title, the abstract or a speaker’s name.',
    apply: 'Find',
    clear: 'Show all',
    sessionTitle: 'Title',
    time: 'Time ({{zone}})',
    room: 'Room',
    status: 'Status',
    published: 'Published',
    yes: 'Yes',
    no: 'No',
    unscheduled: 'Not scheduled',
    noRoom: 'No room',
    none: 'No sessions.',
    count: 'Sessions found: {{count}}',
    previous: 'Previous page',
    next: 'Next page',
    pages: 'Pages of sessions',
    notFound: 'No conference of yours has this address.',
    loading: 'Loading…',
  },
  sv: {
    title: 'Pass',
    newSession: 'Nytt pass',
    filter: 'Sök pass',
    filterHint: 'Ord i titeln, sammanfattningen eller en talares namn.',
    apply: 'Sök',
    clear: 'Visa alla',
    sessionTitle: 'Titel',
    time: 'Tid ({{zone}})',
    room: 'Sal',
    status: 'Status',
    published: 'Publicerat',
    yes: 'Ja',
    no: 'Nej',
    unscheduled: 'Inte schemalagt',
    noRoom: 'Ingen sal',
    none: 'Inga pass.',
    count: 'Hittade pass: {{count}}',
    previous: 'Föregående sida',
    next: 'Nästa sida',
    pages: 'Sidor med pass',
    notFound: 'Ingen av dina konferenser har den här adressen.',
    loading: 'Laddar …',
  },
  nb: {
    title: 'Økter',
    newSession: 'Ny økt',
    filter: 'Finn økter',
    filterHint: 'Ord i tittelen, sammendraget eller navnet til en foredragsholder.',
    apply: 'Finn',
    clear: 'Vis alle',
    sessionTitle: 'Tittel',
    time: 'Tid ({{zone}})',
    room: 'Rom',
    status: 'Status',
    published: 'Publisert',
    yes: 'Ja',
    no: 'Nei',
    unscheduled: 'Ikke planlagt',
    noRoom: 'Uten rom',
    none: 'Ingen økter.',
    count: 'Økter funnet: {{count}}',
    previous: 'Forrige side',
    next: 'Neste side',
    pages: 'Sider med økter',
    notFound: 'Ingen av konferansene dine har denne adressen.',
    loading: 'Laster …',
  },
});

type Paging = { first: number; after?: string } | { last: number; before: string };

/** "2027-02-10 09:00–10:30" in the zone, the end's day only when it differs. */
export function timeSpan(startsAt: string, endsAt: string, zone: string): string {
  const start = localOf(startsAt, zone).replace('T', ' ');
  const end = localOf(endsAt, zone).replace('T', ' ');
  return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

export default function SessionList() {
  const t = useTexts(texts);
  const locale = useLocale();
  const slug = useRoute().params.slug as string;
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [paging, setPaging] = useState<Paging>({ first: PAGE_SIZE });
  const [{ data, fetching }] = useQuery({
    query: ConferenceSessionsDocument,
    variables: { slug, locale, filter: text ? { text } : null, ...paging },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <p>{t('loading')}</p>;
  const conference = data?.conference;
  if (!conference) return <p role="alert">{t('notFound')}</p>;
  const zone = conference.timeZone;
  const { edges, pageInfo, totalCount } = conference.sessions;
  const find = (event: Event) => {
    event.preventDefault();
    setText(typed.trim());
    setPaging({ first: PAGE_SIZE });
  };

  return (
    <Page
      title={t('title')}
      actions={
        <a class="button" href={`/console/conferences/${slug}/sessions/new`}>
          {t('newSession')}
        </a>
      }
    >
      <form class="session-filter" role="search" onSubmit={find}>
        <TextField label={t('filter')} hint={t('filterHint')} type="search" value={typed} onValue={setTyped} />
        <button type="submit">{t('apply')}</button>
        {text && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setTyped('');
              setText('');
              setPaging({ first: PAGE_SIZE });
            }}
          >
            {t('clear')}
          </button>
        )}
      </form>
      <Status>{t('count', { count: totalCount })}</Status>
      {edges.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table class="list sessions-list">
          <thead>
            <tr>
              <th scope="col">{t('sessionTitle')}</th>
              <th scope="col">{t('time', { zone })}</th>
              <th scope="col">{t('room')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('published')}</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node: session }) => (
              <tr key={session.id}>
                <td>
                  <a
                    href={`/console/conferences/${slug}/sessions/${encodeURIComponent(session.id)}`}
                    lang={session.titleLocale ?? undefined}
                  >
                    {session.title}
                  </a>
                </td>
                <td>{session.startsAt && session.endsAt ? timeSpan(session.startsAt, session.endsAt, zone) : t('unscheduled')}</td>
                <td>{session.room?.name ?? t('noRoom')}</td>
                <td>
                  <span class={`badge badge-session-${session.status.toLowerCase()}`}>{STATUS_NAMES[locale][session.status]}</span>
                </td>
                <td>{session.published ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(pageInfo.hasPreviousPage || pageInfo.hasNextPage) && (
        <nav class="pager" aria-label={t('pages')}>
          <button
            type="button"
            class="secondary"
            disabled={!pageInfo.hasPreviousPage || !pageInfo.startCursor}
            onClick={() => setPaging({ last: PAGE_SIZE, before: pageInfo.startCursor! })}
          >
            {t('previous')}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={!pageInfo.hasNextPage || !pageInfo.endCursor}
            onClick={() => setPaging({ first: PAGE_SIZE, after: pageInfo.endCursor! })}
          >
            {t('next')}
          </button>
        </nav>
      )}
    </Page>
  );
}
