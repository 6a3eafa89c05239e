import { DateTime } from 'luxon';
import type { ProgrammeFollows } from '../../src/conferences/conference.entity';
import type { AppearanceRole } from '../../src/sessions/appearance.entity';
import type { SessionFormat, SessionStatus } from '../../src/sessions/session.entity';
import { Lectern } from './lectern';

/**
 * Builds the programme a test asserts on, through the GraphQL API an organiser uses (so what a
 * test builds is what Lectern accepted, over real HTTP). Every part has valid, unique defaults;
 * a test names only what it looks at:
 *
 *   const build = programmeBuilder(lectern);
 *   const oslo = await build.conference({ timeZone: 'Europe/Oslo', published: true });
 *   const anna = await build.speaker({ name: 'Anna Berg' });
 *   const talk = await build.session(oslo, { speakers: [{ speaker: anna, role: 'MODERATOR' }], published: true });
 *   const token = (await build.organiser({ conferences: [oslo] })).token;
 */

/** A text in several languages: `{ nb: 'Åpning', en: 'Opening' }`, or the API's own list. */
export type Texts = Record<string, string> | { locale: string; text: string }[];

export interface ConferenceRef {
  kind: 'conference';
  id: string;
  slug: string;
  name: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  defaultLocale: string;
}
export interface RoomRef {
  kind: 'room';
  id: string;
  slug: string;
  name: string;
}
export interface TrackRef {
  kind: 'track';
  id: string;
  slug: string;
  name: string;
}
export interface SpeakerRef {
  kind: 'speaker';
  id: string;
  slug: string;
  name: string;
}
export interface SessionRef {
  kind: 'session';
  id: string;
  uid: string;
  revision: number;
  conferenceId: string;
  /** The ids of its appearances, in the order of `speakers`. */
  appearances: string[];
}
export interface InterviewRef {
  kind: 'interview';
  id: string;
  slug: string;
}
export interface OrganiserRef {
  id: string;
  name: string;
  /** A personal access token of this organiser, for `lectern.ok(…, { token })`. */
  token: string;
}

export interface ConferenceFields {
  slug?: string;
  name?: string;
  /** First and last day (YYYY-MM-DD); by default 1–2 May 2030. */
  startDate?: string;
  endDate?: string;
  timeZone?: string;
  defaultLocale?: string;
  description?: Texts;
  series?: string | null;
  edition?: number | null;
  venue?: string | null;
  city?: string | null;
  websiteUrl?: string | null;
  organiser?: string | null;
  programmeFollows?: `${ProgrammeFollows}`;
  /** Publish it at once (conferences start as drafts). */
  published?: boolean;
}

export interface RoomFields {
  slug?: string;
  name?: string;
  capacity?: number | null;
  streamUrl?: string | null;
  position?: number;
  /** Rooms are published unless told otherwise. */
  published?: boolean;
}

export interface TrackFields {
  slug?: string;
  name?: string;
  color?: string | null;
  position?: number;
  /** Tracks are published unless told otherwise. */
  published?: boolean;
}

export interface SpeakerFields {
  /** The conference that owns the profile; an organiser's builder must name one of theirs. */
  conference?: ConferenceRef;
  slug?: string;
  name?: string;
  otherNames?: string[];
  otherSlugs?: string[];
  bio?: Texts;
  photoUrl?: string | null;
  photoWidth?: number | null;
  photoHeight?: number | null;
  photoAlt?: Texts;
  links?: { label: string; url: string }[];
  email?: string | null;
}

/** One speaker of a session's line-up, with their part and who they were then. */
export interface LineUpEntry {
  speaker: SpeakerRef;
  role?: `${AppearanceRole}`;
  title?: string | null;
  organisation?: string | null;
}

export interface SessionFields {
  /** A plain string is in the conference's default language. */
  title?: string | Texts;
  abstract?: Texts;
  format?: `${SessionFormat}`;
  /** By default the conference's default language. */
  language?: string;
  room?: RoomRef | null;
  track?: TrackRef | null;
  /**
   * With an offset or Z. By default 10:00 on the conference's first day, in its time zone; `null`
   * leaves the session unscheduled. Without `endsAt`, the session lasts 30 minutes.
   */
  startsAt?: string | null;
  endsAt?: string | null;
  status?: Exclude<`${SessionStatus}`, 'CANCELLED'>;
  notes?: string | null;
  recordingUrl?: string | null;
  slidesUrl?: string | null;
  streamUrl?: string | null;
  /** The line-up, in order: each becomes an appearance (a bare speaker has the default role). */
  speakers?: (SpeakerRef | LineUpEntry)[];
  /** Publish it at once (sessions start as drafts). */
  published?: boolean;
}

