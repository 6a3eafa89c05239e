import { DataSource, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { BuiltFeed, FeedCache, RenderedFeed } from '../../src/calendar/feed-cache.service';
import { isFresh, PUBLIC_FEED, sendFeed } from '../../src/calendar/feed-response';
import { ChangeScope, markChanges, RecordedChange } from '../../src/database/transactions';
import { ProgrammeEvents } from '../../src/events/programme-events';
import { GenerationName, ProgrammeGeneration } from '../../src/live/programme-generation';

/** What the commit being told recorded, as ProgrammeEvents tells it. */
let recorded: RecordedChange[] = [];
const events = { recordedIn: () => recorded } as unknown as ProgrammeEvents;
const noEvents = { recordedIn: () => [] } as unknown as ProgrammeEvents;

/**
 * A commit: marked as changing only these scopes; or recording these programme changes; or, with
 * neither, a change of the whole programme.
 */
function commitOn(cache: FeedCache, change?: ChangeScope[] | RecordedChange[]): Promise<void> | void {
  const queryRunner = { data: {} } as QueryRunner;
  const marked = change?.every((item) => typeof item === 'string');
  markChanges(queryRunner, marked ? (change as ChangeScope[]) : undefined);
  recorded = marked ? [] : ((change ?? []) as RecordedChange[]);
  return cache.afterTransactionCommit({ queryRunner } as TransactionCommitEvent);
}

/** A build that makes this body from these scopes. */
function built(body: string, ...scopes: ChangeScope[]): () => Promise<BuiltFeed> {
  return async () => ({ body, scopes: scopes.length ? scopes : ['conference:1'] });
}

/** A counted build. */
function build(body: string, ...scopes: ChangeScope[]): jest.Mock<Promise<BuiltFeed>, []> {
  return jest.fn(built(body, ...scopes));
}

const builds = (...mocks: jest.Mock[]) => mocks.map((mock) => mock.mock.calls.length);

describe('FeedCache', () => {
  let dataSource: { subscribers: unknown[] };
  let cache: FeedCache;
  const commit = (change?: ChangeScope[] | RecordedChange[]) => commitOn(cache, change);

  beforeEach(() => {
    dataSource = { subscribers: [] };
    cache = new FeedCache(dataSource as unknown as DataSource, events);
    cache.onModuleInit();
  });

  it("listens to the data source's commits", () => {
    expect(dataSource.subscribers).toEqual([cache]);
  });

  it('renders a feed once per change of what it shows, however many ask at once', async () => {
    const render = build('BEGIN:VCALENDAR');
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
    const first = await cache.get('k', built('one'));
    commit();
    const same = await cache.get('k', built('one'));
    expect(same.etag).toBe(first.etag);
    expect(same.lastModified).toEqual(first.lastModified);
    commit();
    const changed = await cache.get('k', built('two'));
    expect(changed.etag).not.toBe(first.etag);
    // Within the same second, still later: a client sending only If-Modified-Since must not get a 304.
    expect(changed.lastModified.getTime()).toBeGreaterThan(first.lastModified.getTime());
    expect(changed.lastModified.getMilliseconds()).toBe(0);
  });

  it('does not keep a feed that a commit to what it shows overtook while it was being built', async () => {
    let finish!: (feed: BuiltFeed) => void;
    const slow = cache.get('k', () => new Promise<BuiltFeed>((resolve) => (finish = resolve)));
    commit([{ conferenceId: 1 }]);
    finish({ body: 'stale', scopes: ['conference:1'] });
    expect((await slow).body.toString()).toBe('stale');
    expect((await cache.get('k', built('fresh'))).body.toString()).toBe('fresh');
  });

  it('does not hand a build under way to someone asking after a change', async () => {
    let finish!: (feed: BuiltFeed) => void;
    const slow = cache.get('k', () => new Promise<BuiltFeed>((resolve) => (finish = resolve)));
    commit([{ conferenceId: 1 }]);
    const after = cache.get('k', built('fresh'));
    finish({ body: 'stale', scopes: ['conference:1'] });
    expect([(await slow).body.toString(), (await after).body.toString()]).toEqual(['stale', 'fresh']);
  });

  it('runs one build of a feed at a time while changes come faster than builds, each begun after the request it answers', async () => {
    const finishers: (() => void)[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const startedAt: number[] = [];
    let version = 0;
    const slow = () => {
      startedAt.push(version);
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      const seen = version;
      return new Promise<BuiltFeed>((resolve) =>
        finishers.push(() => {
          running--;
          resolve({ body: `version ${seen}`, scopes: ['conference:1'] });
        }),
      );
    };
    const first = cache.get('k', slow);
    const asked: { version: number; answer: Promise<RenderedFeed> }[] = [];
    for (let change = 1; change <= 3; change++) {
      version = change;
      commit([{ conferenceId: 1 }]);
      asked.push({ version, answer: cache.get('k', slow) });
    }
    while (finishers.length) {
      finishers.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await first).body.toString()).toBe('version 0');
    expect(mostAtOnce).toBe(1);
    // Three asks after three changes share one build, begun once the first was done, after all three.
    expect(startedAt).toEqual([0, 3]);
    for (const { version: askedAt, answer } of asked) {
      expect(Number((await answer).body.toString().split(' ')[1])).toBeGreaterThanOrEqual(askedAt);
    }
  });

  it('keeps nothing of a failed build', async () => {
    await expect(cache.get('k', async () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
    expect((await cache.get('k', built('found'))).body.toString()).toBe('found');
  });

  it("keeps one conference's feeds through another's changes, and every programme feed through agenda writes", async () => {
    const one = build('conference 1', 'conference:1');
    const two = build('conference 2', 'conference:2');
    const agenda = build('agenda 1', 'agenda:1', 'conference:1');
    const all = async () => {
      await cache.get('one', one);
      await cache.get('two', two);
      await cache.get('agenda', agenda);
    };
    await all();

    commit([{ conferenceId: 2 }]);
    await all();
    expect(builds(one, two, agenda)).toEqual([1, 2, 1]);

    commit(['agenda:1']);
    commit([]);
    await all();
    expect(builds(one, two, agenda)).toEqual([1, 2, 2]);

    // The agenda shows conference 1's sessions: their change is its change too.
    commit([{ conferenceId: 1 }]);
    await all();
    expect(builds(one, two, agenda)).toEqual([2, 2, 3]);

    // A write that records no programme change might change anything.
    commit();
    await all();
    expect(builds(one, two, agenda)).toEqual([3, 3, 4]);
  });

  it("follows a speaker's own changes, and every conference their feed consulted", async () => {
    const speaker = build('speaker 7', 'speaker:7', 'conference:1', 'conference:2');
    await cache.get('speaker', speaker);
    commit([{ conferenceId: 3 }]);
    await cache.get('speaker', speaker);
    commit([{ conferenceId: 3, speakerId: 7 }]);
    await cache.get('speaker', speaker);
    commit([{ conferenceId: 2 }]);
    await cache.get('speaker', speaker);
    expect(builds(speaker)).toEqual([3]);
  });

  it('tells whether what a feed was built from is current by its state alone, as revalidation asks', async () => {
    const programme = await cache.get('programme', built('programme', 'conference:1'));
    const agenda = await cache.get('agenda 1', built('agenda 1', 'agenda:1'));
    commit(['agenda:1']);
    expect(cache.isCurrent(programme.state)).toBe(true);
    expect(cache.isCurrent(agenda.state)).toBe(false);
    const again = await cache.get('agenda 1', built('agenda 1', 'agenda:1'));
    expect(cache.isCurrent(again.state)).toBe(true);
    commit();
    expect([programme, again].map((feed) => cache.isCurrent(feed.state))).toEqual([false, false]);
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
    const cache = new FeedCache(dataSource as unknown as DataSource, noEvents);
    const feeds: RenderedFeed[] = [];
    for (let version = 1; version <= 8; version++) {
      commitOn(cache);
      feeds.push(await cache.get('k', built(`version ${version}`)));
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
    a = new FeedCache(dataSource, events, redis.instance());
    b = new FeedCache(dataSource, events, redis.instance());
  });

  /** Both instances serve these feeds. */
  async function serve(...feeds: [string, jest.Mock<Promise<BuiltFeed>, []>][]): Promise<void> {
    for (const cache of [a, b]) for (const [key, render] of feeds) await cache.get(key, render);
  }

  it("drops on every instance what another instance's change makes stale, and nothing else", async () => {
    const one = build('conference 1', 'conference:1');
    const two = build('conference 2', 'conference:2');
    const agenda = build('agenda 1', 'agenda:1', 'conference:1');
    const feeds: [string, jest.Mock<Promise<BuiltFeed>, []>][] = [
      ['one', one],
      ['two', two],
      ['agenda', agenda],
    ];
    // Each instance builds each feed once, and keeps it: nothing was committed while it was built.
    await serve(...feeds);
    expect(builds(one, two, agenda)).toEqual([2, 2, 2]);
    const warm = builds(one, two, agenda);
    await serve(...feeds);
    expect(builds(one, two, agenda)).toEqual(warm);

    // An agenda write on A: both instances build that agenda's feed again, no conference's.
    await commitOn(a, ['agenda:1']);
    await serve(...feeds);
    expect(builds(one, two, agenda)).toEqual([warm[0], warm[1], warm[2] + 2]);

    // Conference 2 changes on B: its feed again everywhere, nothing else.
    await commitOn(b, [{ conferenceId: 2 }]);
    await serve(...feeds);
    expect(builds(one, two, agenda)).toEqual([warm[0], warm[1] + 2, warm[2] + 2]);

    // Bookkeeping on B: nothing.
    await commitOn(b, []);
    await serve(...feeds);
    expect(builds(one, two, agenda)).toEqual([warm[0], warm[1] + 2, warm[2] + 2]);

    // A whole-programme change on B: everything, everywhere.
    await commitOn(b);
    await serve(...feeds);
    expect(builds(one, two, agenda)).toEqual([warm[0] + 2, warm[1] + 4, warm[2] + 4]);
  });

  it("does not count its own write as seen when another instance's came in between", async () => {
    const one = build('conference 1', 'conference:1');
    await a.get('one', one);
    await a.get('one', one);
    expect(builds(one)).toEqual([1]);
    // B changes conference 1 (A has not looked since), then A does.
    await commitOn(b, [{ conferenceId: 1 }]);
    await commitOn(a, [{ conferenceId: 1 }]);
    await a.get('one', one);
    await a.get('one', one);
    expect(builds(one)).toEqual([2]);
  });

  it('does not keep a first build when something was committed anywhere while it ran, as it cannot tell what', async () => {
    const one = build('conference 1', 'conference:1');
    let finish!: (feed: BuiltFeed) => void;
    const slow = a.get('one', () => new Promise<BuiltFeed>((resolve) => (finish = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    await commitOn(b, [{ conferenceId: 9 }]);
    finish({ body: 'maybe stale', scopes: ['conference:1'] });
    await slow;
    await a.get('one', one);
    await a.get('one', one);
    expect(builds(one)).toEqual([1]);
  });

  it('does not keep a feed when another instance changed what it shows while it was built', async () => {
    const one = build('conference 1', 'conference:1');
    await a.get('one', one);
    await a.get('one', one);
    let finish!: (feed: BuiltFeed) => void;
    const slow = a.get('speaker', () => new Promise<BuiltFeed>((resolve) => (finish = resolve)));
    await commitOn(b, [{ conferenceId: 1 }]);
    finish({ body: 'stale', scopes: ['speaker:7', 'conference:1'] });
    await slow;
    expect((await a.get('speaker', built('fresh', 'speaker:7', 'conference:1'))).body.toString()).toBe('fresh');
  });

  it('builds afresh and keeps nothing while Redis cannot say', async () => {
    const programme = build('programme');
    await a.get('programme', programme);
    await a.get('programme', programme);
    expect(programme).toHaveBeenCalledTimes(1);
    redis.reachable = false;
    await a.get('programme', programme);
    await a.get('programme', programme);
    expect(programme).toHaveBeenCalledTimes(3);
    // Back: one build, kept, as the shared versions are those seen before.
    redis.reachable = true;
    await a.get('programme', programme);
    await a.get('programme', programme);
    await a.get('programme', programme);
    expect(programme).toHaveBeenCalledTimes(4);
  });
});
