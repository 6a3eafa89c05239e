import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { organises, requireOrganiserOf, Viewer, visibleTo } from '../auth/viewer';
import { Page, PageArgs, paginate } from '../common/connection';
import { columnsFor } from '../common/selection';
import { applyChanges, parseId, stamped } from '../common/entities';
import { notFound } from '../common/errors';
import { LocalisedText, mergeLocalisedText, searchable } from '../common/localisation';
import { canonicalLocale, Validation } from '../common/validation';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { RoomService } from '../conferences/room.service';
import { TrackService } from '../conferences/track.service';
import { Transactions } from '../database/transactions';
import { SearchService } from '../search/search.service';
import { ProgrammeEvents } from '../events/programme-events';
import { Session, SessionStatus } from './session.entity';
import { applySessionFilter, checkSessionFilter } from './session-filter';
import { CreateSessionInput, SessionFilter, UpdateSessionInput } from './session.inputs';
import { isPublicSession, publicSession } from '../published/public-rule';
import { Changes } from '../common/mutation-input';

const TITLE_MAX = 300;
const TEXT_MAX = 20000;

type SessionColumn = keyof Session & string;

/**
 * The columns each GraphQL field of a session reads besides id, conferenceId and startsAt (which
 * loaders and cursors need). A field not here (one resolved in another module, say) reads the
 * whole row; a page never reads abstracts or search text for fields that do not show them.
 */
