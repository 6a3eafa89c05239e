import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import ICAL from 'ical.js';
import { parse } from 'parse5';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { SiteExport, SiteExportSummary } from '../../src/site/site-export.service';
import { lecternCli } from '../support/child-lectern';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, firstDayAt, programmeBuilder, SessionRef, SpeakerRef } from '../support/programme';
import { jsonErrors, validV1, validV2, xsdErrors, xmlEvents } from '../support/schedule-validation';

jest.setTimeout(120_000);

type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };

/** Every element of a parsed page, template contents included. */
function elements(node: Node): Node[] {
  const children = [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];
  return [...(node.tagName ? [node] : []), ...children.flatMap(elements)];
}

/** The `href` and `src` of every element of a page. */
function linksOf(html: string): string[] {
  return elements(parse(html) as unknown as Node).flatMap((element) =>
    (element.attrs ?? []).filter((attr) => attr.name === 'href' || attr.name === 'src').map((attr) => attr.value),
  );
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(folder, join(entry.parentPath ?? (entry as any).path, entry.name))
        .split('\\')
        .join('/'),
    );
}

function isRelative(link: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('//') && !link.startsWith('/');
}

/** The file of the copy a relative link of `from` leads to (fragment and query left out). */
function target(from: string, link: string): string {
  const path = decodeURIComponent(link.split('#')[0].split('?')[0]);
  return path === '' ? from : posix.normalize(posix.join(posix.dirname(from), path));
}

