/** The load scenarios and measurements a run can be narrowed to with `--only`. */
export const SCENARIOS = [
  'feed',
  'feed-304',
  'track-feed',
  'export',
  'graphql-page',
  'speaker-bio',
  'cold-feed',
  'cold-export',
  'page',
  'page-304',
  'cold-page',
  'import',
  'large',
  'mixed',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchOptions {
  /** Sessions in the main programme (2,000 as the issue asks). */
  sessions: number;
  /** Sessions in the programme for the scaling check of the cold feed build (0: skip it). */
  largeSessions: number;
  connections: number;
  /** Seconds each load run is measured. */
  duration: number;
  /** Seconds each load run is warmed up first. */
  warmup: number;
  /** Seconds the mixed load (reads with 10% changes) is measured: the 30 unless shortened to try it. */
  mixedDuration: number;
  /** Cold feed (and schedule.xml export) builds measured (after one not counted). */
  coldBuilds: number;
  only: Set<Scenario> | null;
  /** Runs Lectern under `node --cpu-prof` and keeps the profiles (the figures are then not the real ones). */
  profile: boolean;
  /** Keeps the temporary databases. */
  keep: boolean;
  /** Extra Node flags for Lectern's process, e.g. "--max-old-space-size=160" (to try a memory setting). */
  nodeFlags: string[];
}

export const USAGE = `npm run bench -- [options]
  --sessions N         sessions in the programme (default 2000; rooms and speakers scale with it)
  --large-sessions N   sessions for the cold-build scaling check (default 5 × sessions; 0 skips it)
  --connections N      autocannon connections (default 10)
  --duration S         seconds per load run (default 10)
  --warmup S           seconds of warm-up before each load run (default 2)
  --mixed-duration S   seconds of the mixed load, 50 connections with 10% changes (default 30)
  --cold-builds N      cold feed and schedule.xml builds measured (default 5)
  --only a,b           only these: ${SCENARIOS.join(', ')}
  --profile            run Lectern under node --cpu-prof and keep the .cpuprofile files
  --node-flags "…"     extra Node flags for Lectern's process, e.g. "--max-old-space-size=160"
  --keep               keep the temporary databases`;

export function readOptions(argv: string[]): BenchOptions {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const equals = argv[i].indexOf('=');
    const [name, inline] = equals < 0 ? [argv[i], undefined] : [argv[i].slice(0, equals), argv[i].slice(equals + 1)];
    if (!name.startsWith('--')) throw new Error(`unexpected argument "${argv[i]}"\n${USAGE}`);
    const flag = name === '--profile' || name === '--keep' || name === '--help';
    given.set(name.slice(2), flag ? 'true' : (inline ?? argv[++i] ?? ''));
  }
  if (given.has('help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = new Set([
    'sessions',
    'large-sessions',
    'connections',
    'duration',
    'warmup',
    'mixed-duration',
    'cold-builds',
    'only',
    'profile',
    'keep',
    'node-flags',
  ]);
  for (const name of given.keys()) if (!known.has(name)) throw new Error(`unknown option --${name}\n${USAGE}`);

  const number = (name: string, fallback: number, min: number) => {
    const raw = given.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number of at least ${min}, not "${raw}"`);
    return value;
  };
  const sessions = Math.round(number('sessions', 2000, 100));
  const only = given.has('only')
    ? new Set(
        given
          .get('only')!
          .split(',')
          .map((s) => s.trim()) as Scenario[],
      )
    : null;
  for (const scenario of only ?? [])
    if (!SCENARIOS.includes(scenario)) throw new Error(`--only: unknown "${scenario}"; one of ${SCENARIOS.join(', ')}`);
  return {
    sessions,
    largeSessions: Math.round(number('large-sessions', sessions * 5, 0)),
    connections: Math.round(number('connections', 10, 1)),
    duration: number('duration', 10, 1),
    warmup: number('warmup', 2, 0),
    mixedDuration: number('mixed-duration', 30, 1),
    coldBuilds: Math.round(number('cold-builds', 5, 1)),
    only,
    profile: given.has('profile'),
    keep: given.has('keep'),
    nodeFlags: (given.get('node-flags') ?? '').split(/\s+/).filter(Boolean),
  };
}

export function wanted(options: BenchOptions, scenario: Scenario): boolean {
  return options.only === null || options.only.has(scenario);
}
