import { DemoLoader } from '../../src/demo/demo-loader.service';
import { GraphqlResult, Lectern, startLectern } from '../support/lectern';

/**
 * Every connection pages by keyset: a cursor names its item by sort key, so a page that follows
 * another never repeats or skips an item because something was added or removed meanwhile, and
 * `last`/`before` read the same list from the end.
 */
let lectern: Lectern;
let conferenceId: string;

beforeAll(async () => {
  lectern = await startLectern();
  await lectern.app.get(DemoLoader).load();
  conferenceId = (await lectern.ok(`{ conference(slug: "internetdagarna-2020") { id } }`)).conference.id;
});
afterAll(() => lectern.close());

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}
type PageArgs = { first?: number; after?: string | null; last?: number; before?: string | null };

const PAGE = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';

/** Each connection of the API, read as an organiser (drafts and unscheduled items included). */
const LISTS: Record<string, (page: PageArgs) => Promise<GraphqlResult>> = {
  conferences: (page) =>
    lectern.graphql(
      `query ($first: Int, $after: String, $last: Int, $before: String) { list: conferences(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }`,
      page,
      { as: 'organiser' },
    ),
  sessions: (page) =>
    lectern.graphql(
      `query ($first: Int, $after: String, $last: Int, $before: String) { list: sessions(conferenceSlug: "internetdagarna-2020", first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }`,
      page,
      { as: 'organiser' },
    ),
  speakers: (page) =>
    lectern.graphql(
      `query ($first: Int, $after: String, $last: Int, $before: String) { list: speakers(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }`,
      page,
      { as: 'organiser' },
    ),
  interviews: (page) =>
    lectern.graphql(
      `query ($first: Int, $after: String, $last: Int, $before: String) { list: interviews(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }`,
      page,
      { as: 'organiser' },
    ),
};

async function pageOf(list: string, page: PageArgs): Promise<Page> {
  const result = await LISTS[list](page);
  expect(result.errors).toBeUndefined();
  return result.data!.list;
}

const ids = (page: Page) => page.edges.map((edge) => edge.node.id);

async function createSession(startsAt: string | null): Promise<string> {
  const schedule = startsAt ? `, startsAt: "${startsAt}", endsAt: "${new Date(Date.parse(startsAt) + 1800_000).toISOString()}"` : '';
  const { createSession } = await lectern.ok(
    `mutation { createSession(input: { conferenceId: "${conferenceId}", title: [{ locale: "sv", text: "Inlagd" }], format: TALK, language: "sv"${schedule} }) { id } }`,
    {},
    { as: 'organiser' },
  );
  return createSession.id;
}

describe('a page that follows another', () => {
  it('neither repeats an item when one is added before it nor skips one when the last item seen is deleted', async () => {
    for (let hour = 9; hour < 18; hour++) await createSession(`2020-11-24T${String(hour).padStart(2, '0')}:00:00.000Z`);
    const before = ids(await pageOf('sessions', { first: 100 }));
    expect(before.length).toBeGreaterThanOrEqual(9);
    const first = await pageOf('sessions', { first: 3 });
    expect(ids(first)).toEqual(before.slice(0, 3));

    // Earlier than anything in the programme: an offset cursor would now give the third item again.
    const added = await createSession('2020-11-23T06:00:00.000Z');
    const second = await pageOf('sessions', { first: 3, after: first.pageInfo.endCursor });
    expect(ids(second)).toEqual(before.slice(3, 6));
    expect(second.totalCount).toBe(before.length + 1);

    // The cursor outlives its item: the next page still starts right after where it stood.
    await lectern.ok(`mutation { deleteSession(id: "${before[5]}") { id } }`, {}, { as: 'organiser' });
    const third = await pageOf('sessions', { first: 3, after: second.pageInfo.endCursor });
    expect(ids(third)).toEqual(before.slice(6, 9));

    await lectern.ok(`mutation { deleteSession(id: "${added}") { id } }`, {}, { as: 'organiser' });
  });

  it('keeps its place among unscheduled sessions, which come last', async () => {
    const unscheduled = [await createSession(null), await createSession(null), await createSession(null)];
    const all = ids(await pageOf('sessions', { first: 100 }));
    expect(all.slice(-3)).toEqual([...unscheduled].sort((a, b) => Number(a) - Number(b)));
    const page = await pageOf('sessions', { first: 1, after: (await pageOf('sessions', { last: 2 })).pageInfo.startCursor });
    expect(ids(page)).toEqual(all.slice(-1));
  });
});

describe.each(Object.keys(LISTS))('%s', (list) => {
  it('reads the same items forwards with first/after and backwards with last/before', async () => {
    const whole = await pageOf(list, { first: 100 });
    expect(whole.edges.length).toBeGreaterThan(3);
    expect(whole.totalCount).toBe(whole.edges.length);

    const forwards: string[] = [];
    let page = await pageOf(list, { first: 3 });
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    forwards.push(...ids(page));
    while (page.pageInfo.hasNextPage) {
      page = await pageOf(list, { first: 3, after: page.pageInfo.endCursor });
      expect(page.pageInfo.hasPreviousPage).toBe(true);
      forwards.push(...ids(page));
    }
    expect(forwards).toEqual(ids(whole));

    const backwards: string[][] = [];
    page = await pageOf(list, { last: 3 });
    expect(page.pageInfo.hasNextPage).toBe(false);
    backwards.unshift(ids(page));
    while (page.pageInfo.hasPreviousPage) {
      page = await pageOf(list, { last: 3, before: page.pageInfo.startCursor });
      expect(page.pageInfo.hasNextPage).toBe(true);
      backwards.unshift(ids(page));
    }
    expect(backwards.flat()).toEqual(ids(whole));
    expect(page.totalCount).toBe(whole.totalCount);
  });

  it('gives what lies between two cursors with after and before together', async () => {
    const whole = await pageOf(list, { first: 100 });
    const between = await pageOf(list, { first: 100, after: whole.edges[0].cursor, before: whole.edges[3].cursor });
    expect(ids(between)).toEqual(ids(whole).slice(1, 3));
  });
});

describe('refused pages', () => {
  const refusal = (result: GraphqlResult) => result.errors?.map((error) => [error.extensions?.code, error.extensions?.field]);

  it('refuses first and last together, naming last', async () => {
    expect(refusal(await LISTS.sessions({ first: 2, last: 2 }))).toEqual([['BAD_USER_INPUT', 'last']]);
  });

  it('refuses last outside 1 to 100', async () => {
    expect(refusal(await LISTS.sessions({ last: 0 }))).toEqual([['BAD_USER_INPUT', 'last']]);
    expect(refusal(await LISTS.sessions({ last: 101 }))).toEqual([['BAD_USER_INPUT', 'last']]);
  });

  it("refuses another list's cursor and a made-up one, naming the argument", async () => {
    const conferenceCursor = (await pageOf('conferences', { first: 1 })).pageInfo.endCursor;
    expect(refusal(await LISTS.sessions({ after: conferenceCursor }))).toEqual([['BAD_USER_INPUT', 'after']]);
    expect(refusal(await LISTS.sessions({ before: conferenceCursor }))).toEqual([['BAD_USER_INPUT', 'before']]);
    const madeUp = Buffer.from(JSON.stringify(['k1', 'session', { $gt: 1 }, 1])).toString('base64url');
    expect(refusal(await LISTS.sessions({ after: madeUp }))).toEqual([['BAD_USER_INPUT', 'after']]);
    expect(refusal(await LISTS.sessions({ after: 'not a cursor' }))).toEqual([['BAD_USER_INPUT', 'after']]);
  });
});
