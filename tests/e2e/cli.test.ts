import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { lecternCli, runLecternCli } from '../support/child-lectern';

/** The command line as a shell and a script see it: where it writes, and what it exits with. */
jest.setTimeout(180_000);

const COMMANDS = [
  'db:migrate',
  'demo:load',
  'programme:import',
  'site:export',
  'token:create',
  'speaker:invite',
  'db:backup',
  'db:restore',
  'db:copy',
];
const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };

describe('the Lectern CLI', () => {
  let directory: string;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runLecternCli(args, env);
  /** How often a message appears in a text. */
  const count = (text: string, message: string) => text.split(message).length - 1;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'lectern-cli-'));
    // Its own SQLite file, whatever the phase: this is about the command line, not the engines.
    env = { DATABASE_URL: '', REDIS_URL: '', SQLITE_PATH: join(directory, 'lectern.sqlite') };
    await lecternCli(['demo:load'], env);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('prints its help on stdout and exits 0 for --help, listing every command with its description', async () => {
    const help = await cli('--help');
    expect(help).toEqual({ code: 0, stdout: expect.stringContaining('Usage:'), stderr: '' });
    expect(help.stdout).not.toContain('(outputHelp)');
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command}( \\[options\\])? +\\S`, 'm'));
    expect(help.stdout).toContain('Examples:');
  });

  it('prints the package version for --version and exits 0', async () => {
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each(COMMANDS)('gives %s a description and examples in its own --help', async (command) => {
    const help = await cli(command, '--help');
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    const [usage, , description] = help.stdout.split('\n');
    expect(usage).toContain(`Usage: cli.js ${command}`);
    expect(description.trim().length).toBeGreaterThan(10);
    const examples = help.stdout.slice(help.stdout.indexOf('\nExamples:\n'));
    expect(examples).toContain(`npm run cli -- ${command}`);
  });

  it('names an unknown command once, on stderr, and exits 2', async () => {
    const run = await cli('site:exprot', '--conference', 'x');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(count(run.stderr, "unknown command 'site:exprot'")).toBe(1);
  });

  it.each([
    ['a missing required option', ['db:backup'], "required option '--to <file>' not specified"],
    ['an unknown option', ['demo:load', '--colour'], "unknown option '--colour'"],
    ['a value its option refuses', ['programme:import', '--conference', 'x', '--file', 'y', '--format', 'docx'], '--format takes one of'],
    ['options that do not go together', ['token:create', '--name', 'laptop'], 'Give either --admin or --organiser <id>.'],
    [
      'a speaker named twice',
      ['speaker:invite', '--conference', 'x', '--email', 'a@example.org', '--speaker', 's', '--name', 'S'],
      'Give either --speaker <slug> or --name <name>.',
    ],
    ['no command at all', [], 'Usage:'],
  ])('answers %s with one message on stderr and exit 2', async (_, args, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(count(run.stderr, message)).toBe(1);
  });

  it('invites a speaker, and without SMTP_URL prints the mail with its sign-in link', async () => {
    const run = await cli(
      'speaker:invite',
      '--conference',
      'teknologi-og-politikk-2020',
      '--name',
      'Ingrid Solberg',
      '--email',
      'ingrid@example.org',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Invited Ingrid Solberg to Teknologi og politikk 2020');
    expect(run.stdout).toContain('Invitasjon til å snakke på Teknologi og politikk 2020');
    expect(run.stdout).toMatch(/\/me\/sign-in\/[\w-]{43}\n/);
    const again = await cli(
      'speaker:invite',
      '--conference',
      'teknologi-og-politikk-2020',
      '--speaker',
      'ingrid-solberg',
      '--email',
      'ingrid@example.org',
    );
    expect(again.code).toBe(1);
    expect(count(again.stderr, 'is invited to this conference already')).toBe(1);
  });

  it("reports a command's own failure once and exits 1: site:export of a draft conference", async () => {
    await execute(env.SQLITE_PATH, `UPDATE "conferences" SET "status" = 'DRAFT' WHERE "slug" = 'digstrat-2018'`);
    const run = await cli('site:export', '--conference', 'digstrat-2018', '--out', join(directory, 'copy'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(count(run.stderr, 'no published conference "digstrat-2018"')).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it("reports a command's own failure once and exits 1: programme:import of a file that is missing, or is not a schedule", async () => {
    const missing = await cli('programme:import', '--conference', 'internetdagarna-2020', '--file', join(directory, 'nowhere.xml'));
    expect(missing.code).toBe(1);
    expect(count(missing.stderr, 'nowhere.xml')).toBe(1);

    const broken = join(directory, 'broken.json');
    writeFileSync(broken, '{ "schedule": ');
    const run = await cli('programme:import', '--conference', 'internetdagarna-2020', '--file', broken, '--format', 'SCHEDULE_JSON');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
  });

  it('exits 0 and writes its report on stdout when a command succeeds', async () => {
    const run = await cli('db:migrate');
    expect(run).toEqual({ code: 0, stdout: expect.stringContaining('Schema up to date'), stderr: '' });
  });
});

function execute(path: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const database = new sqlite3.Database(path, (opened) => {
      if (opened) return reject(opened);
      database.run(sql, (error) => database.close(() => (error ? reject(error) : resolve())));
    });
  });
}
