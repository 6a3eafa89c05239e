import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { isBookkeeping } from '../database/transactions';

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

/**
 * Rendered feeds, built once per change of the programme rather than once per request.
 *
 * Every write in Lectern is one transaction, so a committed transaction is what moves the
 * "programme generation" on; an entry serves only the generation it was built at. A build
 * remembers the generation it started at, so a change committed while it ran makes it stale at
 * once. Coarse on purpose (any commit invalidates every feed) and local to this process: running
 * several instances needs the bump shared, e.g. over Redis, which replaces this class alone.
 */
@Injectable()
export class FeedCache implements OnModuleInit, EntitySubscriberInterface {
  private generation = 0;
  private cachedBytes = 0;
  /** In insertion order, so the first entry is the one to evict. */
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, { generation: number; feed: Promise<RenderedFeed> }>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!isBookkeeping(event.queryRunner)) this.generation++;
  }

  /** Whether a feed built at this generation still shows the programme as it is. */
  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  /** The feed under `key`, built by `render` unless a current one is cached or already being built. */
  get(key: string, render: () => Promise<string>): Promise<RenderedFeed> {
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
    const bytes = Buffer.from(body, 'utf8');
    const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`;
    const entry: Entry = { body: bytes, etag, generation, lastModified: previous?.etag === etag ? previous.lastModified : after(previous?.lastModified) };
    if (generation !== this.generation) return entry; // built from data that has changed since: serve once, keep nothing
    if (previous) this.evict(key, previous);
    this.entries.set(key, entry);
    this.cachedBytes += bytes.length;
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

/**
 * Now, in whole seconds, but always later than the feed's previous Last-Modified: a change within
 * the same second must not look unmodified to a client that only sends If-Modified-Since.
 */
function after(previous: Date | undefined): Date {
  const now = Math.floor(Date.now() / 1000) * 1000;
  return new Date(previous && previous.getTime() >= now ? previous.getTime() + 1000 : now);
}
