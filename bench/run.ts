import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BareFeedAddresses } from './bare-feed';
import { ColdExportComparison, compareColdExport, recordScheduleXml } from './cold-export';
import { ColdComparison, compareColdFeed } from './cold-feed';
import { ColdPageComparison, compareColdPage } from './cold-page';
import { measureImportTime } from './import-time';
import { measureOtherConference } from './other-conference';
import { measureConflictDetection } from './conflicts';
import { readConsoleFirstLoad } from './console-first-load';
import { lecternEnvironment } from './environment';
import { CONFERENCE_SLUG } from './generate';
import { startLimits } from './limit-setup';
import { LoadSettings, runLoad } from './load';
import { log } from './log';
import { describeMachine, machineState } from './machine';
import { MixedLoadResult, runMixedLoad } from './mixed-load';
import { readOptions, wanted } from './options';
import { prepareProgramme } from './prepare';
import { ServerProcess, startServer } from './processes';
import { feedPath } from './queries';
import { BenchResults, evaluateTargets, LoadComparison, Memory, printReport, writeResults } from './report';
import { loadScenarios } from './scenarios';
import { measureSearch } from './search';
import { planFor } from './synthetic';

/** bench/results.json in the working tree (this file runs from dist-bench/bench/). */
const RESULTS_PATH = resolve(__dirname, '../../bench/results.json');
const PUBLIC_BASE_URL = lecternEnvironment('').PUBLIC_BASE_URL;
/** Where Lectern's feeds say they are (PUBLIC_BASE_URL): the bare build writes the same links. */
const FEED_ADDRESSES: BareFeedAddresses = {
  feedUrl: `${PUBLIC_BASE_URL}${feedPath(CONFERENCE_SLUG)}`,
  sessionUrl: (id) => `${PUBLIC_BASE_URL}/calendars/sessions/${id}.ics`,
};

