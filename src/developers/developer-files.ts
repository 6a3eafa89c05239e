import { join } from 'node:path';
import { CSS, HTML, inPackage, JS, ServedFile, servedFile, ServedFiles } from '../http/served-files';

/** Where the OpenAPI viewer and its files are served. */
export const API_DOCS_PATH = '/api/docs';

/**
 * The viewer's files by the name they are served under (`/api/docs/<name>`): Swagger UI's bundle
 * and style sheet from Lectern's own node_modules (swagger-ui-dist; no CDN), and Lectern's own
 * script, which mounts it, and style sheet beside this module (in dist/ too: `npm run build`
 * copies them). Swagger UI's own index.html is not used: it starts Swagger UI from an inline script.
 */
export const apiDocsFiles = new ServedFiles(API_DOCS_PATH, {
  'swagger-ui.css': { path: () => inPackage('swagger-ui-dist', 'swagger-ui.css'), contentType: CSS },
  'swagger-ui-bundle.js': { path: () => inPackage('swagger-ui-dist', 'swagger-ui-bundle.js'), contentType: JS },
  'lectern-api-docs.css': { path: () => join(__dirname, 'assets', 'lectern-api-docs.css'), contentType: CSS },
  'lectern-api-docs.js': { path: () => join(__dirname, 'assets', 'lectern-api-docs.js'), contentType: JS },
});
const STYLES = ['swagger-ui.css', 'lectern-api-docs.css'];
const SCRIPTS = ['swagger-ui-bundle.js', 'lectern-api-docs.js'];

let page: ServedFile | undefined;

/** The viewer's page: nothing inline, every file from /api/docs/ at an address that changes with its content. */
export function apiDocsPage(documentPath: string): ServedFile {
  page ??= servedFile(
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<title>JSON API (OpenAPI) · Lectern</title>',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      ...STYLES.map((name) => `<link rel="stylesheet" href="${apiDocsFiles.address(name)}">`),
      '</head>',
      '<body>',
      '<header class="lectern-docs-header">',
      `<h1>Lectern JSON API</h1>`,
      `<p><a href="/developers">For developers</a> · <a href="${documentPath}">${documentPath}</a></p>`,
      '</header>',
      '<main>',
      `<div id="swagger-ui" data-url="${documentPath}">Loading the API description…</div>`,
      '</main>',
      ...SCRIPTS.map((name) => `<script src="${apiDocsFiles.address(name)}"></script>`),
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    HTML,
  );
  return page;
}
