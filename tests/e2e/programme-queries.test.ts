import { DateTime } from 'luxon';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { demoProgramme } from '../../src/demo/demo-programme';
import { GraphqlResult, Lectern, startLectern } from '../support/lectern';

/**
 * The public read API over real HTTP, against the demo programme: every query and nested field a
 * programme website uses, as a reader without a token sees them.
 */

// ---------------------------------------------------------------------------------------------
// Demo facts the assertions refer to.

const CONFERENCES_NEWEST_FIRST = ['internetdagarna-2020', 'teknologi-og-politikk-2020', 'digstrat-2018', 'umea-jobbhackathon-2016'];

const UMEA_TITLES_IN_TIME_ORDER = [
  'Jobbhackathon: bättre matchning och nya vägar till jobb',
  'Hackathon som ett sätt att våga pröva',
  'VDAB: att bli en digital myndighet med ett ekosystem av partner',
  'Offentliga tjänster byggda på öppna data och ekosystemtänkande',
];

const INTERNETDAGARNA_TALK = 'Innovation i samhällets tjänst';
const OSLO_PANEL = 'Innovasjon i privat og offentlig sektor';
const DIGSTRAT_LANER = 'Karlskronas digitaliseringsresa';
const DIGSTRAT_SANDSTROM = 'Att starta en positiv rörelse mot innovation';
const UMEA_SANDSTROM = 'Offentliga tjänster byggda på öppna data och ekosystemtänkande';
const UMEA_DANNEELS = 'VDAB: att bli en digital myndighet med ett ekosystem av partner';
const UMEA_HACKATHON = 'Jobbhackathon: bättre matchning och nya vägar till jobb';

const ALL_SPEAKERS_BY_NAME = [
  'Carl-Martin Lanér',
  'Eirik Løkke',
  'Erik Sandström',
  'Gregory Golding',
  'Lieselot Danneels',
  'Olle Lundin',
  'Pia Jøsendal',
  'Tore Sandvik',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The local wall-clock start and end the demo file gives a session, with its conference's zone. */
function demoTimes(conferenceSlug: string, title: string) {
  const conference = demoProgramme.conferences.find((c) => c.slug === conferenceSlug)!;
  const session = conference.sessions.find((s) => Object.values(s.title).includes(title))!;
  const at = (local: string) => DateTime.fromISO(local, { zone: conference.timeZone });
  return { start: at(session.start!), end: at(session.end!) };
}

// ---------------------------------------------------------------------------------------------
// Queries.

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

const CONFERENCES = `query ($first: Int, $after: String) {
  conferences(first: $first, after: $after) { edges { cursor node { slug } } ${PAGE_INFO} }
}`;

const CONFERENCE = `query ($slug: String!) {
  conference(slug: $slug) {
    id slug name series edition startDate endDate timeZone defaultLocale venue city websiteUrl organiser status
    createdAt updatedAt
    description
    descriptionEn: description(locale: "en")
    descriptionSv: description(locale: "sv")
    descriptionNb: description(locale: "nb")
    rooms { id slug name online streamUrl capacity position }
    tracks { id slug name color position }
    sessions { edges { node { title } } totalCount }
    speakers { edges { node { slug name } } totalCount }
  }
}`;

const CONFERENCE_PARTS = `query ($slug: String!, $filter: SessionFilter, $text: String, $first: Int, $after: String) {
  conference(slug: $slug) {
    sessions(filter: $filter, first: $first, after: $after) { edges { node { title } } ${PAGE_INFO} }
    speakers(text: $text, first: $first, after: $after) { edges { node { name } } ${PAGE_INFO} }
  }
}`;

const SESSIONS = `query ($conferenceSlug: String!, $filter: SessionFilter, $first: Int, $after: String) {
  sessions(conferenceSlug: $conferenceSlug, filter: $filter, first: $first, after: $after) {
    edges { cursor node { id title startsAt } }
    ${PAGE_INFO}
  }
}`;

const SESSION = `query ($id: ID!) {
  session(id: $id) {
    id uid revision format language status notes published
    title
    titleEn: title(locale: "en")
    titleSv: title(locale: "sv")
    titleNb: title(locale: "nb")
    titleNo: title(locale: "no")
    titleDe: title(locale: "de")
    titleEnGb: title(locale: "en-GB")
    abstract
    abstractEn: abstract(locale: "en")
    abstractDe: abstract(locale: "de")
    startsAt endsAt timeZone localStartsAt localEndsAt
    recordingUrl slidesUrl streamUrl createdAt updatedAt
    room { slug name online streamUrl }
    track { slug name }
    conference { slug name timeZone }
    appearances { id position role title organisation affiliation speaker { slug name } session { id } }
    interviews { slug title }
  }
}`;

const SPEAKERS = `query ($conferenceSlug: String, $text: String, $first: Int, $after: String) {
  speakers(conferenceSlug: $conferenceSlug, text: $text, first: $first, after: $after) {
    edges { node { slug name } }
    ${PAGE_INFO}
  }
}`;

const SPEAKER = `query ($slug: String!) {
  speaker(slug: $slug) {
    id slug name otherNames photoUrl createdAt updatedAt
    links { label url }
    bio
    bioEn: bio(locale: "en")
    bioSv: bio(locale: "sv")
    bioNb: bio(locale: "nb")
    bioNo: bio(locale: "no")
    bioDe: bio(locale: "de")
    appearances {
      role title organisation affiliation
      speaker { slug }
      session { title conference { slug } }
    }
    interviews { slug }
  }
}`;

const INTERVIEWS = `query ($conferenceSlug: String, $speakerSlug: String, $first: Int, $after: String) {
  interviews(conferenceSlug: $conferenceSlug, speakerSlug: $speakerSlug, first: $first, after: $after) {
    edges { node { slug } }
    ${PAGE_INFO}
  }
}`;

const INTERVIEW = `query ($slug: String!) {
  interview(slug: $slug) {
    id slug language author publishedOn sourceUrl published createdAt updatedAt
    title
    titleEn: title(locale: "en")
    titleDe: title(locale: "de")
    titleNo: title(locale: "no")
    lead
    leadEn: lead(locale: "en")
    leadDe: lead(locale: "de")
    conference { slug }
    session { id title }
    speakers { slug name }
    items {
      id position askedBy
      question
      questionEn: question(locale: "en")
      questionDe: question(locale: "de")
      answer
      answerEn: answer(locale: "en")
      answerFr: answer(locale: "fr")
      answeredBy { slug }
    }
  }
}`;

// ---------------------------------------------------------------------------------------------
// The server and small helpers.

let lectern: Lectern;

beforeAll(async () => {
  lectern = await startLectern();
  await lectern.app.get(DemoLoader).load();
});

afterAll(() => lectern.close());

/** Asserts a request failed with exactly one user error of this code, naming this field. */
function expectUserError(result: GraphqlResult, code: string, field: string): void {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions).toMatchObject({ code, field });
}

/** Asserts an instant is UTC ISO-8601 (ending in Z) and is the given moment. */
function expectInstant(value: string, expected: string | DateTime): void {
  expect(value).toMatch(UTC_INSTANT);
  const millis = typeof expected === 'string' ? Date.parse(expected) : expected.toMillis();
  expect(Date.parse(value)).toBe(millis);
}

/** What every connection answers besides its nodes. */
interface Page<T = any> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const nodes = <T>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((edge) => edge.node);

async function conferenceSlugs(variables: { first?: number; after?: string | null } = {}): Promise<Page & { slugs: string[] }> {
  const { conferences } = await lectern.ok(CONFERENCES, variables);
  return { slugs: nodes<{ slug: string }>(conferences).map((c) => c.slug), ...conferences };
}

