/**
 * The public programme site over real HTTP: what an attendee opens (home, programme list and grid,
 * filters, languages, caching), read back with parse5 and compared with the calendar feeds (ical.js).
 * The grid and now-and-next are in site-timetable.test.ts; sessions, agenda, people, CSP and the
 * demo in site-people.test.ts.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import en from '../../src/site/catalogues/en.json';
import nb from '../../src/site/catalogues/nb.json';
import sv from '../../src/site/catalogues/sv.json';
import {
  attr,
  body,
  byAttr,
  byClass,
  byTag,
  bySelector,
  classes,
  elements,
  HtmlNode,
  hrefs,
  jsonLd,
  parseHtml,
  text,
  visibleText,
} from '../support/html';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, programmeBuilder, ProgrammeBuilder, SessionRef } from '../support/programme';

const HOSTILE_SCRIPT = '<script>alert(1)</script>';
const HOSTILE_ATTR = '"><img src=x onerror=alert(1)>';
const HOSTILE_JSON = '</script><script>alert(2)</script>';
const DRAFT_CONFERENCE = 'Hemlig konferens Qwzx';
const DRAFT_SESSION = 'Utkast till session Vbnm';
const UNPUBLISHED_SESSION = 'Avpublicerad session Plmk';

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

/** The session ids of a feed's events, from each event's URL (…/calendars/sessions/{id}.ics). */
function feedSessionIds(ics: string): string[] {
  return new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((event) => String(event.getFirstPropertyValue('url')).match(/\/sessions\/(\d+)\.ics/)![1]);
}

