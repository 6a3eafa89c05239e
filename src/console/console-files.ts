import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CSS, HTML, JS, ServedFile, servedFile } from '../http/served-files';

const TYPES: Record<string, string> = {
  '.js': JS,
  '.css': CSS,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The Nest token of the console's files. */
export const CONSOLE_FILES = Symbol('CONSOLE_FILES');

/**
 * The console as Vite built it: index.html and its content-hashed files under assets/. Read once,
 * at start, so only files of the build can ever be asked for; none when it was not built.
 */
export class ConsoleFiles {
  readonly page: ServedFile | undefined;
  private readonly assets = new Map<string, ServedFile>();

  constructor(directory: string) {
    const index = join(directory, 'index.html');
    this.page = existsSync(index) ? servedFile(readFileSync(index), HTML) : undefined;
    const assets = join(directory, 'assets');
    if (!existsSync(assets)) return;
    for (const name of readdirSync(assets)) {
      const type = TYPES[extname(name)];
      if (type) this.assets.set(name, servedFile(readFileSync(join(assets, name)), type));
    }
  }

  asset(name: string): ServedFile | undefined {
    return this.assets.get(name);
  }
}
