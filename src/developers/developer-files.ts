import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RenderedFeed } from '../calendar/feed-cache.service';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Where the OpenAPI viewer and its files are served. */
export const API_DOCS_PATH = '/api/docs';

export interface DeveloperFile {
  file: RenderedFeed;
  contentType: string;
  /** The first characters of its hash: its address changes with its content, so it may be kept for a year. */
  version: string;
}

/** A body served as it is, with a strong ETag of its bytes. */
export function servedFile(body: string | Buffer, contentType: string): DeveloperFile {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const hash = createHash('sha256').update(bytes).digest('base64url');
  return {
    file: { body: bytes, etag: `"${hash}"`, lastModified: new Date(0), state: { builtAt: 0, scopes: [] } },
    contentType,
    version: hash.slice(0, 10),
  };
}

/**
 * The viewer's files by the name they are served under (`/api/docs/<name>`): Swagger UI's bundle
 * and style sheet from Lectern's own node_modules (swagger-ui-dist; no CDN), and Lectern's own
 * script, which mounts it, and style sheet beside this module (in dist/ too: `npm run build`
 * copies them). Swagger UI's own index.html is not used: it starts Swagger UI from an inline script.
 */
const FILES: Record<string, { path: () => string; contentType: string }> = {
  'swagger-ui.css': { path: () => inPackage('swagger-ui-dist', 'swagger-ui.css'), contentType: CSS },
  'swagger-ui-bundle.js': { path: () => inPackage('swagger-ui-dist', 'swagger-ui-bundle.js'), contentType: JS },
  'lectern-api-docs.css': { path: () => join(__dirname, 'assets', 'lectern-api-docs.css'), contentType: CSS },
  'lectern-api-docs.js': { path: () => join(__dirname, 'assets', 'lectern-api-docs.js'), contentType: JS },
};
const STYLES = ['swagger-ui.css', 'lectern-api-docs.css'];
const SCRIPTS = ['swagger-ui-bundle.js', 'lectern-api-docs.js'];

function inPackage(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

const loaded = new Map<string, DeveloperFile>();

/** One of the viewer's files, read once; undefined for any other name. */
export function apiDocsFile(name: string): DeveloperFile | undefined {
  if (!Object.prototype.hasOwnProperty.call(FILES, name)) return undefined;
  let file = loaded.get(name);
  if (!file) {
    file = servedFile(readFileSync(FILES[name].path()), FILES[name].contentType);
    loaded.set(name, file);
  }
  return file;
}

const address = (name: string) => `${API_DOCS_PATH}/${name}?v=${apiDocsFile(name)!.version}`;

let page: DeveloperFile | undefined;

/** The viewer's page: nothing inline, every file from /api/docs/ at an address that changes with its content. */
export function apiDocsPage(documentPath: string): DeveloperFile {
  page ??= servedFile(
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<title>JSON API (OpenAPI) · Lectern</title>',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      ...STYLES.map((name) => `<link rel="stylesheet" href="${address(name)}">`),
      '</head>',
      '<body>',
      '<header class="lectern-docs-header">',
      `<h1>Lectern JSON API</h1>`,
      `<p><a href="/developers">For developers</a> · <a href="${documentPath}">${documentPath}</a></p>`,
      '</header>',
      '<main>',
      `<div id="swagger-ui" data-url="${documentPath}">Loading the API description…</div>`,
      '</main>',
      ...SCRIPTS.map((name) => `<script src="${address(name)}"></script>`),
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    'text/html; charset=utf-8',
  );
  return page;
}
