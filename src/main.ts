import { writeSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import { AppConfig, readConfiguration } from './config/configuration';
import { Conference, ConferenceStatus } from './conferences/conference.entity';
import { demoProgramme } from './demo/demo-programme';
import { effectiveLogFormat } from './logging/logger';

async function main() {
  const config = readConfiguration(process.env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const logger = new Logger('Lectern');
  logger.log(`Database     ${config.databaseUrl ? 'PostgreSQL' : `SQLite at ${config.sqlitePath}`}`);
  logger.log(
    `Redis        ${config.redisUrl ? 'on (live updates and feed freshness shared with other instances)' : 'off (single instance)'}`,
  );
  const addresses = await addressesOf(config, app.get(DataSource));
  if (effectiveLogFormat(config.logFormat) === 'text') {
    // For a person at a terminal: last of the start, plainly, so the log lines do not bury it.
    const width = Math.max(...addresses.map(([name]) => name.length));
    const block = addresses.map(([name, url]) => `  ${name.padEnd(width)}  ${url}`).join('\n');
    writeSync(1, `\nLectern is running:\n${block}\n\n`);
  } else {
    for (const [name, url] of addresses) logger.log(`${name.padEnd(12)} ${url}`);
  }

  /**
   * Stop taking connections, let the requests in flight finish (Fastify answers 503 to new ones on
   * kept-alive connections), then close the database pool and Redis, and exit 0. A request that
   * will not finish within SHUTDOWN_TIMEOUT_MS does not keep the process alive: exit 1 then.
   */
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing requests in flight, then stopping`);
    setTimeout(() => {
      logger.error(`Requests still running after ${config.shutdownTimeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    // A kept-alive connection whose request has just been answered would otherwise hold the
    // server open until the client lets go of it.
    const server = app.getHttpServer();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    app.close().then(
      () => {
        logger.log('Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`Stopping failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Where to go first: the site, the API and its IDE, the developers' page, and one conference's feed. */
async function addressesOf(config: AppConfig, dataSource: DataSource): Promise<[string, string][]> {
  const base = config.publicBaseUrl;
  const conferences = dataSource.getRepository(Conference);
  // The first demo conference when `npm run demo` loaded it, else the first published one.
  const feedOf =
    (await conferences.findOneBy({ slug: demoProgramme.conferences[0].slug, status: ConferenceStatus.PUBLISHED })) ??
    (await conferences.findOne({ where: { status: ConferenceStatus.PUBLISHED }, order: { id: 'ASC' } }));
  return [
    ['Site', `${base}/`],
    ['GraphQL API', `${base}/graphql`],
    ...(config.graphiql ? [['GraphiQL', `${base}/graphiql`] as [string, string]] : []),
    ['Developers', `${base}/developers`],
    ...(feedOf ? [['Feed', `${base}/calendars/conferences/${feedOf.slug}.ics`] as [string, string]] : []),
  ];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
