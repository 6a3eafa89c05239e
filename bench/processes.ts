import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLoopDelayMessage, LOOP_DELAY_READ, LOOP_DELAY_RESET, LoopDelayRequest, ReadyMessage, STOP } from './child-protocol';
import { LOOPBACK } from './environment';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const ANSWER_TIMEOUT_MS = 10_000;

/** A server the benchmark started in a process of its own, so its memory and CPU are its own. */
export interface ServerProcess {
  name: string;
  pid: number;
  url: string;
  /** Peak and current resident memory, from /proc (VmHWM is the kernel's high-water mark). */
  memory(): { peakRssMb: number; rssMb: number };
  /** CPU time the process has used so far (user + system), in seconds. */
  cpuSeconds(): number;
  /** Starts the record of the longest event-loop delay over (Lectern's process keeps one; the limits do not answer). */
  resetLoopDelay(): Promise<void>;
  /** The longest event-loop delay since the last reset, in ms. */
  readLoopDelay(): Promise<number>;
  stop(): Promise<void>;
}

export interface StartOptions {
  args?: string[];
  env?: Record<string, string>;
  /** Node flags, e.g. `--cpu-prof`. */
  execArgv?: string[];
}

/** Starts `script` (a compiled bench module) and waits until it says it is listening. */
export function startServer(name: string, script: string, options: StartOptions = {}): Promise<ServerProcess> {
  const child = fork(join(__dirname, script), options.args ?? [], {
    env: { ...process.env, ...options.env },
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready`));
    });
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(serverProcess(name, child, message.port));
    });
  });
}

function serverProcess(name: string, child: ChildProcess, port: number): ServerProcess {
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  return {
    name,
    pid,
    url: `http://${LOOPBACK}:${port}`,
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { peakRssMb: kilobytes('VmHWM') / 1024, rssMb: kilobytes('VmRSS') / 1024 };
    },
    cpuSeconds() {
      // /proc/<pid>/stat: the command may hold spaces, so count fields after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / clockTicks();
    },
    async resetLoopDelay() {
      await askLoopDelay(name, child, LOOP_DELAY_RESET);
    },
    readLoopDelay() {
      return askLoopDelay(name, child, LOOP_DELAY_READ);
    },
    /** Asks the server to close; kills it if it has not exited in time. Safe to call again. */
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const timer = setTimeout(() => {
          console.error(`[bench] ${name} did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`);
          child.kill('SIGKILL');
        }, STOP_TIMEOUT_MS);
        if (child.connected) child.send(STOP, () => undefined);
        else child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/** One question at a time: the next LoopDelayMessage is its answer. */
function askLoopDelay(name: string, child: ChildProcess, request: LoopDelayRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const answered = (message: unknown) => {
      if (!isLoopDelayMessage(message)) return;
      clearTimeout(timer);
      child.off('message', answered);
      resolve(message.loopDelayMaxMs);
    };
    const timer = setTimeout(() => {
      child.off('message', answered);
      reject(new Error(`${name} did not answer "${request}" within ${ANSWER_TIMEOUT_MS / 1000} s`));
    }, ANSWER_TIMEOUT_MS);
    child.on('message', answered);
    child.send(request);
  });
}

let ticks: number | undefined;
function clockTicks(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}