/** The titles (default locale) of a conference's sessions, in the order the API gives them. */
async function sessionTitles(
  conferenceSlug: string,
  filter?: Record<string, unknown>,
  page: { first?: number; after?: string | null } = {},
): Promise<Page & { titles: string[] }> {
  const { sessions } = await lectern.ok(SESSIONS, { conferenceSlug, filter, ...page });
  return { titles: nodes<{ title: string }>(sessions).map((s) => s.title), ...sessions };
}

async function speakerNames(
  variables: { conferenceSlug?: string; text?: string; first?: number; after?: string | null } = {},
): Promise<Page & { names: string[] }> {
  const { speakers } = await lectern.ok(SPEAKERS, variables);
  return { names: nodes<{ name: string }>(speakers).map((s) => s.name), ...speakers };
}

async function interviewSlugs(
  variables: { conferenceSlug?: string; speakerSlug?: string; first?: number; after?: string | null } = {},
): Promise<Page & { slugs: string[] }> {
  const { interviews } = await lectern.ok(INTERVIEWS, variables);
  return { slugs: nodes<{ slug: string }>(interviews).map((i) => i.slug), ...interviews };
}

/** The id of a conference's session, found by its title in the conference's default locale. */
async function sessionId(conferenceSlug: string, title: string): Promise<string> {
  const { sessions } = await lectern.ok(SESSIONS, { conferenceSlug, first: 100 });
  const session = nodes<{ id: string; title: string }>(sessions).find((s) => s.title === title);
  if (!session) throw new Error(`No session "${title}" in ${conferenceSlug}`);
  return session.id;
}

async function session(conferenceSlug: string, title: string) {
  return (await lectern.ok(SESSION, { id: await sessionId(conferenceSlug, title) })).session;
}

const speaker = async (slug: string) => (await lectern.ok(SPEAKER, { slug })).speaker;
const interview = async (slug: string) => (await lectern.ok(INTERVIEW, { slug })).interview;

// ---------------------------------------------------------------------------------------------

describe('conferences', () => {
  it('lists the four published conferences, newest first', async () => {
    const page = await conferenceSlugs();
    expect(page.slugs).toEqual(CONFERENCES_NEWEST_FIRST);
    expect(page.totalCount).toBe(4);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages with first and after: two, then the other two', async () => {
    const first = await conferenceSlugs({ first: 2 });
    expect(first.slugs).toEqual(CONFERENCES_NEWEST_FIRST.slice(0, 2));
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);
    expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);

    const second = await conferenceSlugs({ first: 2, after: first.pageInfo.endCursor });
    expect(second.slugs).toEqual(CONFERENCES_NEWEST_FIRST.slice(2));
    expect(second.totalCount).toBe(4);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const beyond = await conferenceSlugs({ first: 2, after: second.pageInfo.endCursor });
    expect(beyond.slugs).toEqual([]);
    expect(beyond.totalCount).toBe(4);
    expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('accepts first: 100 and refuses first outside 1 to 100', async () => {
    expect((await conferenceSlugs({ first: 100 })).slugs).toHaveLength(4);
    expect((await conferenceSlugs({ first: 1 })).slugs).toEqual([CONFERENCES_NEWEST_FIRST[0]]);
    for (const first of [101, 0, -1]) {
      const result = await lectern.graphql(CONFERENCES, { first });
      expectUserError(result, 'BAD_USER_INPUT', 'first');
      expect(result.data).toBeNull();
    }
  });

  it('refuses a cursor that is not one of its own', async () => {
    for (const after of ['garbage', 'not a cursor', Buffer.from('position:-1').toString('base64url')]) {
      expectUserError(await lectern.graphql(CONFERENCES, { after }), 'BAD_USER_INPUT', 'after');
    }
  });

  it('refuses a cursor cut short, rather than starting the page somewhere else', async () => {
    const { pageInfo } = await conferenceSlugs({ first: 2 });
    // A cursor copied without its last characters no longer holds a whole sort key.
    const truncated = pageInfo.endCursor!.slice(0, -3);
    expectUserError(await lectern.graphql(CONFERENCES, { first: 2, after: truncated }), 'BAD_USER_INPUT', 'after');
  });
});

describe('conference(slug)', () => {
  it('gives Internetdagarna 2020 with all its fields', async () => {
    const { conference } = await lectern.ok(CONFERENCE, { slug: 'internetdagarna-2020' });
    expect(conference).toMatchObject({
      slug: 'internetdagarna-2020',
      name: 'Internetdagarna 2020',
      series: 'Internetdagarna',
      edition: 2020,
      startDate: '2020-11-23',
      endDate: '2020-11-24',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
      venue: 'Online',
      city: 'Stockholm',
      websiteUrl: 'https://internetdagarna.se',
      organiser: null,
      status: 'PUBLISHED',
    });
    expect(conference.id).toEqual(expect.any(String));
    expect(conference.createdAt).toMatch(UTC_INSTANT);
    expect(conference.updatedAt).toMatch(UTC_INSTANT);
  });

  it('gives the description in the locale asked for, else in the default locale', async () => {
    const internetdagarna = (await lectern.ok(CONFERENCE, { slug: 'internetdagarna-2020' })).conference;
    expect(internetdagarna.description).toMatch(/^Internetdagarna är en årlig svensk konferens/);
    expect(internetdagarna.descriptionSv).toBe(internetdagarna.description);
    expect(internetdagarna.descriptionEn).toMatch(/^Internetdagarna is an annual Swedish conference/);
    expect(internetdagarna.descriptionNb).toBe(internetdagarna.description);

    const oslo = (await lectern.ok(CONFERENCE, { slug: 'teknologi-og-politikk-2020' })).conference;
    expect(oslo).toMatchObject({
      timeZone: 'Europe/Oslo',
      defaultLocale: 'nb',
      city: 'Oslo',
      edition: 2020,
      series: 'Teknologi og politikk',
    });
    expect(oslo.description).toMatch(/^Teknologi og politikk er en norsk konferanse/);
    expect(oslo.descriptionNb).toBe(oslo.description);
    expect(oslo.descriptionEn).toMatch(/^Teknologi og politikk \(Technology and Politics\) is a Norwegian conference/);
    expect(oslo.descriptionSv).toBe(oslo.description);
  });

  it('lists rooms, an online room with its stream URL', async () => {
    const internetdagarna = (await lectern.ok(CONFERENCE, { slug: 'internetdagarna-2020' })).conference;
    expect(internetdagarna.rooms).toEqual([
      {
        id: expect.any(String),
        slug: 'online',
        name: 'Online',
        online: true,
        streamUrl: 'https://internetdagarna.se',
        capacity: null,
        position: 0,
      },
    ]);
    const digstrat = (await lectern.ok(CONFERENCE, { slug: 'digstrat-2018' })).conference;
    expect(digstrat.rooms).toEqual([
      { id: expect.any(String), slug: 'huvudscenen', name: 'Huvudscenen', online: false, streamUrl: null, capacity: null, position: 0 },
    ]);
    expect(digstrat.organiser).toBe('Summit & Friends');
  });

  it('lists tracks in their order', async () => {
    const umea = (await lectern.ok(CONFERENCE, { slug: 'umea-jobbhackathon-2016' })).conference;
    expect(umea.tracks.map(({ slug, name, position, color }: Record<string, unknown>) => ({ slug, name, position, color }))).toEqual([
      { slug: 'hackathon', name: 'Hackathon', position: 0, color: null },
      { slug: 'inspiration', name: 'Inspirationsföreläsningar', position: 1, color: null },
    ]);
    expect((await lectern.ok(CONFERENCE, { slug: 'internetdagarna-2020' })).conference.tracks).toEqual([]);
  });

  it('has its sessions and speakers as connections', async () => {
    const umea = (await lectern.ok(CONFERENCE, { slug: 'umea-jobbhackathon-2016' })).conference;
    expect(nodes<{ title: string }>(umea.sessions).map((s) => s.title)).toEqual(UMEA_TITLES_IN_TIME_ORDER);
    expect(umea.sessions.totalCount).toBe(4);
    expect(nodes(umea.speakers)).toEqual([
      { slug: 'erik-sandstrom', name: 'Erik Sandström' },
      { slug: 'lieselot-danneels', name: 'Lieselot Danneels' },
      { slug: 'olle-lundin', name: 'Olle Lundin' },
    ]);
    expect(umea.speakers.totalCount).toBe(3);
  });

  it('filters and pages its sessions and speakers like the top-level queries', async () => {
    const page = async (variables: Record<string, unknown>) =>
      (await lectern.ok(CONFERENCE_PARTS, { slug: 'umea-jobbhackathon-2016', ...variables })).conference;
    const first = await page({ first: 2 });
    expect(nodes<{ title: string }>(first.sessions).map((s) => s.title)).toEqual(UMEA_TITLES_IN_TIME_ORDER.slice(0, 2));
    expect(first.sessions.pageInfo.hasNextPage).toBe(true);
    expect(nodes<{ name: string }>(first.speakers).map((s) => s.name)).toEqual(['Erik Sandström', 'Lieselot Danneels']);
    expect(first.speakers).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });

    const filtered = await page({ filter: { track: ['inspiration'], text: 'SANDSTRÖM' }, text: 'lundin' });
    expect(nodes(filtered.sessions)).toEqual([{ title: UMEA_SANDSTROM }]);
    expect(nodes(filtered.speakers)).toEqual([{ name: 'Olle Lundin' }]);
  });

  it('gives null and a NOT_FOUND error naming "slug" for an unknown conference', async () => {
    const result = await lectern.graphql(CONFERENCE, { slug: 'no-such-conference' });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ conference: null });
    expectUserError(result, 'NOT_FOUND', 'slug');
  });
});

