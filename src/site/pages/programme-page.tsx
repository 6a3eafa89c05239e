import { Conference } from '../../conferences/conference.entity';
import { SessionFilter } from '../../sessions/session.inputs';
import { PublishedSession } from '../../published/published-programme';
import { dayTitle, PageContext, textOf } from '../site-context';
import { localDay } from './local-days';
import { FeedLinks, LineUp, Localised, Star, Subscribe, TimeSpan, ZoneNote, languageLabel } from './parts';
import { ProgrammeGrid } from './programme-grid';
import { ProgrammePieces } from './programme-pieces';

export type ProgrammeLayout = 'list' | 'grid';

/** What the filter form offers: every value of the programme being shown. */
export interface FilterChoices {
  days: string[];
  tracks: { slug: string; name: string }[];
  rooms: { slug: string; name: string }[];
  speakers: { slug: string; name: string }[];
  formats: string[];
  languages: string[];
}

export interface ProgrammePageData {
  conference: Conference;
  /** The sessions asked for, in time order. */
  sessions: PublishedSession[];
  /** How many sessions the whole programme has (to say "12 of 140"). */
  total: number;
  filter: SessionFilter;
  layout: ProgrammeLayout;
  choices: FilterChoices;
  feed: FeedLinks;
  /** What runs now and next, while the conference runs. */
  nowAndNext: { now: PublishedSession[]; next: PublishedSession[] } | null;
  /** Each session's entry (and, in the grid, its cell), rendered once for what it shows: the page is assembled from them. */
  pieces: ProgrammePieces;
}

export function ProgrammePage({ context, data }: { context: PageContext; data: ProgrammePageData }) {
  const { t } = context;
  const { conference } = data;
  const zone = conference.timeZone;
  const filtered = data.sessions.length !== data.total;
  const days = byDay(data.sessions, zone);
  return (
    <>
      <h1>{conference.name}</h1>
      <p class="lead">
        {dates(context, conference)}
        {conference.city && ` · ${conference.city}`}
        {conference.venue && ` · ${conference.venue}`}
      </p>
      {data.nowAndNext && <NowAndNext context={context} conference={conference} nowAndNext={data.nowAndNext} />}
      {context.addresses.served && <Filters context={context} data={data} />}
      <Subscribe context={context} feed={data.feed} name={conference.name} />
      <ZoneNote context={context} zone={zone} />
      <p class="count" role="status">
        {filtered
          ? t('programme.countFiltered', { count: data.sessions.length, total: data.total })
          : t('programme.count', { count: data.total })}
      </p>
      {/* Plain links, so a static copy has them too (its addresses map ?view=grid to grid.html). */}
      <nav class="layouts" aria-label={t('programme.layout')}>
        {(['list', 'grid'] as const).map((layout) =>
          layout === data.layout ? (
            <span aria-current="page">{t(`programme.${layout}`)}</span>
          ) : (
            <a href={context.addresses.page(`/${conference.slug}`, layoutQuery(data, layout))}>{t(`programme.${layout}`)}</a>
          ),
        )}
      </nav>
      {data.sessions.length === 0 && <p>{t('programme.none')}</p>}
      {days.map(({ day, sessions }) =>
        data.layout === 'grid' && day !== null ? (
          <ProgrammeGrid
            context={context}
            conference={conference}
            day={day}
            sessions={sessions}
            continuing={continuing(data.sessions, day, zone)}
            cells={data.pieces.cells}
          />
        ) : (
          <DayList context={context} conference={conference} day={day} sessions={sessions} items={data.pieces.items} />
        ),
      )}
    </>
  );
}

/**
 * One day's sessions as a list (or the unscheduled ones, when day is null): from their entries as
 * rendered already (`items`, by session id), or rendered here.
 */
