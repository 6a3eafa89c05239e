/**
 * The public programme site over real HTTP: the grid view (a table per day, rooms as columns), and
 * "now and next" while a conference runs. The other programme pages are in site-pages.test.ts.
 */
import { DateTime } from 'luxon';
import en from '../../src/site/catalogues/en.json';
import { attr, byClass, byTag, HtmlNode, parseHtml, text, bySelector } from '../support/html';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, ProgrammeBuilder, SessionRef } from '../support/programme';

let lectern: Lectern;
let build: ProgrammeBuilder;
const c: Record<string, ConferenceRef> = {};
const s: Record<string, SessionRef> = {};

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${lectern.url}${path}`, { headers, redirect: 'manual' });
  const html = await response.text();
  return { response, html, root: parseHtml(html) };
}

async function ok(path: string, headers: Record<string, string> = {}) {
  const found = await page(path, headers);
  expect([path, found.response.status]).toEqual([path, 200]);
  expect(found.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return found;
}

/** The ids of the sessions a programme page lists. */
const listed = (root: HtmlNode) => bySelector(root, 'li', 'session').map((li) => attr(li, 'data-session')!);

beforeAll(async () => {
  lectern = await startLectern();
  build = programmeBuilder(lectern);
  c.past = await build.conference({ slug: 'past', startDate: '2019-03-01', endDate: '2019-03-01', published: true });
  await build.session(c.past, { title: { en: 'An old talk' }, published: true });

  // The grid.
  c.grid = await build.conference({
    slug: 'grid',
    startDate: '2030-06-01',
    endDate: '2030-06-02',
    timeZone: 'Europe/Oslo',
    published: true,
  });
  const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Oslo' }).toISO()!;
  const roomA = await build.room(c.grid, { slug: 'a', name: 'Room A' });
  const roomB = await build.room(c.grid, { slug: 'b', name: 'Room B' });
  const roomC = await build.room(c.grid, { slug: 'c', name: 'Room C' });
  s.long = await build.session(c.grid, {
    title: { en: 'One hour in A' },
    room: roomA,
    startsAt: at('2030-06-01', '09:00'),
    endsAt: at('2030-06-01', '10:00'),
    published: true,
  });
  s.b1 = await build.session(c.grid, {
    title: { en: 'First half in B' },
    room: roomB,
    startsAt: at('2030-06-01', '09:00'),
    endsAt: at('2030-06-01', '09:30'),
    published: true,
  });
  s.b2 = await build.session(c.grid, {
    title: { en: 'Second half in B' },
    room: roomB,
    startsAt: at('2030-06-01', '09:30'),
    endsAt: at('2030-06-01', '10:00'),
    published: true,
  });
  s.c1 = await build.session(c.grid, {
    title: { en: 'Overlap one' },
    room: roomC,
    startsAt: at('2030-06-01', '09:00'),
    endsAt: at('2030-06-01', '10:00'),
    published: true,
  });
  s.c2 = await build.session(c.grid, {
    title: { en: 'Overlap two' },
    room: roomC,
    startsAt: at('2030-06-01', '09:30'),
    endsAt: at('2030-06-01', '10:00'),
    published: true,
  });
  s.hack = await build.session(c.grid, {
    title: { en: 'The hackathon' },
    format: 'HACKATHON',
    room: roomA,
    startsAt: at('2030-06-01', '12:00'),
    endsAt: at('2030-06-02', '16:00'),
    published: true,
  });
  s.day2 = await build.session(c.grid, {
    title: { en: 'Day two talk' },
    room: roomB,
    startsAt: at('2030-06-02', '09:00'),
    endsAt: at('2030-06-02', '10:00'),
    published: true,
  });

  // Now and next: a conference running today in its zone.
  const zone = 'Europe/Oslo';
  const now = DateTime.now().setZone(zone);
  c.live = await build.conference({
    slug: 'live',
    startDate: now.minus({ days: 1 }).toISODate()!,
    endDate: now.plus({ days: 1 }).toISODate()!,
    timeZone: zone,
    published: true,
  });
  const minute = now.startOf('minute');
  s.running = await build.session(c.live, {
    title: { en: 'Running now' },
    startsAt: minute.minus({ minutes: 10 }).toISO()!,
    endsAt: minute.plus({ minutes: 30 }).toISO()!,
    published: true,
  });
  s.soon = await build.session(c.live, {
    title: { en: 'Starting in an hour' },
    startsAt: minute.plus({ hours: 1 }).toISO()!,
    endsAt: minute.plus({ hours: 2 }).toISO()!,
    published: true,
  });
});
afterAll(() => lectern.close());

describe('the grid', () => {
  it("has a table per day whose columns are the day's rooms, with rowspans, overlaps and several-day sessions", async () => {
    const { root } = await ok(`/${c.grid.slug}?view=grid&lang=en`);
    const tables = byTag(root, 'table');
    expect(tables).toHaveLength(2);
    const [first, second] = tables;
    const heads = (table: HtmlNode) => byTag(byTag(table, 'thead')[0], 'th').map(text);
    expect(heads(first)).toEqual([en.grid.time, 'Room A', 'Room B', 'Room C', 'Room C']);
    expect(heads(second)).toEqual([en.grid.time, 'Room B']);
    const cell = (table: HtmlNode, id: string) =>
      byTag(table, 'td').find((td) => byTag(td, 'a').some((a) => attr(a, 'href')!.split('?')[0] === `/${c.grid.slug}/sessions/${id}`));
    expect(attr(cell(first, String(rowId(s.long.id)))!, 'rowspan')).toBe('2');
    expect(attr(cell(first, String(rowId(s.b1.id)))!, 'rowspan') ?? '1').toBe('1');
    expect(attr(cell(first, String(rowId(s.b2.id)))!, 'rowspan') ?? '1').toBe('1');
    // The overlapping sessions of room C, each in its own column.
    const rows = byTag(byTag(first, 'tbody')[0], 'tr');
    expect(rows).toHaveLength(2);
    expect(cell(first, String(rowId(s.c1.id)))).toBeDefined();
    expect(cell(first, String(rowId(s.c2.id)))).toBeDefined();
    const columnOf = (row: HtmlNode, id: string) => byTag(row, 'td').findIndex((td) => td === cell(first, id));
    expect(columnOf(rows[0], String(rowId(s.c1.id)))).toBe(2);
    expect(columnOf(rows[1], String(rowId(s.c2.id)))).toBe(1); // rows[1]: B's second half, then C's second column (A and C's first are spanned)
    // The hackathon: above both days' tables, in neither.
    for (const table of tables) expect(cell(table, String(rowId(s.hack.id)))).toBeUndefined();
    const spanning = byClass(root, 'spanning');
    expect(spanning).toHaveLength(2);
    for (const list of spanning) {
      expect(text(list)).toContain('The hackathon');
      expect(text(list)).toContain(en.grid.days_other.replace('{{count}}', '2'));
    }
    // The grid and the list show the same sessions.
    const list = await ok(`/${c.grid.slug}?lang=en`);
    expect(listed(list.root).sort()).toEqual([s.long, s.b1, s.b2, s.c1, s.c2, s.hack, s.day2].map((x) => String(rowId(x.id))).sort());
  });
});

describe('now and next', () => {
  it('names what runs now and what starts next while the conference runs, and nothing on a past one', async () => {
    const { root } = await ok(`/${c.live.slug}?lang=en`);
    const [section] = byClass(root, 'now-next');
    expect(section).toBeDefined();
    expect(attr(section, 'aria-label')).toBe(en.programme.nowAndNext);
    const [nowBlock, nextBlock] = byTag(section, 'div');
    expect(text(byTag(nowBlock, 'h2')[0])).toBe(en.programme.now);
    expect(byTag(nowBlock, 'a').map(text)).toEqual(['Running now']);
    expect(text(byTag(nextBlock, 'h2')[0])).toBe(en.programme.next);
    expect(byTag(nextBlock, 'a').map(text)).toEqual(['Starting in an hour']);
    for (const slug of [c.past.slug, c.grid.slug]) expect(byClass((await ok(`/${slug}?lang=en`)).root, 'now-next')).toEqual([]);
  });
});
