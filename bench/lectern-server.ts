import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { readConfiguration } from '../src/config/configuration';
import { announce, answerLoopDelay, stopWhenAsked } from './child-protocol';

/** Every 10 ms: a turn of the loop held longer shows as a longer interval. */
const LOOP_DELAY_RESOLUTION_MS = 10;

/**
 * Lectern as `node dist/src/main.js` runs it (the same createApp(), settings from the
 * environment), in a process of its own, on a port the system picks. It keeps the longest delay
 * of its event loop, for the benchmark to ask after a load.
 */
async function main() {
  const config = readConfiguration(process.env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  stopWhenAsked(() => app.close());
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loopDelay.enable();
  answerLoopDelay(loopDelay);
  announce((app.getHttpServer().address() as { port: number }).port);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