export interface InterviewItemFields {
  /** Plain strings are in the interview's language. */
  question: string | Texts;
  answer: string | Texts;
  answeredBy?: SpeakerRef | null;
  askedBy?: string | null;
}

export interface InterviewFields {
  slug?: string;
  /** Who is interviewed, in order; at least one. */
  speakers: SpeakerRef[];
  /** The session it is about, if any (its conference is then the session's). */
  session?: SessionRef | null;
  /** A plain string is in the interview's language. */
  title?: string | Texts;
  lead?: Texts;
  /** By default the conference's default language. */
  language?: string;
  author?: string | null;
  publishedOn?: string | null;
  sourceUrl?: string | null;
  /** Interviews are drafts unless told otherwise. */
  published?: boolean;
  items?: InterviewItemFields[];
}

export type Publishable = ConferenceRef | SessionRef | InterviewRef | RoomRef | TrackRef;

export type ProgrammeBuilder = ReturnType<typeof programmeBuilder>;

/** Unique within a test process, so that the parts of one test never clash with another's. */
let sequence = 0;

/**
 * A builder bound to one server. It writes as the admin, or, with `token`, as that organiser
 * (whose scope must then cover what is built).
 */
export function programmeBuilder(lectern: Lectern, options: { token?: string } = {}) {
  const write = <T = any>(query: string, variables: Record<string, unknown>): Promise<T> =>
    lectern.ok<T>(query, variables, options.token ? { token: options.token } : { as: 'organiser' });

  async function conference(fields: ConferenceFields = {}): Promise<ConferenceRef> {
    const n = ++sequence;
    const { published, description, ...rest } = fields;
    const input = {
      slug: `conference-${n}`,
      name: `Conference ${n}`,
      startDate: '2030-05-01',
      endDate: fields.startDate && !fields.endDate ? fields.startDate : '2030-05-02',
      timeZone: 'Europe/Oslo',
      defaultLocale: 'en',
      ...rest,
      ...(description ? { description: texts(description) } : {}),
    };
    const { createConference } = await write(
      `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id slug name startDate endDate timeZone defaultLocale } }`,
      { input },
    );
    const ref: ConferenceRef = { kind: 'conference', ...createConference };
    if (published) await publish(ref);
    return ref;
  }

  async function room(of: ConferenceRef, fields: RoomFields = {}): Promise<RoomRef> {
    const n = ++sequence;
    const { createRoom } = await write(`mutation ($input: CreateRoomInput!) { createRoom(input: $input) { id slug name } }`, {
      input: { conferenceId: of.id, slug: `room-${n}`, name: `Room ${n}`, ...fields },
    });
    return { kind: 'room', ...createRoom };
  }

  async function track(of: ConferenceRef, fields: TrackFields = {}): Promise<TrackRef> {
    const n = ++sequence;
    const { createTrack } = await write(`mutation ($input: CreateTrackInput!) { createTrack(input: $input) { id slug name } }`, {
      input: { conferenceId: of.id, slug: `track-${n}`, name: `Track ${n}`, ...fields },
    });
    return { kind: 'track', ...createTrack };
  }

  async function speaker(fields: SpeakerFields = {}): Promise<SpeakerRef> {
    const n = ++sequence;
    const { bio, photoAlt, conference: owner, ...rest } = fields;
    const { createSpeaker } = await write(`mutation ($input: CreateSpeakerInput!) { createSpeaker(input: $input) { id slug name } }`, {
      input: {
        slug: `speaker-${n}`,
        name: `Speaker ${n}`,
        ...rest,
        ...(owner ? { conferenceId: owner.id } : {}),
        ...(bio ? { bio: texts(bio) } : {}),
        ...(photoAlt ? { photoAlt: texts(photoAlt) } : {}),
      },
    });
    return { kind: 'speaker', ...createSpeaker };
  }

  /** Adds one speaker to a session's line-up; returns the appearance's id. */
  async function appearance(to: SessionRef, entry: SpeakerRef | LineUpEntry, position?: number): Promise<string> {
    const { speaker: who, ...part } = 'kind' in entry ? { speaker: entry } : entry;
    const { addAppearance } = await write(`mutation ($input: AddAppearanceInput!) { addAppearance(input: $input) { id } }`, {
      input: { sessionId: to.id, speakerId: who.id, ...part, ...(position === undefined ? {} : { position }) },
    });
    to.appearances.push(addAppearance.id);
    return addAppearance.id as string;
  }

  async function session(of: ConferenceRef, fields: SessionFields = {}): Promise<SessionRef> {
    const n = ++sequence;
    const { title, abstract, room: inRoom, track: inTrack, speakers = [], published, startsAt, endsAt, ...rest } = fields;
    const start = startsAt === undefined ? firstDayAt(of, '10:00') : startsAt;
    const end = endsAt !== undefined ? endsAt : start === null ? null : plusMinutes(start, 30);
    const { createSession } = await write(`mutation ($input: CreateSessionInput!) { createSession(input: $input) { id uid revision } }`, {
      input: {
        conferenceId: of.id,
        title: texts(title ?? `Session ${n}`, of.defaultLocale),
        format: 'TALK',
        language: of.defaultLocale,
        startsAt: start,
        endsAt: end,
        ...(abstract ? { abstract: texts(abstract) } : {}),
        ...(inRoom !== undefined ? { roomId: inRoom?.id ?? null } : {}),
        ...(inTrack !== undefined ? { trackId: inTrack?.id ?? null } : {}),
        ...rest,
      },
    });
    const ref: SessionRef = { kind: 'session', conferenceId: of.id, appearances: [], ...createSession };
    for (const entry of speakers) await appearance(ref, entry);
    if (published) await publish(ref);
    return ref;
  }

  async function interview(of: ConferenceRef, fields: InterviewFields): Promise<InterviewRef> {
    const n = ++sequence;
    const { speakers, session: about, title, lead, items = [], language = of.defaultLocale, ...rest } = fields;
    const { createInterview } = await write(`mutation ($input: CreateInterviewInput!) { createInterview(input: $input) { id slug } }`, {
      input: {
        slug: `interview-${n}`,
        ...(about ? { sessionId: about.id } : { conferenceId: of.id }),
        speakerIds: speakers.map((s) => s.id),
        title: texts(title ?? `Interview ${n}`, language),
        language,
        ...(lead ? { lead: texts(lead) } : {}),
        items: items.map(({ question, answer, answeredBy, askedBy }) => ({
          question: texts(question, language),
          answer: texts(answer, language),
          ...(answeredBy ? { answeredById: answeredBy.id } : {}),
          ...(askedBy !== undefined ? { askedBy } : {}),
        })),
        ...rest,
      },
    });
    return { kind: 'interview', ...createInterview };
  }

  /** Makes a part public: a conference, session or interview (drafts until then), or a hidden room or track. */
  async function publish(part: Publishable): Promise<void> {
    const id = { id: part.id };
    const mutation = {
      conference: `mutation ($id: ID!) { publishConference(id: $id) { id } }`,
      session: `mutation ($id: ID!) { publishSession(id: $id) { id } }`,
      interview: `mutation ($id: ID!) { updateInterview(id: $id, input: { published: true }) { id } }`,
      room: `mutation ($id: ID!) { updateRoom(id: $id, input: { published: true }) { id } }`,
      track: `mutation ($id: ID!) { updateTrack(id: $id, input: { published: true }) { id } }`,
    }[part.kind];
    await write(mutation, id);
  }

  /** A new ORGANISER whose scope is these conferences, with a token of their own; made by the admin. */
  async function organiser(fields: { conferences?: ConferenceRef[]; name?: string } = {}): Promise<OrganiserRef> {
    const n = ++sequence;
    const admin = { as: 'organiser' as const };
    const name = fields.name ?? `Organiser ${n}`;
    const { createOrganiser } = await lectern.ok(
      `mutation ($input: CreateOrganiserInput!) { createOrganiser(input: $input) { id name } }`,
      { input: { name, role: 'ORGANISER', conferenceIds: (fields.conferences ?? []).map((c) => c.id) } },
      admin,
    );
    const { createAccessToken } = await lectern.ok(
      `mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { secret } }`,
      { input: { name: 'tests', organiserId: createOrganiser.id } },
      admin,
    );
    return { id: createOrganiser.id, name: createOrganiser.name, token: createAccessToken.secret };
  }

  return { conference, room, track, speaker, session, appearance, interview, publish, organiser };
}

/** The API's list of texts, from a map by locale (or a plain string, in `locale`). */
export function texts(value: string | Texts, locale?: string): { locale: string; text: string }[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    if (!locale) throw new Error(`a plain text needs a locale: "${value}"`);
    return [{ locale, text: value }];
  }
  return Object.entries(value).map(([key, text]) => ({ locale: key, text }));
}

/** A local time of the conference's first day, as an instant with the zone's offset that day. */
export function firstDayAt(of: Pick<ConferenceRef, 'startDate' | 'timeZone'>, time: string): string {
  return DateTime.fromISO(`${of.startDate}T${time}`, { zone: of.timeZone }).toISO({ suppressMilliseconds: true })!;
}

function plusMinutes(instant: string, minutes: number): string {
  return DateTime.fromISO(instant, { setZone: true }).plus({ minutes }).toISO({ suppressMilliseconds: true })!;
}