beforeAll(async () => {
  lectern = await startLectern();
  build = programmeBuilder(lectern);

  // Home: upcoming, past, a draft.
  c.upcoming = await build.conference({
    name: 'Framtidsdagarna 2099',
    startDate: '2099-06-01',
    endDate: '2099-06-02',
    city: 'Göteborg',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'sv',
    published: true,
  });
  await build.session(c.upcoming, { title: 'Svensk session', language: 'sv', published: true });
  await build.session(c.upcoming, { title: { en: 'English session' }, language: 'en', published: true });
  c.past = await build.conference({
    name: 'Gamla dagarna 2019',
    startDate: '2019-03-01',
    endDate: '2019-03-01',
    city: 'Malmö',
    published: true,
  });
  await build.session(c.past, { title: { en: 'An old talk' }, published: true });
  c.draft = await build.conference({ name: DRAFT_CONFERENCE, startDate: '2098-01-01', endDate: '2098-01-01' });
  s.inDraft = await build.session(c.draft, { title: { en: `${DRAFT_CONFERENCE} opening` }, published: true });

  // Filters: two tracks, rooms, days, formats, languages, speakers; a draft, an unpublished and a cancelled session.
  c.filters = await build.conference({
    slug: 'filterdagen',
    name: 'Filterdagen',
    startDate: '2030-05-01',
    endDate: '2030-05-02',
    timeZone: 'Europe/Oslo',
    defaultLocale: 'nb',
    published: true,
  });
  const [design, data] = [
    await build.track(c.filters, { slug: 'design', name: 'Design' }),
    await build.track(c.filters, { slug: 'data', name: 'Data' }),
  ];
  const [hall, lab] = [
    await build.room(c.filters, { slug: 'hall', name: 'Hall' }),
    await build.room(c.filters, { slug: 'lab', name: 'Lab' }),
  ];
  const ada = await build.speaker({ slug: 'ada-filter', name: 'Ada Filter' });
  const bo = await build.speaker({ slug: 'bo-filter', name: 'Bo Filter' });
  const day1 = (time: string) => DateTime.fromISO(`2030-05-01T${time}`, { zone: 'Europe/Oslo' }).toISO()!;
  const day2 = (time: string) => DateTime.fromISO(`2030-05-02T${time}`, { zone: 'Europe/Oslo' }).toISO()!;
  s.f1 = await build.session(c.filters, {
    title: { sv: 'Design för alla', en: 'Design for all' },
    language: 'sv',
    track: design,
    room: hall,
    startsAt: day1('09:00'),
    speakers: [ada],
    published: true,
  });
  s.f2 = await build.session(c.filters, {
    title: { sv: 'Data och design' },
    language: 'sv',
    track: design,
    room: lab,
    format: 'PANEL',
    startsAt: day1('10:00'),
    speakers: [bo],
    published: true,
  });
  s.f3 = await build.session(c.filters, {
    title: { nb: 'Data i praksis' },
    language: 'nb',
    track: data,
    room: hall,
    startsAt: day2('09:00'),
    speakers: [ada, bo],
    published: true,
  });
  s.f4 = await build.session(c.filters, {
    title: { en: 'Design systems' },
    language: 'en',
    track: design,
    room: hall,
    startsAt: day2('11:00'),
    published: true,
  });
  s.cancelled = await build.session(c.filters, {
    title: { nb: 'Avlyst foredrag' },
    language: 'nb',
    track: data,
    room: lab,
    startsAt: day2('10:00'),
    published: true,
  });
  await lectern.ok(`mutation ($id: ID!) { cancelSession(id: $id) { id } }`, { id: s.cancelled.id }, { as: 'organiser' });
  s.draft = await build.session(c.filters, { title: { nb: DRAFT_SESSION }, track: design, startsAt: day1('12:00'), speakers: [ada] });
  s.unpublished = await build.session(c.filters, {
    title: { nb: UNPUBLISHED_SESSION },
    track: design,
    startsAt: day1('13:00'),
    published: true,
  });
  await lectern.ok(`mutation ($id: ID!) { unpublishSession(id: $id) { id } }`, { id: s.unpublished.id }, { as: 'organiser' });

  // Hostile texts everywhere a page writes them.
  c.hostile = await build.conference({
    slug: 'hostile',
    name: `Evil ${HOSTILE_SCRIPT} ${HOSTILE_ATTR}`,
    city: HOSTILE_ATTR,
    published: true,
  });
  const evilTrack = await build.track(c.hostile, { name: `Track ${HOSTILE_SCRIPT}` });
  const evilRoom = await build.room(c.hostile, { name: `Room ${HOSTILE_ATTR}` });
  const evilSpeaker = await build.speaker({ name: `Mallory ${HOSTILE_ATTR}`, bio: { en: `Bio ${HOSTILE_SCRIPT} **bold**` } });
  s.hostile = await build.session(c.hostile, {
    title: { en: `Title ${HOSTILE_JSON} ${HOSTILE_ATTR}` },
    abstract: { en: `**bold** ${HOSTILE_SCRIPT} <img src=x onerror=alert(1)> [x](javascript:alert(1))` },
    track: evilTrack,
    room: evilRoom,
    speakers: [{ speaker: evilSpeaker, title: HOSTILE_SCRIPT, organisation: HOSTILE_ATTR }],
    published: true,
  });

  // Both sides of the end of summer time in Stockholm; and New York.
  c.dst = await build.conference({
    slug: 'dst-2020',
    startDate: '2020-10-24',
    endDate: '2020-10-26',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'en',
    published: true,
  });
  s.summer = await build.session(c.dst, { title: { en: 'Summer time' }, startsAt: '2020-10-24T08:00:00Z', published: true });
  s.winter = await build.session(c.dst, { title: { en: 'Winter time' }, startsAt: '2020-10-26T09:00:00Z', published: true });
  c.ny = await build.conference({ slug: 'new-york-2030', startDate: '2030-05-01', timeZone: 'America/New_York', published: true });
  s.ny = await build.session(c.ny, { title: { en: 'Morning in New York' }, startsAt: '2030-05-01T10:00:00-04:00', published: true });

  // Languages: the conference writes Norwegian; one title only in Swedish.
  c.lang = await build.conference({ slug: 'sprak', name: 'Språkdagen', defaultLocale: 'nb', timeZone: 'Europe/Oslo', published: true });
  s.swedishOnly = await build.session(c.lang, { title: { sv: 'Bara på svenska' }, language: 'sv', published: true });
  s.everyLanguage = await build.session(c.lang, { title: { en: 'In English', sv: 'På svenska', nb: 'På norsk' }, published: true });

  // Caching: two conferences, changed one at a time.
  c.cacheA = await build.conference({ slug: 'cache-a', published: true });
  s.cacheA = await build.session(c.cacheA, { title: { en: 'Before the change' }, published: true });
  c.cacheB = await build.conference({ slug: 'cache-b', published: true });
  s.cacheB = await build.session(c.cacheB, { title: { en: 'Elsewhere' }, published: true });
});
afterAll(() => lectern.close());

