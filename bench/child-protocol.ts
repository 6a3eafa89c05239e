/**
 * How the benchmark and its server processes talk, over Node's IPC channel: a server says where
 * it listens once it is ready; it stops (closing cleanly, so `--cpu-prof` can write its profile)
 * when told to, or when the benchmark goes away.
 */
export interface ReadyMessage {
  ready: true;
  port: number;
}

export const STOP = 'stop';

export function announce(port: number): void {
  const message: ReadyMessage = { ready: true, port };
  process.send!(message);
}

export function stopWhenAsked(close: () => Promise<unknown>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await close().catch((error) => console.error(error));
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === STOP) void stop();
  });
  process.on('disconnect', () => void stop());
}