async function main() {
  const options = readOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const machineBefore = machineState();
  log(`machine: ${describeMachine(machineBefore)}`);
  const directory = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
  const profileDirectory = options.profile ? join(directory, 'profiles') : undefined;
  if (profileDirectory) mkdirSync(profileDirectory);
  const running: ServerProcess[] = [];
  const start = async (...args: Parameters<typeof startServer>) => {
    const server = await startServer(...args);
    running.push(server);
    return server;
  };
  const lecternOptions = (sqlitePath: string) => ({
    env: lecternEnvironment(sqlitePath),
    execArgv: [...options.nodeFlags, ...(profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [])],
  });

  try {
    log(`generating ${options.sessions} sessions into ${directory}`);
    const base = await prepareProgramme(join(directory, 'programme.sqlite'), planFor(options.sessions));
    log(`generated in ${base.programme.seconds.toFixed(1)} s; SQL statements per page ${JSON.stringify(base.statementsPerPage)}`);
    if (options.only === null) await measureSearch(base.sqlitePath, base.programme);
    const large =
      options.largeSessions > 0 && wanted(options, 'large') && wanted(options, 'cold-feed')
        ? await prepareProgramme(join(directory, 'programme-large.sqlite'), planFor(options.largeSessions))
        : null;
    if (large) log(`generated ${options.largeSessions} sessions in ${large.programme.seconds.toFixed(1)} s`);
    const scheduleXml = wanted(options, 'cold-export') ? await recordScheduleXml(base) : null;

    const lectern = await start('Lectern', 'lectern-server.js', lecternOptions(base.sqlitePath));
    const lecternAtStart = lectern.memory();
    const { staticLimit, dataLimit, feeds, page } = await startLimits(lectern, base, directory, start);

    const settings: LoadSettings = { connections: options.connections, duration: options.duration, warmup: options.warmup };
    const load: LoadComparison[] = [];
    for (const scenario of loadScenarios(base, feeds[0].etag, page, lectern, staticLimit, dataLimit)) {
      if (!wanted(options, scenario.scenario)) continue;
      log(`load: ${scenario.label}`);
      // The limit first, then Lectern, back to back, so both meet the same machine.
      const limit = await runLoad(scenario.limitTarget, settings);
      const measured = await runLoad(scenario.lecternTarget, settings);
      log(`  Lectern ${measured.requestsPerSecond.toFixed(0)} req/s, ${scenario.limitName} ${limit.requestsPerSecond.toFixed(0)} req/s`);
      const lecternPeakRssMb = lectern.memory().peakRssMb;
      load.push({
        scenario: scenario.scenario,
        label: scenario.label,
        limitName: scenario.limitName,
        target: scenario.target,
        lectern: measured,
        limit,
        lecternPeakRssMb,
      });
    }

    let mixed: MixedLoadResult | null = null;
    if (wanted(options, 'mixed')) {
      log(`mixed load: reads with 10% changes, ${options.mixedDuration} s`);
      mixed = await runMixedLoad(lectern, base.programme, options.mixedDuration, options.warmup);
    }

    let cold: ColdComparison | null = null;
    if (wanted(options, 'cold-feed')) {
      log('cold feed builds');
      cold = await compareColdFeed(lectern, base, options.coldBuilds, FEED_ADDRESSES);
    }
    let coldExport: ColdExportComparison | null = null;
    if (scheduleXml) {
      log('cold schedule.xml builds');
      coldExport = await compareColdExport(lectern, base, scheduleXml, options.coldBuilds, PUBLIC_BASE_URL);
    }
    let coldPage: ColdPageComparison | null = null;
    if (wanted(options, 'cold-page')) {
      log('cold programme page builds');
      coldPage = await compareColdPage(lectern, base.programme, options.coldBuilds);
    }
    const conflicts = wanted(options, 'cold-feed') ? await measureConflictDetection(lectern, base.programme) : null;
    const otherConference = wanted(options, 'cold-feed') ? await measureOtherConference(lectern, base.programme) : null;
    if (wanted(options, 'import')) log('import time');
    const importTime = wanted(options, 'import') ? await measureImportTime(lectern, base.programme, base.sqlitePath, directory) : null;
    const memory = {
      lecternAtStart,
      lectern: lectern.memory(),
      staticLimit: staticLimit.memory(),
      dataLimit: dataLimit.memory(),
      largeLectern: null as Memory | null,
    };
    await Promise.all([lectern.stop(), staticLimit.stop(), dataLimit.stop()]);

    let coldLarge: ColdComparison | null = null;
    if (large) {
      log(`cold feed builds at ${options.largeSessions} sessions`);
      const largeLectern = await start('Lectern (large)', 'lectern-server.js', lecternOptions(large.sqlitePath));
      // Half as many builds: each takes five times as long.
      coldLarge = await compareColdFeed(largeLectern, large, Math.max(1, Math.ceil(options.coldBuilds / 2)), FEED_ADDRESSES);
      memory.largeLectern = largeLectern.memory();
      await largeLectern.stop();
    }

    const partial: Omit<BenchResults, 'targets'> = {
      startedAt,
      finishedAt: new Date().toISOString(),
      node: process.version,
      machineBefore,
      machineAfter: machineState(),
      settings: { ...settings, coldBuilds: options.coldBuilds, profiled: options.profile, lecternNodeFlags: options.nodeFlags },
      programme: {
        ...base.programme.plan,
        appearances: base.programme.appearances,
        generationSeconds: base.programme.seconds,
        feedBytes: feeds[0].body.length,
        trackFeedBytes: feeds[1].body.length,
        pageBytes: page.body.length,
      },
      load,
      mixed,
      sqlStatements: base.statementsPerPage,
      cold,
      coldLarge,
      coldExport,
      coldPage,
      conflicts,
      otherConference,
      consoleFirstLoad: readConsoleFirstLoad(),
      memory,
    };
    const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
    printReport(results);
    if (options.profile || options.only || options.nodeFlags.length) {
      log(`not writing ${RESULTS_PATH}: a narrowed or profiled run is not the benchmark's result`);
    } else {
      writeResults(RESULTS_PATH, { ...results, ...(importTime ? { importTime } : {}) });
      log(`wrote ${RESULTS_PATH}`);
    }
    if (profileDirectory)
      log(`CPU profiles of Lectern: ${profileDirectory} (summarise with node dist-bench/bench/profile-summary.js <file>)`);
  } finally {
    await Promise.all(running.map((server) => server.stop()));
    if (!options.keep && !options.profile) rmSync(directory, { recursive: true, force: true });
    else log(`kept ${directory}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
