import { writeFileSync } from 'node:fs';
import { ConflictTiming, conflictRow } from './conflicts';
import { ColdExportComparison } from './cold-export';
import { CONSOLE_FIRST_LOAD_BOUND_BYTES, ConsoleFirstLoad } from './console-first-load';
import { ColdComparison } from './cold-feed';
import { COLD_PAGE_BOUND, ColdPageComparison } from './cold-page';
import { LoadResult, LoadSettings } from './load';
import { describeMachine, MachineState } from './machine';
import { MIXED_READS, MixedLoadResult } from './mixed-load';
import { Scenario } from './options';
import { ConferencePlan } from './synthetic';
import { OtherConferenceTiming } from './other-conference';

/** The cold build of 5× the sessions may take 1.1× linear time: 5.5× for 10,000 against 2,000. */
const LARGE_BUILD_SLACK = 1.1;

export interface LoadComparison {
  scenario: Scenario;
  label: string;
  limitName: string;
  lectern: LoadResult;
  limit: LoadResult;
  /** The least share of the limit's throughput Lectern should reach, if the issue sets one. */
  target?: number;
  /** Lectern's peak RSS so far, read after this run: which load pushes memory up. */
  lecternPeakRssMb: number;
}

export interface Memory {
  peakRssMb: number;
  rssMb: number;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  node: string;
  machineBefore: MachineState;
  machineAfter: MachineState;
  settings: LoadSettings & { coldBuilds: number; profiled: boolean; lecternNodeFlags: string[] };
  programme: ConferencePlan & {
    appearances: number;
    generationSeconds: number;
    feedBytes: number;
    trackFeedBytes: number;
    pageBytes?: number;
  };
  load: LoadComparison[];
  /** Reads of feeds, pages and bios with 10% changes, 50 connections (runs before it have none). */
  mixed?: MixedLoadResult | null;
  /** SQL statements for one GraphQL page, by page size. */
  sqlStatements: Record<string, number> | null;
  cold: ColdComparison | null;
  coldLarge: ColdComparison | null;
  /** The cold build of the conference's schedule.xml against the bare build (runs before it have none). */
  coldExport?: ColdExportComparison | null;
  /** The cold build of the conference's programme page against its feed's (runs before it have none). */
  coldPage?: ColdPageComparison | null;
  conflicts?: ConflictTiming | null;
  otherConference?: OtherConferenceTiming | null;
  /** The organiser console's JavaScript for a first load (runs before it have none). */
  consoleFirstLoad?: ConsoleFirstLoad | null;
  memory: { lecternAtStart: Memory; lectern: Memory; staticLimit: Memory; dataLimit: Memory; largeLectern: Memory | null };
  targets: Target[];
}

export interface Target {
  name: string;
  measured: string;
  target: string;
  met: boolean;
  /** What the reader must know to trust the verdict. */
  note?: string;
}

/** Runs where the loopback link, not the server, sets the pace: their server CPU per answer is a target too. */
const CPU_PER_ANSWER_TARGETS: ReadonlySet<Scenario> = new Set<Scenario>(['feed']);

/** Peak RSS bounds, with no heap flag: the 2,000-session run's server, and the 10,000-session one's. */
const PEAK_RSS_BOUND_MB = 250;
const LARGE_PEAK_RSS_BOUND_MB = 400;

/** The mixed load's bounds: a change's p99 on SQLite, and the longest a feed rebuild may hold the event loop. */
const MIXED_WRITE_P99_BOUND_MS = 250;
const LOOP_DELAY_BOUND_MS = 50;

/** Below this, a limit was not the bottleneck of its own run: its throughput is not its capacity. */
const PACED_BY_CLIENT_PERCENT = 60;

