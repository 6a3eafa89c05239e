import { DataSource, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { FeedCache, RenderedFeed } from '../../src/calendar/feed-cache.service';
import { isFresh, PUBLIC_FEED, sendFeed } from '../../src/calendar/feed-response';
import { ChangeScope, markChanges } from '../../src/database/transactions';
import { GenerationName, ProgrammeGeneration } from '../../src/live/programme-generation';

/** A commit, unmarked (a change of the programme) or marked as changing only these scopes. */
function commitOn(cache: FeedCache, scopes?: ChangeScope[]): Promise<void> | void {
  const queryRunner = { data: {} } as QueryRunner;
  markChanges(queryRunner, scopes);
  return cache.afterTransactionCommit({ queryRunner } as TransactionCommitEvent);
}

describe('FeedCache', () => {
  let dataSource: { subscribers: unknown[] };
  let cache: FeedCache;
  const commit = (scopes?: ChangeScope[]) => commitOn(cache, scopes);

  beforeEach(() => {
    dataSource = { subscribers: [] };
    cache = new FeedCache(dataSource as unknown as DataSource);
    cache.onModuleInit();
  });

  it("listens to the data source's commits", () => {
    expect(dataSource.subscribers).toEqual([cache]);
  });

  it('renders a feed once per programme generation, however many ask at once', async () => {
    const render = jest.fn(async () => 'BEGIN:VCALENDAR');
    const [a, b] = await Promise.all([cache.get('k', render), cache.get('k', render)]);
    expect(await cache.get('k', render)).toBe(a);
    expect(b).toBe(a);
    expect(render).toHaveBeenCalledTimes(1);
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    commit();
    await cache.get('k', render);
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('keeps ETag and Last-Modified while the body stays the same, and moves Last-Modified on when it changes', async () => {
    const first = await cache.get('k', async () => 'one');
    commit();
    const same = await cache.get('k', async () => 'one');
    expect(same.etag).toBe(first.etag);
    expect(same.lastModified).toEqual(first.lastModified);
    commit();
    const changed = await cache.get('k', async () => 'two');
    expect(changed.etag).not.toBe(first.etag);
    // Within the same second, still later: a client sending only If-Modified-Since must not get a 304.
    expect(changed.lastModified.getTime()).toBeGreaterThan(first.lastModified.getTime());
    expect(changed.lastModified.getMilliseconds()).toBe(0);
  });

  it('does not keep a feed that a commit overtook while it was being built', async () => {
    let finish!: (body: string) => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (finish = resolve)));
    commit();
    finish('stale');
    expect((await slow).body.toString()).toBe('stale');
    expect((await cache.get('k', async () => 'fresh')).body.toString()).toBe('fresh');
  });

  it('keeps nothing of a failed build', async () => {
    await expect(cache.get('k', async () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
    expect((await cache.get('k', async () => 'found')).body.toString()).toBe('found');
  });

  it('keeps feeds through bookkeeping, and through changes of scopes they do not show', async () => {
    const programme = jest.fn(async () => 'programme');
    const agenda = jest.fn(async () => 'agenda 1');
    const other = jest.fn(async () => 'agenda 2');
    const all = async () => {
      await cache.get('programme', programme);
      await cache.get('agenda 1', agenda, 'agenda:1');
      await cache.get('agenda 2', other, 'agenda:2');
    };
    await all();

    commit([]);
    commit(['agenda:1']);
    await all();
    expect([programme, agenda, other].map((render) => render.mock.calls.length)).toEqual([1, 2, 1]);

    // The programme is in every agenda: its change is theirs too.
    commit();
    await all();
    expect([programme, agenda, other].map((render) => render.mock.calls.length)).toEqual([2, 3, 2]);
  });

  it('tells whether what a feed was built from is current by its stamp alone, as revalidation asks', async () => {
    const programme = await cache.get('programme', async () => 'programme');
    const agenda = await cache.get('agenda 1', async () => 'agenda 1', 'agenda:1');
    expect(programme.generation).not.toBe(agenda.generation);
    commit(['agenda:1']);
    expect(cache.isCurrent(programme.generation)).toBe(true);
    expect(cache.isCurrent(agenda.generation)).toBe(false);
    const again = await cache.get('agenda 1', async () => 'agenda 1', 'agenda:1');
    expect(cache.isCurrent(again.generation)).toBe(true);
    commit();
    expect([programme, again].map((feed) => cache.isCurrent(feed.generation))).toEqual([false, false]);
  });

  it("does not keep an agenda's feed that its change overtook while it was being built", async () => {
    let finish!: (body: string) => void;
    const slow = cache.get('agenda 1', () => new Promise<string>((resolve) => (finish = resolve)), 'agenda:1');
    commit(['agenda:1']);
    finish('stale');
    await slow;
    expect((await cache.get('agenda 1', async () => 'fresh', 'agenda:1')).body.toString()).toBe('fresh');
  });
});

describe("a feed's Last-Modified", () => {
  afterEach(() => jest.restoreAllMocks());

  const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as FastifyRequest;
  /** The headers and status of one answer. */
  function answer(feed: RenderedFeed, headers: Record<string, string> = {}) {
    const sent: { status: number; headers: Record<string, string> } = { status: 200, headers: {} };
    const reply = {
      header(name: string, value: string) {
        sent.headers[name] = value;
        return reply;
      },
      code(status: number) {
        sent.status = status;
        return reply;
      },
      send: () => reply,
    };
    sendFeed(request(headers), reply as unknown as FastifyReply, feed, PUBLIC_FEED);
    return sent;
  }

  it('is never later than Date, however often the feed changes within a second, and no 304 takes one version for another', async () => {
    const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2020-10-25T10:00:00.250Z'));
    const dataSource = { subscribers: [] as unknown[] };
    const cache = new FeedCache(dataSource as unknown as DataSource);
    const feeds: RenderedFeed[] = [];
    for (let version = 1; version <= 8; version++) {
      commitOn(cache);
      feeds.push(await cache.get('k', async () => `version ${version}`));
    }
    const answers = feeds.map((feed) => answer(feed));
    for (const { headers } of answers) {
      expect(headers.date).toBe('Sun, 25 Oct 2020 10:00:00 GMT');
      expect(Date.parse(headers['last-modified'])).toBeLessThanOrEqual(Date.parse(headers.date));
    }
    // A client that revalidates by date with what it was sent is sent each newer version.
    for (let older = 0; older < feeds.length; older++) {
      for (const newer of feeds.slice(older + 1)) {
        expect(isFresh(request({ 'if-modified-since': answers[older].headers['last-modified'] }), newer)).toBe(false);
      }
    }
    // By ETag, each version is told apart at once.
    expect(new Set(feeds.map((feed) => feed.etag)).size).toBe(8);
    expect(answer(feeds[7], { 'if-none-match': feeds[7].etag }).status).toBe(304);

    // Once the clock has caught up, the last version's own Last-Modified is sent, and a date answers 304.
    clock.mockReturnValue(Date.parse('2020-10-25T10:00:30.000Z'));
    const later = answer(feeds[7]);
    expect(later.headers['last-modified']).toBe(feeds[7].lastModified.toUTCString());
    expect(Date.parse(later.headers['last-modified'])).toBeLessThanOrEqual(Date.parse(later.headers.date));
    expect(answer(feeds[7], { 'if-modified-since': later.headers['last-modified'] }).status).toBe(304);
  });
});

/** Redis as instances share it, in memory: what ProgrammeGeneration reads and writes there. */
class SharedGenerations {
  private readonly values = new Map<GenerationName, string>();
  private counter = 0;
  reachable = true;

  /** One instance's view of it, as its ProgrammeGeneration. */
  instance(): ProgrammeGeneration {
    return {
      shared: true,
      current: async (names: readonly GenerationName[]) =>
        this.reachable ? names.map((name) => this.values.get(name) ?? 'none') : undefined,
      advance: async (name: GenerationName) => {
        if (!this.reachable) return undefined;
        const replaced = this.values.get(name) ?? 'none';
        const written = `value ${++this.counter}`;
        this.values.set(name, written);
        return { written, replaced };
      },
    } as unknown as ProgrammeGeneration;
  }
}

describe('FeedCache on several instances', () => {
  let redis: SharedGenerations;
  let a: FeedCache;
  let b: FeedCache;
  const dataSource = { subscribers: [] } as unknown as DataSource;

  beforeEach(() => {
    redis = new SharedGenerations();
    a = new FeedCache(dataSource, redis.instance());
    b = new FeedCache(dataSource, redis.instance());
  });

  /** How often each of these renders ran once both instances have served these feeds. */
  async function serve(feeds: [string, jest.Mock<Promise<string>, []>, ChangeScope?][]): Promise<void> {
    for (const cache of [a, b]) for (const [key, render, scope] of feeds) await cache.get(key, render, scope);
  }

  it("drops on every instance what another instance's change makes stale, and nothing else", async () => {
    const programme = jest.fn(async () => 'programme');
    const agenda = jest.fn(async () => 'agenda 1');
    const feeds: [string, jest.Mock<Promise<string>, []>, ChangeScope?][] = [
      ['programme', programme],
      ['agenda 1', agenda, 'agenda:1'],
    ];
    await serve(feeds);
    expect([programme, agenda].map((render) => render.mock.calls.length)).toEqual([2, 2]);

    // An agenda write on A: both instances build that agenda's feed again, neither the programme's.
    await commitOn(a, ['agenda:1']);
    await serve(feeds);
    expect([programme, agenda].map((render) => render.mock.calls.length)).toEqual([2, 4]);

    // Bookkeeping on B: nothing.
    await commitOn(b, []);
    await serve(feeds);
    expect([programme, agenda].map((render) => render.mock.calls.length)).toEqual([2, 4]);

    // A programme change on B: everything, everywhere.
    await commitOn(b);
    await serve(feeds);
    expect([programme, agenda].map((render) => render.mock.calls.length)).toEqual([4, 6]);
  });

  it("keeps the committing instance's other agendas warm, but drops them all elsewhere (Redis tells the family, not which)", async () => {
    const one = jest.fn(async () => 'agenda 1');
    const two = jest.fn(async () => 'agenda 2');
    const feeds: [string, jest.Mock<Promise<string>, []>, ChangeScope?][] = [
      ['agenda 1', one, 'agenda:1'],
      ['agenda 2', two, 'agenda:2'],
    ];
    await serve(feeds);
    await commitOn(a, ['agenda:1']);
    await serve(feeds);
    // A: agenda 1 again; B: both again.
    expect([one, two].map((render) => render.mock.calls.length)).toEqual([4, 3]);
  });

  it("does not count its own write as seen when another instance's came in between", async () => {
    const programme = jest.fn(async () => 'programme');
    const agenda = jest.fn(async () => 'agenda 1');
    await a.get('programme', programme);
    await a.get('agenda 1', agenda, 'agenda:1');
    // B changes agenda 2 (A has not looked since), then A changes agenda 3.
    await commitOn(b, ['agenda:2']);
    await commitOn(a, ['agenda:3']);
    await a.get('agenda 1', agenda, 'agenda:1');
    await a.get('programme', programme);
    expect([programme, agenda].map((render) => render.mock.calls.length)).toEqual([1, 2]);
  });

  it('builds afresh and keeps nothing while Redis cannot say', async () => {
    const programme = jest.fn(async () => 'programme');
    await a.get('programme', programme);
    redis.reachable = false;
    await a.get('programme', programme);
    await a.get('programme', programme);
    redis.reachable = true;
    await a.get('programme', programme);
    await a.get('programme', programme);
    expect(programme).toHaveBeenCalledTimes(4);
  });
});
