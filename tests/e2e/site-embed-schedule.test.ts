import ICAL from 'ical.js';
import { attr, byTag, elements, parseHtml, text } from '../support/html';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, firstDayAt, programmeBuilder, SessionRef } from '../support/programme';

/** The schedule widget a conference puts in an iframe on its own site. */

let lectern: Lectern;
let conference: ConferenceRef;
let swedishTalk: SessionRef;
let englishKeynote: SessionRef;
let draft: SessionRef;

beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  conference = await build.conference({ name: 'Widget Days 2030', timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true });
  swedishTalk = await build.session(conference, { title: { sv: 'Öppna data i kommunen' }, published: true });
  englishKeynote = await build.session(conference, {
    title: { en: 'Opening keynote', sv: 'Öppningstal' },
    format: 'KEYNOTE',
    language: 'en',
    startsAt: firstDayAt(conference, '09:00'),
    published: true,
  });
  draft = await build.session(conference, { title: 'Not yet public' });
});

afterAll(() => lectern?.close());

async function widget(query = '', headers: Record<string, string> = {}) {
  const response = await fetch(`${lectern.url}/embed/conferences/${conference.slug}/schedule${query}`, { headers });
  return { response, body: await response.text() };
}

function shownSessions(html: string): string[] {
  return elements(parseHtml(html))
    .filter((node) => attr(node, 'data-session') !== undefined && node.tagName === 'li')
    .map((node) => attr(node, 'data-session')!);
}

it('may be framed by any site, and runs nothing: no script, no form, styles only from Lectern', async () => {
  const { response, body } = await widget();
  expect(response.status).toBe(200);
  const csp = response.headers.get('content-security-policy')!;
  expect(csp).toContain('frame-ancestors *');
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers.get('x-frame-options')).toBeNull();
  const document = parseHtml(body);
  expect(byTag(document, 'script')).toEqual([]);
  expect(byTag(document, 'form')).toEqual([]);
  for (const link of byTag(document, 'link')) expect(attr(link, 'href')).toMatch(/^\/assets\//);
  expect(attr(byTag(document, 'base')[0], 'target')).toBe('_top');
});

it('shows the published sessions in time order, never a draft, each linking to its page on Lectern', async () => {
  const { body } = await widget();
  expect(shownSessions(body)).toEqual([String(rowId(englishKeynote.id)), String(rowId(swedishTalk.id))]);
  expect(body).not.toContain('Not yet public');
  const links = byTag(parseHtml(body), 'a').map((a) => attr(a, 'href'));
  expect(links).toContain(`/${conference.slug}/sessions/${rowId(swedishTalk.id)}`);
  expect(links).not.toContain(`/${conference.slug}/sessions/${rowId(draft.id)}`);
});

it("takes the programme's filters, with the conference feed's semantics", async () => {
  const { body } = await widget('?format=KEYNOTE');
  expect(shownSessions(body)).toEqual([String(rowId(englishKeynote.id))]);
  const feed = await (await fetch(`${lectern.url}/calendars/conferences/${conference.slug}.ics?format=KEYNOTE`)).text();
  const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
  expect(events.map((event) => event.getFirstPropertyValue('summary'))).toEqual([expect.stringContaining('Öppningstal')]);
  const subscribe = byTag(parseHtml(body), 'a').find((a) => attr(a, 'href')?.startsWith('webcal:'));
  expect(new URL(attr(subscribe!, 'href')!.replace(/^webcal:/, 'http:')).searchParams.get('format')).toBe('KEYNOTE');
});

it("speaks the language asked for by ?lang=, else the browser's, else the conference's", async () => {
  const english = parseHtml((await widget('?lang=en')).body);
  expect(attr(byTag(english, 'html')[0], 'lang')).toBe('en');
  expect(text(english)).toContain('Opening keynote');
  const norwegian = parseHtml((await widget('', { 'accept-language': 'nb-NO' })).body);
  expect(attr(byTag(norwegian, 'html')[0], 'lang')).toBe('nb');
  const swedish = parseHtml((await widget('', { 'accept-language': 'de' })).body);
  expect(attr(byTag(swedish, 'html')[0], 'lang')).toBe('sv');
  expect(text(swedish)).toContain('Öppningstal');
});

it('refuses a parameter it does not take, naming it, and answers 404 for a draft conference', async () => {
  for (const [query, field] of [
    ['?view=grid', 'view'],
    ['?day=2030-13-01', 'day'],
    ['?lang=de', 'lang'],
  ]) {
    const { response, body } = await widget(query);
    expect(response.status).toBe(400);
    expect(text(parseHtml(body))).toContain(`${field}:`);
  }
  const hidden = await programmeBuilder(lectern).conference({ name: 'Draft widget' });
  const response = await fetch(`${lectern.url}/embed/conferences/${hidden.slug}/schedule`);
  expect(response.status).toBe(404);
  expect(await response.text()).not.toContain('Draft widget');
});

it('is kept until its conference changes, and answers 304 to a copy that is current', async () => {
  const first = await widget();
  const etag = first.response.headers.get('etag')!;
  const again = await fetch(`${lectern.url}/embed/conferences/${conference.slug}/schedule`, { headers: { 'if-none-match': etag } });
  expect(again.status).toBe(304);
  await programmeBuilder(lectern).session(conference, { title: 'Added later', startsAt: firstDayAt(conference, '15:00'), published: true });
  const changed = await widget();
  expect(changed.response.headers.get('etag')).not.toBe(etag);
  expect(changed.body).toContain('Added later');
});
