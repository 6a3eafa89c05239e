import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { processEnvironment } from './environment';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
/** Compiled apart from `dist/`, so a test never disturbs a server started with `npm start`. */
const BUILD = join(ROOT, 'dist-test');
const STAMP = join(BUILD, '.built');

/**
 * Compiles Lectern once for tests that need it as a separate process (to kill it, or to run two).
 * Jest loads this module anew for every test file, so "once" is decided by the sources' times.
 */
export async function compiledLectern(): Promise<{ main: string; cli: string }> {
  if (!existsSync(STAMP) || newestSource() > statSync(STAMP).mtimeMs) {
    await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', BUILD], { cwd: ROOT });
    // As `npm run build` does: the site's stylesheets and script beside the compiled site module.
    await run(process.execPath, [join(ROOT, 'scripts/copy-site-assets.js'), 'dist-test'], { cwd: ROOT });
    writeFileSync(STAMP, new Date().toISOString());
  }
  return { main: join(BUILD, 'src/main.js'), cli: join(BUILD, 'src/cli.js') };
}

function newestSource(): number {
  const newest = (directory: string): number =>
    readdirSync(directory, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(directory, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  return Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'migrations')));
}

export interface ChildLectern {
  url: string;
  process: ChildProcess;
  /** What the server wrote, for a failing test to show. */
  output(): string;
  /** SIGTERM, then waits for the exit; resolves with the exit code, or the signal that ended it. */
  stop(): Promise<number | NodeJS.Signals | null>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
}

/** Runs a CLI command of the compiled Lectern with this environment; resolves with its standard output. */
export async function lecternCli(args: string[], env: Record<string, string>): Promise<string> {
  const { cli } = await compiledLectern();
  const { stdout } = await run(process.execPath, [cli, ...args], { cwd: ROOT, env: processEnvironment(env) });
  return stdout;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command of the compiled Lectern with this environment, whatever it exits with. */
export async function runLecternCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const { cli } = await compiledLectern();
  const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env: processEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  return { code, stdout, stderr };
}

/** An admin token on the database this environment names, made with the CLI as an operator would. */
export async function adminTokenFor(env: Record<string, string>): Promise<string> {
  const output = await lecternCli(['token:create', '--admin', '--name', 'tests'], env);
  return output.trim().split('\n').pop()!.trim();
}

/** Starts the compiled server on a free port with this environment and waits until it answers. */
export async function spawnLectern(env: Record<string, string>): Promise<ChildLectern> {
  const { main } = await compiledLectern();
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: processEnvironment({ LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Lectern exited with ${child.exitCode} while starting:\n${output}`);
    try {
      await fetch(`${url}/graphql?query=%7B__typename%7D`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Lectern did not answer within 30 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