describe('site:export, the static copy of a conference', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  let draftConference: ConferenceRef;
  let sessions: SessionRef[];
  let draft: SessionRef;
  let speakers: SpeakerRef[];
  let elsewhere: ConferenceRef;
  const folders: string[] = [];
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'lectern-site-export-'));
    folders.push(made);
    return made;
  };
  const exporter = () => lectern.app.get(SiteExport);

  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off' });
    const build = programmeBuilder(lectern);
    conference = await build.conference({ name: 'Static Days', defaultLocale: 'sv', published: true });
    elsewhere = await build.conference({ name: 'Elsewhere', published: true });
    draftConference = await build.conference({ name: 'Not yet' });
    const room = await build.room(conference);
    speakers = [await build.speaker({ name: 'Erik Static' }), await build.speaker({ name: 'Nina Static' })];
    sessions = [
      await build.session(conference, { title: { sv: 'Öppning', en: 'Opening' }, room, speakers: [speakers[0]], published: true }),
      await build.session(conference, {
        title: 'Panel',
        room,
        startsAt: firstDayAt(conference, '11:00'),
        speakers: [speakers[0], speakers[1]],
        published: true,
      }),
      await build.session(conference, { title: 'Later', startsAt: null, published: true }),
    ];
    draft = await build.session(conference, {
      title: 'Secret draft',
      room,
      speakers: [speakers[1]],
      startsAt: firstDayAt(conference, '13:00'),
    });
    // Erik speaks elsewhere too: his page links that conference's session on the server.
    await build.session(elsewhere, { title: 'Away', speakers: [speakers[0]], published: true });
    await build.interview(conference, { slug: 'erik-talks', speakers: [speakers[0]], session: sessions[0], published: true });
    await build.interview(conference, { slug: 'draft-talk', speakers: [speakers[1]] });
  });

  afterAll(async () => {
    for (const made of folders) rmSync(made, { recursive: true, force: true });
    await lectern?.close();
  });

  describe('a published conference', () => {
    let out: string;
    let summary: SiteExportSummary;
    let files: string[];
    const progress: [number, number][] = [];

    beforeAll(async () => {
      out = join(folder(), 'copy');
      summary = await exporter().export({ conference: conference.slug, out, progress: (done, total) => progress.push([done, total]) });
      files = filesUnder(out);
    });

    it('writes every page in each interface language, the assets, the feeds and the exports', () => {
      const ids = sessions.map((session) => rowId(session.id));
      const pages = (prefix: string) => [
        `${prefix}index.html`,
        `${prefix}grid.html`,
        ...ids.map((id) => `${prefix}sessions/${id}.html`),
        `${prefix}speakers/index.html`,
        ...speakers.map((speaker) => `${prefix}speakers/${speaker.slug}.html`),
        `${prefix}interviews/erik-talks.html`,
      ];
      const expected = [
        ...pages(''),
        ...pages('en/'),
        ...pages('nb/'),
        'interviews/erik-talks.md',
        'assets/site.css',
        'assets/print.css',
        'assets/site.js',
        'calendar.ics',
        ...ids.map((id) => `sessions/${id}.ics`),
        'schedule.xml',
        'schedule.json',
        'schedule2.json',
        'schedule.xcal',
        'sessions.csv',
        'speakers.csv',
      ];
      expect([...files].sort()).toEqual([...expected].sort());
      expect(summary.topLanguage).toBe('sv');
      expect(summary.files).toBe(files.length);
      expect(summary.bytes).toBe(files.reduce((sum, file) => sum + statSync(join(out, file)).size, 0));
      expect(progress.at(-1)).toEqual([files.length, files.length]);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('lang="sv"');
      expect(readFileSync(join(out, 'en/index.html'), 'utf8')).toContain('lang="en"');
    });

    it('has no broken relative link: every relative href and src of every page is a file of the copy', () => {
      const html = files.filter((file) => file.endsWith('.html'));
      let checked = 0;
      for (const file of html) {
        for (const link of linksOf(readFileSync(join(out, file), 'utf8')).filter(isRelative)) {
          checked++;
          const to = target(file, link);
          expect({ file, link, exists: existsSync(join(out, to)) && statSync(join(out, to)).isFile() }).toEqual({
            file,
            link,
            exists: true,
          });
        }
      }
      expect(checked).toBeGreaterThan(html.length * 5);
    });

    it('links pages, languages, the grid and the download by relative names; what the copy lacks on the server', () => {
      const session = linksOf(readFileSync(join(out, `en/sessions/${rowId(sessions[1].id)}.html`), 'utf8'));
      expect(session).toEqual(
        expect.arrayContaining(['../../assets/site.css', '../speakers/' + speakers[0].slug + '.html', '../index.html']),
      );
      expect(session).toContain(`../../sessions/${rowId(sessions[1].id)}.ics`);
      expect(session).toContain(`../../sessions/${rowId(sessions[1].id)}.html`); // the page in Swedish, at the top
      expect(session).toContain(`../../nb/sessions/${rowId(sessions[1].id)}.html`);
      const index = linksOf(readFileSync(join(out, 'index.html'), 'utf8'));
      expect(index).toEqual(expect.arrayContaining(['grid.html', 'speakers/index.html', 'calendar.ics', 'en/index.html']));
      // Subscribing needs an absolute address: the server's feed.
      expect(index.some((link) => link.startsWith(`webcal://`) && link.includes(`/calendars/conferences/${conference.slug}.ics`))).toBe(
        true,
      );
      expect(linksOf(readFileSync(join(out, 'grid.html'), 'utf8'))).toContain('index.html');
      const erik = linksOf(readFileSync(join(out, `speakers/${speakers[0].slug}.html`), 'utf8'));
      expect(erik.some((link) => /^https?:\/\//.test(link) && link.includes(`/${elsewhere.slug}/sessions/`))).toBe(true);
      expect(erik).toContain('../interviews/erik-talks.html');
      // No forms, stars or agenda in a copy.
      expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toMatch(/<form|\/agenda/);
    });

    it('has nothing of a draft session or a draft interview', () => {
      expect(files).not.toContain(`sessions/${rowId(draft.id)}.html`);
      expect(files.some((file) => file.includes('draft-talk'))).toBe(false);
      for (const file of files.filter((name) => name.endsWith('.html'))) {
        const page = readFileSync(join(out, file), 'utf8');
        for (const link of linksOf(page))
          expect({ file, link, draft: link.includes(`sessions/${rowId(draft.id)}`) }).toEqual({ file, link, draft: false });
        expect(page).not.toContain('Secret draft');
      }
    });

    it('writes schedule.xml valid against the frab schema, and the JSON exports valid against theirs', async () => {
      const xml = readFileSync(join(out, 'schedule.xml'), 'utf8');
      expect(await xsdErrors(xml)).toEqual([]);
      expect(xmlEvents(xml)).toHaveLength(2);
      expect(jsonErrors(validV1, JSON.parse(readFileSync(join(out, 'schedule.json'), 'utf8')))).toEqual([]);
      expect(jsonErrors(validV2, JSON.parse(readFileSync(join(out, 'schedule2.json'), 'utf8')))).toEqual([]);
    });

    it('writes calendar.ics with the events the served feed has', async () => {
      const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
      const served = await (await fetch(`${lectern.url}/calendars/conferences/${conference.slug}.ics`)).text();
      const copied = events(readFileSync(join(out, 'calendar.ics'), 'utf8'));
      expect(copied.length).toBe(events(served).length);
      expect(copied.length).toBe(2);
      expect(events(readFileSync(join(out, `sessions/${rowId(sessions[0].id)}.ics`), 'utf8'))).toHaveLength(1);
    });
  });

  it('copies the demo conferences with no broken relative link', async () => {
    await lectern.app.get(DemoLoader).load();
    const out = folder();
    const summary = await exporter().export({ conference: 'internetdagarna-2020', out, force: true });
    const files = filesUnder(out);
    expect(summary.files).toBe(files.length);
    for (const file of files.filter((name) => name.endsWith('.html')))
      for (const link of linksOf(readFileSync(join(out, file), 'utf8')).filter(isRelative))
        expect({ file, link, exists: existsSync(join(out, target(file, link))) }).toEqual({ file, link, exists: true });
    expect(files.some((file) => file.startsWith('interviews/'))).toBe(true);
  });

  it('refuses a draft or unknown conference, naming --conference, and writes nothing', async () => {
    for (const slug of [draftConference.slug, 'no-such-conference']) {
      const out = join(folder(), 'copy');
      await expect(exporter().export({ conference: slug, out })).rejects.toThrow(
        new RegExp(`--conference: no published conference "${slug}"`),
      );
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses a folder that is not empty unless forced, and then writes over its files', async () => {
    const out = folder();
    writeFileSync(join(out, 'keep.txt'), 'mine');
    await expect(exporter().export({ conference: conference.slug, out })).rejects.toThrow(/--out: .* is not empty; give --force/);
    expect(readdirSync(out)).toEqual(['keep.txt']);
    await exporter().export({ conference: conference.slug, out, force: true });
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  describe('the command', () => {
    const directory = mkdtempSync(join(tmpdir(), 'lectern-site-export-cli-'));
    const env = { DATABASE_URL: '', SQLITE_PATH: join(directory, 'lectern.sqlite'), RATE_LIMIT: 'off' };
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    const failure = (args: string[]) =>
      lecternCli(['site:export', ...args], env).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
      );

    it('exits 1 with a clear message for an unknown conference and for a folder that is not empty', async () => {
      await lecternCli(['demo:load'], env);
      const out = join(directory, 'out');
      const unknown = await failure(['--conference', 'not-published', '--out', out]);
      expect(unknown).toEqual({ code: 1, stderr: expect.stringContaining('--conference: no published conference "not-published"') });
      expect(existsSync(out)).toBe(false);
      const taken = await failure(['--conference', 'internetdagarna-2020', '--out', directory]);
      expect(taken).toEqual({ code: 1, stderr: expect.stringMatching(/--out: .* is not empty; give --force/) });
    });
  });
});