describe('sessions(conferenceSlug, filter, first, after)', () => {
  it("lists a conference's sessions in time order", async () => {
    const umea = await sessionTitles('umea-jobbhackathon-2016');
    expect(umea.titles).toEqual(UMEA_TITLES_IN_TIME_ORDER);
    expect(umea.totalCount).toBe(4);
    const starts = nodes<{ startsAt: string }>(umea).map((s) => Date.parse(s.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    expect((await sessionTitles('digstrat-2018')).titles).toEqual([DIGSTRAT_LANER, DIGSTRAT_SANDSTROM]);
    expect((await sessionTitles('internetdagarna-2020')).titles).toEqual([INTERNETDAGARNA_TALK]);
    expect((await sessionTitles('teknologi-og-politikk-2020')).titles).toEqual([OSLO_PANEL]);
  });

  it('pages with first and after', async () => {
    const first = await sessionTitles('umea-jobbhackathon-2016', undefined, { first: 3 });
    expect(first.titles).toEqual(UMEA_TITLES_IN_TIME_ORDER.slice(0, 3));
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const rest = await sessionTitles('umea-jobbhackathon-2016', undefined, { first: 3, after: first.pageInfo.endCursor });
    expect(rest.titles).toEqual(UMEA_TITLES_IN_TIME_ORDER.slice(3));
    expect(rest).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: true } });

    expectUserError(await lectern.graphql(SESSIONS, { conferenceSlug: 'umea-jobbhackathon-2016', first: 101 }), 'BAD_USER_INPUT', 'first');
    expectUserError(
      await lectern.graphql(SESSIONS, { conferenceSlug: 'umea-jobbhackathon-2016', after: 'garbage' }),
      'BAD_USER_INPUT',
      'after',
    );
  });

  describe('filter', () => {
    it("day: the days asked for, in the conference's time zone", async () => {
      expect((await sessionTitles('umea-jobbhackathon-2016', { day: ['2016-10-03'] })).titles).toEqual(UMEA_TITLES_IN_TIME_ORDER);
      expect((await sessionTitles('umea-jobbhackathon-2016', { day: ['2016-10-06'] })).titles).toEqual([]);
      // The hackathon runs from the 3rd to the 5th: it belongs to each day it overlaps.
      expect((await sessionTitles('umea-jobbhackathon-2016', { day: ['2016-10-04'] })).titles).toEqual([UMEA_HACKATHON]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { day: ['2016-10-05'] })).titles).toEqual([UMEA_HACKATHON]);
      // Internetdagarna's first day has nothing in the demo; its talk is on the second.
      expect((await sessionTitles('internetdagarna-2020', { day: ['2020-11-23'] })).titles).toEqual([]);
      expect((await sessionTitles('internetdagarna-2020', { day: ['2020-11-24'] })).titles).toEqual([INTERNETDAGARNA_TALK]);
      expect((await sessionTitles('internetdagarna-2020', { day: ['2020-11-23', '2020-11-24'] })).titles).toEqual([INTERNETDAGARNA_TALK]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { day: ['2020-08-19'] })).titles).toEqual([OSLO_PANEL]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { day: ['2020-08-18'] })).titles).toEqual([]);
    });

    it('day: refuses a day that is not a date, naming its place in the list', async () => {
      const invalid = await lectern.graphql(SESSIONS, { conferenceSlug: 'internetdagarna-2020', filter: { day: ['2020-13-45'] } });
      expectUserError(invalid, 'BAD_USER_INPUT', 'filter.day[0]');
      expect(invalid.data).toBeNull();
      const second = await lectern.graphql(SESSIONS, {
        conferenceSlug: 'internetdagarna-2020',
        filter: { day: ['2020-11-24', '24/11/2020'] },
      });
      expectUserError(second, 'BAD_USER_INPUT', 'filter.day[1]');
      expectUserError(
        await lectern.graphql(SESSIONS, { conferenceSlug: 'internetdagarna-2020', filter: { day: ['2020-02-30'] } }),
        'BAD_USER_INPUT',
        'filter.day[0]',
      );
    });

    it('track: sessions of the tracks named', async () => {
      expect((await sessionTitles('umea-jobbhackathon-2016', { track: ['hackathon'] })).titles).toEqual([UMEA_HACKATHON]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { track: ['inspiration'] })).titles).toEqual(
        UMEA_TITLES_IN_TIME_ORDER.slice(1),
      );
      expect((await sessionTitles('umea-jobbhackathon-2016', { track: ['hackathon', 'inspiration'] })).titles).toEqual(
        UMEA_TITLES_IN_TIME_ORDER,
      );
      expect((await sessionTitles('teknologi-og-politikk-2020', { track: ['digital-etikk-og-politikk'] })).titles).toEqual([OSLO_PANEL]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { track: ['no-such-track'] })).titles).toEqual([]);
    });

    it('room: sessions in the rooms named, of this conference only', async () => {
      expect((await sessionTitles('internetdagarna-2020', { room: ['online'] })).titles).toEqual([INTERNETDAGARNA_TALK]);
      expect((await sessionTitles('digstrat-2018', { room: ['huvudscenen'] })).titles).toEqual([DIGSTRAT_LANER, DIGSTRAT_SANDSTROM]);
      // Another conference's room slug matches nothing here.
      expect((await sessionTitles('digstrat-2018', { room: ['online'] })).titles).toEqual([]);
    });

    it('format: sessions of the formats named', async () => {
      expect((await sessionTitles('umea-jobbhackathon-2016', { format: ['HACKATHON'] })).titles).toEqual([UMEA_HACKATHON]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { format: ['TALK'] })).titles).toEqual(UMEA_TITLES_IN_TIME_ORDER.slice(1));
      expect((await sessionTitles('teknologi-og-politikk-2020', { format: ['PANEL'] })).titles).toEqual([OSLO_PANEL]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { format: ['TALK', 'KEYNOTE'] })).titles).toEqual([]);
    });

    it("language: sessions held in the languages named, whatever the tag's case", async () => {
      expect((await sessionTitles('umea-jobbhackathon-2016', { language: ['en'] })).titles).toEqual([UMEA_DANNEELS]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { language: ['EN'] })).titles).toEqual([UMEA_DANNEELS]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { language: ['sv'] })).titles).toEqual(
        UMEA_TITLES_IN_TIME_ORDER.filter((title) => title !== UMEA_DANNEELS),
      );
      expect((await sessionTitles('teknologi-og-politikk-2020', { language: ['nb'] })).titles).toEqual([OSLO_PANEL]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { language: ['sv'] })).titles).toEqual([]);
    });

    it('speaker: sessions the speakers named appear in', async () => {
      expect((await sessionTitles('digstrat-2018', { speaker: ['erik-sandstrom'] })).titles).toEqual([DIGSTRAT_SANDSTROM]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { speaker: ['erik-sandstrom'] })).titles).toEqual([UMEA_SANDSTROM]);
      expect((await sessionTitles('digstrat-2018', { speaker: ['erik-sandstrom', 'carl-martin-laner'] })).titles).toEqual([
        DIGSTRAT_LANER,
        DIGSTRAT_SANDSTROM,
      ]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { speaker: ['pia-josendal'] })).titles).toEqual([OSLO_PANEL]);
      expect((await sessionTitles('internetdagarna-2020', { speaker: ['erik-sandstrom'] })).titles).toEqual([]);
    });

    it('status: sessions with the statuses named', async () => {
      // Every demo session is TENTATIVE: its time is not confirmed.
      expect((await sessionTitles('umea-jobbhackathon-2016', { status: ['TENTATIVE'] })).titles).toEqual(UMEA_TITLES_IN_TIME_ORDER);
      expect((await sessionTitles('umea-jobbhackathon-2016', { status: ['CONFIRMED'] })).titles).toEqual([]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { status: ['CONFIRMED', 'CANCELLED'] })).titles).toEqual([]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { status: ['CONFIRMED', 'TENTATIVE'] })).totalCount).toBe(4);
    });

    it('text: words of a title, whatever their case and accents', async () => {
      for (const text of ['samhallets', 'Samhällets', 'SAMHALLETS TJANST', 'innovation i samhällets']) {
        expect((await sessionTitles('internetdagarna-2020', { text })).titles).toEqual([INTERNETDAGARNA_TALK]);
      }
      expect((await sessionTitles('umea-jobbhackathon-2016', { text: 'ekosystem' })).titles).toEqual([UMEA_DANNEELS, UMEA_SANDSTROM]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { text: 'OPPNA DATA' })).titles).toEqual([UMEA_SANDSTROM]);
      expect((await sessionTitles('digstrat-2018', { text: 'rorelse' })).titles).toEqual([DIGSTRAT_SANDSTROM]);
      expect((await sessionTitles('internetdagarna-2020', { text: 'blockchain' })).titles).toEqual([]);
      // Every word must be found, in any order and in any of the searched texts.
      expect((await sessionTitles('internetdagarna-2020', { text: 'samhällets innovation' })).titles).toEqual([INTERNETDAGARNA_TALK]);
      expect((await sessionTitles('digstrat-2018', { text: 'Sandström innovation' })).titles).toEqual([DIGSTRAT_SANDSTROM]);
      expect((await sessionTitles('internetdagarna-2020', { text: 'samhällets blockchain' })).titles).toEqual([]);
    });

    it('text: words of the title or abstract in any of its languages', async () => {
      expect((await sessionTitles('internetdagarna-2020', { text: 'service of society' })).titles).toEqual([INTERNETDAGARNA_TALK]);
      expect((await sessionTitles('internetdagarna-2020', { text: 'skattefinansierade' })).titles).toEqual([INTERNETDAGARNA_TALK]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { text: 'offentlige innkjøp' })).titles).toEqual([OSLO_PANEL]);
    });

    it("text: a speaker's name, without its accents", async () => {
      expect((await sessionTitles('umea-jobbhackathon-2016', { text: 'sandstrom' })).titles).toEqual([UMEA_SANDSTROM]);
      expect((await sessionTitles('digstrat-2018', { text: 'Sandström' })).titles).toEqual([DIGSTRAT_SANDSTROM]);
      expect((await sessionTitles('digstrat-2018', { text: 'laner' })).titles).toEqual([DIGSTRAT_LANER]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { text: 'sandvik' })).titles).toEqual([OSLO_PANEL]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { text: 'Jøsendal' })).titles).toEqual([OSLO_PANEL]);
      expect((await sessionTitles('teknologi-og-politikk-2020', { text: 'Løkke' })).titles).toEqual([OSLO_PANEL]);
    });

    it('text: takes % and _ literally and ignores blank text', async () => {
      expect((await sessionTitles('umea-jobbhackathon-2016', { text: '%' })).titles).toEqual([]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { text: '_' })).titles).toEqual([]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { text: '   ' })).titles).toEqual(UMEA_TITLES_IN_TIME_ORDER);
    });

    it('combines fields: each one narrows the list', async () => {
      expect((await sessionTitles('umea-jobbhackathon-2016', { track: ['inspiration'], language: ['sv'] })).titles).toEqual([
        'Hackathon som ett sätt att våga pröva',
        UMEA_SANDSTROM,
      ]);
      expect(
        (
          await sessionTitles('umea-jobbhackathon-2016', {
            day: ['2016-10-03'],
            format: ['TALK'],
            text: 'ekosystem',
            speaker: ['lieselot-danneels'],
          })
        ).titles,
      ).toEqual([UMEA_DANNEELS]);
      expect((await sessionTitles('umea-jobbhackathon-2016', { track: ['hackathon'], format: ['TALK'] })).titles).toEqual([]);
      expect(
        (await sessionTitles('digstrat-2018', { room: ['huvudscenen'], speaker: ['carl-martin-laner'], status: ['TENTATIVE'] })).titles,
      ).toEqual([DIGSTRAT_LANER]);
    });
  });

  it('gives NOT_FOUND naming "conferenceSlug" for an unknown conference', async () => {
    const result = await lectern.graphql(SESSIONS, { conferenceSlug: 'no-such-conference' });
    expectUserError(result, 'NOT_FOUND', 'conferenceSlug');
    expect(result.data).toBeNull();
  });
});

