import { DateTime } from 'luxon';
import { GraphqlResult, Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder } from '../support/programme';

/**
 * Lists in a request (filter values, given inline or through variables) are bounded: at most 100
 * values a list, refused before any SQL runs with BAD_USER_INPUT naming the list, and every value
 * counts towards the query's cost. A filter is one set-based condition whatever its length, so an
 * accepted request near the limits leaves the server free to answer everyone else.
 */

jest.setTimeout(120_000);

const MAX_VALUES = 100;

/** The request of the security report: 104 aliases of one filtered count, the days in a variable. */
function aliasedCounts(conferenceSlug: string, aliases: number): string {
  const counts = Array.from(
    { length: aliases },
    (_, i) => `s${i}: sessions(conferenceSlug: "${conferenceSlug}", filter: { day: $d }) { totalCount }`,
  );
  return `query ($d: [String!]) { ${counts.join(' ')} }`;
}

const SESSIONS = `query ($slug: String!, $filter: SessionFilter) {
  sessions(conferenceSlug: $slug, filter: $filter, first: 100) { totalCount edges { node { title } } }
}`;

/** Days from `first` (YYYY-MM-DD), `step` days apart. */
function days(first: string, count: number, step = 1): string[] {
  const start = DateTime.fromISO(first, { zone: 'UTC' });
  return Array.from({ length: count }, (_, i) => start.plus({ days: i * step }).toISODate()!);
}

/**
 * Sends `request` and, until it is answered, asks `/health` again and again, timing each answer:
 * what a load balancer sees of this instance while the request runs.
 */
