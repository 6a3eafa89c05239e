import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RenderedFeed } from '../calendar/feed-cache.service';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Every file the GraphiQL page loads, by the name it is served under (`/graphiql/<name>`): the
 * UMD builds of React, ReactDOM and GraphiQL 3 from Lectern's own node_modules (no CDN, so the
 * page works offline and under a CSP of Lectern's origin alone), and Lectern's own script and
 * style sheet beside this module (in dist/ too: `npm run build` copies them).
 */
const FILES: Record<string, { path: () => string; contentType: string }> = {
  'react.js': { path: () => inPackage('react', 'umd/react.production.min.js'), contentType: JS },
  'react-dom.js': { path: () => inPackage('react-dom', 'umd/react-dom.production.min.js'), contentType: JS },
  'graphiql.js': { path: () => inPackage('graphiql', 'graphiql.min.js'), contentType: JS },
  'graphiql.css': { path: () => inPackage('graphiql', 'graphiql.min.css'), contentType: CSS },
  'lectern-graphiql.js': { path: () => join(__dirname, 'assets', 'lectern-graphiql.js'), contentType: JS },
  'lectern-graphiql.css': { path: () => join(__dirname, 'assets', 'lectern-graphiql.css'), contentType: CSS },
};

/** The order the page loads them in: React before ReactDOM before GraphiQL before the script that mounts it. */
const STYLES = ['graphiql.css', 'lectern-graphiql.css'];
const SCRIPTS = ['react.js', 'react-dom.js', 'graphiql.js', 'lectern-graphiql.js'];

function inPackage(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

export interface GraphiqlFile {
  file: RenderedFeed;
  contentType: string;
  /** The first characters of its hash: its address changes with its content, so it may be kept for a year. */
  version: string;
}

const loaded = new Map<string, GraphiqlFile>();

function served(body: Buffer, contentType: string): GraphiqlFile {
  const hash = createHash('sha256').update(body).digest('base64url');
  return {
    file: { body, etag: `"${hash}"`, lastModified: new Date(0), state: { builtAt: 0, scopes: [] } },
    contentType,
    version: hash.slice(0, 10),
  };
}

/** One of the page's files, read once; undefined for any other name. */
export function graphiqlFile(name: string): GraphiqlFile | undefined {
  if (!Object.prototype.hasOwnProperty.call(FILES, name)) return undefined;
  let file = loaded.get(name);
  if (!file) {
    file = served(readFileSync(FILES[name].path()), FILES[name].contentType);
    loaded.set(name, file);
  }
  return file;
}

const address = (name: string) => `/graphiql/${name}?v=${graphiqlFile(name)!.version}`;

let page: GraphiqlFile | undefined;

/**
 * The page: nothing inline (no script, no style), every file from /graphiql/ at an address that
 * changes with its content. Lectern's script mounts GraphiQL on #graphiql and posts to the
 * endpoint the element names.
 */
export function graphiqlPage(graphqlPath: string): GraphiqlFile {
  page ??= served(
    Buffer.from(
      [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<title>GraphiQL · Lectern</title>',
        '<meta name="robots" content="noindex">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        ...STYLES.map((name) => `<link rel="stylesheet" href="${address(name)}">`),
        '</head>',
        '<body>',
        `<div id="graphiql" data-endpoint="${graphqlPath}">Loading GraphiQL…</div>`,
        ...SCRIPTS.map((name) => `<script src="${address(name)}"></script>`),
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    ),
    'text/html; charset=utf-8',
  );
  return page;
}