/** Each target of the issue, with what was measured; targets whose figures were not measured are left out. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): Target[] {
  const targets: Target[] = [];
  for (const run of results.load) {
    if (run.target === undefined) continue;
    const ratio = run.lectern.requestsPerSecond / run.limit.requestsPerSecond;
    const cpuRatio = run.limit.serverCpuMsPerRequest / run.lectern.serverCpuMsPerRequest;
    const note =
      run.limit.serverBusyPercent < PACED_BY_CLIENT_PERCENT
        ? `the ${run.limitName} was busy ${run.limit.serverBusyPercent.toFixed(0)}% of a core: the load generator, not the limit, set the pace; ` +
          `by server CPU per answer Lectern reaches ${times(cpuRatio)} of the limit`
        : undefined;
    targets.push({
      name: `${run.label}: throughput against the ${run.limitName}`,
      measured: times(ratio),
      target: `≥ ${run.target}×`,
      met: ratio >= run.target,
      note,
    });
    if (CPU_PER_ANSWER_TARGETS.has(run.scenario)) {
      targets.push({
        name: `${run.label}: server CPU per answer against the ${run.limitName}'s`,
        measured: times(cpuRatio),
        target: `≥ ${run.target}×`,
        met: cpuRatio >= run.target,
        note: `${run.lectern.serverCpuMsPerRequest.toFixed(3)} ms against ${run.limit.serverCpuMsPerRequest.toFixed(3)} ms`,
      });
    }
  }
  if (results.mixed) {
    const mixed = results.mixed;
    targets.push({
      name: `Mixed load (${mixed.connections} connections, ${percent(mixed.writeShare)} writes): write p99`,
      measured: `${mixed.writeP99Ms.toFixed(0)} ms`,
      target: `≤ ${MIXED_WRITE_P99_BOUND_MS} ms`,
      met: mixed.writeP99Ms <= MIXED_WRITE_P99_BOUND_MS,
      note: mixed.feedChanged ? undefined : "the whole-conference feed's ETag was the same after the run: the changes did not reach it",
    });
    targets.push({ name: 'Mixed load: errors', measured: String(mixed.errors), target: '0', met: mixed.errors === 0 });
    targets.push({
      name: 'Longest event-loop delay under the mixed load',
      measured: `${mixed.loopDelayMaxMs.toFixed(1)} ms`,
      target: `≤ ${LOOP_DELAY_BOUND_MS} ms`,
      met: mixed.loopDelayMaxMs <= LOOP_DELAY_BOUND_MS,
    });
  }
  if (results.sqlStatements) {
    const counts = Object.values(results.sqlStatements);
    const same = new Set(counts).size === 1;
    targets.push({
      name: 'SQL statements per GraphQL page, sizes 10 / 50 / 100',
      measured: counts.join(' / '),
      target: 'the same at every size, at most 5',
      met: same && counts[0] <= 5,
    });
  }
  if (results.cold) {
    const ratio = results.cold.lectern.medianMs / results.cold.bare.medianMs;
    targets.push({
      name: `Cold feed build (${thousands(results.cold.sessions)} sessions) against bare SQL and the same renderer`,
      measured: times(ratio),
      target: '≤ 1.5×',
      met: ratio <= 1.5,
    });
    const share = results.cold.incremental.medianMs / results.cold.lectern.medianMs;
    targets.push({
      name: `Feed rebuild after one session's change (${thousands(results.cold.sessions)} sessions) against a full build`,
      measured: `${results.cold.incremental.medianMs.toFixed(0)} ms, ${share.toFixed(2)}×`,
      target: '≤ 0.10×',
      met: share <= 0.1,
    });
  }
  if (results.coldExport) {
    const ratio = results.coldExport.lectern.medianMs / results.coldExport.bare.medianMs;
    targets.push({
      name: `Cold schedule.xml build (${thousands(results.coldExport.sessions)} sessions) against bare SQL and the same writer`,
      measured: times(ratio),
      target: '≤ 1.5×',
      met: ratio <= 1.5 && results.coldExport.sameBytes,
      note: results.coldExport.sameBytes ? undefined : 'the bare build wrote other bytes than Lectern served',
    });
  }
  if (results.coldPage) {
    const cold = results.coldPage;
    const ratio = cold.page.medianMs / cold.feed.medianMs;
    targets.push({
      name: `Cold programme page build (${thousands(cold.sessions)} sessions) against the full feed build of the same conference`,
      measured: `${cold.page.medianMs.toFixed(0)} ms, ${times(ratio)}`,
      target: `≤ ${COLD_PAGE_BOUND}×`,
      met: ratio <= COLD_PAGE_BOUND,
    });
  }
  if (results.otherConference) {
    const other = results.otherConference;
    const ratio = other.afterOtherChangeMedianMs / other.coldMs;
    targets.push({
      name: `Another conference's feed (${thousands(other.sessions)} sessions) after a change in the main one, against its own full build`,
      measured: `${ratio.toFixed(2)}×`,
      target: '≤ 0.25×, the same version',
      met: ratio <= 0.25 && other.unchanged,
      note: `warm ${other.warmMs.toFixed(1)} ms, after the change ${other.afterOtherChangeMedianMs.toFixed(1)} ms, built in full ${other.coldMs.toFixed(1)} ms`,
    });
  }
  if (results.cold && results.coldLarge) {
    const ratio = results.coldLarge.lectern.medianMs / results.cold.lectern.medianMs;
    targets.push({
      name: `Cold feed build, ${thousands(results.coldLarge.sessions)} against ${thousands(results.cold.sessions)} sessions`,
      measured: times(ratio),
      target: `≤ ${(LARGE_BUILD_SLACK * (results.coldLarge.sessions / results.cold.sessions)).toFixed(1)}×`,
      met: ratio <= LARGE_BUILD_SLACK * (results.coldLarge.sessions / results.cold.sessions),
    });
  }
  if (results.consoleFirstLoad) {
    const { gzipBytes, files } = results.consoleFirstLoad;
    targets.push({
      name: "The console's JavaScript for a first load, gzip -9",
      measured: `${kilobytes(gzipBytes)} (${files.length === 1 ? 'one file' : `${files.length} files`})`,
      target: `≤ ${kilobytes(CONSOLE_FIRST_LOAD_BOUND_BYTES)}`,
      met: gzipBytes <= CONSOLE_FIRST_LOAD_BOUND_BYTES,
    });
  }
  if (results.load.length) {
    const errors = results.load.reduce((sum, run) => sum + run.lectern.errors + run.limit.errors, 0);
    targets.push({ name: 'Errors in every load run (Lectern and limits)', measured: String(errors), target: '0', met: errors === 0 });
  }
  targets.push({
    name: 'Lectern peak RSS',
    measured: `${results.memory.lectern.peakRssMb.toFixed(0)} MB`,
    target: `≤ ${PEAK_RSS_BOUND_MB} MB`,
    met: results.memory.lectern.peakRssMb <= PEAK_RSS_BOUND_MB,
  });
  const large = results.memory.largeLectern;
  if (large && results.coldLarge) {
    targets.push({
      name: `Lectern peak RSS at ${thousands(results.coldLarge.sessions)} sessions`,
      measured: `${large.peakRssMb.toFixed(0)} MB`,
      target: `≤ ${LARGE_PEAK_RSS_BOUND_MB} MB`,
      met: large.peakRssMb <= LARGE_PEAK_RSS_BOUND_MB,
    });
  }
  return targets;
}

/** The one table: every figure, its limit and the ratio, as Markdown (it goes into the README as it is). */
export function resultTable(results: BenchResults): string {
  const rows: string[][] = [['figure', 'Lectern', 'limit', 'ratio', 'target', 'met']];
  const targetOf = (name: string) => results.targets.find((t) => t.name.startsWith(name));
  const met = (target?: Target) => (target ? (target.met ? 'yes' : '**no**') : '');
  for (const run of results.load) {
    const target = targetOf(`${run.label}:`);
    rows.push([
      run.label,
      loadCell(run.lectern),
      `${loadCell(run.limit)} (${run.limitName})`,
      times(run.lectern.requestsPerSecond / run.limit.requestsPerSecond),
      target?.target ?? '',
      met(target),
    ]);
  }
  if (results.mixed) {
    const mixed = results.mixed;
    const label = `Mixed load, ${mixed.connections} connections × ${mixed.durationSeconds} s, ${percent(mixed.writeShare)} writes`;
    const writes = targetOf('Mixed load (');
    const errors = targetOf('Mixed load: errors');
    const loopDelay = targetOf('Longest event-loop delay');
    rows.push([
      `${label}: reads (feeds, page, GraphQL page, bio)`,
      `${thousands(Math.round(mixed.readsPerSecond))} reads/s, p50 ${ms(mixed.readP50Ms)}, p99 ${ms(mixed.readP99Ms)}`,
      '',
      '',
      '',
      '',
    ]);
    rows.push([
      `${label}: writes (a session retitled)`,
      `p50 ${ms(mixed.writeP50Ms)}, p99 ${ms(mixed.writeP99Ms)} (${thousands(mixed.writes)} changes${mixed.feedChanged ? '' : ', feed unchanged'})`,
      '',
      '',
      writes!.target,
      met(writes),
    ]);
    rows.push([`${label}: errors`, String(mixed.errors), '', '', errors!.target, met(errors)]);
    rows.push([
      'Longest event-loop delay under the mixed load (monitorEventLoopDelay, 10 ms resolution)',
      `${mixed.loopDelayMaxMs.toFixed(1)} ms`,
      '',
      '',
      loopDelay!.target,
      met(loopDelay),
    ]);
  }
  if (results.sqlStatements) {
    const target = targetOf('SQL statements');
    rows.push([
      'SQL statements per GraphQL page (10 / 50 / 100 sessions)',
      Object.values(results.sqlStatements).join(' / '),
      '',
      '',
      target!.target,
      met(target),
    ]);
  }
  for (const cold of [results.cold, results.coldLarge]) {
    if (!cold) continue;
    const target = cold === results.cold ? targetOf('Cold feed build (') : undefined;
    rows.push([
      `Cold feed build in full after a change, ${thousands(cold.sessions)} sessions (median of ${cold.lectern.buildsMs.length})`,
      `${cold.lectern.medianMs.toFixed(0)} ms`,
      `${cold.bare.medianMs.toFixed(0)} ms (bare SQL and the same renderer${cold.sameBytes ? ', same bytes' : ', bytes differ'})`,
      times(cold.lectern.medianMs / cold.bare.medianMs),
      target?.target ?? '',
      met(target),
    ]);
    if (cold !== results.cold) continue;
    const rebuild = targetOf('Feed rebuild after');
    rows.push([
      `Feed rebuild after one session's change, ${thousands(cold.sessions)} sessions (median of ${cold.incremental.buildsMs.length})`,
      `${cold.incremental.medianMs.toFixed(0)} ms`,
      `${cold.lectern.medianMs.toFixed(0)} ms (the full build)`,
      times(cold.incremental.medianMs / cold.lectern.medianMs),
      rebuild!.target,
      met(rebuild),
    ]);
  }
  if (results.coldExport) {
    const cold = results.coldExport;
    const target = targetOf('Cold schedule.xml build');
    rows.push([
      `Cold schedule.xml build after a change, ${thousands(cold.sessions)} sessions (median of ${cold.lectern.buildsMs.length})`,
      `${cold.lectern.medianMs.toFixed(0)} ms`,
      `${cold.bare.medianMs.toFixed(0)} ms (bare SQL and the same writer${cold.sameBytes ? ', same bytes' : ', bytes differ'})`,
      times(cold.lectern.medianMs / cold.bare.medianMs),
      target!.target,
      met(target),
    ]);
  }
  if (results.coldPage) {
    const cold = results.coldPage;
    const target = targetOf('Cold programme page build');
    rows.push([
      `Cold programme page build (every piece: the conference in another zone), ${thousands(cold.sessions)} sessions (median of ${cold.page.buildsMs.length})`,
      `${cold.page.medianMs.toFixed(0)} ms (${kilobytes(cold.page.bytes)})`,
      `${cold.feed.medianMs.toFixed(0)} ms (the full feed build of the same conference, in the same run)`,
      times(cold.page.medianMs / cold.feed.medianMs),
      target!.target,
      met(target),
    ]);
  }
  if (results.otherConference) {
    const other = results.otherConference;
    const target = targetOf("Another conference's feed");
    rows.push([
      `Another conference's feed after a change in the main one (${thousands(other.sessions)} sessions)`,
      `${other.afterOtherChangeMedianMs.toFixed(1)} ms`,
      `${other.coldMs.toFixed(1)} ms (its own full build; warm ${other.warmMs.toFixed(1)} ms)`,
      times(other.afterOtherChangeMedianMs / other.coldMs),
      target!.target,
      met(target),
    ]);
  }
  if (results.cold && results.coldLarge) {
    const target = targetOf('Cold feed build, ');
    rows.push([
      `Cold feed build, ${thousands(results.coldLarge.sessions)} vs ${thousands(results.cold.sessions)} sessions`,
      times(results.coldLarge.lectern.medianMs / results.cold.lectern.medianMs),
      `${times(results.coldLarge.bare.medianMs / results.cold.bare.medianMs)} (bare)`,
      '',
      target!.target,
      met(target),
    ]);
  }
  if (results.conflicts) rows.push(conflictRow(results.conflicts));
  if (results.consoleFirstLoad) {
    const target = targetOf("The console's JavaScript");
    rows.push(["The console's JavaScript for a first load (gzip -9)", target!.measured, '', '', target!.target, met(target)]);
  }
  if (results.load.length) {
    const target = targetOf('Errors');
    const errors = (side: 'lectern' | 'limit') => results.load.reduce((sum, run) => sum + run[side].errors, 0);
    rows.push(['Errors, all load runs', String(errors('lectern')), String(errors('limit')), '', target!.target, met(target)]);
  }
  const { lectern, staticLimit, dataLimit, largeLectern } = results.memory;
  rows.push([
    'Peak RSS (VmHWM)',
    `${lectern.peakRssMb.toFixed(0)} MB${largeLectern ? ` (${largeLectern.peakRssMb.toFixed(0)} MB at ${thousands(results.coldLarge?.sessions ?? 0)} sessions)` : ''}`,
    `${staticLimit.peakRssMb.toFixed(0)} MB static, ${dataLimit.peakRssMb.toFixed(0)} MB data`,
    '',
    `≤ ${PEAK_RSS_BOUND_MB} MB${largeLectern ? ` (≤ ${LARGE_PEAK_RSS_BOUND_MB} MB)` : ''}`,
    [met(results.targets.find((t) => t.name === 'Lectern peak RSS')), largeLectern ? met(targetOf('Lectern peak RSS at')) : '']
      .filter(Boolean)
      .join(' / '),
  ]);
  return markdownTable(rows);
}