async function whileHealthIsAsked<T>(lectern: Lectern, request: () => Promise<T>): Promise<{ result: T; health: number[] }> {
  let done = false;
  const answer = request().finally(() => (done = true));
  const health: number[] = [];
  do {
    const started = performance.now();
    const response = await fetch(`${lectern.url}/health`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    health.push(performance.now() - started);
  } while (!done);
  return { result: await answer, health };
}

function expectRefusal(result: GraphqlResult, field: string): void {
  expect(result.status).toBe(400);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(result.errors![0].message).toBe(`${field}: at most ${MAX_VALUES} values`);
}

describe('lists in requests', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  const titles = { first: 'Opening', hackathon: 'Hackathon', second: 'Day two', third: 'Day three', late: 'Late night' };

  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off' });
    const build = programmeBuilder(lectern);
    conference = await build.conference({ startDate: '2030-05-01', endDate: '2030-05-03', timeZone: 'Europe/Oslo', published: true });
    const speaker = await build.speaker({ name: 'Ada Lindqvist' });
    const at = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone: conference.timeZone }).toISO()!;
    await build.session(conference, { title: titles.first, startsAt: at('2030-05-01', '10:00'), speakers: [speaker], published: true });
    // Three days long: it belongs to each of them, and is counted once however many are asked for.
    await build.session(conference, {
      title: titles.hackathon,
      format: 'HACKATHON',
      startsAt: at('2030-05-01', '09:00'),
      endsAt: at('2030-05-03', '17:00'),
      published: true,
    });
    await build.session(conference, { title: titles.second, startsAt: at('2030-05-02', '11:00'), published: true });
    await build.session(conference, { title: titles.third, startsAt: at('2030-05-03', '12:00'), published: true });
    // 23:30 in Oslo is 21:30 UTC: on the 3rd, whatever day UTC says it is.
    await build.session(conference, {
      title: titles.late,
      startsAt: at('2030-05-03', '23:30'),
      endsAt: at('2030-05-03', '23:59'),
      published: true,
    });
    await build.session(conference, { title: 'Not yet scheduled', startsAt: null, published: true });
    await build.session(conference, { title: 'Draft', startsAt: at('2030-05-02', '15:00') });
  });
  afterAll(() => lectern.close());

  it('refuses the reported request (104 aliases, 990 copies of one day) at once, naming filter.day, and /health stays answering', async () => {
    const { result, health } = await whileHealthIsAsked(lectern, () =>
      lectern.graphql(aliasedCounts(conference.slug, 104), { d: Array(990).fill('2030-05-01') }),
    );
    expectRefusal(result, 'filter.day');
    // Refused before execution: the GraphQL specification ("Response Format") has no data entry then.
    expect(result.data).toBeUndefined();
    expect(Math.max(...health)).toBeLessThan(1_000);
  });

  it('answers 104 aliases of 100 distinct days while /health answers within a second', async () => {
    // The conference's three days in a row (one window), then 97 days two apart (a window each).
    const asked = [...days('2030-05-01', 3), ...days('2030-06-01', MAX_VALUES - 3, 2)];
    expect(new Set(asked).size).toBe(MAX_VALUES);
    const { result, health } = await whileHealthIsAsked(lectern, () => lectern.graphql(aliasedCounts(conference.slug, 104), { d: asked }));
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data)).toHaveLength(104);
    for (const count of Object.values<{ totalCount: number }>(result.data)) expect(count.totalCount).toBe(5);
    expect(Math.max(...health)).toBeLessThan(1_000);
  });

  it('gives the right sessions for 100 days: each session once, a multi-day one included, on local days', async () => {
    const sessionTitles = async (filter: Record<string, unknown>) => {
      const { sessions } = await lectern.ok(SESSIONS, { slug: conference.slug, filter });
      expect(sessions.totalCount).toBe(sessions.edges.length);
      return sessions.edges.map((edge: { node: { title: string } }) => edge.node.title);
    };
    const everyDay = [...days('2030-04-01', 30), ...days('2030-05-01', 3), ...days('2030-05-04', 67)];
    expect(everyDay).toHaveLength(MAX_VALUES);
    const all = [titles.hackathon, titles.first, titles.second, titles.third, titles.late];
    expect(await sessionTitles({ day: everyDay })).toEqual(all);
    // The middle day alone, among 99 days with nothing on them: the hackathon and that day's talk.
    const middle = [...days('2029-01-01', MAX_VALUES - 1, 2), '2030-05-02'];
    expect(await sessionTitles({ day: middle })).toEqual([titles.hackathon, titles.second]);
    // The first and last days, not the middle one: two windows; the hackathon still once.
    expect(await sessionTitles({ day: ['2030-05-03', '2030-05-01'] })).toEqual([titles.hackathon, titles.first, titles.third, titles.late]);
    // The same day many times is that day.
    expect(await sessionTitles({ day: Array(MAX_VALUES).fill('2030-05-02') })).toEqual([titles.hackathon, titles.second]);
    // With another filter, both apply.
    expect(await sessionTitles({ day: everyDay, format: ['HACKATHON'] })).toEqual([titles.hackathon]);
  });

  it('refuses a list of more than 100 values, given inline or in a variable, before it reads anything', async () => {
    const tooMany = [...days('2030-01-01', MAX_VALUES), '2030-05-01'];
    expectRefusal(await lectern.graphql(SESSIONS, { slug: conference.slug, filter: { day: tooMany } }), 'filter.day');
    // A conference that does not exist is not looked for: the request is refused first.
    expectRefusal(await lectern.graphql(SESSIONS, { slug: 'no-such-conference', filter: { day: tooMany } }), 'filter.day');
    const inline = `{ sessions(conferenceSlug: "${conference.slug}", filter: { format: [${Array(MAX_VALUES + 1).fill('TALK')}] }) { totalCount } }`;
    expectRefusal(await lectern.graphql(inline), 'filter.format');
    const nested = `query ($f: SessionFilter) { conference(slug: "${conference.slug}") { sessions(filter: $f) { totalCount } } }`;
    expectRefusal(await lectern.graphql(nested, { f: { room: Array(MAX_VALUES + 1).fill('room') } }), 'filter.room');
    const feed = `query ($f: SessionFilter) { conference(slug: "${conference.slug}") { calendar(filter: $f) { https } } }`;
    expectRefusal(await lectern.graphql(feed, { f: { language: Array(MAX_VALUES + 1).fill('en') } }), 'filter.language');
  });

  it('refuses 32,000 speaker slugs with a clear error', async () => {
    const speaker = Array.from({ length: 32_000 }, (_, i) => `speaker-${i}`);
    expectRefusal(await lectern.graphql(SESSIONS, { slug: conference.slug, filter: { speaker } }), 'filter.speaker');
  });

  it.each([32_767, 65_536])('never answers an internal error for %i values in any list filter', async (length) => {
    const lists: Record<string, (i: number) => string> = {
      day: (i) => DateTime.fromISO('2000-01-01').plus({ days: i }).toISODate()!,
      track: (i) => `track-${i}`,
      room: (i) => `room-${i}`,
      format: () => 'TALK',
      language: () => 'en',
      speaker: (i) => `speaker-${i}`,
      status: () => 'CONFIRMED',
    };
    for (const [name, value] of Object.entries(lists)) {
      const result = await lectern.graphql(SESSIONS, {
        slug: conference.slug,
        filter: { [name]: Array.from({ length }, (_, i) => value(i)) },
      });
      expectRefusal(result, `filter.${name}`);
    }
  });

  it('counts every value of a list towards the cost of the query', async () => {
    const filter = {
      day: days('2030-01-01', MAX_VALUES),
      track: Array.from({ length: MAX_VALUES }, (_, i) => `track-${i}`),
      room: Array.from({ length: MAX_VALUES }, (_, i) => `room-${i}`),
      speaker: Array.from({ length: MAX_VALUES }, (_, i) => `speaker-${i}`),
      language: Array(MAX_VALUES).fill('en'),
      format: Array(MAX_VALUES).fill('TALK'),
      status: Array(MAX_VALUES).fill('CONFIRMED'),
    };
    const counts = (aliases: number) =>
      `query ($f: SessionFilter) { ${Array.from({ length: aliases }, (_, i) => `s${i}: sessions(conferenceSlug: "${conference.slug}", filter: $f) { totalCount }`).join(' ')} }`;
    // 700 values and a page of 20 counts: 721 an alias. Two fit under 20,000; thirty do not.
    expect((await lectern.ok(counts(2), { f: filter })).s1.totalCount).toBe(0);
    const costly = await lectern.graphql(counts(30), { f: filter });
    expect(costly.status).toBe(400);
    expect(costly.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(costly.errors![0].message).toMatch(/^The query costs 21630; the limit is 20000\./);
  });

  it('bounds the values of a feed parameter the same way, with a 400 naming it', async () => {
    const feed = (query: string) => fetch(`${lectern.url}/calendars/conferences/${conference.slug}.ics?${query}`);
    const hundred = [...days('2030-04-01', MAX_VALUES - 3), ...days('2030-05-01', 3)];
    const accepted = await feed(hundred.map((day) => `day=${day}`).join('&'));
    expect(accepted.status).toBe(200);
    expect((await accepted.text()).match(/^BEGIN:VEVENT/gm)).toHaveLength(5);
    const refused = await feed([...hundred, '2030-05-04'].map((day) => `day=${day}`).join('&'));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe(`day: at most ${MAX_VALUES} values\n`);
    const repeated = await feed(
      Array(MAX_VALUES + 1)
        .fill('speaker=ada-lindqvist')
        .join('&'),
    );
    expect(repeated.status).toBe(400);
    expect(await repeated.text()).toBe(`speaker: at most ${MAX_VALUES} values\n`);
  });
});

