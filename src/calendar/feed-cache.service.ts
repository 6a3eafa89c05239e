import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { isBookkeeping } from '../database/transactions';
import { ProgrammeGeneration } from '../live/programme-generation';

export interface RenderedFeed {
  /** Encoded once, so a warm request sends bytes rather than re-encoding megabytes of text. */
  body: Buffer;
  /** Strong: the hash of the body. */
  etag: string;
  /** Whole seconds, as HTTP dates have them. */
  lastModified: Date;
  /** The programme generation it was built from; see `isCurrent`. */
  generation: number;
}

type Entry = RenderedFeed;

/** Enough for every feed of a few large programmes; the oldest entries go first beyond it. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
/** Never current: what a feed built while Redis could not tell the shared generation carries. */
const UNKNOWN_GENERATION = -1;

/**
 * Rendered feeds, built once per change of the programme rather than once per request.
 *
 * Every write in Lectern is one transaction, so a committed transaction is what moves the
 * "programme generation" on; an entry serves only the generation it was built at. A build
 * remembers the generation it started at, so a change committed while it ran makes it stale at
 * once. Coarse on purpose: any commit invalidates every feed.
 *
 * Several instances (REDIS_URL) share a second generation in Redis (see ProgrammeGeneration):
 * each commit writes a new value there before the committing request answers, and each feed
 * request, conditional ones included, reads it first; a value not seen before moves this
 * instance's generation on. So a feed fetched from any instance after a mutation has answered
 * anywhere shows that mutation. When Redis cannot answer, feeds are built afresh and not kept.
 */
@Injectable()
export class FeedCache implements OnModuleInit, EntitySubscriberInterface {
  private generation = 0;
  /** The shared generation as this instance last read it. */
  private sharedSeen: string | undefined;
  private cachedBytes = 0;
  /** In insertion order, so the first entry is the one to evict. */
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, { generation: number; feed: Promise<RenderedFeed> }>();

  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly shared?: ProgrammeGeneration,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** TypeORM awaits this before the commit returns: the mutation answers once other instances can tell. */
  afterTransactionCommit(event: TransactionCommitEvent): Promise<void> | void {
    if (isBookkeeping(event.queryRunner)) return;
    this.generation++;
    if (this.shared?.shared) return this.shared.advance();
  }

  /** Whether a feed built at this generation still shows the programme as it is (as of the last `refresh`). */
  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  /**
   * Catches up with changes committed on other instances; false when Redis cannot say, in which
   * case nothing cached is current any more. Without Redis there is nothing to catch up with.
   */
  async refresh(): Promise<boolean> {
    if (!this.shared?.shared) return true;
    const shared = await this.shared.current();
    if (shared === undefined) {
      this.generation++;
      return false;
    }
    if (shared !== this.sharedSeen) {
      this.sharedSeen = shared;
      this.generation++;
    }
    return true;
  }

  /** The feed under `key`, built by `render` unless a current one is cached or already being built. */
  get(key: string, render: () => Promise<string>): Promise<RenderedFeed> {
    if (!this.shared?.shared) return this.current(key, render);
    return this.refresh().then((known) =>
      known ? this.current(key, render) : render().then((body) => rendered(body, UNKNOWN_GENERATION)),
    );
  }

  private current(key: string, render: () => Promise<string>): Promise<RenderedFeed> {
    const cached = this.entries.get(key);
    if (cached?.generation === this.generation) return Promise.resolve(cached);
    const pending = this.building.get(key);
    if (pending?.generation === this.generation) return pending.feed;

    const generation = this.generation;
    const feed = render().then((body) => this.store(key, generation, body));
    this.building.set(key, { generation, feed });
    const done = () => {
      if (this.building.get(key)?.feed === feed) this.building.delete(key);
    };
    feed.then(done, done);
    return feed;
  }

  private store(key: string, generation: number, body: string): RenderedFeed {
    const previous = this.entries.get(key);
    const entry = rendered(body, generation, previous);
    if (generation !== this.generation) return entry; // built from data that has changed since: serve once, keep nothing
    if (previous) this.evict(key, previous);
    this.entries.set(key, entry);
    this.cachedBytes += entry.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.cachedBytes <= MAX_CACHED_BYTES) break;
      this.evict(oldKey, old);
    }
    return entry;
  }

  private evict(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.cachedBytes -= entry.body.length;
  }
}

function rendered(body: string, generation: number, previous?: RenderedFeed): RenderedFeed {
  const bytes = Buffer.from(body, 'utf8');
  const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`;
  return { body: bytes, etag, generation, lastModified: previous?.etag === etag ? previous.lastModified : after(previous?.lastModified) };
}

/**
 * Now, in whole seconds, but always later than the feed's previous Last-Modified: a change within
 * the same second must not look unmodified to a client that only sends If-Modified-Since.
 */
function after(previous: Date | undefined): Date {
  const now = Math.floor(Date.now() / 1000) * 1000;
  return new Date(previous && previous.getTime() >= now ? previous.getTime() + 1000 : now);
}
