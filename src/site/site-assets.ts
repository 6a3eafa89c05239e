import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RenderedFeed } from '../calendar/feed-cache.service';

/** The site's own files, by name, with their content types. */
const ASSETS: Record<string, string> = {
  'site.css': 'text/css; charset=utf-8',
  'print.css': 'text/css; charset=utf-8',
  'site.js': 'text/javascript; charset=utf-8',
};

/** Beside this module: in src/ under ts-jest, and in dist/, where `npm run build` copies them (tsc copies only what it compiles). */
const FOLDER = join(__dirname, 'assets');

export interface SiteAsset {
  file: RenderedFeed;
  contentType: string;
  /** The first characters of its hash: its address changes with its content, so it may be kept for a year. */
  version: string;
}

const loaded = new Map<string, SiteAsset>();

export function siteAsset(name: string): SiteAsset | undefined {
  if (!Object.prototype.hasOwnProperty.call(ASSETS, name)) return undefined;
  let asset = loaded.get(name);
  if (!asset) {
    const body = readFileSync(join(FOLDER, name));
    const hash = createHash('sha256').update(body).digest('base64url');
    asset = {
      file: { body, etag: `"${hash}"`, lastModified: new Date(0), state: { builtAt: 0, scopes: [] } },
      contentType: ASSETS[name],
      version: hash.slice(0, 10),
    };
    loaded.set(name, asset);
  }
  return asset;
}

export function siteAssetNames(): string[] {
  return Object.keys(ASSETS);
}

/** The served address of a file of the site's, versioned by its content. */
export function assetAddress(name: string): string {
  return `/assets/${name}?v=${siteAsset(name)!.version}`;
}
