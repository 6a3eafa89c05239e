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
  /** In order of use, so the first entry is the one to evict. */
  private readonly entries = new Map<string, RenderedEvent>();
  private cachedBytes = 0;

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
    let sliceStarted = performance.now();
    for (const session of scheduled) {
      const key = eventKey(session, options);
      let event = this.entries.get(key);
      if (event) {
        this.entries.delete(key);
      } else {
        event = renderEvent(session, options);
        this.cachedBytes += event.bytes.length;
        if (performance.now() - sliceStarted > SLICE_MS) {
          await nextTurn();
          sliceStarted = performance.now();
        }
      }
      this.entries.set(key, event);
      events.push(event);
    }
    this.evictBeyondBound();
    return { scheduled, events };
  }

  private evictBeyondBound(): void {
    for (const [key, event] of this.entries) {
      if (this.cachedBytes <= MAX_CACHED_BYTES) break;
      this.entries.delete(key);
      this.cachedBytes -= event.bytes.length;
    }
  }
}

function eventKey(session: CalendarSession, options: RenderOptions): string {
  const contentHash = session.contentHash ?? calendarContentHash(session);
  const stamps = `${session.revision}|${session.updatedAt.getTime()}|${session.createdAt.getTime()}`;
  return `${session.uid}|${contentHash}|${stamps}|${options.sessionUrl(session.id)}|${options.locale ?? ''}|${options.multiday}|${options.method ?? ''}`;
}