describe('session(id)', () => {
  it('gives the Teknologi og politikk panel with all its fields', async () => {
    const panel = await session('teknologi-og-politikk-2020', OSLO_PANEL);
    expect(panel).toMatchObject({
      format: 'PANEL',
      language: 'nb',
      status: 'TENTATIVE',
      published: true,
      notes: expect.stringMatching(/^The date \(19 August 2020\) and the length .* are confirmed; the time of day is not\.$/),
      title: OSLO_PANEL,
      recordingUrl: null,
      slidesUrl: null,
      streamUrl: null,
      room: { slug: 'hovedscenen', name: 'Hovedscenen', online: false, streamUrl: null },
      track: { slug: 'digital-etikk-og-politikk', name: 'Digital etikk og politikk' },
      conference: { slug: 'teknologi-og-politikk-2020', name: 'Teknologi og politikk 2020', timeZone: 'Europe/Oslo' },
      interviews: [{ slug: 'innovasjon-i-privat-og-offentlig-sektor', title: OSLO_PANEL }],
    });
    expect(panel.uid).toMatch(UUID);
    expect(Number.isInteger(panel.revision) && panel.revision >= 0).toBe(true);
    expect(panel.abstract).toMatch(/^En samtale om hvor godt Norge lykkes med innovasjon/);
    expect(panel.abstractEn).toMatch(/^A conversation about how well Norway does at innovation/);
    expect(panel.createdAt).toMatch(UTC_INSTANT);
    expect(panel.updatedAt).toMatch(UTC_INSTANT);
  });

  it('gives Oslo local times at +02:00 in August, two hours ahead of the UTC instants', async () => {
    const panel = await session('teknologi-og-politikk-2020', OSLO_PANEL);
    const demo = demoTimes('teknologi-og-politikk-2020', OSLO_PANEL);
    expect(demo.start.toISO({ suppressMilliseconds: true })).toBe('2020-08-19T10:00:00+02:00');
    expect(panel.timeZone).toBe('Europe/Oslo');
    expectInstant(panel.startsAt, '2020-08-19T08:00:00Z');
    expectInstant(panel.endsAt, '2020-08-19T08:20:00Z');
    expectInstant(panel.startsAt, demo.start);
    expect(panel.localStartsAt).toBe('2020-08-19T10:00:00+02:00');
    expect(panel.localEndsAt).toBe('2020-08-19T10:20:00+02:00');
  });

  it('gives Stockholm local times at +01:00 in November, one hour ahead of the UTC instants', async () => {
    const talk = await session('internetdagarna-2020', INTERNETDAGARNA_TALK);
    const demo = demoTimes('internetdagarna-2020', INTERNETDAGARNA_TALK);
    expect(demo.start.toISO({ suppressMilliseconds: true })).toBe('2020-11-24T10:00:00+01:00');
    expect(talk.timeZone).toBe('Europe/Stockholm');
    expectInstant(talk.startsAt, '2020-11-24T09:00:00Z');
    expectInstant(talk.endsAt, '2020-11-24T09:45:00Z');
    expectInstant(talk.endsAt, demo.end);
    expect(talk.localStartsAt).toBe('2020-11-24T10:00:00+01:00');
    expect(talk.localEndsAt).toBe('2020-11-24T10:45:00+01:00');
  });

  it("gives every demo session the local times of the demo programme, in its conference's zone", async () => {
    for (const conference of demoProgramme.conferences) {
      for (const demo of conference.sessions) {
        const found = await session(conference.slug, demo.title[conference.defaultLocale]);
        const start = DateTime.fromISO(demo.start!, { zone: conference.timeZone });
        const end = DateTime.fromISO(demo.end!, { zone: conference.timeZone });
        expect(found.timeZone).toBe(conference.timeZone);
        expect(found.localStartsAt).toBe(start.toISO({ suppressMilliseconds: true }));
        expect(found.localStartsAt.slice(0, 16)).toBe(demo.start);
        expect(found.localEndsAt.slice(0, 16)).toBe(demo.end);
        expectInstant(found.startsAt, start);
        expectInstant(found.endsAt, end);
      }
    }
  });

  it('spans days: the Umeå hackathon runs from the 3rd to the 5th of October, summer time', async () => {
    const hackathon = await session('umea-jobbhackathon-2016', UMEA_HACKATHON);
    expectInstant(hackathon.startsAt, '2016-10-03T07:00:00Z');
    expectInstant(hackathon.endsAt, '2016-10-05T14:00:00Z');
    expect(hackathon.localStartsAt).toBe('2016-10-03T09:00:00+02:00');
    expect(hackathon.localEndsAt).toBe('2016-10-05T16:00:00+02:00');
    expect(hackathon).toMatchObject({ format: 'HACKATHON', track: { slug: 'hackathon' }, appearances: [], interviews: [] });
    // Nobody has changed it since it was created.
    expect(hackathon.revision).toBe(0);
  });

  it('lists the appearances in order, with role, title and organisation of the time', async () => {
    const panel = await session('teknologi-og-politikk-2020', OSLO_PANEL);
    expect(panel.appearances.map(({ id: _, session: s, ...rest }: Record<string, unknown>) => ({ ...rest, session: s }))).toEqual([
      {
        position: 0,
        role: 'MODERATOR',
        title: 'rådgiver',
        organisation: 'Civita',
        affiliation: 'rådgiver, Civita',
        speaker: { slug: 'eirik-lokke', name: 'Eirik Løkke' },
        session: { id: panel.id },
      },
      {
        position: 1,
        role: 'PANELIST',
        title: 'fylkesordfører',
        organisation: 'Trøndelag fylkeskommune',
        affiliation: 'fylkesordfører, Trøndelag fylkeskommune',
        speaker: { slug: 'tore-sandvik', name: 'Tore Sandvik' },
        session: { id: panel.id },
      },
      {
        position: 2,
        role: 'PANELIST',
        title: 'avdelingsleder',
        organisation: 'Asker kommune / OneTeamGov',
        affiliation: 'avdelingsleder, Asker kommune / OneTeamGov',
        speaker: { slug: 'pia-josendal', name: 'Pia Jøsendal' },
        session: { id: panel.id },
      },
    ]);
    expect(panel.appearances.every((a: { id: unknown }) => typeof a.id === 'string')).toBe(true);
  });

  it('gives the affiliation from the organisation alone when there is no title', async () => {
    const talk = await session('internetdagarna-2020', INTERNETDAGARNA_TALK);
    expect(talk.appearances).toMatchObject([
      {
        position: 0,
        role: 'SPEAKER',
        title: null,
        organisation: 'JobTech Development (Arbetsförmedlingen)',
        affiliation: 'JobTech Development (Arbetsförmedlingen)',
        speaker: { slug: 'gregory-golding', name: 'Gregory Golding' },
      },
    ]);
    expect(talk).toMatchObject({
      room: { slug: 'online', name: 'Online', online: true, streamUrl: 'https://internetdagarna.se' },
      track: null,
      interviews: [{ slug: 'fem-fragor-till-gregory-golding', title: 'Fem frågor till Gregory Golding' }],
      notes: 'The date (24 November 2020) is confirmed; the time of day is not.',
    });
  });

  it('gives NOT_FOUND naming "id" for an unknown id and for one that is not a number', async () => {
    for (const id of ['999999', 'abc', '0', '-1']) {
      const result = await lectern.graphql(SESSION, { id });
      expect(result.data).toEqual({ session: null });
      expectUserError(result, 'NOT_FOUND', 'id');
    }
  });
});

