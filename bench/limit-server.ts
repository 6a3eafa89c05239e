import { readFileSync } from 'node:fs';
import { FastifyInstance } from 'fastify';
import { announce, stopWhenAsked } from './child-protocol';
import type { DataLimitStatements } from './data-limit';
import { LOOPBACK } from './environment';
import type { ResponseHeaders } from './response-headers';
import type { StaticFeed } from './static-limit';

/** What a limit process is given, as a JSON file: the feeds' files, or the database and statements. */
export type LimitSetup =
  | { kind: 'static'; feeds: (Omit<StaticFeed, 'body'> & { file: string })[] }
  | { kind: 'data'; sqlitePath: string; statements: DataLimitStatements; headers: ResponseHeaders };

/**
 * One limit server in a process of its own: `node limit-server.js <setup.json>`. Each kind loads
 * only its own module, so the static limit stays plain Fastify in memory too.
 */
async function main() {
  const setup = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LimitSetup;
  let fastify: FastifyInstance;
  let close = async () => {};
  if (setup.kind === 'static') {
    const { staticLimit } = await import('./static-limit');
    fastify = staticLimit(setup.feeds.map(({ file, ...feed }) => ({ ...feed, body: readFileSync(file) })));
  } else {
    const [{ dataLimit }, { openSqlite }] = await Promise.all([import('./data-limit'), import('./sqlite')]);
    const db = await openSqlite(setup.sqlitePath);
    fastify = dataLimit(db, setup.statements, setup.headers);
    close = () => db.close();
  }
  await fastify.listen({ port: 0, host: LOOPBACK });
  stopWhenAsked(async () => {
    await fastify.close();
    await close();
  });
  announce((fastify.server.address() as { port: number }).port);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
