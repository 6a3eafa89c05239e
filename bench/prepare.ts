import { generateProgramme, GeneratedProgramme } from './generate';
import { withLectern } from './in-process';
import { feedPath, graphqlBody, SESSION_PAGE, SPEAKER_BIO } from './queries';
import { InProcessRequest, recordRequest, RecordedRequest } from './statements';
import { ConferencePlan } from './synthetic';

export const PAGE_SIZES = [10, 50, 100] as const;
export const PAGE_SIZE = 100;

/** A generated database, and what Lectern does with it, seen from inside (before any server runs on it). */
export interface PreparedProgramme {
  sqlitePath: string;
  programme: GeneratedProgramme;
  /** SQL statements per GraphQL page, by page size (as tests/e2e/sql-statements.test.ts counts them). */
  statementsPerPage: Record<string, number>;
  page: RecordedRequest;
  speaker: RecordedRequest;
  feed: RecordedRequest;
}

export const pageRequest = (programme: GeneratedProgramme, first: number): InProcessRequest => ({
  method: 'POST',
  url: '/graphql',
  body: graphqlBody(SESSION_PAGE, { slug: programme.conferenceSlug, first }),
});

export const speakerRequest = (programme: GeneratedProgramme): InProcessRequest => ({
  method: 'POST',
  url: '/graphql',
  body: graphqlBody(SPEAKER_BIO, { slug: programme.speakerSlug }),
});

/**
 * Generates the programme into a fresh database through an in-process Lectern, then asks that same
 * app for a page at each size, the speaker and the whole feed, recording the SQL each one sends.
 * The server processes started later expose nothing extra for this.
 */
export function prepareProgramme(sqlitePath: string, plan: ConferencePlan): Promise<PreparedProgramme> {
  return withLectern(sqlitePath, async (app) => {
    const programme = await generateProgramme(app, plan);
    // The first request of an app does one-off work (metadata, first loaders): not what a page costs.
    succeeded(await recordRequest(app, pageRequest(programme, PAGE_SIZES[0])), 'warm-up page');
    const statementsPerPage: Record<string, number> = {};
    let page: RecordedRequest | undefined;
    for (const size of PAGE_SIZES) {
      const recorded = succeeded(await recordRequest(app, pageRequest(programme, size)), `page of ${size}`);
      const edges = (JSON.parse(recorded.body) as { data: { sessions: { edges: unknown[] } } }).data.sessions.edges;
      if (edges.length !== size) throw new Error(`a page of ${size} came back with ${edges.length} sessions`);
      statementsPerPage[size] = recorded.count;
      if (size === PAGE_SIZE) page = recorded;
    }
    const speaker = succeeded(await recordRequest(app, speakerRequest(programme)), 'speaker');
    const feed = succeeded(await recordRequest(app, { method: 'GET', url: feedPath(programme.conferenceSlug) }), 'feed');
    return { sqlitePath, programme, statementsPerPage, page: page!, speaker, feed };
  });
}

function succeeded(recorded: RecordedRequest, what: string): RecordedRequest {
  if (recorded.status !== 200 || recorded.body.startsWith('{"errors"') || recorded.body.includes('"errors":[')) {
    throw new Error(`${what} failed in-process: ${recorded.status} ${recorded.body.slice(0, 500)}`);
  }
  return recorded;
}
