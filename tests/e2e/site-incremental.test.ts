/**
 * A programme page is assembled from one rendered piece per session (its entry in the list, its
 * cell in the grid): after a change to one session, the next page renders that session's piece
 * alone, and every kind of change to what a piece shows is on the very next page. Renderings are
 * counted on the piece renderer itself, over real HTTP and a real database.
 */
import { DateTime } from 'luxon';
import * as pieces from '../../src/site/pages/programme-pieces';
import sv from '../../src/site/catalogues/sv.json';
import { attr, byClass, byTag, bySelector, classes, HtmlNode, parseHtml, text } from '../support/html';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, RoomRef, SessionRef, SpeakerRef } from '../support/programme';

let lectern: Lectern;
let conference: ConferenceRef;
let aula: RoomRef;
let anna: SpeakerRef;
const sessions: SessionRef[] = [];
let renders: jest.SpyInstance<string, Parameters<typeof pieces.renderProgrammePiece>>;

const at = (time: string) => DateTime.fromISO(`2030-05-01T${time}`, { zone: 'Europe/Stockholm' }).toISO()!;

beforeAll(async () => {
  lectern = await startLectern({ RATE_LIMIT: 'off' });
  const build = programmeBuilder(lectern);
  conference = await build.conference({ timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true });
  aula = await build.room(conference, { slug: 'aula', name: 'Aula' });
  const hall = await build.room(conference, { slug: 'hall', name: 'Hallen' });
  anna = await build.speaker({ name: 'Anna Berg' });
  const plan = [
    { title: 'Öppning', room: aula, speakers: [anna] },
    { title: 'Panel', room: hall },
    { title: 'Verkstad', room: aula },
    { title: 'Avslutning', room: hall },
  ];
  for (const [i, fields] of plan.entries()) {
    sessions.push(
      await build.session(conference, { ...fields, startsAt: at(`${10 + i}:00`), endsAt: at(`${10 + i}:45`), published: true }),
    );
  }
  renders = jest.spyOn(pieces, 'renderProgrammePiece');
});
afterAll(async () => {
  renders.mockRestore();
  await lectern.close();
});

async function page(query = '') {
  const response = await fetch(`${lectern.url}/${conference.slug}${query}`, { headers: { 'accept-language': 'sv' } });
  expect(response.status).toBe(200);
  return parseHtml(await response.text());
}

/** The list's entries by session (row) id. */
function entries(root: HtmlNode): Map<number, HtmlNode> {
  return new Map(bySelector(root, 'li', 'session').map((li) => [Number(attr(li, 'data-session')), li]));
}

const entryOf = (root: HtmlNode, session: SessionRef) => entries(root).get(rowId(session.id));
const titleOf = (entry: HtmlNode) => text(byClass(entry, 'title')[0]).trim();
/** The sessions (by their titles in the default language, else their first) whose pieces were rendered since `before`. */
const renderedSince = (before: number) =>
  renders.mock.calls
    .slice(before)
    .map(([kind, , , session]) => `${kind}:${session.title[conference.defaultLocale] ?? Object.values(session.title)[0]}`);

