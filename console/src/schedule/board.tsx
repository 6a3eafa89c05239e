import { useMutation, useQuery } from '@urql/preact';
import { useRoute } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useTexts } from '../i18n';
import { ProblemList, SelectField, Status, TextField, problemFor } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import { Problem, problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import { boardTexts } from './board-texts';
import {
  NEW_SESSION_MINUTES,
  PIXELS_PER_MINUTE,
  ROOM_WIDTH,
  SNAP_STEPS,
  clockOf,
  daysOf,
  instantAt,
  lanesOf,
  minuteOf,
  minuteOfClock,
  snap,
  visibleHours,
} from './board-geometry';
import { BoardSessionFragment, PlaceSessionDocument, ScheduleBoardDocument } from './operations.generated';
import { BoardConflict, useBoardContent } from './use-board';

/** Where a session is: its time and room, each empty while it has none. */
interface Placement {
  startsAt: string | null;
  endsAt: string | null;
  roomId: string | null;
}

/** A move that can be taken back: the session as it was before. */
interface Move {
  sessionId: string;
  title: string;
  before: Placement;
}

/** A card being dragged: what is dragged, where it was picked up, and where it would land now. */
interface Drag {
  session: BoardSessionFragment;
  mode: 'move' | 'resize' | 'place';
  /** How far into the card (in minutes) the pointer took hold of it. */
  grabMinutes: number;
  minutes: number;
  startX: number;
  startY: number;
  moved: boolean;
  preview: Placement | null;
}

const NO_ROOM = '';
const STORED_STEP = 'lectern-console-snap';

const placementOf = (session: BoardSessionFragment): Placement => ({
  startsAt: session.startsAt,
  endsAt: session.endsAt,
  roomId: session.room?.id ?? null,
});

export default function ScheduleBoard() {
  const t = useTexts(boardTexts);
  const slug = useRoute().params.slug as string;
  const [{ data, fetching }] = useQuery({ query: ScheduleBoardDocument, variables: { slug } });
  const conference = data?.conference;
  const days = useMemo(() => (conference ? daysOf(conference.startDate, conference.endDate) : []), [conference]);
  const [chosenDay, setDay] = useState<string | null>(null);
  const day = chosenDay ?? days[0];
  const { content, reload } = useBoardContent(slug, day);
  const [step, setStep] = useState(() => Number(localStorage.getItem(STORED_STEP)) || 5);
  const [history, setHistory] = useState<Move[]>([]);
  const [pending, setPending] = useState<Map<string, Placement>>(new Map());
  const [problems, setProblems] = useState<Problem[]>([]);
  const [scheduling, setScheduling] = useState<BoardSessionFragment | null>(null);
  const [, place] = useMutation(PlaceSessionDocument);

  if (fetching && !data) return <p>{t('loading')}</p>;
  if (!conference) return <p role="alert">{t('notFound')}</p>;
  const zone = conference.timeZone;

  /** Puts a session somewhere; remembers where it was, unless this is an undo. */
  const commit = async (session: BoardSessionFragment, placement: Placement, remember = true) => {
    setPending((previous) => new Map(previous).set(session.id, placement));
    const answer = await place({ input: { id: session.id, ...placement } });
    setProblems(problemsOf(answer.error));
    if (!answer.error && remember) {
      setHistory((previous) => [...previous.slice(-49), { sessionId: session.id, title: session.title, before: placementOf(session) }]);
    }
    await reload();
    setPending((previous) => {
      const next = new Map(previous);
      next.delete(session.id);
      return next;
    });
    return !answer.error;
  };

  const undo = async () => {
    const last = history[history.length - 1];
    const session = [...(content?.sessions ?? []), ...(content?.tray ?? [])].find((each) => each.id === last?.sessionId);
    if (!last) return;
    setHistory((previous) => previous.slice(0, -1));
    await commit(session ?? ({ id: last.sessionId, title: last.title } as BoardSessionFragment), last.before, false);
  };

  const chooseStep = (value: string) => {
    setStep(Number(value));
    localStorage.setItem(STORED_STEP, value);
  };
  const lastMove = history[history.length - 1];

  return (
    <Page title={t('title')}>
      <div class="board-toolbar">
        <SelectField label={t('day')} value={day ?? ''} onValue={setDay} options={days.map((each) => ({ value: each, label: each }))} />
        <SelectField
          label={t('snap')}
          value={String(step)}
          onValue={chooseStep}
          options={SNAP_STEPS.map((each) => ({ value: String(each), label: t('minutes', { count: each }) }))}
        />
        <button type="button" class="secondary" disabled={!lastMove} onClick={() => void undo()}>
          {lastMove ? t('undo', { title: lastMove.title }) : t('nothingToUndo')}
        </button>
        <Status>{pending.size > 0 ? t('saving') : null}</Status>
      </div>
      {scheduling === null && <ProblemList problems={problems} />}
      {!content || !day ? (
        <p>{t('loading')}</p>
      ) : (
        <div class="board-layout">
          <Tray sessions={content.tray} conflicts={content.conflicts} onChoose={setScheduling} />
          <Grid
            day={day}
            zone={zone}
            rooms={conference.rooms}
            sessions={content.sessions}
            conflicts={content.conflicts}
            pending={pending}
            step={step}
            tray={content.tray}
            onPlace={(session, placement) => void commit(session, placement)}
            onChoose={setScheduling}
          />
          <ConflictList conflicts={content.conflicts} />
        </div>
      )}
      <Dialog
        title={scheduling ? t('move', { title: scheduling.title }) : ''}
        open={scheduling !== null}
        onClose={() => setScheduling(null)}
      >
        {scheduling && (
          <ScheduleForm
            session={scheduling}
            slug={slug}
            days={days}
            day={day}
            zone={zone}
            rooms={conference.rooms}
            problems={problems}
            onSave={async (placement) => {
              if (await commit(scheduling, placement)) setScheduling(null);
            }}
            onCancel={() => setScheduling(null)}
          />
        )}
      </Dialog>
    </Page>
  );
}

interface GridProps {
  day: string;
  zone: string;
  rooms: { id: string; name: string; published: boolean }[];
  sessions: BoardSessionFragment[];
  tray: BoardSessionFragment[];
  conflicts: BoardConflict[];
  pending: Map<string, Placement>;
  step: number;
  onPlace: (session: BoardSessionFragment, placement: Placement) => void;
  onChoose: (session: BoardSessionFragment) => void;
}

/** Rooms as columns, the day's hours as rows, sessions as cards sized by their length. */
function Grid({ day, zone, rooms, sessions, tray, conflicts, pending, step, onPlace, onChoose }: GridProps) {
  const t = useTexts(boardTexts);
  const body = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragging = useRef<Drag | null>(null);
  const suppressClick = useRef(false);

  const spanOf = (placement: Placement) =>
    placement.startsAt && placement.endsAt
      ? { start: minuteOf(placement.startsAt, day, zone), end: minuteOf(placement.endsAt, day, zone) }
      : null;
  const shown = sessions.map((session) => ({ session, placement: pending.get(session.id) ?? placementOf(session) }));
  const hasRoomless = shown.some(({ placement }) => !placement.roomId);
  const columns = [...rooms.map((room) => ({ id: room.id, name: room.published ? room.name : `${room.name} ${t('unpublished')}` }))];
  if (hasRoomless) columns.push({ id: NO_ROOM, name: t('noRoom') });
  const hours = visibleHours(shown.map(({ placement }) => spanOf(placement)).filter((span) => span !== null));
  const height = (hours.last - hours.first) * PIXELS_PER_MINUTE;

  // Rendering a big day is what the organiser waits for: measured from the data to the painted board.
  useEffect(() => {
    requestAnimationFrame(() => {
      if (performance.getEntriesByName('board-data').length) performance.measure('board-render', 'board-data');
    });
  }, [sessions]);

  const conflictsOf = (sessionId: string) => conflicts.filter((conflict) => conflict.sessions.some((each) => each.id === sessionId));

  /** The room column and snapped minute under the pointer, or null off the board. */
  const pointAt = (clientX: number, clientY: number) => {
    const rect = body.current!.getBoundingClientRect();
    const x = clientX - rect.left;
    const y = clientY - rect.top;
    if (x < 0 || y < 0 || x >= columns.length * ROOM_WIDTH || y > height) return null;
    return { column: columns[Math.floor(x / ROOM_WIDTH)], minute: hours.first + y / PIXELS_PER_MINUTE };
  };

  const previewOf = (current: Drag, clientX: number, clientY: number): Placement | null => {
    const point = pointAt(clientX, clientY);
    const original = placementOf(current.session);
    if (current.mode === 'resize') {
      if (!point || !original.startsAt) return current.preview;
      const start = minuteOf(original.startsAt, day, zone);
      const end = Math.max(start + step, snap(point.minute, step));
      return { ...original, endsAt: instantAt(day, end, zone) };
    }
    if (!point) return null;
    const start = snap(point.minute - current.grabMinutes, step);
    return {
      startsAt: instantAt(day, start, zone),
      endsAt: instantAt(day, start + current.minutes, zone),
      roomId: point.column.id === NO_ROOM ? null : point.column.id,
    };
  };

  /** Starts a drag at a pointer event: a press on a card, or a move that took a session out of the tray. */
  const startDrag = (event: PointerEvent, session: BoardSessionFragment, mode: Drag['mode']) => {
    if (event.type === 'pointerdown' && event.button !== 0) return;
    const span = spanOf(placementOf(session));
    const point = pointAt(event.clientX, event.clientY);
    const current: Drag = {
      session,
      mode,
      grabMinutes: mode === 'move' && span && point ? point.minute - span.start : 0,
      minutes: span ? span.end - span.start : NEW_SESSION_MINUTES,
      startX: event.clientX,
      startY: event.clientY,
      moved: false,
      preview: null,
    };
    dragging.current = current;
    if (mode === 'resize') event.stopPropagation();
    const move = (moving: PointerEvent) => {
      const now = dragging.current;
      if (!now) return;
      if (!now.moved && Math.hypot(moving.clientX - now.startX, moving.clientY - now.startY) < 4) return;
      const next = { ...now, moved: true, preview: previewOf(now, moving.clientX, moving.clientY) };
      dragging.current = next;
      setDrag(next);
    };
    const end = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      const done = dragging.current;
      dragging.current = null;
      setDrag(null);
      if (!done?.moved) return;
      suppressClick.current = true;
      setTimeout(() => (suppressClick.current = false));
      const original = placementOf(done.session);
      const landed = done.preview;
      if (landed && (landed.startsAt !== original.startsAt || landed.endsAt !== original.endsAt || landed.roomId !== original.roomId)) {
        onPlace(done.session, landed);
      }
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
  };

  // Sessions dragged in from the tray start their drag there; the tray tells the grid through this.
  useEffect(() => {
    const fromTray = (event: Event) => {
      const { pointer, sessionId } = (event as CustomEvent<{ pointer: PointerEvent; sessionId: string }>).detail;
      const session = tray.find((each) => each.id === sessionId);
      if (session) startDrag(pointer, session, 'place');
    };
    window.addEventListener('lectern-board-drag', fromTray);
    return () => window.removeEventListener('lectern-board-drag', fromTray);
  });

  const cards = shown.map(({ session, placement }) => {
    const isDragged = drag?.session.id === session.id && drag.preview;
    return { session, placement: isDragged ? drag.preview! : placement, dragged: Boolean(isDragged) };
  });
  if (drag?.mode === 'place' && drag.preview) cards.push({ session: drag.session, placement: drag.preview, dragged: true });
  const positioned = cards.flatMap((each) => {
    const span = spanOf(each.placement);
    const column = columns.findIndex((candidate) => candidate.id === (each.placement.roomId ?? NO_ROOM));
    return span && column >= 0 ? [{ ...each, span, column }] : [];
  });
  const laidOut = columns.flatMap((_, column) => {
    const inColumn = positioned.filter((each) => each.column === column);
    const lanes = lanesOf(inColumn.map((each) => each.span));
    return inColumn.map((each, index) => ({ ...each, ...lanes[index] }));
  });

  return (
    <section class="board" aria-label={t('boardLabel', { day, zone })}>
      <div class="board-scroll">
        <div class="board-rooms" style={{ width: `${columns.length * ROOM_WIDTH}px` }} aria-hidden="true">
          {columns.map((column) => (
            <div class="board-room" key={column.id} style={{ width: `${ROOM_WIDTH}px` }}>
              {column.name}
            </div>
          ))}
        </div>
        <div class="board-frame">
          <div class="board-hours" style={{ height: `${height}px` }} aria-hidden="true">
            {Array.from({ length: (hours.last - hours.first) / 60 }, (_, i) => (
              <div key={i} class="board-hour" style={{ top: `${i * 60 * PIXELS_PER_MINUTE}px` }}>
                {clockOf(hours.first + i * 60)}
              </div>
            ))}
          </div>
          <div
            ref={body}
            class="board-body"
            style={{ width: `${columns.length * ROOM_WIDTH}px`, height: `${height}px`, '--hour': `${60 * PIXELS_PER_MINUTE}px` }}
          >
            {laidOut.map(({ session, dragged, span, column, lane, lanes }) => {
              const problems = conflictsOf(session.id);
              const speakers = session.appearances.map((appearance) => appearance.speaker.name).join(', ');
              return (
                <button
                  type="button"
                  key={session.id}
                  class={['board-card', problems.length ? 'has-conflicts' : '', dragged ? 'dragged' : ''].join(' ')}
                  data-session-id={session.id}
                  style={{
                    left: `${column * ROOM_WIDTH + 2 + (lane * ROOM_WIDTH) / lanes}px`,
                    top: `${(span.start - hours.first) * PIXELS_PER_MINUTE}px`,
                    height: `${Math.max(14, (span.end - span.start) * PIXELS_PER_MINUTE) - 2}px`,
                    width: `${ROOM_WIDTH / lanes - 4}px`,
                    borderLeftColor: session.track?.color ?? undefined,
                  }}
                  onPointerDown={(event) => startDrag(event, session, 'move')}
                  onClick={() => !suppressClick.current && onChoose(session)}
                >
                  <span class="board-card-time">
                    {clockOf(span.start)}–{clockOf(span.end)}
                    {!session.published && ` · ${t('draft')}`}
                    {session.status === 'CANCELLED' && ` · ${t('cancelled')}`}
                  </span>
                  <span class="board-card-title">{session.title}</span>
                  {problems.length > 0 && (
                    <span class="board-card-conflicts">
                      {problems.map((conflict) => (
                        <span key={conflict.key} class={`conflict-${conflict.severity.toLowerCase()}`}>
                          ⚠ {t(conflict.code)}
                        </span>
                      ))}
                    </span>
                  )}
                  {speakers && <span class="board-card-speakers">{speakers}</span>}
                  <span
                    class="board-card-resize"
                    title={t('resize')}
                    aria-hidden="true"
                    onPointerDown={(event) => startDrag(event, session, 'resize')}
                  />
                </button>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

function Tray({
  sessions,
  conflicts,
  onChoose,
}: {
  sessions: BoardSessionFragment[];
  conflicts: BoardConflict[];
  onChoose: (session: BoardSessionFragment) => void;
}) {
  const t = useTexts(boardTexts);
  const dragged = useRef(false);
  return (
    <section class="board-tray" aria-labelledby="board-tray-title">
      <h2 id="board-tray-title">{t('tray')}</h2>
      {sessions.length === 0 ? (
        <p>{t('trayEmpty')}</p>
      ) : (
        <>
          <p class="hint">{t('trayHint')}</p>
          <ul>
            {sessions.map((session) => {
              const problems = conflicts.filter((conflict) => conflict.sessions.some((each) => each.id === session.id));
              return (
                <li key={session.id}>
                  <button
                    type="button"
                    class="board-tray-item"
                    onPointerDown={(event) => {
                      if (event.button !== 0) return;
                      dragged.current = false;
                      const startX = event.clientX;
                      const startY = event.clientY;
                      const watch = (moving: PointerEvent) => {
                        if (Math.hypot(moving.clientX - startX, moving.clientY - startY) < 4) return;
                        window.removeEventListener('pointermove', watch);
                        dragged.current = true;
                        window.dispatchEvent(new CustomEvent('lectern-board-drag', { detail: { pointer: moving, sessionId: session.id } }));
                      };
                      window.addEventListener('pointermove', watch);
                      window.addEventListener('pointerup', () => window.removeEventListener('pointermove', watch), { once: true });
                    }}
                    onClick={() => !dragged.current && onChoose(session)}
                  >
                    {session.title}
                    {problems.length > 0 && <span class="board-card-conflicts"> ⚠ {problems.map((each) => t(each.code)).join(', ')}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function ConflictList({ conflicts }: { conflicts: BoardConflict[] }) {
  const t = useTexts(boardTexts);
  return (
    <section class="board-conflicts" aria-labelledby="board-conflicts-title">
      <h2 id="board-conflicts-title">{t('conflicts', { count: conflicts.length })}</h2>
      {conflicts.length === 0 ? (
        <p>{t('noConflicts')}</p>
      ) : (
        <ul>
          {conflicts.map((conflict) => (
            <li key={conflict.key} class={`conflict-${conflict.severity.toLowerCase()}`}>
              <strong>{t(conflict.code)}</strong>: {conflict.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The same move without dragging: a day, a start and an end, a room. */
function ScheduleForm({
  session,
  slug,
  days,
  day,
  zone,
  rooms,
  problems,
  onSave,
  onCancel,
}: {
  problems: Problem[];
  session: BoardSessionFragment;
  slug: string;
  days: string[];
  day: string | undefined;
  zone: string;
  rooms: { id: string; name: string }[];
  onSave: (placement: Placement) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTexts(boardTexts);
  const sessionDay = days.find((each) => {
    const minute = session.startsAt ? minuteOf(session.startsAt, each, zone) : -1;
    return minute >= 0 && minute < 24 * 60;
  });
  const [chosenDay, setChosenDay] = useState(sessionDay ?? day ?? days[0]);
  const [starts, setStarts] = useState(session.startsAt ? clockOf(minuteOf(session.startsAt, chosenDay, zone)) : '09:00');
  const [ends, setEnds] = useState(
    session.endsAt ? clockOf(minuteOf(session.endsAt, chosenDay, zone)) : clockOf(minuteOfClock('09:00') + NEW_SESSION_MINUTES),
  );
  const [roomId, setRoomId] = useState(session.room?.id ?? rooms[0]?.id ?? NO_ROOM);
  const submit = (event: Event) => {
    event.preventDefault();
    void onSave({
      startsAt: instantAt(chosenDay, minuteOfClock(starts), zone),
      endsAt: instantAt(chosenDay, minuteOfClock(ends), zone),
      roomId: roomId === NO_ROOM ? null : roomId,
    });
  };
  return (
    <form class="form-grid" onSubmit={submit}>
      <SelectField label={t('day')} value={chosenDay} onValue={setChosenDay} options={days.map((each) => ({ value: each, label: each }))} />
      <SelectField
        label={t('room')}
        value={roomId}
        onValue={setRoomId}
        options={[...rooms.map((room) => ({ value: room.id, label: room.name })), { value: NO_ROOM, label: t('noRoom') }]}
      />
      <TextField label={t('starts')} type="time" value={starts} onValue={setStarts} problem={problemFor(problems, 'startsAt')} required />
      <TextField label={t('ends')} type="time" value={ends} onValue={setEnds} problem={problemFor(problems, 'endsAt')} required />
      <div class="wide">
        <ProblemList problems={problems} shownFields={['startsAt', 'endsAt']} />
        <button type="submit">{t('save')}</button>{' '}
        {session.startsAt && (
          <button
            type="button"
            class="secondary"
            onClick={() => void onSave({ startsAt: null, endsAt: null, roomId: session.room?.id ?? null })}
          >
            {t('unschedule')}
          </button>
        )}{' '}
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>{' '}
        <a href={`/console/conferences/${slug}/sessions/${encodeURIComponent(session.id)}`}>{t('openSession')}</a>
      </div>
    </form>
  );
}
