import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DocumentNode, FieldNode, Kind, parse, print, visit } from 'graphql';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { processEnvironment } from './environment';
import { Lectern } from './lectern';

const ROOT = join(__dirname, '..', '..');
const CONSOLE = join(ROOT, 'console');

/**
 * The console as `npm run build` builds it, built once for whatever its sources are now and kept
 * under node_modules/.cache (a changed file builds a new one), so every test file reads the
 * console of the code under test, not a dist/ left from an earlier build.
 */
export function builtConsole(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(CONSOLE), join(ROOT, 'package-lock.json')]) {
    hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
  const cache = join(ROOT, 'node_modules', '.cache', 'lectern-console');
  const directory = join(cache, hash.digest('hex').slice(0, 16));
  if (existsSync(join(directory, 'index.html'))) return directory;
  const building = `${directory}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(CONSOLE, 'vite.config.mts'), '--logLevel', 'warn'],
    {
      cwd: ROOT,
      env: { ...processEnvironment({}), CONSOLE_OUT_DIR: building },
      stdio: 'pipe',
    },
  );
  rmSync(directory, { recursive: true, force: true });
  renameSync(building, directory);
  return directory;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Every operation and fragment of the console's committed .graphql documents, printed, by name. */
export function committedDefinitions(): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const file of filesUnder(join(CONSOLE, 'src')).filter((path) => path.endsWith('.graphql'))) {
    for (const definition of parse(readFileSync(file, 'utf8')).definitions) {
      if ('name' in definition && definition.name) definitions.set(definition.name.value, print(definition));
    }
  }
  return definitions;
}

/**
 * The definitions of a document as the console sent it, without the `__typename` fields urql's
 * cache adds to every selection, so they can be compared with the committed ones.
 */
export function sentDefinitions(query: string): Map<string, string> {
  const stripped: DocumentNode = visit(parse(query), {
    Field: (field: FieldNode) => (field.name.value === '__typename' && !field.alias ? null : undefined),
  });
  const definitions = new Map<string, string>();
  for (const definition of stripped.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      definitions.set(definition.name?.value ?? '(anonymous)', print(definition));
    }
  }
  return definitions;
}

/** What a console page did: every request it made to Lectern, and everything the browser complained of. */
export interface ConsoleSession {
  context: BrowserContext;
  page: Page;
  /** Each GraphQL document the page sent, over HTTP or WebSocket. */
  documents: string[];
  /** Requests that were neither the console's own files nor GraphQL. */
  otherRequests: string[];
  /** Console errors and CSP refusals. */
  problems: string[];
}

/** A new browser context on the console, recording what it sends. */
export async function openConsole(
  browser: Browser,
  lectern: Lectern,
  path = '/console/',
  viewport = { width: 1280, height: 720 },
): Promise<ConsoleSession> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  const session: ConsoleSession = { context, page, documents: [], otherRequests: [], problems: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') session.problems.push(message.text());
  });
  page.on('pageerror', (error) => session.problems.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/graphql' && request.method() === 'POST') {
      session.documents.push(JSON.parse(request.postData() ?? '{}').query);
    } else if (url.pathname === '/graphql' && request.method() === 'GET') {
      session.documents.push(url.searchParams.get('query') ?? '');
    } else if (!(url.pathname.startsWith('/console') && request.method() === 'GET') && url.pathname !== '/graphql') {
      session.otherRequests.push(`${request.method()} ${request.url()}`);
    }
  });
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload));
      if (message.type === 'subscribe') session.documents.push(message.payload.query);
    });
  });
  await page.goto(lectern.url + path);
  return session;
}

/** Signs in on the console's sign-in screen by pasting a token, as an organiser does. */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.getByLabel('Access token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Each document the page sent is one committed in console/src, exactly (but for urql's `__typename`). */
export function expectOnlyCommittedOperations(session: ConsoleSession) {
  const committed = committedDefinitions();
  expect(session.documents.length).toBeGreaterThan(0);
  for (const document of session.documents) {
    for (const [name, definition] of sentDefinitions(document))
      expect({ name, definition }).toEqual({ name, definition: committed.get(name) });
  }
  expect(session.otherRequests).toEqual([]);
  expect(session.problems).toEqual([]);
}