describe('the home page', () => {
  it('lists published conferences only, upcoming first, with dates, city, languages and links', async () => {
    const { root } = await ok('/?lang=en');
    const items = elements(root).filter((node) => node.tagName === 'li' && byTag(node, 'h3').length > 0);
    const names = items.map((li) => text(byTag(li, 'a')[0]));
    expect(names).toContain('Framtidsdagarna 2099');
    expect(names).toContain('Gamla dagarna 2019');
    expect(names).not.toContain(DRAFT_CONFERENCE);
    expect(visibleText(body(root))).not.toContain(DRAFT_CONFERENCE);
    // Upcoming before past.
    expect(names.indexOf('Framtidsdagarna 2099')).toBeLessThan(names.indexOf('Gamla dagarna 2019'));
    const upcomingSection = byTag(root, 'section').find((section) => byAttr(section, 'id', 'upcoming').length)!;
    expect(byTag(upcomingSection, 'a').map(text)).toContain('Framtidsdagarna 2099');
    expect(byTag(upcomingSection, 'a').map(text)).not.toContain('Gamla dagarna 2019');

    const future = items.find((li) => text(byTag(li, 'a')[0]) === 'Framtidsdagarna 2099')!;
    expect(attr(byTag(future, 'a')[0], 'href')).toBe(`/${c.upcoming.slug}?lang=en`);
    const facts = text(byClass(future, 'facts')[0]);
    expect(facts).toContain('2099');
    expect(facts).toContain('June');
    expect(facts).toContain('Göteborg');
    expect(facts).toContain('Swedish');
    expect(facts).toContain('English');

    const footer = byTag(root, 'footer')[0];
    expect(byTag(footer, 'a').map((a) => attr(a, 'href')!.split('?')[0])).toContain('/developers');
  });
});

describe('pages that are not public', () => {
  const notFound = async (path: string) => {
    const { response, root } = await page(path);
    expect([path, response.status]).toEqual([path, 404]);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(byTag(root, 'html')).toHaveLength(1);
    return visibleText(root);
  };

  it('answer 404 as HTML pages that are never kept', async () => {
    const unknown = 'no-such-conference';
    const paths = [
      `/${unknown}`,
      `/${unknown}/sessions/1`,
      `/${unknown}/speakers`,
      `/${unknown}/agenda`,
      `/${c.draft.slug}`,
      `/${c.draft.slug}?view=grid`,
      `/${c.draft.slug}/sessions/${rowId(s.inDraft.id)}`,
      `/${c.draft.slug}/speakers`,
      `/${c.draft.slug}/agenda`,
      `/${c.filters.slug}/sessions/999999`,
      `/${c.filters.slug}/sessions/${rowId(s.draft.id)}`,
      `/${c.filters.slug}/sessions/${rowId(s.unpublished.id)}`,
      // A session of another conference, under this conference's address.
      `/${c.filters.slug}/sessions/${rowId(s.ny.id)}`,
      '/speakers/nobody-at-all',
      '/interviews/no-such-interview',
    ];
    for (const path of paths) {
      const shown = await notFound(path);
      expect(shown).not.toContain(DRAFT_CONFERENCE);
      expect(shown).not.toContain(DRAFT_SESSION);
    }
  });

  it("never show a draft's title on a public page", async () => {
    const paths = [
      '/',
      '/?lang=sv',
      `/${c.filters.slug}`,
      `/${c.filters.slug}?view=grid`,
      `/${c.filters.slug}/speakers`,
      '/speakers/ada-filter',
      `/${c.filters.slug}?text=Utkast`,
    ];
    for (const path of paths) {
      const { html } = await ok(path);
      for (const secret of [DRAFT_CONFERENCE, DRAFT_SESSION, UNPUBLISHED_SESSION])
        expect([path, html.includes(secret)]).toEqual([path, false]);
    }
  });
});

