import type { IntervalHistogram } from 'node:perf_hooks';

/**
 * How the benchmark and its server processes talk, over Node's IPC channel: a server says where
 * it listens once it is ready; it stops (closing cleanly, so `--cpu-prof` can write its profile)
 * when told to, or when the benchmark goes away. Lectern's process also answers for its event
 * loop: the longest delay since it was last told to start over.
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

/** Starts the event loop's record over (answered with a LoopDelayMessage, of the new record: 0). */
export const LOOP_DELAY_RESET = 'loop-delay-reset';
/** Asks for the longest event-loop delay since the last reset. */
export const LOOP_DELAY_READ = 'loop-delay-read';
export type LoopDelayRequest = typeof LOOP_DELAY_RESET | typeof LOOP_DELAY_READ;

export interface LoopDelayMessage {
  /** The histogram's max, in ms: the longest interval between two of its timer's turns (so never under its resolution). */
  loopDelayMaxMs: number;
}

export function isLoopDelayMessage(message: unknown): message is LoopDelayMessage {
  return typeof (message as LoopDelayMessage | null)?.loopDelayMaxMs === 'number';
}

/** Answers LOOP_DELAY_RESET and LOOP_DELAY_READ from `histogram` (a `monitorEventLoopDelay` one, enabled). */
export function answerLoopDelay(histogram: IntervalHistogram): void {
  process.on('message', (message) => {
    if (message !== LOOP_DELAY_RESET && message !== LOOP_DELAY_READ) return;
    if (message === LOOP_DELAY_RESET) histogram.reset();
    const answer: LoopDelayMessage = { loopDelayMaxMs: histogram.max / 1e6 };
    process.send!(answer);
  });
}