/**
 * What each answer cost the server's process (CPU time over the run / answers), and how busy it
 * was (% of one core). The CPU ratio (limit ÷ Lectern) compares the work whoever set the pace.
 */
export function cpuTable(results: BenchResults): string {
  const rows = [
    ['load run', 'Lectern CPU ms/answer (busy)', 'limit CPU ms/answer (busy)', 'CPU ratio', 'bytes/answer', 'Lectern peak RSS after it'],
  ];
  const cpu = (result: LoadResult) => `${result.serverCpuMsPerRequest.toFixed(3)} (${result.serverBusyPercent.toFixed(0)}%)`;
  for (const run of results.load) {
    rows.push([
      run.label,
      cpu(run.lectern),
      cpu(run.limit),
      times(run.limit.serverCpuMsPerRequest / run.lectern.serverCpuMsPerRequest),
      thousands(Math.round(run.lectern.bytesPerRequest)),
      `${run.lecternPeakRssMb.toFixed(0)} MB (${results.memory.lecternAtStart.rssMb.toFixed(0)} MB at start)`,
    ]);
  }
  return markdownTable(rows);
}

/** The mixed load by kind of request: how many, how fast, how many failed. */
export function mixedTable(mixed: MixedLoadResult): string {
  const rows = [['mixed load, by request', 'answers/s', 'p50', 'p99', 'errors']];
  for (const kind of [...MIXED_READS, 'write'] as const) {
    const figures = mixed.byKind[kind];
    rows.push([kind, (figures.requests / mixed.seconds).toFixed(0), ms(figures.p50Ms), ms(figures.p99Ms), String(figures.errors)]);
  }
  return markdownTable(rows);
}

