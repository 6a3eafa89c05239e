import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { ChangeScope, changedScopes, PROGRAMME } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
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
  /** What it was built from, and when; see `isCurrent`. */
  state: BuiltState;
}

/** A feed as its build made it: the text, and the scopes it shows (its conferences, speaker, agenda). */
export interface BuiltFeed {
  body: string | Buffer;
  scopes: readonly ChangeScope[];
}

/** When a feed was built (this instance's count of changes then) and the scopes it was built from. */
export interface BuiltState {
  builtAt: number;
  scopes: readonly ChangeScope[];
}

/** Enough for every feed of a few large programmes; the oldest entries go first beyond it. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
/** Scopes whose last change is remembered; beyond it everything counts as changed once. */
const MAX_KNOWN_SCOPES = 100_000;
/** The shared version that every commit moves on: a build that saw it unchanged saw no commit anywhere while it ran. */
const ANY_COMMIT = 'any-commit';
/** Never current: what a feed built while Redis could not tell the shared versions carries. */
const UNKNOWN: BuiltState = { builtAt: -1, scopes: [PROGRAMME] };

/**
 * Rendered feeds, built once per change of what they show rather than once per request.
 *
 * Every write in Lectern is one transaction, and each says what it changes (see `ChangeScope`):
 * the conferences and speakers of the programme changes it records, one agenda, nothing
 * (bookkeeping), or, when it says nothing, the whole programme. Each feed names the scopes it was
 * built from: a conference's, track's or room's feed its conference; a session's feed its
 * session's conference; a speaker's feed that speaker and every conference it consulted; an
 * agenda's feed that agenda and its sessions' conferences. An entry serves only while none of its
 * scopes has changed since its build started; a change committed while it ran makes it stale at
 * once. So a change in one conference leaves every other conference's feeds warm, and an
 * attendee's agenda writes leave every programme feed warm.
 *
 * Several instances (REDIS_URL) share a version per scope in Redis (see ProgrammeGeneration): each
 * commit moves its scopes' versions on before the committing request answers, and each feed
 * request, conditional ones included, reads the versions of the scopes it would serve from first
 * (one MGET). A build reads the versions of the scopes it found once it is done, so a scope
 * changed elsewhere while it ran is not missed: a version not seen before counts as a change,
 * unless the version every commit moves on is as it was when the build began.
 * When Redis cannot answer, feeds are built afresh and not kept.
 */
@Injectable()
export class FeedCache implements OnModuleInit, EntitySubscriberInterface {
  private readonly changes = new Changes();
  /** Each shared version as this instance last took it into account. */
  private readonly sharedSeen = new Map<ChangeScope, string>();
  private cachedBytes = 0;
  /** In insertion order, so the first entry is the one to evict. */
  private readonly entries = new Map<string, RenderedFeed>();
  private readonly building = new Map<string, { builtAt: number; feed: Promise<RenderedFeed>; next?: Promise<RenderedFeed> }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: ProgrammeEvents,
    @Optional() private readonly shared?: ProgrammeGeneration,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** TypeORM awaits this before the commit returns: the mutation answers once other instances can tell. */
  afterTransactionCommit(event: TransactionCommitEvent): Promise<void> | void {
    const scopes = changedScopes(event.queryRunner, this.events.recordedIn(event.queryRunner));
    for (const scope of scopes) this.changes.changed(scope);
    if (scopes.length > 0 && this.shared?.shared) return this.tellOthers(scopes);
  }

  /** Whether a feed built in this state still shows what it was built from (as of the last `refresh`). */
  isCurrent(state: BuiltState): boolean {
    return this.changes.unchangedSince(state);
  }

  /**
   * Whether `isCurrent` can be trusted without a `refresh` first: a single instance (no Redis)
   * hears of every change as it commits, so nothing committed elsewhere is waiting to be read.
   */
  get hearsEveryChange(): boolean {
    return !this.shared?.shared;
  }

  /**
   * Catches up with changes of these scopes committed on other instances; false when Redis cannot
   * say, in which case nothing cached is current any more. Without Redis there is nothing to catch up with.
   */
  async refresh(scopes: readonly ChangeScope[]): Promise<boolean> {
    return (await this.catchUp(scopes)) !== false;
  }

  /** The feed under `key`, built by `build` unless a current one is cached or already being built. */
  get(key: string, build: () => Promise<BuiltFeed>): Promise<RenderedFeed> {
    if (!this.shared?.shared) return Promise.resolve(this.current(key, build, undefined));
    const cached = this.entries.get(key);
    return this.catchUp(cached?.state.scopes ?? []).then((anyCommit) =>
      anyCommit === false ? build().then((built) => rendered(built.body, UNKNOWN)) : this.current(key, build, anyCommit),
    );
  }

