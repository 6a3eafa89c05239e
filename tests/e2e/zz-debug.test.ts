import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startLectern } from '../support/lectern';
it('closes', async () => {
  process.on('unhandledRejection', (r: any) => console.log('UNHANDLED', r?.stack));
  const lectern = await startLectern();
  const client = createClient({ url: `${lectern.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  const done = new Promise((resolve) => client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: resolve, complete: () => resolve(null) }));
  await done;
  await client.dispose();
  const t = Date.now();
  await lectern.close();
  console.log('closed in', Date.now() - t);
  await new Promise((r) => setTimeout(r, 1500));
  console.log((process as any)._getActiveHandles().map((h: any) => h.constructor.name + ' ' + (h.remotePort ?? '') + ' ' + (h._idleTimeout ?? '')));
});
