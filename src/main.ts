import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { readConfiguration } from './config/configuration';

async function main() {
  const config = readConfiguration(process.env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const logger = new Logger('Lectern');
  logger.log(`Programme    ${config.publicBaseUrl}/`);
  logger.log(`GraphQL API  ${config.publicBaseUrl}/graphql`);
  if (config.graphiql) logger.log(`GraphiQL IDE ${config.publicBaseUrl}/graphiql`);
  logger.log(`Database     ${config.databaseUrl ? 'PostgreSQL' : `SQLite at ${config.sqlitePath}`}`);
  logger.log(
    `Redis        ${config.redisUrl ? 'on (live updates and feed freshness shared with other instances)' : 'off (single instance)'}`,
  );

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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
