// tsc copies only what it compiles: the site's stylesheets and script go beside the compiled site module.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const outDir = process.argv[2] ?? 'dist';
cpSync(join(__dirname, '..', 'src', 'site', 'assets'), join(__dirname, '..', outDir, 'src', 'site', 'assets'), { recursive: true });
