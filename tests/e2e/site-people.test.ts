/**
 * The public site's session, speaker and interview pages, stars without JavaScript, and the pages'
 * CSP, over real HTTP, on the demo programme and on parts built for what they show. The programme
 * pages (filters, grid, languages, caching) are in site-pages.test.ts.
 */
import ICAL from 'ical.js';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import en from '../../src/site/catalogues/en.json';
import {
  attr,
  body,
  byAttr,
  byClass,
  byTag,
  bySelector,
  elements,
  hrefs,
  jsonLd,
  meta,
  parseHtml,
  text,
  visibleText,
} from '../support/html';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, InterviewRef, programmeBuilder, SessionRef, SpeakerRef } from '../support/programme';

let lectern: Lectern;
let talks: ConferenceRef;
let other: ConferenceRef;
let draftConference: ConferenceRef;
let talk: SessionRef;
let second: SessionRef;
let draftSession: SessionRef;
let inDraftConference: SessionRef;
let elsewhere: SessionRef;
let ingrid: SpeakerRef;
let nils: SpeakerRef;
let interview: InterviewRef;
let draftInterview: InterviewRef;

const STARTS = '2030-09-10T07:30:00Z'; // 09:30 CEST

async function page(path: string, init: RequestInit = {}) {
  const response = await fetch(`${lectern.url}${path}`, { redirect: 'manual', ...init });
  const html = await response.text();
  return { response, html, root: parseHtml(html) };
}

