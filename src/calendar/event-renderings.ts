import { setImmediate as nextTurn } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { calendarContentHash } from './calendar-ledger.service';
import { CalendarSession } from './calendar-session';
import { isScheduled, renderEvent, RenderedEvent, RenderOptions } from './feed-renderer';

/** Enough for every rendering of a few large programmes in each locale; the least recently used go first beyond it. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
/** The longest a build renders before it lets other requests (a write, a warm feed) have the event loop. */
const SLICE_MS = 10;

/**
 * Each session's VEVENT, rendered once for what it shows and kept, so a feed is assembled from its
 * events and a change to one session renders one event, not the programme. An event is keyed by
 * everything its text is made of: the content hash the ledger keeps (every text in every locale,
 * times, room, track, line-up, conference), the ledger's SEQUENCE and LAST-MODIFIED, when it was
 * created, its address, and the reader's locale and display option. So a kept event is never stale:
 * anything it shows that changes makes another key.
 */
@Injectable()
export class EventRenderings {
  private readonly entries = new Map<string, { event: RenderedEvent; usedBy: number }>();
  private cachedBytes = 0;
  /** Counts the builds, to tell which events the least recent builds used. */
  private builds = 0;

  /**
   * The scheduled sessions among these and their events, in the same order. Rendering what is not
   * kept yields to the event loop every few milliseconds: a cold build of a large programme never
   * holds up the requests that arrive meanwhile.
   */
  async render(
    sessions: readonly CalendarSession[],
    options: RenderOptions,
  ): Promise<{ scheduled: CalendarSession[]; events: RenderedEvent[] }> {
    const scheduled = sessions.filter(isScheduled);
    const events: RenderedEvent[] = [];
    const build = ++this.builds;
    const shown = shownWith(options);
    let rendered = false;
    let sliceStarted = performance.now();
    for (const session of scheduled) {
      const key = eventKey(session, options, shown);
      let entry = this.entries.get(key);
      if (entry) {
        entry.usedBy = build;
      } else {
        entry = { event: renderEvent(session, options), usedBy: build };
        this.entries.set(key, entry);
        this.cachedBytes += entry.event.bytes.length;
        rendered = true;
        if (performance.now() - sliceStarted > SLICE_MS) {
          await nextTurn();
          sliceStarted = performance.now();
        }
      }
      events.push(entry.event);
    }
    if (rendered) this.evictBeyondBound();
    return { scheduled, events };
  }

  /** The events the least recent builds used go first, down to the bound. */
  private evictBeyondBound(): void {
    if (this.cachedBytes <= MAX_CACHED_BYTES) return;
    const byUse = [...this.entries].sort(([, a], [, b]) => a.usedBy - b.usedBy);
    for (const [key, { event }] of byUse) {
      if (this.cachedBytes <= MAX_CACHED_BYTES) break;
      this.entries.delete(key);
      this.cachedBytes -= event.bytes.length;
    }
  }
}

/** What of the reader's options an event shows. */
function shownWith(options: RenderOptions): string {
  return `${options.locale ?? ''}|${options.multiday}|${options.method ?? ''}`;
}

/** Each entry's keys, by what of the options it shows: the ledger hands the same entry to every build until it changes. */
const keys = new WeakMap<CalendarSession, Map<string, string>>();

function eventKey(session: CalendarSession, options: RenderOptions, shown: string): string {
  let byShown = keys.get(session);
  if (!byShown) keys.set(session, (byShown = new Map()));
  let key = byShown.get(shown);
  if (key === undefined) byShown.set(shown, (key = keyOf(session, options, shown)));
  return key;
}

function keyOf(session: CalendarSession, options: RenderOptions, shown: string): string {
  const contentHash = session.contentHash ?? calendarContentHash(session);
  const stamps = `${session.revision}|${session.updatedAt.getTime()}|${session.createdAt.getTime()}`;
  return `${session.uid}|${contentHash}|${stamps}|${options.sessionUrl(session.id)}|${shown}`;
}
