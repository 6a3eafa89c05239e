import { Conference } from '../../conferences/conference.entity';
import { PublishedSession } from '../../published/published-programme';
import { PageContext } from '../site-context';
import { FeedLinks, Subscribe, ZoneNote } from './parts';
import { DayLists } from './programme-page';

export interface AgendaPageData {
  conference: Conference;
  /** The agenda's sessions of this conference, in time order; empty without an agenda. */
  sessions: PublishedSession[];
  /** Its read-only feed, and the address that opens it on another device; null without an agenda. */
  agenda: { feed: FeedLinks; elsewhere: string; readOnly: boolean } | null;
}

export function AgendaPage({ context, data }: { context: PageContext; data: AgendaPageData }) {
  const { t } = context;
  const { conference } = data;
  return (
    <>
      <h1>{t('agenda.title', { conference: conference.name })}</h1>
      {data.agenda?.readOnly && <p class="notice">{t('agenda.readOnly')}</p>}
      {data.sessions.length === 0 ? (
        <p>{t('agenda.empty')}</p>
      ) : (
        <>
          <ZoneNote context={context} zone={conference.timeZone} />
          <DayLists context={context} conference={conference} sessions={data.sessions} />
        </>
      )}
      {data.agenda && (
        <>
          <Subscribe context={context} feed={data.agenda.feed} name={t('agenda.title', { conference: conference.name })} />
          <section aria-labelledby="elsewhere" class="elsewhere">
            <h2 id="elsewhere">{t('agenda.elsewhereTitle')}</h2>
            <p>{t('agenda.elsewhere')}</p>
            <p>
              <a href={data.agenda.elsewhere} class="elsewhere-link">
                {data.agenda.elsewhere}
              </a>
            </p>
          </section>
        </>
      )}
    </>
  );
}
