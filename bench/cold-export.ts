import { bareScheduleXml } from './bare-export';
import { ColdFeedResult, measureBareBuild, measureColdBuild } from './cold-feed';
import { withLectern } from './in-process';
import { log } from './log';
import { PreparedProgramme } from './prepare';
import { ServerProcess } from './processes';
import { recordRequest, RecordedRequest } from './statements';

export const exportPath = (conferenceSlug: string, file = 'schedule.xml') =>
  `/exports/conferences/${encodeURIComponent(conferenceSlug)}/${file}`;

/** Rounds of the cold export are numbered from here, so its new titles are never the cold feed's. */
const FIRST_ROUND = 1000;

export interface ColdExportComparison {
  sessions: number;
  lectern: Omit<ColdFeedResult, 'body'>;
  bare: Omit<ColdFeedResult, 'body'>;
  /** Whether the bare build wrote the very bytes Lectern served (nothing is stamped per build). */
  sameBytes: boolean;
}

/**
 * What Lectern sends for the conference's schedule.xml, recorded through an in-process app on the
 * same database (before the server processes start, like `prepareProgramme`'s recordings).
 */
export function recordScheduleXml(prepared: PreparedProgramme): Promise<RecordedRequest> {
  return withLectern(prepared.sqlitePath, async (app) => {
    const recorded = await recordRequest(app, { method: 'GET', url: exportPath(prepared.programme.conferenceSlug) });
    if (recorded.status !== 200) throw new Error(`schedule.xml failed in-process: ${recorded.status} ${recorded.body.slice(0, 500)}`);
    return recorded;
  });
}

/**
 * Lectern's cold build of schedule.xml (a session retitled through GraphQL, then the first
 * export timed), next to the bare build over the same database, `builds` times each.
 */
export async function compareColdExport(
  lectern: ServerProcess,
  prepared: PreparedProgramme,
  recorded: RecordedRequest,
  builds: number,
  baseUrl: string,
): Promise<ColdExportComparison> {
  const path = exportPath(prepared.programme.conferenceSlug);
  const measured = await measureColdBuild(lectern, prepared.programme, builds, path, FIRST_ROUND);
  // After Lectern's builds, so both read the programme with the same changes in it.
  const bare = await measureBareBuild(prepared.sqlitePath, builds, (db) =>
    bareScheduleXml(db, recorded.statements, baseUrl, `${baseUrl}${path}`),
  );
  log(`  Lectern ${measured.medianMs.toFixed(0)} ms, bare ${bare.medianMs.toFixed(0)} ms (${measured.bytes} and ${bare.bytes} bytes)`);
  const sameBytes = measured.body === bare.body;
  if (!sameBytes) {
    const at = [...measured.body].findIndex((c, i) => c !== bare.body[i]);
    log(`  the bytes differ at ${at}: …${measured.body.slice(at - 60, at + 60)}… vs …${bare.body.slice(at - 60, at + 60)}…`);
  }
  const withoutBody = ({ body: _, ...rest }: ColdFeedResult) => rest;
  return { sessions: prepared.programme.plan.sessions, lectern: withoutBody(measured), bare: withoutBody(bare), sameBytes };
}
