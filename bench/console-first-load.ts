import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The bound of issue "the organiser console": its JavaScript for a first load, compressed. */
export const CONSOLE_FIRST_LOAD_BOUND_BYTES = 300 * 1024;

export interface ConsoleFirstLoad {
  /** The entry and what it imports statically, gzip -9, as the console's build wrote it (console/first-load.mts). */
  gzipBytes: number;
  files: string[];
}

/** What `npm run bench` built of the console (into dist-bench/console); null if it was not built. */
export function readConsoleFirstLoad(): ConsoleFirstLoad | null {
  const path = resolve(__dirname, '../console/first-load.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ConsoleFirstLoad) : null;
}
