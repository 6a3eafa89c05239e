import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RenderedFeed } from '../calendar/feed-cache.service';

export const JS = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';
export const HTML = 'text/html; charset=utf-8';

/** A body Lectern serves as it is: a strong ETag of its bytes, and a version for its address. */
export interface ServedFile {
  file: RenderedFeed;
  contentType: string;
  /** The first characters of its hash: its address changes with its content, so it may be kept for a year. */
  version: string;
}

export function servedFile(body: string | Buffer, contentType: string): ServedFile {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const hash = createHash('sha256').update(bytes).digest('base64url');
  return {
    file: { body: bytes, etag: `"${hash}"`, lastModified: new Date(0), state: { builtAt: 0, scopes: [] } },
    contentType,
    version: hash.slice(0, 10),
  };
}

/** A file of an installed package (from Lectern's own node_modules, never a CDN). */
export function inPackage(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

/**
 * A fixed set of files served by name under one address (`/assets/site.css?v=…`), each read once,
 * when first asked for. Any other name is undefined, so nothing else on disk can be asked for.
 */
export class ServedFiles {
  private readonly loaded = new Map<string, ServedFile>();

  constructor(
    private readonly base: string,
    private readonly files: Record<string, { path: () => string; contentType: string }>,
  ) {}

  get(name: string): ServedFile | undefined {
    if (!Object.hasOwn(this.files, name)) return undefined;
    let file = this.loaded.get(name);
    if (!file) {
      file = servedFile(readFileSync(this.files[name].path()), this.files[name].contentType);
      this.loaded.set(name, file);
    }
    return file;
  }

  names(): string[] {
    return Object.keys(this.files);
  }

  /** Its address, versioned by its content. */
  address(name: string): string {
    return `${this.base}/${name}?v=${this.get(name)!.version}`;
  }
}