const SESSION_FIELD_COLUMNS: Record<string, readonly SessionColumn[]> = {
  id: [],
  uid: ['uid'],
  title: ['title'],
  titleLocale: ['title'],
  titleTranslations: ['title'],
  abstract: ['abstract'],
  abstractLocale: ['abstract'],
  abstractTranslations: ['abstract'],
  format: ['format'],
  language: ['language'],
  status: ['status'],
  published: ['published'],
  notes: ['notes'],
  recordingUrl: ['recordingUrl'],
  slidesUrl: ['slidesUrl'],
  streamUrl: ['streamUrl'],
  revision: ['revision'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  startsAt: [],
  endsAt: ['endsAt'],
  localStartsAt: [],
  localEndsAt: ['endsAt'],
  timeZone: [],
  conference: [],
  room: ['roomId'],
  track: ['trackId'],
  appearances: [],
};

/** What a subscribed calendar shows of a session: a change to any of these bumps the revision. */
const CALENDAR_FIELDS = ['title', 'abstract', 'startsAt', 'endsAt', 'roomId', 'status', 'streamUrl'] as const;

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly transactions: Transactions,
    private readonly events: ProgrammeEvents,
    private readonly conferences: ConferenceService,
    private readonly rooms: RoomService,
    private readonly tracks: TrackService,
    private readonly search: SearchService,
  ) {}

  /**
   * Sessions the viewer may see: published sessions of published conferences, and every session
   * of the conferences the viewer organises.
   */
  visible(viewer: Viewer): SelectQueryBuilder<Session> {
    const query = this.sessions.createQueryBuilder('session');
    const visible = visibleTo(viewer, 'session.conferenceId', publicSession('"session"'));
    return visible ? query.where(visible) : query;
  }

  /** A page of the conference's sessions; given the fields asked for, each session holds only the columns they read. */
  async list(
    conference: Conference,
    filter: SessionFilter | undefined,
    page: PageArgs,
    viewer: Viewer,
    fields?: ReadonlySet<string>,
  ): Promise<Page<Session>> {
    const query = this.visible(viewer).andWhere('session.conferenceId = :conferenceId', { conferenceId: conference.id });
    this.applyFilter(query, conference, filter ?? {}, viewer);
    const ordered = query.orderBy('session.startsAt', 'ASC', 'NULLS LAST').addOrderBy('session.id', 'ASC');
    return paginate(ordered, page, columnsFor<SessionColumn>(fields, SESSION_FIELD_COLUMNS, ['id', 'conferenceId', 'startsAt']));
  }

  async byId(id: string, viewer: Viewer): Promise<Session> {
    const session = await this.visible(viewer)
      .andWhere('session.id = :id', { id: parseId(id, 'session') })
      .getOne();
    if (!session) throw notFound('session', 'id', id);
    return session;
  }

  byIds(ids: readonly number[]): Promise<Session[]> {
    return this.sessions.findBy({ id: In([...ids]) });
  }

  async require(manager: EntityManager, id: number | string, field = 'id'): Promise<Session> {
    const session = await manager.findOneBy(Session, { id: parseId(id, 'session', field) });
    if (!session) throw notFound('session', field, id);
    return session;
  }

  create(input: CreateSessionInput, actor: Viewer, within?: EntityManager): Promise<Session> {
    return this.transactions.run(async (manager) => {
      const conference = await this.conferences.require(manager, parseId(input.conferenceId, 'conference', 'conferenceId'), 'conferenceId');
      requireOrganiserOf(actor, conference.id, 'conferenceId');
      const { conferenceId: _, ...changes } = input;
      const session = manager.create(Session, {
        uid: randomUUID(),
        conferenceId: conference.id,
        abstract: {},
        roomId: null,
        trackId: null,
        startsAt: null,
        endsAt: null,
        status: SessionStatus.CONFIRMED,
        published: false,
        notes: null,
        recordingUrl: null,
        slidesUrl: null,
        streamUrl: null,
        revision: 0,
      });
      await this.apply(manager, session, conference, changes, true);
      const saved = await manager.save(stamped(session));
      await this.search.indexSessions(manager, [saved.id]);
      this.events.record(manager, { kind: 'SESSION_CREATED', conferenceId: saved.conferenceId, sessionId: saved.id });
      return saved;
    }, within);
  }

  update(id: string | number, input: Changes<UpdateSessionInput>, actor: Viewer, within?: EntityManager): Promise<Session> {
    return this.transactions.run(async (manager) => {
      const session = await this.requireFor(manager, id, actor);
      const conference = await this.conferences.require(manager, session.conferenceId, 'conferenceId');
      const before = { ...session };
      await this.apply(manager, session, conference, input, false);
      if (calendarView(session) !== calendarView(before)) session.revision++;
      const saved = await manager.save(stamped(session));
      if (saved.searchText !== before.searchText) await this.search.indexSessions(manager, [saved.id]);
      this.recordUpdate(manager, before, saved);
      return saved;
    }, within);
  }

  setPublished(id: string, published: boolean, actor: Viewer, within?: EntityManager): Promise<Session> {
    return this.transactions.run(async (manager) => {
      const session = await this.requireFor(manager, id, actor);
      session.published = published;
      this.events.record(manager, {
        kind: 'SESSION_UPDATED',
        conferenceId: session.conferenceId,
        sessionId: session.id,
        details: { published },
      });
      return manager.save(stamped(session));
    }, within);
  }

  /** A cancelled session stays in the programme, so calendars that had it can drop it. */
  cancel(id: string, actor: Viewer, within?: EntityManager): Promise<Session> {
    return this.transactions.run(async (manager) => {
      const session = await this.requireFor(manager, id, actor);
      if (session.status !== SessionStatus.CANCELLED) {
        session.status = SessionStatus.CANCELLED;
        session.revision++;
        this.events.record(manager, { kind: 'SESSION_CANCELLED', conferenceId: session.conferenceId, sessionId: session.id });
      }
      return manager.save(stamped(session));
    }, within);
  }

  remove(id: string, actor: Viewer): Promise<Session> {
    return this.transactions.run(async (manager) => {
      const session = await this.requireFor(manager, id, actor);
      const conference = await this.conferences.require(manager, session.conferenceId, 'conferenceId');
      // Once it is gone nobody can tell whether the public saw it: say so while it is there.
      const wasPublic = isPublicSession(session, conference);
      await manager.delete(Session, { id: session.id });
      await this.search.forgetSessions(manager, [session.id]);
      this.events.record(manager, {
        kind: 'SESSION_DELETED',
        conferenceId: session.conferenceId,
        sessionId: session.id,
        details: { wasPublic },
      });
      return session;
    });
  }

  /** The session, for a writer who must organise its conference. */
  async requireFor(manager: EntityManager, id: number | string, actor: Viewer, field = 'id'): Promise<Session> {
    const session = await this.require(manager, id, field);
    requireOrganiserOf(actor, session.conferenceId, field);
    return session;
  }

  /** Records a change a calendar would show that happened outside the session row: the part of this speaker in it. */
  async touch(manager: EntityManager, sessionId: number, speakerId: number): Promise<void> {
    await manager.increment(Session, { id: sessionId }, 'revision', 1);
    await manager.update(Session, { id: sessionId }, { updatedAt: new Date() });
    // Its speakers' names are part of what a search finds it by.
    await this.search.indexSessions(manager, [sessionId]);
    const { conferenceId } = await manager.findOneOrFail(Session, { select: { id: true, conferenceId: true }, where: { id: sessionId } });
    this.events.record(manager, { kind: 'SESSION_UPDATED', conferenceId, sessionId, speakerId, details: { speakers: true } });
  }

  /** One change per kind a listener tells apart: a move and a new title in one update are two. */
  private recordUpdate(manager: EntityManager, before: Session, after: Session): void {
    const change = { conferenceId: after.conferenceId, sessionId: after.id };
    const instant = (date: Date | null) => date?.toISOString() ?? null;
    const moved =
      instant(before.startsAt) !== instant(after.startsAt) ||
      instant(before.endsAt) !== instant(after.endsAt) ||
      before.roomId !== after.roomId;
    const retitled = JSON.stringify(before.title) !== JSON.stringify(after.title);
    if (moved) {
      const place = (session: Session) => ({
        startsAt: instant(session.startsAt),
        endsAt: instant(session.endsAt),
        roomId: session.roomId,
      });
      this.events.record(manager, { kind: 'SESSION_MOVED', ...change, details: { from: place(before), to: place(after) } });
    }
    if (retitled) this.events.record(manager, { kind: 'SESSION_RETITLED', ...change, details: { from: before.title, to: after.title } });
    if (!moved && !retitled) this.events.record(manager, { kind: 'SESSION_UPDATED', ...change });
  }

  private async apply(
    manager: EntityManager,
    session: Session,
    conference: Conference,
    input: Changes<UpdateSessionInput>,
    creating: boolean,
  ): Promise<void> {
    const v = new Validation();
    const { title, abstract, roomId, trackId, language, ...plain } = input;
    if (creating) v.required(input.format, 'format').required(language, 'language');
    else for (const field of ['format', 'language'] as const) v.check(input[field] !== null, field, 'cannot be cleared');
    v.locale(language ?? undefined, 'language')
      .url(input.recordingUrl, 'recordingUrl')
      .url(input.slidesUrl, 'slidesUrl')
      .url(input.streamUrl, 'streamUrl')
      .maxLength(input.notes, TEXT_MAX, 'notes');
    if (input.status === SessionStatus.CANCELLED) v.fail('status', 'use cancelSession to cancel a session');
    const titleText = mergeLocalisedText(session.title, title, 'title', v, { maxLength: TITLE_MAX, required: true });
    const abstractText = mergeLocalisedText(session.abstract, abstract, 'abstract', v, { maxLength: TEXT_MAX });
    v.throwIfFailed();

    applyChanges(session, plain);
    if (language) session.language = canonicalLocale(language)!;
    if (titleText) session.title = titleText;
    if (abstractText) session.abstract = abstractText;
    if (roomId !== undefined)
      session.roomId = roomId === null ? null : (await this.rooms.requireIn(manager, roomId, conference.id, 'roomId')).id;
    if (trackId !== undefined)
      session.trackId = trackId === null ? null : (await this.tracks.requireIn(manager, trackId, conference.id, 'trackId')).id;
    checkSchedule(session, conference);
    session.searchText = searchable(session.title, session.abstract);
  }

  /**
   * Narrows a query to the filter (`session-filter.ts` holds its clauses, which the published
   * programme applies in memory too). A reader who does not organise the conference names only
   * published rooms and tracks.
   */
  applyFilter(query: SelectQueryBuilder<Session>, conference: Conference, given: SessionFilter, viewer: Viewer): void {
    applySessionFilter(query, checkSessionFilter(given, conference.timeZone), {
      conferenceId: conference.id,
      publishedPartsOnly: !organises(viewer, conference.id),
      restrictText: (narrowed, words) => this.search.restrictToWords(narrowed, 'sessions', 'session.id', words),
    });
  }
}