export function printReport(results: BenchResults): void {
  const { settings, programme } = results;
  console.log('');
  console.log(
    `Programme: ${thousands(programme.sessions)} sessions, ${programme.rooms} rooms, ${programme.tracks} tracks, ${thousands(programme.speakers)} speakers, ` +
      `${thousands(programme.appearances)} appearances; whole feed ${kilobytes(programme.feedBytes)}, track feed ${kilobytes(programme.trackFeedBytes)}` +
      `${programme.pageBytes === undefined ? '' : `, programme page ${kilobytes(programme.pageBytes)}`}.`,
  );
  console.log(
    `Load: autocannon, ${settings.connections} connections × ${settings.duration} s per run (after ${settings.warmup} s warm-up), from the benchmark process; ` +
      `Lectern and each limit in a process of its own. Node ${results.node}.`,
  );
  console.log(`Machine before: ${describeMachine(results.machineBefore)}`);
  console.log(`Machine after:  ${describeMachine(results.machineAfter)}`);
  if (settings.profiled) console.log('PROFILED RUN: Lectern ran under --cpu-prof; these figures are not the real ones.');
  if (settings.lecternNodeFlags.length) console.log(`Lectern ran with extra Node flags: ${settings.lecternNodeFlags.join(' ')}`);
  console.log('');
  console.log(resultTable(results));
  if (results.load.length) {
    console.log('');
    console.log(cpuTable(results));
  }
  if (results.mixed) {
    console.log('');
    console.log(mixedTable(results.mixed));
    console.log(
      `Mixed load: Lectern busy ${results.mixed.serverBusyPercent.toFixed(0)}% of a core; measured after ${results.mixed.warmupSeconds} s of the same load.`,
    );
  }
  console.log('');
  console.log('Targets:');
  for (const target of results.targets) {
    console.log(`  ${target.met ? 'met   ' : 'MISSED'}  ${target.name}: ${target.measured} (target ${target.target})`);
    if (target.note) console.log(`          but: ${target.note}`);
  }
}

export function writeResults(path: string, results: BenchResults): void {
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

function loadCell(result: LoadResult): string {
  return `${thousands(Math.round(result.requestsPerSecond))} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.errors} errors`;
}

function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const times = (ratio: number) => `${ratio.toFixed(2)}×`;
const thousands = (n: number) => n.toLocaleString('en-GB');
const percent = (share: number) => `${Math.round(share * 100)}%`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kilobytes = (bytes: number) => `${thousands(Math.round(bytes / 1024))} KB`;