describe('hostile texts', () => {
  const checkNoInjection = (root: HtmlNode) => {
    for (const script of byTag(root, 'script')) {
      const own = attr(script, 'src')?.startsWith('/assets/site.js') || attr(script, 'type') === 'application/ld+json';
      expect([attr(script, 'src'), attr(script, 'type'), own]).toEqual([attr(script, 'src'), attr(script, 'type'), true]);
    }
    for (const node of elements(root))
      for (const a of node.attrs ?? []) expect(a.name.startsWith('on') ? `${node.tagName} ${a.name}` : null).toBeNull();
    expect(byTag(body(root), 'img').filter((img) => attr(img, 'src') === 'x')).toEqual([]);
    for (const a of byTag(root, 'a')) expect(attr(a, 'href') ?? '').not.toMatch(/^javascript:/i);
  };

  it('are written as text on the programme, session, speakers and speaker pages, and JSON-LD holds them verbatim', async () => {
    const sessionPath = `/${c.hostile.slug}/sessions/${rowId(s.hostile.id)}?lang=en`;
    for (const path of [
      '/?lang=en',
      `/${c.hostile.slug}?lang=en`,
      `/${c.hostile.slug}?view=grid&lang=en`,
      sessionPath,
      `/${c.hostile.slug}/speakers?lang=en`,
    ]) {
      const { root } = await ok(path);
      checkNoInjection(root);
      const shown = visibleText(body(root));
      expect(shown).toContain(`Evil ${HOSTILE_SCRIPT} ${HOSTILE_ATTR}`);
    }
    const { root } = await ok(sessionPath);
    const shown = visibleText(body(root));
    expect(text(byTag(root, 'h1')[0])).toContain(`Title ${HOSTILE_JSON} ${HOSTILE_ATTR}`);
    expect(shown).toContain(`Track ${HOSTILE_SCRIPT}`);
    expect(shown).toContain(`Room ${HOSTILE_ATTR}`);
    expect(shown).toContain(`Mallory ${HOSTILE_ATTR}`);
    expect(shown).toContain(HOSTILE_SCRIPT); // the abstract's raw HTML, as text
    expect(text(byTag(root, 'title')[0])).toContain(`Title ${HOSTILE_JSON}`);
    const [event] = jsonLd(root);
    expect(event.name).toBe(`Title ${HOSTILE_JSON} ${HOSTILE_ATTR}`);
    expect(event.performer[0].name).toBe(`Mallory ${HOSTILE_ATTR}`);

    const speakerSlug = attr(byTag(byClass(root, 'people')[0], 'a')[0], 'href')!
      .split('?')[0]
      .replace('/speakers/', '');
    const speaker = await ok(`/speakers/${speakerSlug}?lang=en`);
    checkNoInjection(speaker.root);
    expect(visibleText(body(speaker.root))).toContain(`Bio ${HOSTILE_SCRIPT}`);
    expect(byTag(byClass(speaker.root, 'rich-text')[0], 'strong').map(text)).toEqual(['bold']);
  });
});