export function DayList(props: {
  context: PageContext;
  conference: Conference;
  day: string | null;
  sessions: PublishedSession[];
  items?: ReadonlyMap<number, string>;
}) {
  const { context, conference, day, items } = props;
  const id = `day-${day ?? 'unscheduled'}`;
  return (
    <section class="day" aria-labelledby={id}>
      <h2 id={id}>{day ? dayTitle(day, conference.timeZone, context.language) : context.t('programme.unscheduled')}</h2>
      {items ? (
        <ol class="sessions" dangerouslySetInnerHTML={{ __html: props.sessions.map((session) => items.get(session.id)!).join('') }} />
      ) : (
        <ol class="sessions">
          {props.sessions.map((session) => (
            <SessionItem context={context} conference={conference} session={session} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Sessions as lists by day, in time order, unscheduled ones last. */
export function DayLists({
  context,
  conference,
  sessions,
}: {
  context: PageContext;
  conference: Conference;
  sessions: PublishedSession[];
}) {
  return (
    <>
      {byDay(sessions, conference.timeZone).map(({ day, sessions: ofDay }) => (
        <DayList context={context} conference={conference} day={day} sessions={ofDay} />
      ))}
    </>
  );
}

export function SessionItem({
  context,
  conference,
  session,
}: {
  context: PageContext;
  conference: Pick<Conference, 'slug' | 'timeZone'>;
  session: PublishedSession;
}) {
  const { t } = context;
  const cancelled = session.status === 'CANCELLED';
  return (
    <li class={`session${cancelled ? ' cancelled' : ''}`} data-session={session.id}>
      <p class="when">
        <TimeSpan context={context} session={session} zone={conference.timeZone} />
      </p>
      <h3 class="title">
        <a href={context.addresses.page(`/${conference.slug}/sessions/${session.id}`)}>
          <Localised context={context} text={session.title} />
        </a>
        {cancelled && <strong class="badge cancelled-badge"> {t('session.cancelled')}</strong>}
      </h3>
      <p class="facts">
        {[session.room?.name, session.track?.name, t(`format.${session.format}`), languageLabel(context, session.language)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <LineUp context={context} lineUp={session.lineUp} />
      {!cancelled && <Star context={context} conferenceSlug={conference.slug} session={session} />}
    </li>
  );
}

function NowAndNext({
  context,
  conference,
  nowAndNext,
}: {
  context: PageContext;
  conference: Conference;
  nowAndNext: NonNullable<ProgrammePageData['nowAndNext']>;
}) {
  const { t } = context;
  const strip = (label: string, sessions: PublishedSession[]) => (
    <div>
      <h2>{label}</h2>
      {sessions.length === 0 ? (
        <p>{t('programme.nothing')}</p>
      ) : (
        <ul>
          {sessions.map((session) => (
            <li>
              <TimeSpan context={context} session={session} zone={conference.timeZone} />{' '}
              <a href={context.addresses.page(`/${conference.slug}/sessions/${session.id}`)}>{textOf(context, session.title).text}</a>
              {session.room && ` · ${session.room.name}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <section class="now-next" aria-label={t('programme.nowAndNext')}>
      {strip(t('programme.now'), nowAndNext.now)}
      {strip(t('programme.next'), nowAndNext.next)}
    </section>
  );
}

function Filters({ context, data }: { context: PageContext; data: ProgrammePageData }) {
  const { t } = context;
  const { choices, filter } = data;
  const select = (field: keyof SessionFilter, options: { value: string; label: string }[]) => {
    const chosen = (filter[field] as string[] | undefined) ?? [];
    return (
      <div class="field">
        <label for={`filter-${field}`}>{t(`filter.${field}`)}</label>
        <select id={`filter-${field}`} name={field}>
          <option value="">{t('filter.any')}</option>
          {options.map(({ value, label }) => (
            <option value={value} selected={chosen.includes(value)}>
              {label}
            </option>
          ))}
        </select>
      </div>
    );
  };
  return (
    <form
      class="filters"
      method="get"
      action={context.addresses.page(`/${data.conference.slug}`)}
      role="search"
      aria-label={t('filter.title')}
    >
      {context.wishes.explicit && <input type="hidden" name="lang" value={context.language} />}
      {data.layout === 'grid' && <input type="hidden" name="view" value="grid" />}
      {select(
        'day',
        choices.days.map((day) => ({ value: day, label: dayTitle(day, data.conference.timeZone, context.language) })),
      )}
      {select(
        'track',
        choices.tracks.map(({ slug, name }) => ({ value: slug, label: name })),
      )}
      {select(
        'room',
        choices.rooms.map(({ slug, name }) => ({ value: slug, label: name })),
      )}
      {select(
        'format',
        choices.formats.map((format) => ({ value: format, label: t(`format.${format}`) })),
      )}
      {select(
        'language',
        choices.languages.map((language) => ({ value: language, label: languageLabel(context, language) })),
      )}
      {select(
        'speaker',
        choices.speakers.map(({ slug, name }) => ({ value: slug, label: name })),
      )}
      <div class="field">
        <label for="filter-text">{t('filter.text')}</label>
        <input id="filter-text" type="search" name="text" value={filter.text ?? ''} maxLength={200} />
      </div>
      <div class="field buttons">
        <button type="submit" class="button primary">
          {t('filter.apply')}
        </button>
        <a class="button" href={context.addresses.page(`/${data.conference.slug}`, layoutQuery({ ...data, filter: {} }, data.layout))}>
          {t('filter.clear')}
        </a>
      </div>
    </form>
  );
}

/** The filter's query with this layout: switching views keeps what was chosen. */
export function layoutQuery(data: Pick<ProgrammePageData, 'filter'>, layout: ProgrammeLayout): URLSearchParams {
  const query = filterQuery(data.filter);
  if (layout === 'grid') query.set('view', 'grid');
  return query;
}

export function filterQuery(filter: SessionFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    for (const one of [value ?? []].flat()) query.append(name, String(one));
  }
  return query;
}

function dates(context: PageContext, conference: Conference): string {
  const start = dayTitle(conference.startDate, conference.timeZone, context.language);
  return conference.startDate === conference.endDate
    ? start
    : `${start} – ${dayTitle(conference.endDate, conference.timeZone, context.language)}`;
}

/** The sessions by conference-local day of their start, unscheduled ones last (day null). */
export function byDay(sessions: PublishedSession[], zone: string): { day: string | null; sessions: PublishedSession[] }[] {
  const days = new Map<string | null, PublishedSession[]>();
  for (const session of sessions) {
    const day = session.startsAt ? localDay(session.startsAt, zone) : null;
    const list = days.get(day);
    if (list) list.push(session);
    else days.set(day, [session]);
  }
  return [...days.entries()].map(([day, list]) => ({ day, sessions: list }));
}

/** Sessions over several days that began before this day and still run on it (a hackathon's second day). */
function continuing(sessions: PublishedSession[], day: string, zone: string): PublishedSession[] {
  return sessions.filter(
    (session) => session.startsAt && session.endsAt && localDay(session.startsAt, zone) < day && localDay(session.endsAt, zone) >= day,
  );
}
