import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { CHANGE_FAMILIES, ChangeScope, changedScopes, familyOf, PROGRAMME } from '../database/transactions';
import { GenerationName, ProgrammeGeneration } from '../live/programme-generation';

export interface RenderedFeed {
  /** Encoded once, so a warm request sends bytes rather than re-encoding megabytes of text. */
  body: Buffer;
  /** Strong: the hash of the body. */
  etag: string;
  /**
   * Whole seconds, as HTTP dates have them: the first second that tells this version from the
   * feed's previous one (see `after`). It can be a few seconds ahead of the clock; what an answer
   * sends is never later than its own Date (see feed-response.ts).
   */
  lastModified: Date;
  /** The stamp of the state of its scope it was built from; see `isCurrent`. */
  generation: number;
}

type Entry = RenderedFeed;

/** Enough for every feed of a few large programmes; the oldest entries go first beyond it. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
/** Never current: what a feed built while Redis could not tell the shared generation carries. */
const UNKNOWN_GENERATION = -1;
/** Narrower scopes (agendas) with a stamp at once; beyond it they all lose theirs, the programme's feeds stay. */
const MAX_NARROWER_SCOPES = 100_000;
/** The generations instances share: the programme's and each family's of narrower scopes. */
const SHARED: readonly GenerationName[] = [PROGRAMME, ...CHANGE_FAMILIES];

/**
 * Rendered feeds, built once per change of what they show rather than once per request.
 *
 * Every write in Lectern is one transaction, and each says what it changes (see `ChangeScope`):
 * the programme, unless it is marked as changing only some narrower scopes (one agenda) or none
 * (bookkeeping). Each feed depends on one scope: a programme, track, room, speaker or session feed
 * on the programme, an agenda's feed on that agenda (and so on the programme too). An entry
 * serves only while its scope is as it was when the build started; a change committed while it
 * ran makes it stale at once. So an attendee's agenda writes leave every programme feed warm, and
 * only their own agenda's feed is built again. Within the programme, still coarse on purpose: any
 * programme change invalidates every feed.
 *
 * Several instances (REDIS_URL) share generations in Redis (see ProgrammeGeneration): one for the
 * programme, one per family of narrower scopes. Each commit moves its own on before the committing
 * request answers, and each feed request, conditional ones included, reads them all first; a value
 * not seen before makes everything this instance keeps of that family stale (all agendas, not one:
 * what Redis tells is the family). So a feed fetched from any instance after a mutation has
 * answered anywhere shows that mutation. When Redis cannot answer, feeds are built afresh and not
 * kept.
 */
