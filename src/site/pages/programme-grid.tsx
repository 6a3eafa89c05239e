import { Conference } from '../../conferences/conference.entity';
import { PublishedSession } from '../../published/published-programme';
import { clock, dayTitle, PageContext } from '../site-context';
import { localDay } from './local-days';
import { LineUp, Localised, TimeSpan } from './parts';

interface Column {
  key: string;
  name: string;
  /** Its sessions, none overlapping another. */
  sessions: PublishedSession[];
}

/**
 * One day as a timetable: rooms as columns, the day's start and end times as rows, each session a
 * cell spanning the rows of its length. Sessions that overlap in one room get a column each; a
 * session over several days is shown above the table, on each day it runs. A table (rather than a
 * CSS grid placed by inline styles, which the pages' CSP forbids) keeps rows and columns readable
 * by screen readers, and scrolls sideways on a phone.
 */
export function ProgrammeGrid(props: {
  context: PageContext;
  conference: Conference;
  day: string;
  sessions: PublishedSession[];
  continuing: PublishedSession[];
  /** What each of the day's cells holds, rendered once for what it shows (see GridCell). */
  cells: ReadonlyMap<number, string>;
}) {
  const { context, conference, day } = props;
  const { t } = context;
  const zone = conference.timeZone;
  const spanning = [...props.continuing, ...props.sessions.filter((s) => localDay(s.endsAt!, zone) !== day)];
  const timed = props.sessions.filter((s) => isGridCell(s, zone));
  const columns = columnsOf(timed, t('grid.noRoom'));
  const rows = [...new Set(timed.flatMap((s) => [s.startsAt!, s.endsAt!]))].sort();
  const rowOf = new Map(rows.map((instant, index) => [instant, index]));
  const id = `day-${day}`;
  return (
    <section class="day grid-day" aria-labelledby={id}>
      <h2 id={id}>{dayTitle(day, zone, context.language)}</h2>
      {spanning.length > 0 && (
        <ul class="spanning" aria-label={t('grid.spanning')}>
          {spanning.map((session) => (
            <li class={session.status === 'CANCELLED' ? 'cancelled' : undefined}>
              <a href={context.addresses.page(`/${conference.slug}/sessions/${session.id}`)}>
                <Localised context={context} text={session.title} />
              </a>{' '}
              <TimeSpan context={context} session={session} zone={zone} withDay />{' '}
              <span class="badge">{t('grid.days', { count: daysBetween(session, zone) })}</span>
              {session.status === 'CANCELLED' && <strong class="badge cancelled-badge"> {t('session.cancelled')}</strong>}
            </li>
          ))}
        </ul>
      )}
      {rows.length > 1 && (
        <div class="grid-scroll" tabIndex={0} role="region" aria-label={t('grid.label', { day: dayTitle(day, zone, context.language) })}>
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">{t('grid.time')}</th>
                {columns.map((column) => (
                  <th scope="col">{column.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, -1).map((instant, row) => (
                <tr>
                  <th scope="row">
                    <time datetime={instant} data-format="time">
                      {clock(instant, zone, context.language)}
                    </time>
                  </th>
                  {columns.map((column) => {
                    const session = column.sessions.find((s) => s.startsAt === instant);
                    if (session) {
                      const span = Math.max(1, rowOf.get(session.endsAt!)! - row);
                      return (
                        <td
                          rowSpan={span}
                          class={`slot${session.status === 'CANCELLED' ? ' cancelled' : ''}`}
                          data-track={session.track?.slug}
                          dangerouslySetInnerHTML={{ __html: props.cells.get(session.id)! }}
                        />
                      );
                    }
                    const covered = column.sessions.some((s) => s.startsAt! < instant && s.endsAt! > instant);
                    return covered ? null : <td />;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Whether a session has a cell in its day's table: scheduled, and ending on the (conference-local) day it starts. */
export function isGridCell(session: PublishedSession, zone: string): boolean {
  return !!session.startsAt && !!session.endsAt && localDay(session.startsAt, zone) === localDay(session.endsAt, zone);
}

/** What a session's cell holds: its title, times, track, whether it is cancelled and its line-up. */
export function GridCell({
  context,
  conference,
  session,
}: {
  context: PageContext;
  conference: Pick<Conference, 'slug' | 'timeZone'>;
  session: PublishedSession;
}) {
  return (
    <>
      <a href={context.addresses.page(`/${conference.slug}/sessions/${session.id}`)}>
        <Localised context={context} text={session.title} />
      </a>
      <span class="when">
        <TimeSpan context={context} session={session} zone={conference.timeZone} />
      </span>
      {session.track && <span class="track">{session.track.name}</span>}
      {session.status === 'CANCELLED' && <strong class="badge cancelled-badge">{context.t('session.cancelled')}</strong>}
      <LineUp context={context} lineUp={session.lineUp} />
    </>
  );
}

/** A column per room (in name order), and one more for each session that overlaps another in it. */
function columnsOf(sessions: PublishedSession[], noRoom: string): Column[] {
  const byRoom = new Map<string, { name: string; lanes: PublishedSession[][] }>();
  for (const session of sessions) {
    const key = session.room?.slug ?? '';
    const room = byRoom.get(key) ?? { name: session.room?.name ?? noRoom, lanes: [] };
    byRoom.set(key, room);
    const lane = room.lanes.find((l) => l.at(-1)!.endsAt! <= session.startsAt!);
    if (lane) lane.push(session);
    else room.lanes.push([session]);
  }
  return [...byRoom.entries()]
    .sort(([a, x], [b, y]) => (a === '' ? 1 : b === '' ? -1 : x.name.localeCompare(y.name)))
    .flatMap(([key, room]) => room.lanes.map((lane, index) => ({ key: `${key}-${index}`, name: room.name, sessions: lane })));
}

function daysBetween(session: PublishedSession, zone: string): number {
  const start = Date.parse(localDay(session.startsAt!, zone));
  const end = Date.parse(localDay(session.endsAt!, zone));
  return Math.round((end - start) / 86_400_000) + 1;
}