describe('locale fallback', () => {
  it('session title and abstract: the locale asked for, else the same language, else the conference default', async () => {
    const panel = await session('teknologi-og-politikk-2020', OSLO_PANEL);
    expect(panel).toMatchObject({
      title: OSLO_PANEL,
      titleNb: OSLO_PANEL,
      titleEn: 'Innovation in the private and public sectors',
      titleEnGb: 'Innovation in the private and public sectors',
      titleNo: OSLO_PANEL,
      titleDe: OSLO_PANEL,
      // Swedish is not Norwegian: without a Swedish text, the conference default (nb).
      titleSv: OSLO_PANEL,
    });
    expect(panel.abstractDe).toBe(panel.abstract);
    expect(panel.abstract).toMatch(/^En samtale/);
  });

  it('session title: the conference default, not the session language, when no locale is asked for', async () => {
    const vdab = await session('umea-jobbhackathon-2016', UMEA_DANNEELS);
    expect(vdab.language).toBe('en');
    expect(vdab).toMatchObject({
      title: UMEA_DANNEELS,
      titleSv: UMEA_DANNEELS,
      titleEn: 'VDAB: becoming a digital agency with an ecosystem of partners',
      titleDe: UMEA_DANNEELS,
    });
  });

  it("interview title, lead, question and answer fall back to the interview's language", async () => {
    const panel = await interview('innovasjon-i-privat-og-offentlig-sektor');
    expect(panel).toMatchObject({
      language: 'nb',
      title: 'Innovasjon i privat og offentlig sektor',
      titleEn: 'Innovation in the private and public sectors',
      titleDe: 'Innovasjon i privat og offentlig sektor',
      titleNo: 'Innovasjon i privat og offentlig sektor',
    });
    expect(panel.lead).toMatch(/^Eirik Løkke fra Civita leder en samtale/);
    expect(panel.leadDe).toBe(panel.lead);
    expect(panel.leadEn).toMatch(/^Eirik Løkke of Civita leads a conversation/);
    expect(panel.items[0]).toMatchObject({
      question: 'Hvor god er Norge på innovasjon, og hva er viktigst å bli bedre på?',
      questionEn: 'How good is Norway at innovation, and what matters most to improve?',
      questionDe: 'Hvor god er Norge på innovasjon, og hva er viktigst å bli bedre på?',
      answer: 'Tore Sandvik gir sin vurdering av hvor Norge står, og peker på det han mener er viktigst å forbedre.',
      answerEn: 'Tore Sandvik gives his assessment of where Norway stands and points to what he sees as most important to improve.',
      answerFr: 'Tore Sandvik gir sin vurdering av hvor Norge står, og peker på det han mener er viktigst å forbedre.',
    });

    const swedish = await interview('fem-fragor-till-gregory-golding');
    expect(swedish).toMatchObject({ title: 'Fem frågor till Gregory Golding', titleDe: 'Fem frågor till Gregory Golding' });
    expect(swedish.items[3]).toMatchObject({
      question: 'Vilken är den största utmaningen?',
      questionDe: 'Vilken är den största utmaningen?',
      questionEn: 'What is the biggest challenge?',
      answerFr: 'Att regelverken inte hänger med i digitaliseringens takt.',
      answerEn: 'That regulation does not keep pace with digitalisation.',
    });
  });

  it('speaker bio: the locale asked for, else the same language, else the first one written', async () => {
    const lokke = await speaker('eirik-lokke');
    const norwegian = 'Eirik Løkke har vært rådgiver i Civita og leder samtaler om teknologi, politikk og samfunn.';
    expect(lokke).toMatchObject({
      bio: norwegian,
      bioNb: norwegian,
      bioNo: norwegian,
      bioDe: norwegian,
      bioEn: 'Eirik Løkke has been an adviser at Civita and moderates conversations about technology, politics and society.',
    });

    const danneels = await speaker('lieselot-danneels');
    expect(danneels.bio).toMatch(/^Lieselot Danneels is a researcher at Vlerick Business School/);
    expect(danneels.bioSv).toBe(danneels.bio);

    const sandstrom = await speaker('erik-sandstrom');
    expect(sandstrom.bio).toMatch(/^Erik Sandström har haft flera ledande roller/);
    expect(sandstrom.bioEn).toMatch(/^Erik Sandström held several leading digital roles/);
    expect(sandstrom.bioNo).toBe(sandstrom.bio);
  });
});

