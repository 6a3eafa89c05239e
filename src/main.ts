import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { readConfiguration } from './config/configuration';

async function main() {
  const config = readConfiguration();
  const app = await createApp();
  await app.listen(config.port, config.host);
  const logger = new Logger('Lectern');
  logger.log(`GraphQL API  ${config.publicBaseUrl}/graphql`);
  if (config.graphiql) logger.log(`GraphiQL IDE ${config.publicBaseUrl}/graphiql`);
  logger.log(`Database     ${config.databaseUrl ? 'PostgreSQL' : `SQLite at ${config.sqlitePath}`}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