describe('filters', () => {
  const slug = () => c.filters.slug;
  const feedIds = async (query: string) => {
    const response = await fetch(`${lectern.url}/calendars/conferences/${slug()}.ics${query}`);
    expect(response.status).toBe(200);
    return feedSessionIds(await response.text()).sort();
  };

  it.each([
    ['', null],
    ['?track=design', 3],
    ['?language=sv', 2],
    ['?text=design', null],
    ['?day=2030-05-02', 3],
    ['?format=PANEL', 1],
    ['?room=lab', 2],
    ['?speaker=bo-filter', 2],
    ['?track=design&language=sv&day=2030-05-01', 2],
    ['?track=design&room=hall&speaker=ada-filter', 1],
    ['?track=data&language=nb&text=data&day=2030-05-02&format=TALK&room=hall&speaker=bo-filter', 1],
  ])('%s shows exactly what the feed with the same query has', async (query, count) => {
    const { root } = await ok(`/${slug()}${query}`);
    const shown = listed(root).sort();
    expect(shown).toEqual(await feedIds(query));
    if (count !== null) expect(shown).toHaveLength(count);
    expect(shown).not.toContain(String(rowId(s.draft.id)));
    // The subscribe link carries the same filter; one track or one room alone is that track's or room's own feed.
    const webcal = hrefs(root).find((href) => href.startsWith('webcal:'))!;
    const subscribed = new URL(webcal.replace(/^webcal:/, 'https:'));
    const wanted = new URLSearchParams(query);
    const [only] = [...wanted.keys()];
    if (wanted.size === 1 && (only === 'track' || only === 'room')) {
      const part = only === 'track' ? 'tracks' : 'rooms';
      expect(subscribed.pathname).toBe(`/calendars/conferences/${slug()}/${part}/${wanted.get(only)}.ics`);
      expect([...subscribed.searchParams.keys()]).toEqual(['locale']);
      return;
    }
    expect(subscribed.pathname).toBe(`/calendars/conferences/${slug()}.ics`);
    for (const [name, value] of wanted) expect([name, subscribed.searchParams.getAll(name)]).toEqual([name, [value]]);
    for (const name of subscribed.searchParams.keys()) expect(['locale', ...wanted.keys()]).toContain(name);
  });

  it('reads empty form values as no filter', async () => {
    const all = listed((await ok(`/${slug()}`)).root).sort();
    const empty = listed((await ok(`/${slug()}?track=&language=&text=&day=&format=&room=&speaker=`)).root).sort();
    expect(empty).toEqual(all);
    expect(all).toHaveLength(5);
    const one = listed((await ok(`/${slug()}?track=&room=lab`)).root).sort();
    expect(one).toEqual([String(rowId(s.f2.id)), String(rowId(s.cancelled.id))].sort());
  });

  it.each([
    ['day=2020-13-01', 'day'],
    ['track=Not a slug', 'track'],
    ['view=table', 'view'],
    ['lang=de', 'lang'],
    ['foo=1', 'foo'],
  ])('answers 400 naming the parameter for ?%s, as a page', async (query, name) => {
    const { response, root } = await page(`/${slug()}?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(text(byClass(root, 'error-message')[0])).toContain(name);
  });

  it('answers 400 for an unknown parameter on the other pages too', async () => {
    for (const path of ['/?foo=1', `/${slug()}/speakers?foo=1`, `/${slug()}/sessions/${s.f1.id}?foo=1`, '/speakers/ada-filter?foo=1']) {
      const { response, root } = await page(path);
      expect([path, response.status]).toEqual([path, 400]);
      expect(text(byClass(root, 'error-message')[0])).toContain('foo');
    }
  });
});

describe('cancelled sessions', () => {
  it('stay in the list and the grid, marked cancelled, with no star', async () => {
    for (const [language, catalogue] of [
      ['en', en],
      ['nb', nb],
      ['sv', sv],
    ] as const) {
      const { root } = await ok(`/${c.filters.slug}?lang=${language}`);
      const item = bySelector(root, 'li', 'session').find((li) => attr(li, 'data-session') === String(rowId(s.cancelled.id)))!;
      expect(item).toBeDefined();
      expect(classes(item)).toContain('cancelled');
      expect(text(byClass(item, 'cancelled-badge')[0]).trim()).toBe(catalogue.session.cancelled);
      expect(byTag(item, 'form')).toEqual([]);
      const other = bySelector(root, 'li', 'session').find((li) => attr(li, 'data-session') === String(rowId(s.f1.id)))!;
      expect(byTag(other, 'form')).toHaveLength(1);
    }
    const grid = (await ok(`/${c.filters.slug}?view=grid&lang=en`)).root;
    const cell = byTag(grid, 'td').find((td) =>
      byTag(td, 'a').some((a) => attr(a, 'href')!.startsWith(`/${c.filters.slug}/sessions/${rowId(s.cancelled.id)}`)),
    )!;
    expect(cell).toBeDefined();
    expect(classes(cell)).toContain('cancelled');
    expect(text(byClass(cell, 'cancelled-badge')[0]).trim()).toBe(en.session.cancelled);
    const session = (await ok(`/${c.filters.slug}/sessions/${rowId(s.cancelled.id)}?lang=en`)).root;
    expect(text(byClass(session, 'cancelled-badge')[0]).trim()).toBe(en.session.cancelled);
    expect(byClass(session, 'star')).toEqual([]);
  });
});

describe('time zones', () => {
  const whenOf = (root: HtmlNode, id: string) => {
    const item = bySelector(root, 'li', 'session').find((li) => attr(li, 'data-session') === id)!;
    const [start] = byTag(item, 'time');
    return { clock: text(start), datetime: attr(start, 'datetime')!, zone: text(byClass(item, 'zone')[0]) };
  };

  it.each(['en', 'sv', 'nb'])(
    'shows local times on both sides of the end of summer time, each with its exact instant (lang=%s)',
    async (language) => {
      const { root } = await ok(`/${c.dst.slug}?lang=${language}`);
      const summer = whenOf(root, String(rowId(s.summer.id)));
      const winter = whenOf(root, String(rowId(s.winter.id)));
      expect([summer.clock, summer.zone]).toEqual(['10:00', 'CEST']);
      expect([winter.clock, winter.zone]).toEqual(['10:00', 'CET']);
      expect(new Date(summer.datetime).toISOString()).toBe('2020-10-24T08:00:00.000Z');
      expect(new Date(winter.datetime).toISOString()).toBe('2020-10-26T09:00:00.000Z');
    },
  );

  it.each(['en', 'sv', 'nb'])("shows another conference's times in its own zone (lang=%s)", async (language) => {
    const { root } = await ok(`/${c.ny.slug}?lang=${language}`);
    const ny = whenOf(root, String(rowId(s.ny.id)));
    expect([ny.clock, ny.zone]).toEqual(['10:00', 'EDT']);
    expect(new Date(ny.datetime).toISOString()).toBe('2030-05-01T14:00:00.000Z');
    expect(attr(byClass(root, 'zone-note')[0], 'data-conference-zone')).toBe('America/New_York');
  });
});

describe('languages', () => {
  const catalogues = { en, sv, nb } as const;

  it.each(['sv', 'nb', 'en'] as const)('?lang=%s sets the page language and its interface texts', async (language) => {
    const { root, response } = await ok(`/${c.lang.slug}?lang=${language}`);
    const catalogue = catalogues[language];
    expect(attr(byTag(root, 'html')[0], 'lang')).toBe(language);
    expect(response.headers.get('content-language')).toBe(language);
    expect(text(byTag(root, 'label').find((label) => attr(label, 'for') === 'filter-track')!)).toBe(catalogue.filter.track);
    expect(text(bySelector(root, 'button', 'primary')[0])).toBe(catalogue.filter.apply);
    expect(text(byClass(root, 'subscribe-title')[0])).toBe(catalogue.subscribe.title);
    expect(byTag(byTag(root, 'header')[0], 'a').map(text)).toContain(catalogue.layout.speakers);
    // Every link of the site keeps the language.
    // Every link but the language switch's (whose links lead to the other languages).
    const switcher = byClass(root, 'languages')[0];
    expect(
      byTag(switcher, 'a')
        .map((a) => new URL(attr(a, 'href')!, 'http://x').searchParams.get('lang'))
        .sort(),
    ).toEqual(['en', 'nb', 'sv'].filter((other) => other !== language));
    const own = byTag(root, 'a')
      .filter((a) => !byTag(switcher, 'a').includes(a))
      .map((a) => attr(a, 'href')!)
      .filter((href) => href.startsWith('/') && !href.startsWith('/assets/'));
    expect(own.length).toBeGreaterThan(5);
    for (const href of own) expect([href, new URL(href, 'http://x').searchParams.get('lang')]).toEqual([href, language]);
    expect(byTag(byClass(root, 'filters')[0], 'input').find((input) => attr(input, 'name') === 'lang')).toBeDefined();
  });

  it('follows Accept-Language without ?lang, then the conference default, and says it varies', async () => {
    const norwegian = await ok(`/${c.lang.slug}`, { 'accept-language': 'nb-NO' });
    expect(attr(byTag(norwegian.root, 'html')[0], 'lang')).toBe('nb');
    expect(norwegian.response.headers.get('content-language')).toBe('nb');
    expect(norwegian.response.headers.get('vary') ?? '').toMatch(/accept-language/i);
    const swedish = await ok(`/${c.lang.slug}`, { 'accept-language': 'sv-SE,sv;q=0.9' });
    expect(attr(byTag(swedish.root, 'html')[0], 'lang')).toBe('sv');
    const german = await ok(`/${c.lang.slug}`, { 'accept-language': 'de' });
    expect(attr(byTag(german.root, 'html')[0], 'lang')).toBe('nb');
    expect(german.response.headers.get('content-language')).toBe('nb');
    expect(german.response.headers.get('vary') ?? '').toMatch(/accept-language/i);
    const englishHome = await ok('/', { 'accept-language': 'de' });
    expect(englishHome.response.headers.get('content-language')).toBe('en');
    // Two languages from one address: not one copy for both.
    expect(norwegian.response.headers.get('etag')).not.toBe(swedish.response.headers.get('etag'));
  });

  it('links the page in en, sv and nb', async () => {
    for (const path of [`/${c.lang.slug}`, `/${c.lang.slug}/sessions/${rowId(s.everyLanguage.id)}?lang=sv`, '/']) {
      const { root } = await ok(path);
      const alternates = byTag(root, 'link').filter((link) => attr(link, 'rel') === 'alternate');
      expect(alternates.map((link) => attr(link, 'hreflang')).sort()).toEqual(['en', 'nb', 'sv']);
      for (const link of alternates) {
        const href = new URL(attr(link, 'href')!);
        expect(href.pathname).toBe(path.split('?')[0]);
        expect(href.searchParams.get('lang')).toBe(attr(link, 'hreflang'));
      }
    }
  });

  it('shows a title that exists only in Swedish in Swedish, marked so, on an English page', async () => {
    for (const path of [`/${c.lang.slug}?lang=en`, `/${c.lang.slug}/sessions/${rowId(s.swedishOnly.id)}?lang=en`]) {
      const { root } = await ok(path);
      const title = elements(root).find((node) => attr(node, 'lang') === 'sv' && text(node).startsWith('Bara på svenska'))!;
      expect(title).toBeDefined();
      expect(text(byClass(title, 'other-language')[0])).toContain(en.content.inLanguage.replace('{{language}}', 'Swedish'));
    }
    const { root } = await ok(`/${c.lang.slug}?lang=en`);
    const item = bySelector(root, 'li', 'session').find((li) => attr(li, 'data-session') === String(rowId(s.everyLanguage.id)))!;
    expect(text(byClass(item, 'title')[0])).toBe('In English');
    expect(byClass(item, 'other-language')).toEqual([]);
  });
});

describe('caching', () => {
  it('answers the same strong ETag, 304 to If-None-Match, and a new page after a change of its own conference only', async () => {
    const path = `/${c.cacheA.slug}?lang=en`;
    const other = `/${c.cacheB.slug}?lang=en`;
    const first = await ok(path);
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.response.headers.get('cache-control')).toMatch(/^public/);
    const second = await ok(path);
    expect(second.response.headers.get('etag')).toBe(etag);
    const notModified = await fetch(`${lectern.url}${path}`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    const otherEtag = (await ok(other)).response.headers.get('etag');

    await lectern.ok(
      `mutation ($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id } }`,
      { id: s.cacheA.id, input: { title: [{ locale: 'en', text: 'After the change' }] } },
      { as: 'organiser' },
    );
    const changed = await ok(path);
    expect(visibleText(body(changed.root))).toContain('After the change');
    expect(visibleText(body(changed.root))).not.toContain('Before the change');
    expect(changed.response.headers.get('etag')).not.toBe(etag);
    const stale = await fetch(`${lectern.url}${path}`, { headers: { 'if-none-match': etag } });
    expect(stale.status).toBe(200);
    const session = await ok(`/${c.cacheA.slug}/sessions/${rowId(s.cacheA.id)}?lang=en`);
    expect(text(byTag(session.root, 'h1')[0])).toBe('After the change');

    // Only the changed conference's pages changed.
    expect((await ok(other)).response.headers.get('etag')).toBe(otherEtag);
  });
});
