import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildSchemaSdl } from './developers/schema-sdl';

/*
 * `npm run schema`: writes the GraphQL schema Lectern serves, as SDL, to schema.graphql at the
 * root of the repository (or to the file given), without starting a server or opening a database.
 * The committed file is checked against the served schema by tests/e2e/schema-file.test.ts, so
 * every change to the schema shows in review.
 */
const HELP = `Usage: node dist/src/schema-print.js [file]

Write the GraphQL schema Lectern serves (as /graphql/schema.graphql does) as SDL to the file, or
to standard output when none is given. Needs no server and no database.

Examples:
  npm run schema
  node dist/src/schema-print.js schema.graphql
  node dist/src/schema-print.js > /tmp/schema.graphql
`;

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) return void process.stdout.write(HELP);
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
    process.stderr.write(`error: give at most one file\n\n${HELP}`);
    process.exit(2);
  }
  const sdl = await buildSchemaSdl();
  if (args[0]) {
    writeFileSync(args[0], sdl);
    process.stderr.write(`Wrote ${args[0]} (${sdl.split('\n').length - 1} lines).\n`);
  } else process.stdout.write(sdl);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
