/**
 * How Lectern runs under measurement, in the child process and in-process alike: production mode,
 * warnings only (logging every request would measure the logger), and no rate limit (one client
 * sending thousands of requests a second is the point here, not an attack).
 */
export function lecternEnvironment(sqlitePath: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    RATE_LIMIT: 'off',
    SQLITE_PATH: sqlitePath,
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_BASE_URL: 'https://lectern.example.org',
  };
}

/** Every request of the benchmark goes to this machine only. */
export const LOOPBACK = '127.0.0.1';
