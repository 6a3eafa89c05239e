// tsc copies only what it compiles: the site's, GraphiQL's and the API viewer's stylesheets and scripts go beside their compiled modules.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const outDir = process.argv[2] ?? 'dist';
for (const module of ['site', 'graphiql', 'developers']) {
  cpSync(join(__dirname, '..', 'src', module, 'assets'), join(__dirname, '..', outDir, 'src', module, 'assets'), { recursive: true });
}