  /**
   * Reads the shared versions of these scopes and takes changes into account; answers the version
   * every commit moves on, or false when Redis cannot say. A scope's version not seen before
   * counts as a change, unless `quietSince` (that version before a build) shows that nothing was
   * committed anywhere since.
   */
  private async catchUp(scopes: readonly ChangeScope[], quietSince?: string): Promise<string | undefined | false> {
    if (!this.shared?.shared) return undefined;
    const names: GenerationName[] = [PROGRAMME, ...scopes.filter((scope) => scope !== PROGRAMME), ANY_COMMIT];
    const values = await this.shared.current(names);
    if (values === undefined) {
      this.changes.changed(PROGRAMME);
      return false;
    }
    const anyCommit = values[values.length - 1];
    const quiet = quietSince !== undefined && anyCommit === quietSince;
    names.slice(0, -1).forEach((name, index) => {
      const scope = name as ChangeScope;
      const seen = this.sharedSeen.get(scope);
      if (values[index] === seen) return;
      if (this.sharedSeen.size >= MAX_KNOWN_SCOPES) this.sharedSeen.clear();
      this.sharedSeen.set(scope, values[index]);
      if (seen === undefined && quiet) return;
      this.changes.changed(scope);
    });
    return anyCommit;
  }

  /** Synchronously up to the build, so that everyone asking at once shares one. */
  private current(key: string, build: () => Promise<BuiltFeed>, quietSince: string | undefined): Promise<RenderedFeed> | RenderedFeed {
    const cached = this.entries.get(key);
    if (cached && this.changes.unchangedSince(cached.state)) return cached;
    // A build under way is shared while nothing it may show has changed since it started: its
    // scopes are known only when it is done, so those of the entry it replaces stand in, and
    // without one, any change counts.
    const pending = this.building.get(key);
    const pendingCurrent =
      pending &&
      (cached
        ? this.changes.unchangedSince({ builtAt: pending.builtAt, scopes: cached.state.scopes })
        : this.changes.count === pending.builtAt);
    if (pendingCurrent) return pending.feed;
    // One that started before a change: the next build starts once it is done, and everyone who
    // asks until then shares that one. Each build then reads what was committed before they asked,
    // and changes coming faster than builds never run several builds of one feed at once.
    if (pending) {
      pending.next ??= pending.feed.then(
        () => this.current(key, build, undefined),
        () => this.current(key, build, undefined),
      );
      return pending.next;
    }

    const builtAt = this.changes.count;
    const feed = build().then(async (built) => {
      // Changes made elsewhere to what it turned out to show, while it ran, make it stale at once.
      const known = (await this.catchUp(built.scopes, quietSince)) !== false;
      return this.store(key, known ? { builtAt, scopes: built.scopes } : UNKNOWN, built.body);
    });
    this.building.set(key, { builtAt, feed });
    const done = () => {
      if (this.building.get(key)?.feed === feed) this.building.delete(key);
    };
    feed.then(done, done);
    return feed;
  }

  /**
   * Moves the shared versions of what changed on. This instance has taken its own change into
   * account already; the value it wrote counts as seen only when the one it replaced had been seen
   * too, for otherwise another instance changed something in between that this one has yet to drop.
   */
  private async tellOthers(scopes: readonly ChangeScope[]): Promise<void> {
    const shared = this.shared!;
    await Promise.all([
      ...scopes.map(async (scope) => {
        const moved = await shared.advance(scope);
        if (moved && moved.replaced === this.sharedSeen.get(scope)) this.sharedSeen.set(scope, moved.written);
      }),
      shared.advance(ANY_COMMIT),
    ]);
  }

  private store(key: string, state: BuiltState, body: string | Buffer): RenderedFeed {
    const previous = this.entries.get(key);
    const entry = rendered(body, state, previous);
    if (!this.changes.unchangedSince(state)) return entry; // built from data that has changed since: serve once, keep nothing
    if (previous) this.evict(key, previous);
    this.entries.set(key, entry);
    this.cachedBytes += entry.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.cachedBytes <= MAX_CACHED_BYTES) break;
      this.evict(oldKey, old);
    }
    return entry;
  }

  private evict(key: string, entry: RenderedFeed): void {
    this.entries.delete(key);
    this.cachedBytes -= entry.body.length;
  }
}

/**
 * This instance's changes, counted: each scope remembers the count at its last change, and a
 * programme-wide change is a change of every scope. A feed built when the count was n is current
 * while none of its scopes changed after n.
 */
class Changes {
  count = 0;
  private everything = 0;
  private readonly last = new Map<ChangeScope, number>();

  changed(scope: ChangeScope): void {
    this.count++;
    if (scope === PROGRAMME || this.last.size >= MAX_KNOWN_SCOPES) {
      this.everything = this.count;
      this.last.clear();
      return;
    }
    this.last.delete(scope);
    this.last.set(scope, this.count);
  }

  unchangedSince({ builtAt, scopes }: BuiltState): boolean {
    return builtAt >= this.everything && scopes.every((scope) => (this.last.get(scope) ?? 0) <= builtAt);
  }
}

function rendered(body: string | Buffer, state: BuiltState, previous?: RenderedFeed): RenderedFeed {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag = `"${createHash('sha256').update(bytes).digest('base64url')}"`;
  return { body: bytes, etag, state, lastModified: previous?.etag === etag ? previous.lastModified : after(previous?.lastModified) };
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