describe('days whose midnight the clocks skip or repeat', () => {
  let lectern: Lectern;
  beforeAll(async () => (lectern = await startLectern({ RATE_LIMIT: 'off' })));
  afterAll(() => lectern.close());

  const titlesOn = async (conference: ConferenceRef, day: string[]) =>
    (await lectern.ok(SESSIONS, { slug: conference.slug, filter: { day } })).sessions.edges.map((edge: any) => edge.node.title);

  it('begins a day at the first of two midnights: Gaza put its clocks back from 01:00 to 00:00 on 29 October 2021', async () => {
    const build = programmeBuilder(lectern);
    const gaza = await build.conference({ startDate: '2021-10-28', endDate: '2021-10-30', timeZone: 'Asia/Gaza', published: true });
    // 00:30 on the 29th, before the clocks went back (+03:00).
    await build.session(gaza, {
      title: 'Just after midnight',
      startsAt: '2021-10-28T21:30:00Z',
      endsAt: '2021-10-28T21:45:00Z',
      published: true,
    });
    expect(await titlesOn(gaza, ['2021-10-29'])).toEqual(['Just after midnight']);
    expect(await titlesOn(gaza, ['2021-10-28'])).toEqual([]);
  });

  it("ends a day at the next one's first instant: Santiago skipped from 00:00 to 01:00 on 8 September 2024", async () => {
    const build = programmeBuilder(lectern);
    const santiago = await build.conference({
      startDate: '2024-09-07',
      endDate: '2024-09-09',
      timeZone: 'America/Santiago',
      published: true,
    });
    // 00:30 on the 9th (-03:00); the 8th began at 01:00 and lasted 23 hours.
    await build.session(santiago, {
      title: 'Night owls',
      startsAt: '2024-09-09T03:30:00Z',
      endsAt: '2024-09-09T03:45:00Z',
      published: true,
    });
    await build.session(santiago, {
      title: 'Early birds',
      startsAt: '2024-09-08T04:00:00Z',
      endsAt: '2024-09-08T04:30:00Z',
      published: true,
    });
    expect(await titlesOn(santiago, ['2024-09-08'])).toEqual(['Early birds']);
    expect(await titlesOn(santiago, ['2024-09-09'])).toEqual(['Night owls']);
    expect(await titlesOn(santiago, ['2024-09-09', '2024-09-08'])).toEqual(['Early birds', 'Night owls']);
  });
});
