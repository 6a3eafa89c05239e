import { DataSource, TransactionCommitEvent } from 'typeorm';
import { FeedCache } from '../../src/calendar/feed-cache.service';

describe('FeedCache', () => {
  let dataSource: { subscribers: unknown[] };
  let cache: FeedCache;
  const commit = () => cache.afterTransactionCommit({ queryRunner: { data: {} } } as unknown as TransactionCommitEvent);

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
});