const write = (query: string, variables: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
const retitle = (session: SessionRef, text: string) =>
  write(`mutation ($id: ID!, $title: [LocalisedTextInput!]) { updateSession(id: $id, input: { title: $title }) { id } }`, {
    id: session.id,
    title: [{ locale: conference.defaultLocale, text }],
  });

it('renders only the changed session again, in the list and in the grid, and shows it on the next page', async () => {
  await page();
  await page('?view=grid');
  const before = renders.mock.calls.length;
  await retitle(sessions[1], 'Panel om öppna data');

  const list = await page();
  expect(titleOf(entryOf(list, sessions[1])!)).toBe('Panel om öppna data');
  expect([...entries(list).keys()]).toEqual(sessions.map((session) => rowId(session.id)));
  const grid = await page('?view=grid');
  const cells = bySelector(grid, 'td', 'slot');
  expect(cells.map((td) => text(byTag(td, 'a')[0]).trim())).toEqual(['Öppning', 'Panel om öppna data', 'Verkstad', 'Avslutning']);
  expect(renderedSince(before)).toEqual(['item:Panel om öppna data', 'cell:Panel om öppna data']);
});

it('renders each piece once more for another language, and nothing new when asked again', async () => {
  const before = renders.mock.calls.length;
  const english = await page('?lang=en');
  expect(renders.mock.calls.length - before).toBe(sessions.length);
  expect(byTag(english, 'html').map((html) => attr(html, 'lang'))).toEqual(['en']);
  const again = renders.mock.calls.length;
  await retitle(sessions[2], 'Verkstad i grupp');
  await page('?lang=en');
  await page();
  expect(renderedSince(again)).toEqual(['item:Verkstad i grupp', 'item:Verkstad i grupp']);
});

it('shares pieces between readers whose languages pick the same texts, and gives a reader whose languages pick another its own', async () => {
  const keynote = await programmeBuilder(lectern).session(conference, {
    title: { en: 'Keynote', de: 'Grundsatzrede' },
    startsAt: at('16:00'),
    endsAt: at('16:45'),
    published: true,
  });
  const ask = async (acceptLanguage: string) => {
    const response = await fetch(`${lectern.url}/${conference.slug}`, { headers: { 'accept-language': acceptLanguage } });
    expect(response.status).toBe(200);
    return parseHtml(await response.text());
  };
  await ask('sv');
  const before = renders.mock.calls.length;
  await retitle(sessions[0], 'Öppning av konferensen');
  const swedish = await ask('sv-SE,sv;q=0.9,en;q=0.8');
  expect(titleOf(entryOf(swedish, sessions[0])!)).toBe('Öppning av konferensen');
  expect(titleOf(entryOf(swedish, keynote)!)).toContain('Keynote');
  expect(renderedSince(before)).toEqual(['item:Öppning av konferensen']);

  await retitle(sessions[0], 'Öppning');
  const german = await ask('sv, de');
  expect(titleOf(entryOf(german, keynote)!)).toContain('Grundsatzrede');
  expect(renderedSince(before + 1).sort()).toEqual(['item:Keynote', 'item:Öppning']);
  await write(`mutation ($id: ID!) { unpublishSession(id: $id) { id } }`, { id: keynote.id });
});

it('shows a renamed room and a renamed speaker on the next page, rendering only the pieces that show them', async () => {
  await page();
  let before = renders.mock.calls.length;
  await write(`mutation ($input: UpdateRoomInput!) { updateRoom(input: $input) { id } }`, { input: { id: aula.id, name: 'Stora salen' } });
  const renamed = await page();
  expect(text(byClass(entryOf(renamed, sessions[0])!, 'facts')[0])).toContain('Stora salen');
  expect(text(byClass(entryOf(renamed, sessions[2])!, 'facts')[0])).toContain('Stora salen');
  expect(text(byClass(entryOf(renamed, sessions[1])!, 'facts')[0])).toContain('Hallen');
  expect(renderedSince(before).sort()).toEqual(['item:Verkstad i grupp', 'item:Öppning']);

  before = renders.mock.calls.length;
  await write(`mutation ($input: UpdateSpeakerInput!) { updateSpeaker(input: $input) { id } }`, {
    input: { id: anna.id, name: 'Anna Berg-Lind' },
  });
  const lineUp = byClass(entryOf(await page(), sessions[0])!, 'line-up')[0];
  expect(text(lineUp).trim()).toBe('Anna Berg-Lind');
  expect(renderedSince(before)).toEqual(['item:Öppning']);
});

it('shows a cancelled session marked, without its star, and an unpublished one no more', async () => {
  await page();
  await page('?view=grid');
  await write(`mutation ($id: ID!) { cancelSession(id: $id) { id } }`, { id: sessions[3].id });
  const cancelled = entryOf(await page(), sessions[3])!;
  expect(classes(cancelled)).toContain('cancelled');
  expect(text(byClass(cancelled, 'cancelled-badge')[0]).trim()).toBe(sv.session.cancelled);
  expect(byClass(cancelled, 'star')).toHaveLength(0);
  const cell = bySelector(await page('?view=grid'), 'td', 'slot').find((td) => text(td).includes('Avslutning'))!;
  expect(classes(cell)).toContain('cancelled');
  expect(byClass(cell, 'cancelled-badge')).toHaveLength(1);

  await write(`mutation ($id: ID!) { unpublishSession(id: $id) { id } }`, { id: sessions[1].id });
  const list = await page();
  expect(entryOf(list, sessions[1])).toBeUndefined();
  expect(entries(list).size).toBe(sessions.length - 1);
  expect(bySelector(await page('?view=grid'), 'td', 'slot').map((td) => text(byTag(td, 'a')[0]).trim())).not.toContain(
    'Panel om öppna data',
  );
});