describe('speakers(conferenceSlug, text, first, after)', () => {
  it('lists every speaker once, by name, across all conferences', async () => {
    const all = await speakerNames();
    expect(all.names).toEqual(ALL_SPEAKERS_BY_NAME);
    expect(all.totalCount).toBe(8);
    // Erik Sandström spoke in Umeå in 2016 and at DigStrat in 2018, and is one person.
    expect(all.names.filter((name) => name === 'Erik Sandström')).toHaveLength(1);
  });

  it("lists a conference's speakers", async () => {
    expect((await speakerNames({ conferenceSlug: 'teknologi-og-politikk-2020' })).names).toEqual([
      'Eirik Løkke',
      'Pia Jøsendal',
      'Tore Sandvik',
    ]);
    expect((await speakerNames({ conferenceSlug: 'digstrat-2018' })).names).toEqual(['Carl-Martin Lanér', 'Erik Sandström']);
    expect((await speakerNames({ conferenceSlug: 'internetdagarna-2020' })).names).toEqual(['Gregory Golding']);
  });

  it('pages with first and after', async () => {
    const first = await speakerNames({ first: 5 });
    expect(first.names).toEqual(ALL_SPEAKERS_BY_NAME.slice(0, 5));
    expect(first).toMatchObject({ totalCount: 8, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const rest = await speakerNames({ first: 5, after: first.pageInfo.endCursor });
    expect(rest.names).toEqual(ALL_SPEAKERS_BY_NAME.slice(5));
    expect(rest).toMatchObject({ totalCount: 8, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expectUserError(await lectern.graphql(SPEAKERS, { first: 0 }), 'BAD_USER_INPUT', 'first');
    expectUserError(await lectern.graphql(SPEAKERS, { after: 'garbage' }), 'BAD_USER_INPUT', 'after');
  });

  it('finds speakers by part of a name, whatever its case and accents', async () => {
    expect((await speakerNames({ text: 'sandstrom' })).names).toEqual(['Erik Sandström']);
    expect((await speakerNames({ text: 'SANDSTRÖM' })).names).toEqual(['Erik Sandström']);
    expect((await speakerNames({ text: 'san' })).names).toEqual(['Erik Sandström', 'Tore Sandvik']);
    expect((await speakerNames({ text: 'erik' })).names).toEqual(['Erik Sandström']);
    expect((await speakerNames({ text: 'irik' })).names).toEqual(['Eirik Løkke']);
    expect((await speakerNames({ text: 'laner' })).names).toEqual(['Carl-Martin Lanér']);
    expect((await speakerNames({ text: 'olle lund' })).names).toEqual(['Olle Lundin']);
  });

  it('finds a speaker by another spelling of the name', async () => {
    expect((await speakerNames({ text: 'Carl-Magnus' })).names).toEqual(['Carl-Martin Lanér']);
  });

  it('finds Eirik Løkke by the name as written: ø is a letter of its own, not an accented o', async () => {
    expect((await speakerNames({ text: 'løkke' })).names).toEqual(['Eirik Løkke']);
    expect((await speakerNames({ text: 'LØKKE' })).names).toEqual(['Eirik Løkke']);
    expect((await speakerNames({ text: 'jøsendal' })).names).toEqual(['Pia Jøsendal']);
  });

  it('combines a conference with text', async () => {
    expect((await speakerNames({ conferenceSlug: 'umea-jobbhackathon-2016', text: 'sandstrom' })).names).toEqual(['Erik Sandström']);
    expect((await speakerNames({ conferenceSlug: 'internetdagarna-2020', text: 'sandstrom' })).names).toEqual([]);
    expect((await speakerNames({ conferenceSlug: 'teknologi-og-politikk-2020', text: 'san' })).names).toEqual(['Tore Sandvik']);
  });

  it('does not list Silvija Seres, who asked a question but is not a speaker', async () => {
    expect((await speakerNames({ text: 'seres' })).names).toEqual([]);
    expect((await speakerNames({ text: 'silvija' })).totalCount).toBe(0);
  });

  it('gives NOT_FOUND naming "conferenceSlug" for an unknown conference', async () => {
    const result = await lectern.graphql(SPEAKERS, { conferenceSlug: 'no-such-conference' });
    expectUserError(result, 'NOT_FOUND', 'conferenceSlug');
  });
});

describe('speaker(slug)', () => {
  it("gives Erik Sandström's two appearances, oldest first, with the title he had at each", async () => {
    const sandstrom = await speaker('erik-sandstrom');
    expect(sandstrom).toMatchObject({ slug: 'erik-sandstrom', name: 'Erik Sandström', otherNames: [], photoUrl: null, links: [] });
    expect(sandstrom.appearances).toEqual([
      {
        role: 'SPEAKER',
        title: 'chef för avdelningen för digitala tjänster',
        organisation: 'Arbetsförmedlingen',
        affiliation: 'chef för avdelningen för digitala tjänster, Arbetsförmedlingen',
        speaker: { slug: 'erik-sandstrom' },
        session: { title: UMEA_SANDSTROM, conference: { slug: 'umea-jobbhackathon-2016' } },
      },
      {
        role: 'SPEAKER',
        title: 'digitaliseringsdirektör',
        organisation: 'Arbetsförmedlingen',
        affiliation: 'digitaliseringsdirektör, Arbetsförmedlingen',
        speaker: { slug: 'erik-sandstrom' },
        session: { title: DIGSTRAT_SANDSTROM, conference: { slug: 'digstrat-2018' } },
      },
    ]);
    expect(sandstrom.interviews).toEqual([{ slug: 'intervju-erik-sandstrom' }]);
    expect(sandstrom.createdAt).toMatch(UTC_INSTANT);
  });

  it('gives other spellings of a name', async () => {
    const laner = await speaker('carl-martin-laner');
    expect(laner.name).toBe('Carl-Martin Lanér');
    expect(laner.otherNames).toContain('Carl-Magnus Lanér');
    expect(laner.interviews).toEqual([{ slug: 'intervju-carl-martin-laner' }]);
    expect(laner.appearances).toMatchObject([{ affiliation: 'kommundirektör, Karlskrona kommun', session: { title: DIGSTRAT_LANER } }]);
  });

  it('lists the interviews a speaker took part in', async () => {
    expect((await speaker('pia-josendal')).interviews).toEqual([{ slug: 'innovasjon-i-privat-og-offentlig-sektor' }]);
    expect((await speaker('gregory-golding')).interviews).toEqual([{ slug: 'fem-fragor-till-gregory-golding' }]);
    expect((await speaker('olle-lundin')).interviews).toEqual([]);
  });

  it('gives null and NOT_FOUND naming "slug" for an unknown speaker, and for someone who is not a speaker', async () => {
    for (const slug of ['no-such-speaker', 'silvija-seres']) {
      const result = await lectern.graphql(SPEAKER, { slug });
      expect(result.data).toEqual({ speaker: null });
      expectUserError(result, 'NOT_FOUND', 'slug');
    }
  });
});

describe('interviews(conferenceSlug, speakerSlug) and interview(slug)', () => {
  it('lists all four interviews, newest first', async () => {
    const all = await interviewSlugs();
    expect(all.totalCount).toBe(4);
    // Only the Internetdagarna interview has a publication date; it comes first.
    expect(all.slugs[0]).toBe('fem-fragor-till-gregory-golding');
    expect([...all.slugs].sort()).toEqual([
      'fem-fragor-till-gregory-golding',
      'innovasjon-i-privat-og-offentlig-sektor',
      'intervju-carl-martin-laner',
      'intervju-erik-sandstrom',
    ]);

    const first = await interviewSlugs({ first: 3 });
    expect(first.slugs).toEqual(all.slugs.slice(0, 3));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await interviewSlugs({ first: 3, after: first.pageInfo.endCursor });
    expect(rest.slugs).toEqual(all.slugs.slice(3));
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('narrows to a conference, to a speaker, or to both', async () => {
    expect([...(await interviewSlugs({ conferenceSlug: 'digstrat-2018' })).slugs].sort()).toEqual([
      'intervju-carl-martin-laner',
      'intervju-erik-sandstrom',
    ]);
    expect((await interviewSlugs({ conferenceSlug: 'internetdagarna-2020' })).slugs).toEqual(['fem-fragor-till-gregory-golding']);
    expect((await interviewSlugs({ conferenceSlug: 'umea-jobbhackathon-2016' })).slugs).toEqual([]);
    expect((await interviewSlugs({ speakerSlug: 'tore-sandvik' })).slugs).toEqual(['innovasjon-i-privat-og-offentlig-sektor']);
    expect((await interviewSlugs({ speakerSlug: 'erik-sandstrom' })).slugs).toEqual(['intervju-erik-sandstrom']);
    expect((await interviewSlugs({ conferenceSlug: 'digstrat-2018', speakerSlug: 'carl-martin-laner' })).slugs).toEqual([
      'intervju-carl-martin-laner',
    ]);
    expect((await interviewSlugs({ conferenceSlug: 'internetdagarna-2020', speakerSlug: 'carl-martin-laner' })).slugs).toEqual([]);
  });

  it('gives NOT_FOUND naming the argument for an unknown conference or speaker', async () => {
    expectUserError(await lectern.graphql(INTERVIEWS, { conferenceSlug: 'no-such-conference' }), 'NOT_FOUND', 'conferenceSlug');
    expectUserError(await lectern.graphql(INTERVIEWS, { speakerSlug: 'no-such-speaker' }), 'NOT_FOUND', 'speakerSlug');
  });

  it('gives "Fem frågor till Gregory Golding" with its five questions in order', async () => {
    const fem = await interview('fem-fragor-till-gregory-golding');
    expect(fem).toMatchObject({
      slug: 'fem-fragor-till-gregory-golding',
      language: 'sv',
      author: null,
      publishedOn: '2020-11-11',
      sourceUrl: 'https://internetdagarna.se/program/innovation-i-samhallets-tjanst/',
      published: true,
      title: 'Fem frågor till Gregory Golding',
      titleEn: 'Five questions for Gregory Golding',
      conference: { slug: 'internetdagarna-2020' },
      session: { title: INTERNETDAGARNA_TALK },
      speakers: [{ slug: 'gregory-golding', name: 'Gregory Golding' }],
    });
    expect(fem.session.id).toBe(await sessionId('internetdagarna-2020', INTERNETDAGARNA_TALK));
    expect(fem.lead).toMatch(/^Inför Internetdagarna 2020 svarade Gregory Golding/);
    expect(fem.leadEn).toMatch(/^Ahead of Internetdagarna 2020, Gregory Golding/);
    expect(fem.createdAt).toMatch(UTC_INSTANT);
    expect(fem.items.map((item: { position: number; question: string }) => [item.position, item.question])).toEqual([
      [0, 'Vad handlar temat Innovation i samhällets tjänst om?'],
      [1, 'Hur uppstår innovation när myndigheter och privata aktörer samarbetar?'],
      [2, 'Kan du ge ett exempel på ett sådant samarbete?'],
      [3, 'Vilken är den största utmaningen?'],
      [4, 'Vad vill du att publiken ska ta med sig?'],
    ]);
    expect(fem.items[2].answer).toMatch(/^Ett exempel är samarbetet med försäkringsbolaget AXA/);
    for (const item of fem.items)
      expect(item).toMatchObject({ answeredBy: { slug: 'gregory-golding' }, askedBy: null, id: expect.any(String) });
  });

  it('gives the panel conversation: its speakers in order, who answered, and the audience question', async () => {
    const panel = await interview('innovasjon-i-privat-og-offentlig-sektor');
    expect(panel).toMatchObject({
      publishedOn: null,
      sourceUrl: null,
      conference: { slug: 'teknologi-og-politikk-2020' },
      session: { title: OSLO_PANEL },
      speakers: [
        { slug: 'eirik-lokke', name: 'Eirik Løkke' },
        { slug: 'tore-sandvik', name: 'Tore Sandvik' },
        { slug: 'pia-josendal', name: 'Pia Jøsendal' },
      ],
    });
    expect(panel.items.map((item: { answeredBy: { slug: string } }) => item.answeredBy.slug)).toEqual([
      'tore-sandvik',
      'pia-josendal',
      'tore-sandvik',
      'pia-josendal',
      'tore-sandvik',
      'pia-josendal',
      'tore-sandvik',
      'tore-sandvik',
      'pia-josendal',
    ]);
    expect(panel.items.map((item: { position: number }) => item.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // The same question asked twice gets two answers, one from each panelist.
    expect(panel.items[0].question).toBe(panel.items[1].question);
    expect(panel.items[0].answer).not.toBe(panel.items[1].answer);

    const asked = panel.items.filter((item: { askedBy: string | null }) => item.askedBy !== null);
    expect(asked).toEqual([
      expect.objectContaining({
        position: 6,
        askedBy: 'Silvija Seres (LØRN)',
        question: 'Spørsmål fra salen: Hvordan bygger det offentlige en sterk bestillerkompetanse?',
        answeredBy: { slug: 'tore-sandvik' },
      }),
    ]);
  });

  it('gives null and NOT_FOUND naming "slug" for an unknown interview', async () => {
    const result = await lectern.graphql(INTERVIEW, { slug: 'no-such-interview' });
    expect(result.data).toEqual({ interview: null });
    expectUserError(result, 'NOT_FOUND', 'slug');
  });
});

describe('private data', () => {
  it('has no search text on Speaker in the public schema', async () => {
    const { __type } = await lectern.ok('{ __type(name: "Speaker") { fields { name } } }');
    const fields = __type.fields.map((field: { name: string }) => field.name);
    expect(fields).toEqual(expect.arrayContaining(['name', 'slug', 'bio', 'otherNames', 'appearances', 'interviews']));
    expect(fields).not.toContain('searchText');
  });

  it("gives the public no speaker's e-mail, even where one is stored", async () => {
    const erik = (await lectern.ok('{ speaker(slug: "erik-sandstrom") { id } }')).speaker.id;
    await lectern.ok(`mutation { updateSpeaker(id: "${erik}", input: { email: "erik@example.org" }) { id } }`, {}, { as: 'organiser' });
    const result = await lectern.graphql(
      '{ speaker(slug: "erik-sandstrom") { name email } speakers(first: 100) { edges { node { email } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.speaker).toEqual({ name: 'Erik Sandström', email: null });
    expect(JSON.stringify(result)).not.toContain('@example.org');
  });
});

describe("drafts, unscheduled sessions and the conference's own day", () => {
  // A conference the organisers are still preparing, in Oslo: one session without a time yet, and
  // one just after midnight (00:30 on 20 August in Oslo is 22:30 UTC on the 19th), with a speaker
  // who appears nowhere else.
  let midnightId: string;

  /** A mutation as the organiser; returns the created object's id. */
  const create = async (mutation: string, inputType: string, input: Record<string, unknown>): Promise<string> => {
    const data = await lectern.ok(
      `mutation ($input: ${inputType}!) { result: ${mutation}(input: $input) { id } }`,
      { input },
      { as: 'organiser' },
    );
    return data.result.id;
  };
  const addSession = (conferenceId: string, title: string, times: { startsAt?: string; endsAt?: string } = {}) =>
    create('createSession', 'CreateSessionInput', {
      conferenceId,
      title: [{ locale: 'nb', text: title }],
      format: 'TALK',
      language: 'nb',
      ...times,
    });
  const organiserTitles = async (filter?: Record<string, unknown>) =>
    nodes<{ title: string }>(
      (await lectern.ok(SESSIONS, { conferenceSlug: 'nattseminar-2020', filter }, { as: 'organiser' })).sessions,
    ).map((s) => s.title);

  beforeAll(async () => {
    const conferenceId = await create('createConference', 'CreateConferenceInput', {
      slug: 'nattseminar-2020',
      name: 'Nattseminar 2020',
      startDate: '2020-08-19',
      endDate: '2020-08-20',
      timeZone: 'Europe/Oslo',
      defaultLocale: 'nb',
    });
    await addSession(conferenceId, 'Uten tidspunkt');
    midnightId = await addSession(conferenceId, 'Midnattsprat', {
      startsAt: '2020-08-20T00:30:00+02:00',
      endsAt: '2020-08-20T01:00:00+02:00',
    });
    const speakerId = await create('createSpeaker', 'CreateSpeakerInput', {
      slug: 'hemmelig-gjest',
      name: 'Hemmelig Gjest',
      email: 'gjest@example.org',
    });
    await create('addAppearance', 'AddAppearanceInput', { sessionId: midnightId, speakerId });
  });

  it("counts a session on the day it starts in the conference's time zone, not in UTC", async () => {
    expect(await organiserTitles({ day: ['2020-08-20'] })).toEqual(['Midnattsprat']);
    expect(await organiserTitles({ day: ['2020-08-19'] })).toEqual([]);
    const { session: found } = await lectern.ok(SESSION, { id: midnightId }, { as: 'organiser' });
    expectInstant(found.startsAt, '2020-08-19T22:30:00Z');
    expect(found.localStartsAt).toBe('2020-08-20T00:30:00+02:00');
  });

  it('lists unscheduled sessions last, without times', async () => {
    expect(await organiserTitles()).toEqual(['Midnattsprat', 'Uten tidspunkt']);
    const { sessions } = await lectern.ok(SESSIONS, { conferenceSlug: 'nattseminar-2020' }, { as: 'organiser' });
    expect(sessions.edges[1].node.startsAt).toBeNull();
  });

  it('keeps a draft conference, its sessions and its speakers from public readers', async () => {
    expect((await conferenceSlugs()).slugs).toEqual(CONFERENCES_NEWEST_FIRST);
    expectUserError(await lectern.graphql(CONFERENCE, { slug: 'nattseminar-2020' }), 'NOT_FOUND', 'slug');
    expectUserError(await lectern.graphql(SESSIONS, { conferenceSlug: 'nattseminar-2020' }), 'NOT_FOUND', 'conferenceSlug');
    expectUserError(await lectern.graphql(SESSION, { id: midnightId }), 'NOT_FOUND', 'id');
    expectUserError(await lectern.graphql(SPEAKERS, { conferenceSlug: 'nattseminar-2020' }), 'NOT_FOUND', 'conferenceSlug');
    expectUserError(await lectern.graphql(INTERVIEWS, { conferenceSlug: 'nattseminar-2020' }), 'NOT_FOUND', 'conferenceSlug');
    expectUserError(await lectern.graphql(SPEAKER, { slug: 'hemmelig-gjest' }), 'NOT_FOUND', 'slug');
    expect((await speakerNames()).names).toEqual(ALL_SPEAKERS_BY_NAME);
    expect((await speakerNames({ text: 'hemmelig' })).totalCount).toBe(0);
  });
});