function calendarView(session: Session): string {
  return JSON.stringify(CALENDAR_FIELDS.map((field) => session[field] as LocalisedText | Date | string | number | null));
}

/** Both times or neither; the end after the start; both within the conference's days, in its zone. */
function checkSchedule(session: Session, conference: Conference): void {
  const v = new Validation();
  const { startsAt, endsAt } = session;
  if ((startsAt === null) !== (endsAt === null)) {
    v.fail(startsAt === null ? 'startsAt' : 'endsAt', 'give both startsAt and endsAt, or neither for an unscheduled session');
  } else if (startsAt && endsAt) {
    v.check(endsAt.getTime() > startsAt.getTime(), 'endsAt', 'must be after startsAt');
    const firstDay = DateTime.fromISO(conference.startDate, { zone: conference.timeZone }).startOf('day');
    const afterLastDay = DateTime.fromISO(conference.endDate, { zone: conference.timeZone }).plus({ days: 1 }).startOf('day');
    const days = `${conference.startDate} to ${conference.endDate} (${conference.timeZone})`;
    v.check(startsAt.getTime() >= firstDay.toMillis(), 'startsAt', `must fall within the conference, ${days}`);
    v.check(endsAt.getTime() <= afterLastDay.toMillis(), 'endsAt', `must fall within the conference, ${days}`);
  }
  v.throwIfFailed();
}
