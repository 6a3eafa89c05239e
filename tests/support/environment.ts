/**
 * The only settings tests take from the shell that runs them: which database engine and which
 * Redis (the documented switches `DATABASE_URL` and `REDIS_URL`). Everything else a server under
 * test uses is written out by the test, so a caller's `PORT`, `PUBLIC_BASE_URL`, `LOG_LEVEL` or
 * `SQLITE_PATH` never changes what a test sees.
 */
export const ENGINE = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
};

/** The fuzz test's seed: set `FUZZ_SEED` to replay another run's requests. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED || 20201119);

export const onPostgres = ENGINE.databaseUrl !== undefined;

/** The engine switches as environment variables, for a server or CLI started as a process. */
export function engineEnvironment(): Record<string, string> {
  return {
    ...(ENGINE.databaseUrl ? { DATABASE_URL: ENGINE.databaseUrl } : {}),
    ...(ENGINE.redisUrl ? { REDIS_URL: ENGINE.redisUrl } : {}),
  };
}

/**
 * What a child process needs of the shell to run at all (the tool chain's PATH, a home and a
 * temporary folder), and nothing of Lectern's settings.
 */
export function processEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const { PATH, HOME, TMPDIR } = process.env;
  return { ...(PATH ? { PATH } : {}), ...(HOME ? { HOME } : {}), ...(TMPDIR ? { TMPDIR } : {}), ...settings };
}

/**
 * For suites that need a PostgreSQL server and Redis whatever the engine (two instances, a copy
 * between engines): they run when DATABASE_URL and REDIS_URL name them, and are otherwise skipped
 * with a line that says why. `.ci/run` sets both and fails on any skipped test.
 */
export function requiringServices(name: string, suite: () => void): void {
  if (ENGINE.databaseUrl && ENGINE.redisUrl) return describe(name, suite);
  const missing = [!ENGINE.databaseUrl && 'DATABASE_URL (PostgreSQL)', !ENGINE.redisUrl && 'REDIS_URL (Redis)']
    .filter(Boolean)
    .join(' and ');
  process.stdout.write(`skipped "${name}": it needs ${missing}; npm run test:services runs it once both are set\n`);
  describe.skip(name, suite);
}