async function ok(path: string, init: RequestInit = {}) {
  const found = await page(path, init);
  expect([path, found.response.status]).toEqual([path, 200]);
  expect(found.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return found;
}

/** A served address of Lectern (written with PUBLIC_BASE_URL) fetched from the test server. */
const local = (address: string) => {
  const url = new URL(address.replace(/^webcal:/, 'https:'));
  return `${lectern.url}${url.pathname}${url.search}`;
};

beforeAll(async () => {
  lectern = await startLectern();
  await lectern.app.get(DemoLoader).load();
  const build = programmeBuilder(lectern);
  talks = await build.conference({
    slug: 'talks-2030',
    name: 'Talks 2030',
    startDate: '2030-09-10',
    endDate: '2030-09-11',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'en',
    city: 'Uppsala',
    published: true,
  });
  other = await build.conference({ slug: 'other-2030', name: 'Other 2030', published: true });
  draftConference = await build.conference({ slug: 'draft-2030', name: 'Draft 2030' });
  const stage = await build.room(talks, { slug: 'stage', name: 'Stage', streamUrl: 'https://stream.example.org/stage' });
  const track = await build.track(talks, { slug: 'ux', name: 'User experience' });
  ingrid = await build.speaker({
    slug: 'ingrid-lind',
    name: 'Ingrid Lind',
    photoUrl: 'https://images.example.org/ingrid.jpg',
    photoAlt: { en: 'Ingrid Lind on stage', sv: 'Ingrid Lind på scen' },
    bio: { en: 'Ingrid builds **accessible** services.', sv: 'Ingrid bygger **tillgängliga** tjänster.' },
  });
  nils = await build.speaker({ slug: 'nils-berg', name: 'Nils Berg' });
  talk = await build.session(talks, {
    title: { en: 'Designing for everyone', sv: 'Design för alla' },
    abstract: { en: 'A talk about **bold** ideas.\n\n<b onclick="x()">raw</b> and <em>more</em>', sv: 'Ett föredrag om **djärva** idéer.' },
    format: 'WORKSHOP',
    language: 'en',
    room: stage,
    track,
    startsAt: STARTS,
    endsAt: '2030-09-10T08:15:00Z',
    speakers: [
      { speaker: ingrid, title: 'designer', organisation: 'Studio Lind' },
      { speaker: nils, role: 'MODERATOR' },
    ],
    published: true,
  });
  second = await build.session(talks, { title: { en: 'Second talk' }, startsAt: '2030-09-11T08:00:00Z', published: true });
  draftSession = await build.session(talks, { title: { en: 'Not yet public' } });
  inDraftConference = await build.session(draftConference, { title: { en: 'In a draft conference' }, published: true });
  elsewhere = await build.session(other, {
    title: { en: 'At another conference' },
    speakers: [{ speaker: ingrid, title: 'lecturer', organisation: 'Uppsala University' }],
    published: true,
  });
  interview = await build.interview(talks, {
    slug: 'three-questions-ingrid-nils',
    session: talk,
    speakers: [ingrid, nils],
    title: 'Three questions',
    language: 'en',
    published: true,
    items: [
      { question: 'First question?', answer: 'First **answer**.', answeredBy: ingrid },
      { question: 'Second question?', answer: 'Second answer.', answeredBy: nils },
      { question: 'Third question?', answer: 'Third answer.', answeredBy: ingrid, askedBy: 'Someone in the audience' },
    ],
  });
  draftInterview = await build.interview(talks, {
    slug: 'draft-interview',
    session: talk,
    speakers: [ingrid],
    title: 'Draft interview words',
    items: [{ question: 'Q?', answer: 'A.' }],
  });
});
afterAll(() => lectern.close());

describe('the session page', () => {
  const path = () => `/${talks.slug}/sessions/${rowId(talk.id)}?lang=en`;

  it('shows title, Markdown abstract, time with zone, room and stream, track, format, language and speakers', async () => {
    const { root } = await ok(path());
    expect(text(byTag(root, 'h1')[0])).toBe('Designing for everyone');
    const abstract = byClass(root, 'abstract')[0];
    expect(byTag(abstract, 'strong').map(text)).toEqual(['bold']);
    // Raw HTML in Markdown is text, not elements.
    expect(byTag(abstract, 'b')).toEqual([]);
    expect(byTag(abstract, 'em')).toEqual([]);
    expect(text(abstract)).toContain('<b onclick="x()">raw</b>');
    const facts = byClass(root, 'facts-list')[0];
    const value = (label: string) => {
      const children = elements(facts).filter((node) => node.tagName === 'dt' || node.tagName === 'dd');
      const index = children.findIndex((node) => node.tagName === 'dt' && text(node) === label);
      return children[index + 1];
    };
    const when = value(en.session.when);
    expect(text(when)).toContain('09:30');
    expect(text(when)).toContain('10:15');
    expect(text(byClass(when, 'zone')[0])).toBe('CEST');
    expect(new Date(attr(byTag(when, 'time')[0], 'datetime')!).toISOString()).toBe(new Date(STARTS).toISOString());
    const room = value(en.session.room);
    expect(text(room)).toContain('Stage');
    // The room leads to its view of the programme, then to its stream.
    expect(new URL(attr(byTag(room, 'a')[0], 'href')!, lectern.url).searchParams.get('room')).toBe('stage');
    expect(attr(byTag(room, 'a')[1], 'href')).toBe('https://stream.example.org/stage');
    expect(text(byTag(room, 'a')[1])).toBe(en.session.stream);
    expect(text(value(en.session.track))).toBe('User experience');
    expect(text(value(en.session.format))).toBe(en.format.WORKSHOP);
    expect(text(value(en.session.language))).toBe('English');
    const people = byClass(root, 'people')[0];
    const [first, moderator] = byClass(people, 'person');
    expect(text(byTag(first, 'a')[0])).toBe('Ingrid Lind');
    expect(text(byClass(first, 'affiliation')[0])).toBe('designer, Studio Lind');
    const [photo] = byTag(first, 'img');
    expect([attr(photo, 'src'), attr(photo, 'alt')]).toEqual(['https://images.example.org/ingrid.jpg', 'Ingrid Lind on stage']);
    expect(text(byTag(moderator, 'a')[0])).toBe('Nils Berg');
    expect(text(byClass(moderator, 'role')[0])).toBe(en.role.MODERATOR);
    // The published interview about it, not the draft.
    const interviews = byTag(root, 'section').find((section) => byAttr(section, 'id', 'interviews').length)!;
    expect(byTag(interviews, 'a').map((a) => attr(a, 'href'))).toEqual([`/interviews/${interview.slug}?lang=en`]);
    expect(visibleText(body(root))).not.toContain('Draft interview words');
  });

  it("answers 404 for another conference's session under this conference's address", async () => {
    const { response } = await page(`/${talks.slug}/sessions/${rowId(elsewhere.id)}`);
    expect(response.status).toBe(404);
    await ok(`/${other.slug}/sessions/${rowId(elsewhere.id)}`);
  });

  it('shows the abstract in the reader language', async () => {
    const { root } = await ok(`/${talks.slug}/sessions/${rowId(talk.id)}?lang=sv`);
    expect(text(byTag(root, 'h1')[0])).toBe('Design för alla');
    expect(byTag(byClass(root, 'abstract')[0], 'strong').map(text)).toEqual(['djärva']);
    expect(attr(byClass(root, 'abstract')[0], 'lang')).toBe('sv');
  });

  it('has subscribe and add-once links that work', async () => {
    const { root } = await ok(path());
    const links = hrefs(byClass(root, 'subscribe')[0]);
    const webcal = links.find((href) => href.startsWith('webcal:'))!;
    expect(new URL(webcal.replace(/^webcal:/, 'https:')).pathname).toBe(`/calendars/sessions/${rowId(talk.id)}.ics`);
    const feed = await fetch(local(webcal));
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([new Date(STARTS).toISOString()]);

    const google = links.find((href) => href.startsWith('https://calendar.google.com/') && new URL(href).searchParams.has('cid'))!;
    expect(new URL(google).searchParams.get('cid')).toBe(webcal);
    for (const host of ['outlook.live.com', 'outlook.office.com']) {
      const subscribe = links.find((href) => href.startsWith(`https://${host}/calendar/0/addfromweb`))!;
      const address = new URL(subscribe).searchParams.get('url')!;
      expect(address.replace(/^https?:/, 'webcal:')).toBe(webcal);
      expect(new URL(subscribe).searchParams.get('name')).toBe('Designing for everyone');
    }
    const download = links.find((href) => new URL(href.replace(/^webcal:/, 'https:')).searchParams.get('download') === '1')!;
    const downloaded = await fetch(local(download));
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-disposition')).toMatch(/^attachment/);

    // Add once: one-off events at Google, Outlook.com and Office 365.
    const once = [...links].filter(
      (href) => !href.startsWith('webcal:') && !href.includes('addfromweb') && !href.includes('cid=') && !href.includes('download=1'),
    );
    const hosts = once.map((href) => new URL(href).host).sort();
    expect(hosts).toEqual(['calendar.google.com', 'outlook.live.com', 'outlook.office.com']);
    const googleEvent = new URL(once.find((href) => href.includes('calendar.google.com'))!);
    expect(googleEvent.searchParams.get('text')).toBe('Designing for everyone');
  });

  it('has JSON-LD, Open Graph, a description and a title', async () => {
    const { root } = await ok(path());
    const [event] = jsonLd(root);
    expect(event['@type']).toBe('Event');
    expect(new Date(event.startDate).toISOString()).toBe(new Date(STARTS).toISOString());
    expect(event.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    const locations = [event.location].flat();
    expect(locations.map((location: any) => location['@type']).sort()).toEqual(['Place', 'VirtualLocation']);
    expect(locations.find((location: any) => location['@type'] === 'VirtualLocation').url).toBe('https://stream.example.org/stage');
    expect(event.performer.map((person: any) => person.name)).toEqual(['Ingrid Lind', 'Nils Berg']);
    expect(text(byTag(root, 'title')[0])).toBe('Designing for everyone – Talks 2030');
    expect(meta(root, 'og:title')).toBe('Designing for everyone – Talks 2030');
    expect(meta(root, 'og:type')).toBe('article');
    expect(meta(root, 'description')).toContain('A talk about');
    // A session without a stream is attended in person.
    const [plain] = jsonLd((await ok(`/${talks.slug}/sessions/${rowId(second.id)}?lang=en`)).root);
    expect(plain.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
  });

  it('gives each appearance of one person the title they had then (the demo)', async () => {
    const speaker = await ok('/speakers/erik-sandstrom?lang=sv');
    const sessionLinks = byTag(byClass(speaker.root, 'sessions')[0], 'a').filter((a) => attr(a, 'href')!.includes('/sessions/'));
    expect(sessionLinks).toHaveLength(2);
    const seen: Record<string, string> = {};
    for (const link of sessionLinks) {
      const { root } = await ok(attr(link, 'href')!);
      const person = byClass(byClass(root, 'people')[0], 'person').find((li) => text(byTag(li, 'a')[0]) === 'Erik Sandström')!;
      seen[attr(link, 'href')!.split('/')[1]] = text(byClass(person, 'affiliation')[0]);
    }
    expect(seen).toEqual({
      'digstrat-2018': 'digitaliseringsdirektör, Arbetsförmedlingen',
      'umea-jobbhackathon-2016': 'chef för avdelningen för digitala tjänster, Arbetsförmedlingen',
    });
  });

  it('shows the stream and links the interview of an online demo session', async () => {
    const programme = await ok('/internetdagarna-2020?lang=sv');
    const [item] = bySelector(programme.root, 'li', 'session');
    const { root } = await ok(attr(byTag(byClass(item, 'title')[0], 'a')[0], 'href')!);
    expect(hrefs(root)).toContain('https://internetdagarna.se');
    expect(hrefs(root)).toContain('/interviews/fem-fragor-till-gregory-golding?lang=sv');
    expect(jsonLd(root)[0].eventAttendanceMode).not.toBe('https://schema.org/OfflineEventAttendanceMode');
  });
});

describe('speakers and interviews', () => {
  it("shows a person across conferences with each appearance's own title and organisation", async () => {
    const { root } = await ok('/speakers/ingrid-lind?lang=en');
    expect(text(byTag(root, 'h1')[0])).toBe('Ingrid Lind');
    const items = byTag(byClass(root, 'sessions')[0], 'li');
    const byConference = Object.fromEntries(
      items.map((li) => [text(byTag(byClass(li, 'facts')[0], 'a')[0]), text(byClass(li, 'affiliation')[0])]),
    );
    expect(byConference).toEqual({ 'Talks 2030': 'designer, Studio Lind', 'Other 2030': 'lecturer, Uppsala University' });
    expect(visibleText(body(root))).not.toContain('Not yet public');
  });

  it("writes the bio in the reader's language", async () => {
    const english = await ok('/speakers/ingrid-lind?lang=en');
    expect(text(byClass(english.root, 'rich-text')[0])).toBe('Ingrid builds accessible services.\n');
    expect(byTag(byClass(english.root, 'rich-text')[0], 'strong').map(text)).toEqual(['accessible']);
    const swedish = await ok('/speakers/ingrid-lind?lang=sv');
    expect(attr(byClass(swedish.root, 'rich-text')[0], 'lang')).toBe('sv');
    expect(text(byClass(swedish.root, 'rich-text')[0])).toContain('Ingrid bygger tillgängliga tjänster.');
    const demo = await ok('/speakers/erik-sandstrom?lang=en');
    expect(text(byClass(demo.root, 'rich-text')[0])).toContain('held several leading digital roles');
    expect(text(byClass((await ok('/speakers/erik-sandstrom?lang=sv')).root, 'rich-text')[0])).toContain('har haft flera ledande roller');
  });

  it("sends a speaker's other slug to their own, keeping ?lang", async () => {
    const moved = await page('/speakers/carl-magnus-laner?lang=en');
    expect(moved.response.status).toBe(301);
    expect(moved.response.headers.get('location')).toBe('/speakers/carl-martin-laner?lang=en');
    const plain = await page('/speakers/carl-magnus-laner');
    expect(plain.response.status).toBe(301);
    expect(plain.response.headers.get('location')).toBe('/speakers/carl-martin-laner');
    const { root } = await ok('/speakers/carl-martin-laner?lang=en');
    expect(text(byTag(root, 'h1')[0])).toBe('Carl-Martin Lanér');
  });

  it("lists a conference's speakers", async () => {
    const { root } = await ok('/digstrat-2018/speakers?lang=sv');
    const names = byClass(root, 'person').map((li) => text(byTag(li, 'a')[0]));
    expect(names.sort()).toEqual(['Carl-Martin Lanér', 'Erik Sandström']);
    const built = await ok(`/${talks.slug}/speakers?lang=en`);
    expect(
      byClass(built.root, 'person')
        .map((li) => text(byTag(li, 'a')[0]))
        .sort(),
    ).toEqual(['Ingrid Lind', 'Nils Berg']);
  });

  it('shows the questions and answers of an interview in order, with who answered each', async () => {
    const { root } = await ok(`/interviews/${interview.slug}?lang=en`);
    const questions = byClass(root, 'questions')[0];
    expect(byTag(questions, 'dt').map((dt) => text(byTag(dt, 'span')[0]))).toEqual([
      'First question?',
      'Second question?',
      'Third question?',
    ]);
    const answers = byTag(questions, 'dd');
    expect(answers.map((dd) => text(byClass(dd, 'answered-by')[0]))).toEqual(
      ['Ingrid Lind', 'Nils Berg', 'Ingrid Lind'].map((name) => en.interview.answeredBy.replace('{{name}}', name)),
    );
    expect(byTag(answers[0], 'strong').map(text)).toEqual(['answer']);
    expect(text(byTag(questions, 'dt')[2])).toContain(en.interview.askedBy.replace('{{name}}', 'Someone in the audience'));
    // The demo's panel: Tore, then Pia, as the conversation went.
    const demo = await ok('/interviews/innovasjon-i-privat-og-offentlig-sektor?lang=nb');
    expect(byTag(byClass(demo.root, 'questions')[0], 'dt').length).toBeGreaterThanOrEqual(6);
    const draft = await page(`/interviews/${draftInterview.slug}`);
    expect(draft.response.status).toBe(404);
    expect(draft.response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('stars without JavaScript', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const FORM = 'application/x-www-form-urlencoded';
  const star = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${lectern.url}/${talks.slug}/agenda`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': FORM, ...headers },
      body: form(fields),
    });
  const starred = async (cookie: string) => {
    const response = await fetch(`${lectern.url}/${talks.slug}/agenda/starred`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { starred: Array<number | string> }).starred.map(String).sort();
  };

  it('stars, lists, shares, subscribes and unstars', async () => {
    const referer = `${lectern.url}/${talks.slug}?lang=en`;
    const added = await star({ session: talk.id, action: 'add' }, { referer, origin: lectern.url });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/${talks.slug}?lang=en`);
    const setCookie = added.headers.get('set-cookie')!;
    const attributes = setCookie.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^lectern_agenda=.+/);
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    const cookie = setCookie.split(';')[0];
    const editToken = cookie.split('=')[1];

    const mine = await ok(`/${talks.slug}/agenda?lang=en`, { headers: { cookie } });
    expect(mine.response.headers.get('cache-control')).toBe('private, no-store');
    expect(bySelector(mine.root, 'li', 'session').map((li) => attr(li, 'data-session'))).toEqual([String(rowId(talk.id))]);
    expect(mine.html).not.toContain(editToken);
    expect(mine.response.headers.get('location')).toBeNull();
    const webcal = hrefs(mine.root).find((href) => href.startsWith('webcal:'))!;
    const readToken = new URL(webcal.replace(/^webcal:/, 'https:')).pathname.match(/^\/calendars\/agendas\/([^/]+)\.ics$/)![1];
    expect(readToken).not.toBe(editToken);
    const feed = await fetch(local(webcal));
    expect(feed.status).toBe(200);
    const summaries = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((event) => new ICAL.Event(event).summary);
    expect(summaries).toEqual(['Designing for everyone']);
    const shared = attr(byClass(mine.root, 'elsewhere-link')[0], 'href')!;
    expect(new URL(shared).searchParams.get('read')).toBe(readToken);
    expect(new URL(shared).pathname).toBe(`/${talks.slug}/agenda`);
    for (const href of hrefs(mine.root)) expect(href).not.toContain(editToken);

    // Opened elsewhere, without the cookie: the same sessions, read only.
    const theirs = await ok(`/${talks.slug}/agenda?read=${encodeURIComponent(readToken)}&lang=en`);
    expect(bySelector(theirs.root, 'li', 'session').map((li) => attr(li, 'data-session'))).toEqual([String(rowId(talk.id))]);
    expect(text(byClass(theirs.root, 'notice')[0])).toBe(en.agenda.readOnly);
    expect(theirs.html).not.toContain(editToken);
    expect(theirs.response.headers.get('cache-control')).toBe('private, no-store');

    // JSON for the script, and the ids for the stars.
    const json = await star({ session: second.id, action: 'add' }, { cookie, accept: 'application/json' });
    expect(json.ok).toBe(true);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await json.json()) as { starred: unknown[] }).starred.map(String).sort()).toEqual(
      [String(rowId(talk.id)), String(rowId(second.id))].sort(),
    );
    expect(await starred(cookie)).toEqual([String(rowId(talk.id)), String(rowId(second.id))].sort());

    // Another site's form changes nothing.
    const evil = await star({ session: talk.id, action: 'remove' }, { cookie, origin: 'http://evil.example' });
    expect(evil.status).toBe(400);
    expect(evil.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await starred(cookie)).toEqual([String(rowId(talk.id)), String(rowId(second.id))].sort());

    // Drafts, unknown sessions and sessions of a draft conference: an error page, nothing changed.
    for (const session of [draftSession.id, '999999', inDraftConference.id, 'not-a-number']) {
      const refused = await star({ session, action: 'add' }, { cookie, referer });
      expect([session, refused.status >= 400 && refused.status < 500]).toEqual([session, true]);
      expect(refused.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await refused.text()).not.toContain('In a draft conference');
    }
    expect(await starred(cookie)).toEqual([String(rowId(talk.id)), String(rowId(second.id))].sort());

    const removed = await star({ session: talk.id, action: 'remove' }, { cookie, referer });
    expect(removed.status).toBe(303);
    expect(await starred(cookie)).toEqual([String(rowId(second.id))]);
    const after = await ok(`/${talks.slug}/agenda?lang=en`, { headers: { cookie } });
    expect(bySelector(after.root, 'li', 'session').map((li) => attr(li, 'data-session'))).toEqual([String(rowId(second.id))]);
  });

  it('keeps a first star from a draft or another site from making an agenda', async () => {
    const draft = await star({ session: draftSession.id, action: 'add' });
    expect(draft.status).toBeGreaterThanOrEqual(400);
    expect(draft.status).toBeLessThan(500);
    expect(draft.headers.get('set-cookie')).toBeNull();
    const evil = await star({ session: talk.id, action: 'add' }, { origin: 'http://evil.example' });
    expect(evil.status).toBe(400);
    expect(evil.headers.get('set-cookie')).toBeNull();
    const empty = await ok(`/${talks.slug}/agenda?lang=en`);
    expect(text(byTag(byTag(empty.root, 'main')[0], 'p')[0])).toBe(en.agenda.empty);
    expect(empty.response.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('the pages’ content security policy', () => {
  const paths = () => [
    '/',
    `/${talks.slug}`,
    `/${talks.slug}?view=grid`,
    `/${talks.slug}/sessions/${rowId(talk.id)}`,
    `/${talks.slug}/speakers`,
    `/${talks.slug}/agenda`,
    '/speakers/ingrid-lind',
    `/interviews/${interview.slug}`,
    '/no-such-conference',
    `/${talks.slug}?foo=1`,
  ];

  it("runs only Lectern's own script and styles, and nothing may frame a page", async () => {
    const assets = new Set<string>();
    for (const path of paths()) {
      const { response, root } = await page(path);
      const csp = Object.fromEntries(
        response.headers
          .get('content-security-policy')!
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name, ...sources]) => [name, sources]),
      );
      expect([path, csp['script-src']]).toEqual([path, ["'self'"]]);
      expect([path, csp['style-src']]).toEqual([path, ["'self'"]]);
      expect([path, csp['frame-ancestors']]).toEqual([path, ["'none'"]]);
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      for (const script of byTag(root, 'script').filter((node) => attr(node, 'type') !== 'application/ld+json')) {
        expect(attr(script, 'src')).toMatch(/^\/assets\//);
        expect(text(script)).toBe('');
        assets.add(attr(script, 'src')!);
      }
      for (const link of byTag(root, 'link').filter((node) => attr(node, 'rel') === 'stylesheet')) {
        expect(attr(link, 'href')).toMatch(/^\/assets\//);
        assets.add(attr(link, 'href')!);
      }
      expect(byTag(root, 'style')).toEqual([]);
      expect(elements(root).filter((node) => attr(node, 'style') !== undefined)).toEqual([]);
    }
    const types: Record<string, string> = {};
    for (const asset of assets) {
      const response = await fetch(`${lectern.url}${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
      types[asset.split('?')[0]] = response.headers.get('content-type')!;
    }
    expect(types).toEqual({
      '/assets/site.css': 'text/css; charset=utf-8',
      '/assets/print.css': 'text/css; charset=utf-8',
      '/assets/site.js': 'text/javascript; charset=utf-8',
    });
  });
});
