import { GeneratedProgramme } from './generate';
import { median } from './cold-feed';
import { graphqlBody } from './queries';
import { ServerProcess } from './processes';

const CONFLICTS = `query Conflicts($slug: String!) { conflicts(conferenceSlug: $slug) { key code severity } }`;

export interface ConflictTiming {
  sessions: number;
  /** Conflicts found in the generated programme (the query lists them all). */
  conflicts: number;
  roundsMs: number[];
  medianMs: number;
}

/**
 * Time to detect every conflict of the whole conference through GraphQL, as an organiser asks:
 * one request per round, read to its end; the first round warms up and is not counted.
 */
export async function measureConflictDetection(lectern: ServerProcess, programme: GeneratedProgramme, rounds = 5): Promise<ConflictTiming> {
  const roundsMs: number[] = [];
  let conflicts = 0;
  for (let round = 0; round <= rounds; round++) {
    const started = performance.now();
    const response = await fetch(`${lectern.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${programme.adminToken}` },
      body: graphqlBody(CONFLICTS, { slug: programme.conferenceSlug }),
    });
    const result = (await response.json()) as { data?: { conflicts: unknown[] }; errors?: unknown[] };
    const elapsed = performance.now() - started;
    if (result.errors || !result.data) throw new Error(`conflict detection failed: ${JSON.stringify(result.errors)}`);
    conflicts = result.data.conflicts.length;
    if (round > 0) roundsMs.push(elapsed);
  }
  return { sessions: programme.plan.sessions, conflicts, roundsMs, medianMs: median(roundsMs) };
}

/** The row the result table shows for it. */
export function conflictRow(timing: ConflictTiming): string[] {
  return [
    `Conflict detection, whole conference, ${timing.sessions.toLocaleString('en')} sessions (median of ${timing.roundsMs.length}; ${timing.conflicts} found)`,
    `${timing.medianMs.toFixed(0)} ms`,
    '',
    '',
    '',
    '',
  ];
}
