import { setImmediate as nextTurn } from 'node:timers/promises';
import { TFunction } from 'i18next';
import { Conference } from '../conferences/conference.entity';
import { PublishedSession } from '../published/published-programme';
import { isGridCell } from './pages/programme-grid';
import { ProgrammeLayout } from './pages/programme-page';
import { ProgrammePieceKind, ProgrammePieces, renderProgrammePiece } from './pages/programme-pieces';
import { PageContext, textOf } from './site-context';

/** Enough for every piece of a few large programmes in each language and view; the least recently used go first beyond it. */
const MAX_CACHED_CHARACTERS = 32 * 1024 * 1024;
/** The longest a build works before it lets other requests (a write, a warm page) have the event loop. */
const SLICE_MS = 10;

/**
 * Each session's piece of a programme page (its entry in a list, its cell in a timetable), rendered
 * once for what it shows and kept, so a page is assembled from its pieces and a change to one
 * session renders one piece, not the programme. A piece is keyed by everything it is made of: the
 * session as published (its revision and last change, and every field the piece shows: the title
 * in the locale the reader's wishes pick, times, status, format, language, room and track names,
 * the line-up's names, roles and affiliations, which change without the session's revision), the
 * conference's slug and zone, the page's language, whether the page is served, and the very links
 * the piece writes (so the address scheme, an explicit `?lang=` or a static copy's file names are
 * in it). So a kept piece is never stale: anything it shows that changes makes another key.
 */
export class ProgrammePieceRenderings {
  /** In order of use, so the first entry is the one to evict. */
  private readonly entries = new Map<string, string>();
  private cachedCharacters = 0;

  /**
   * The pieces a programme page of these sessions needs in this layout: every session's entry in
   * the list; in the grid, a cell for each session within one day and an entry for each unscheduled
   * one. Rendering what is not kept, and working out the keys, yields to the event loop every few
   * milliseconds: a cold build of a large programme never holds up the requests that arrive meanwhile.
   */
  async render(
    layout: ProgrammeLayout,
    sessions: readonly PublishedSession[],
    conference: Pick<Conference, 'slug' | 'timeZone'>,
    context: PageContext,
  ): Promise<ProgrammePieces> {
    const items = new Map<number, string>();
    const cells = new Map<number, string>();
    const page = pageSignature(conference, context);
    const speakerLinks = new Map<string, string>();
    const speakerLink = (slug: string) => {
      let link = speakerLinks.get(slug);
      if (link === undefined) speakerLinks.set(slug, (link = context.addresses.page(`/speakers/${slug}`)));
      return link;
    };
    const pieceContext: PageContext = { ...context, t: rememberedTexts(context.t) };
    let sliceStarted = performance.now();
    for (const session of sessions) {
      const kind = pieceKind(layout, session, conference.timeZone);
      if (!kind) continue;
      const key = pieceKey(kind, session, conference, context, speakerLink) + page;
      let html = this.entries.get(key);
      if (html === undefined) {
        html = flattened(renderProgrammePiece(kind, pieceContext, conference, session));
        this.cachedCharacters += key.length + html.length;
      } else {
        this.entries.delete(key);
      }
      this.entries.set(key, html);
      (kind === 'item' ? items : cells).set(session.id, html);
      if (performance.now() - sliceStarted > SLICE_MS) {
        await nextTurn();
        sliceStarted = performance.now();
      }
    }
    this.evictBeyondBound();
    // The page is assembled from them in a turn of its own, not at the end of the last slice.
    await nextTurn();
    return { items, cells };
  }

  private evictBeyondBound(): void {
    for (const [key, html] of this.entries) {
      if (this.cachedCharacters <= MAX_CACHED_CHARACTERS) break;
      this.entries.delete(key);
      this.cachedCharacters -= key.length + html.length;
    }
  }
}

/** Which piece a session has on the page: none for a session over several days in the grid, listed above its days' tables. */
function pieceKind(layout: ProgrammeLayout, session: PublishedSession, zone: string): ProgrammePieceKind | null {
  if (layout === 'list' || !session.startsAt) return 'item';
  return isGridCell(session, zone) ? 'cell' : null;
}

/** What every piece of one page is rendered with, once per build. */
function pageSignature(conference: Pick<Conference, 'slug' | 'timeZone'>, context: PageContext): string {
  const agenda = context.addresses.served ? context.addresses.page(`/${conference.slug}/agenda`) : null;
  return JSON.stringify([conference.slug, conference.timeZone, context.language, context.addresses.served, agenda]);
}

/** What the piece shows, written out: the key itself (cheaper to compare than to hash, and counted in the bound). */
function pieceKey(
  kind: ProgrammePieceKind,
  session: PublishedSession,
  conference: Pick<Conference, 'slug'>,
  context: PageContext,
  speakerLink: (slug: string) => string,
): string {
  return JSON.stringify([
    kind,
    session.uid,
    session.id,
    session.revision,
    session.updatedAt,
    // The title as the reader's wishes pick it (its text and locale), not the wishes themselves:
    // readers whose Accept-Language differs share the pieces whose titles they would read alike.
    ...titleShown(context, session),
    session.status,
    session.startsAt,
    session.endsAt,
    session.format,
    session.language,
    session.room?.name ?? null,
    session.track?.name ?? null,
    session.lineUp.map((appearance) => [
      appearance.speakerName,
      appearance.role,
      appearance.title,
      appearance.organisation,
      speakerLink(appearance.speakerSlug),
    ]),
    context.addresses.page(`/${conference.slug}/sessions/${session.id}`),
  ]);
}

function titleShown(context: PageContext, session: PublishedSession): [string | null, string | null] {
  const { text, locale } = textOf(context, session.title);
  return [text, locale];
}

/**
 * The page's translations, each looked up once per build: i18next's lookup was most of what
 * rendering a piece cost, and a page asks for the same few labels (formats, roles, "cancelled",
 * the star's) for every session. Texts with values (the star's label names the session) are
 * looked up every time.
 */
function rememberedTexts(t: TFunction): TFunction {
  const kept = new Map<string, string>();
  const remembered = (key: string | string[], options?: unknown) => {
    if (options !== undefined || typeof key !== 'string') return (t as (key: unknown, options?: unknown) => string)(key, options);
    let text = kept.get(key);
    if (text === undefined) kept.set(key, (text = (t as (key: string) => string)(key)));
    return text;
  };
  return remembered as unknown as TFunction;
}

/**
 * The piece as one flat run of characters. renderToString returns a rope of the parts it
 * concatenated, and V8 copies a rope's parts anew every time it is joined into a page (an order of
 * magnitude slower than copying a flat string); reading a character flattens it in place, once.
 */
function flattened(html: string): string {
  html.charCodeAt(0);
  return html;
}