@Injectable()
export class FeedCache implements OnModuleInit, EntitySubscriberInterface {
  private readonly stamps = new Stamps();
  /** Each shared generation as this instance last took it into account. */
  private readonly sharedSeen = new Map<GenerationName, string>();
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
    const scopes = changedScopes(event.queryRunner);
    for (const scope of scopes) this.stamps.changed(scope);
    if (scopes.length > 0 && this.shared?.shared) return this.tellOthers(scopes);
  }

  /** Whether a feed built with this stamp still shows what it was built from (as of the last `refresh`). */
  isCurrent(generation: number): boolean {
    return this.stamps.isCurrent(generation);
  }

  /**
   * Catches up with changes committed on other instances; false when Redis cannot say, in which
   * case nothing cached is current any more. Without Redis there is nothing to catch up with.
   */
  async refresh(): Promise<boolean> {
    if (!this.shared?.shared) return true;
    const values = await this.shared.current(SHARED);
    if (values === undefined) {
      this.stamps.changed(PROGRAMME);
      return false;
    }
    SHARED.forEach((name, index) => {
      if (values[index] === this.sharedSeen.get(name)) return;
      this.sharedSeen.set(name, values[index]);
      this.stamps.changedFamily(name);
    });
    return true;
  }

  /**
   * The feed under `key`, built by `render` unless a current one is cached or already being built.
   * `scope` is what the feed shows: the same key always has the same scope.
   */
  get(key: string, render: () => Promise<string>, scope: ChangeScope = PROGRAMME): Promise<RenderedFeed> {
    if (!this.shared?.shared) return this.current(key, render, scope);
    return this.refresh().then((known) =>
      known ? this.current(key, render, scope) : render().then((body) => rendered(body, UNKNOWN_GENERATION)),
    );
  }

  /**
   * Moves the shared generations of what changed on. This instance has taken its own change into
   * account already; the value it wrote counts as seen only when the one it replaced had been seen
   * too, for otherwise another instance changed something in between that this one has yet to drop.
   */
  private async tellOthers(scopes: readonly ChangeScope[]): Promise<void> {
    const shared = this.shared!;
    const names = [...new Set(scopes.map(familyOf))];
    await Promise.all(
      names.map(async (name) => {
        const moved = await shared.advance(name);
        if (moved && moved.replaced === this.sharedSeen.get(name)) this.sharedSeen.set(name, moved.written);
      }),
    );
  }

  private current(key: string, render: () => Promise<string>, scope: ChangeScope): Promise<RenderedFeed> {
    const cached = this.entries.get(key);
    if (cached && this.stamps.isCurrent(cached.generation)) return Promise.resolve(cached);
    const pending = this.building.get(key);
    if (pending && this.stamps.isCurrent(pending.generation)) return pending.feed;

    const generation = this.stamps.of(scope);
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
    if (!this.stamps.isCurrent(generation)) return entry; // built from data that has changed since: serve once, keep nothing
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

/**
 * Stamps name states of the scopes feeds depend on. The programme's stamp changes at every change
 * of the programme. A narrower scope (one agenda) is given a stamp of its own when a feed of it is
 * first built, and loses it when that scope or the programme changes; the next build gets a new
 * one. All come from one counter, so a stamp names one state of one scope, and telling whether it
 * is current needs no scope.
 */
class Stamps {
  private counter = 0;
  private programme = ++this.counter;
  private readonly narrower = new Map<ChangeScope, number>();
  /** The stamps in `narrower`, to look them up by stamp. */
  private readonly current = new Set<number>();

  /** The current stamp of this scope, handed out now if it has none. */
  of(scope: ChangeScope): number {
    if (scope === PROGRAMME) return this.programme;
    let stamp = this.narrower.get(scope);
    if (stamp === undefined) {
      if (this.narrower.size >= MAX_NARROWER_SCOPES) this.forgetNarrower();
      stamp = ++this.counter;
      this.narrower.set(scope, stamp);
      this.current.add(stamp);
    }
    return stamp;
  }

  isCurrent(stamp: number): boolean {
    return stamp === this.programme || this.current.has(stamp);
  }

  /** This scope changed: a programme change is a change of every narrower scope too. */
  changed(scope: ChangeScope): void {
    if (scope === PROGRAMME) {
      this.programme = ++this.counter;
      this.forgetNarrower();
      return;
    }
    const stamp = this.narrower.get(scope);
    if (stamp === undefined) return;
    this.narrower.delete(scope);
    this.current.delete(stamp);
  }

  /** Something of this family changed, and we are not told what (another instance's write). */
  changedFamily(name: GenerationName): void {
    if (name === PROGRAMME) return this.changed(PROGRAMME);
    for (const scope of this.narrower.keys()) if (familyOf(scope) === name) this.changed(scope);
  }

  private forgetNarrower(): void {
    this.narrower.clear();
    this.current.clear();
  }
}

function rendered(body: string, generation: number, previous?: RenderedFeed): RenderedFeed {
  const bytes = Buffer.from(body, 'utf8');
  const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`;
  return { body: bytes, etag, generation, lastModified: previous?.etag === etag ? previous.lastModified : after(previous?.lastModified) };
}

/**
 * Now, in whole seconds, but always later than the feed's previous Last-Modified: a change within
 * the same second must not look unmodified to a client that only sends If-Modified-Since. After
 * several changes within one second this runs ahead of the clock, which HTTP forbids a
 * Last-Modified header to do; so answers send the clock's second until it gets there, and compare
 * If-Modified-Since with this one. A client revalidating by date meanwhile gets the feed again
 * rather than a 304 for a version it does not have; one revalidating by ETag (as calendar apps
 * do) is told apart by the ETag at once.
 */
function after(previous: Date | undefined): Date {
  const now = Math.floor(Date.now() / 1000) * 1000;
  return new Date(previous && previous.getTime() >= now ? previous.getTime() + 1000 : now);
}
