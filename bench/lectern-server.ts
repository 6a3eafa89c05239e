import { createApp } from '../src/app';
import { readConfiguration } from '../src/config/configuration';
import { announce, stopWhenAsked } from './child-protocol';

/**
 * Lectern as `node dist/src/main.js` runs it (the same createApp(), settings from the
 * environment), in a process of its own, on a port the system picks.
 */
async function main() {
  const config = readConfiguration(process.env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  stopWhenAsked(() => app.close());
  announce((app.getHttpServer().address() as { port: number }).port);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
