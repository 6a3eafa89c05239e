import { join } from 'node:path';
import { CSS, HTML, inPackage, JS, ServedFile, servedFile, ServedFiles } from '../http/served-files';

/**
 * Every file the GraphiQL page loads, by the name it is served under (`/graphiql/<name>`): the
 * UMD builds of React, ReactDOM and GraphiQL 3 from Lectern's own node_modules (no CDN, so the
 * page works offline and under a CSP of Lectern's origin alone), and Lectern's own script and
 * style sheet beside this module (in dist/ too: `npm run build` copies them).
 */
export const graphiqlFiles = new ServedFiles('/graphiql', {
  'react.js': { path: () => inPackage('react', 'umd/react.production.min.js'), contentType: JS },
  'react-dom.js': { path: () => inPackage('react-dom', 'umd/react-dom.production.min.js'), contentType: JS },
  'graphiql.js': { path: () => inPackage('graphiql', 'graphiql.min.js'), contentType: JS },
  'graphiql.css': { path: () => inPackage('graphiql', 'graphiql.min.css'), contentType: CSS },
  'lectern-graphiql.js': { path: () => join(__dirname, 'assets', 'lectern-graphiql.js'), contentType: JS },
  'lectern-graphiql.css': { path: () => join(__dirname, 'assets', 'lectern-graphiql.css'), contentType: CSS },
});

/** The order the page loads them in: React before ReactDOM before GraphiQL before the script that mounts it. */
const STYLES = ['graphiql.css', 'lectern-graphiql.css'];
const SCRIPTS = ['react.js', 'react-dom.js', 'graphiql.js', 'lectern-graphiql.js'];

let page: ServedFile | undefined;

/**
 * The page: nothing inline (no script, no style), every file from /graphiql/ at an address that
 * changes with its content. Lectern's script mounts GraphiQL on #graphiql and posts to the
 * endpoint the element names.
 */
export function graphiqlPage(graphqlPath: string): ServedFile {
  page ??= servedFile(
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<title>GraphiQL · Lectern</title>',
      '<meta name="robots" content="noindex">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      ...STYLES.map((name) => `<link rel="stylesheet" href="${graphiqlFiles.address(name)}">`),
      '</head>',
      '<body>',
      `<div id="graphiql" data-endpoint="${graphqlPath}">Loading GraphiQL…</div>`,
      ...SCRIPTS.map((name) => `<script src="${graphiqlFiles.address(name)}"></script>`),
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    HTML,
  );
  return page;
}
