import ICAL from 'ical.js';
import { SqlLogger } from '../../src/database/sql-logger';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { programmeBuilder } from '../support/programme';

// RFC 7986's NAME is TEXT; ical.js does not know it yet and would hand back the escaped form.
Object.assign(ICAL.design.icalendar.property, { name: { defaultType: 'text' }, 'x-wr-calname': { defaultType: 'text' } });

const BASE = 'https://lectern.example.org';

interface Feed {
  response: Response;
  text: string;
  calendar: ICAL.Component;
  events: ICAL.Event[];
}

const utc = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000).toISOString();

/** The server of the describe block running now: each block starts its own. */
let lectern: Lectern;

/** Fetches a feed by its path or by the public URL GraphQL gave for it, and parses it with ical.js. */
async function feed(pathOrUrl: string, headers: Record<string, string> = {}): Promise<Feed> {
  const response = await fetch(pathOrUrl.replace(BASE, lectern.url).replace(/^\//, `${lectern.url}/`), { headers });
  const text = await response.text();
  if (response.status !== 200) return { response, text, calendar: new ICAL.Component('vcalendar'), events: [] };
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { response, text, calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

async function scheduledUids(conferenceSlug: string, filter: Record<string, unknown> = {}): Promise<string[]> {
  const data = await lectern.ok(
    `query ($slug: String!, $filter: SessionFilter) {
    sessions(conferenceSlug: $slug, filter: $filter, first: 100) { edges { node { uid startsAt } } }
  }`,
    { slug: conferenceSlug, filter },
  );
  return data.sessions.edges
    .filter((e: any) => e.node.startsAt)
    .map((e: any) => `${e.node.uid}@lectern`)
    .sort();
}

const uids = (events: ICAL.Event[]) => events.map((event) => event.uid).sort();

/** The point here is the demo itself: the programme a new installation loads gives working feeds. */
describe('calendar feeds of the demo programme', () => {
  beforeAll(async () => {
    lectern = await startLectern({ PUBLIC_BASE_URL: BASE });
    await lectern.app.get(DemoLoader).load();
  });
  afterAll(() => lectern.close());

  it("has one event per scheduled session of each of the four conferences, with the session's stable uid", async () => {
    for (const slug of ['internetdagarna-2020', 'digstrat-2018', 'teknologi-og-politikk-2020', 'umea-jobbhackathon-2016']) {
      const { events, response } = await feed(`/calendars/conferences/${slug}.ics`);
      expect(response.status).toBe(200);
      expect(uids(events)).toEqual(await scheduledUids(slug));
      expect(events.length).toBeGreaterThan(0);
    }
  });
});

describe('calendar feeds', () => {
  /**
   * Four published conferences after the demo's. Oslo (August, summer time) has a panel with a
   * moderator in a room and a track, and a cancelled talk after it; Internetdagarna (November,
   * winter time) streams a talk from an online room and holds a workshop the same day. Umeå runs a
   * three-day hackathon, three inspiration talks on its first day (one in English), a panel on
   * the second, a workshop in another room on the third, an unscheduled session and a draft;
   * some are confirmed and some tentative. Erik speaks at Umeå (2016) and DigStrat (2018) with
   * another title at each. Texts list English first, so that the conference's default language
   * comes from the rules, not from the order written.
   */
  beforeAll(async () => {
    lectern = await startLectern({ PUBLIC_BASE_URL: BASE });
    const build = programmeBuilder(lectern);
    const stockholm = { timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true };

    const oslo = await build.conference({
      slug: 'teknologi-og-politikk-2020',
      name: 'Teknologi og politikk 2020',
      startDate: '2020-08-19',
      timeZone: 'Europe/Oslo',
      defaultLocale: 'nb',
      city: 'Oslo',
      published: true,
    });
    const eirik = await build.speaker({ slug: 'eirik-lokke', name: 'Eirik Løkke' });
    const tore = await build.speaker({ slug: 'tore-sandvik', name: 'Tore Sandvik' });
    const pia = await build.speaker({ slug: 'pia-josendal', name: 'Pia Jøsendal' });
    await build.session(oslo, {
      title: { en: 'Innovation in the private and public sectors', nb: 'Innovasjon i privat og offentlig sektor' },
      abstract: {
        en: 'A conversation about how well Norway does at innovation.',
        nb: 'En samtale om hvor godt Norge lykkes med innovasjon.',
      },
      format: 'PANEL',
      room: await build.room(oslo, { slug: 'hovedscenen', name: 'Hovedscenen' }),
      track: await build.track(oslo, { slug: 'digital-etikk-og-politikk', name: 'Digital etikk og politikk', color: '#008080' }),
      startsAt: '2020-08-19T10:00:00+02:00',
      endsAt: '2020-08-19T10:20:00+02:00',
      status: 'TENTATIVE',
      speakers: [
        { speaker: eirik, role: 'MODERATOR', title: 'rådgiver', organisation: 'Civita' },
        { speaker: tore, role: 'PANELIST', title: 'fylkesordfører', organisation: 'Trøndelag fylkeskommune' },
        { speaker: pia, role: 'PANELIST' },
      ],
      published: true,
    });
    const cancelled = await build.session(oslo, { startsAt: '2020-08-19T11:00:00+02:00', published: true });
    await lectern.ok(`mutation ($id: ID!) { cancelSession(id: $id) { id } }`, { id: cancelled.id }, { as: 'organiser' });

    const internetdagarna = await build.conference({
      slug: 'internetdagarna-2020',
      startDate: '2020-11-23',
      endDate: '2020-11-24',
      city: 'Stockholm',
      ...stockholm,
    });
    const gregory = await build.speaker({ name: 'Gregory Golding' });
    await build.session(internetdagarna, {
      title: { en: 'Innovation in the service of society', sv: 'Innovation i samhällets tjänst' },
      room: await build.room(internetdagarna, { slug: 'online', name: 'Online', streamUrl: 'https://internetdagarna.se' }),
      startsAt: '2020-11-24T10:00:00+01:00',
      endsAt: '2020-11-24T10:45:00+01:00',
      speakers: [gregory],
      published: true,
    });
    await build.session(internetdagarna, { format: 'WORKSHOP', startsAt: '2020-11-24T13:00:00+01:00', published: true });

    const digstrat = await build.conference({ slug: 'digstrat-2018', startDate: '2018-04-17', ...stockholm });
    const erik = await build.speaker({ slug: 'erik-sandstrom', name: 'Erik Sandström' });
    await build.session(digstrat, {
      title: { en: 'Starting a positive movement towards innovation', sv: 'Att starta en positiv rörelse mot innovation' },
      startsAt: '2018-04-17T13:00:00+02:00',
      speakers: [{ speaker: erik, title: 'digitaliseringsdirektör', organisation: 'Arbetsförmedlingen' }],
      published: true,
    });

    const umea = await build.conference({
      slug: 'umea-jobbhackathon-2016',
      name: 'Umeå Jobbhackathon 2016',
      startDate: '2016-10-03',
      endDate: '2016-10-05',
      city: 'Umeå',
      description: {
        en: 'A job hackathon in Umeå, with inspiration talks.',
        sv: 'Ett jobbhackathon i Umeå, med inspirationsföreläsningar.',
      },
      ...stockholm,
    });
    const mainHall = await build.room(umea, { slug: 'huvudlokalen', name: 'Huvudlokalen' });
    const hackathon = await build.track(umea, { slug: 'hackathon', name: 'Hackathon' });
    const inspiration = await build.track(umea, { slug: 'inspiration', name: 'Inspirationsföreläsningar' });
    const olle = await build.speaker({ slug: 'olle-lundin', name: 'Olle Lundin' });
    const lieselot = await build.speaker({ name: 'Lieselot Danneels' });
    await build.session(umea, {
      title: { en: 'Job hackathon: better matching', sv: 'Jobbhackathon: bättre matchning' },
      format: 'HACKATHON',
      room: mainHall,
      track: hackathon,
      startsAt: '2016-10-03T09:00:00+02:00',
      endsAt: '2016-10-05T16:00:00+02:00',
      status: 'TENTATIVE',
      published: true,
    });
    const talk = { format: 'TALK', room: mainHall, track: inspiration, published: true } as const;
    await build.session(umea, {
      ...talk,
      title: { en: 'Hackathons as a way to dare to try', sv: 'Hackathon som ett sätt att våga pröva' },
      startsAt: '2016-10-03T09:15:00+02:00',
      speakers: [{ speaker: olle, title: 'chef för digitala innovationscentret', organisation: 'Arbetsförmedlingen' }],
    });
    await build.session(umea, {
      ...talk,
      title: { en: 'VDAB: becoming a digital agency' },
      language: 'en',
      startsAt: '2016-10-03T10:00:00+02:00',
      status: 'TENTATIVE',
      speakers: [{ speaker: lieselot, title: 'researcher', organisation: 'Vlerick Business School' }],
    });
    await build.session(umea, {
      ...talk,
      title: {
        en: 'Public services built on open data and ecosystem thinking',
        sv: 'Offentliga tjänster byggda på öppna data och ekosystemtänkande',
      },
      startsAt: '2016-10-03T10:45:00+02:00',
      status: 'TENTATIVE',
      speakers: [{ speaker: erik, title: 'chef för avdelningen för digitala tjänster', organisation: 'Arbetsförmedlingen' }],
    });
    await build.session(umea, {
      title: 'Avslutande panel',
      format: 'PANEL',
      room: mainHall,
      startsAt: '2016-10-04T14:00:00+02:00',
      speakers: [{ speaker: olle, role: 'MODERATOR' }],
      published: true,
    });
    await build.session(umea, {
      format: 'WORKSHOP',
      room: await build.room(umea, { slug: 'sal-b', name: 'Sal B' }),
      startsAt: '2016-10-05T09:00:00+02:00',
      status: 'TENTATIVE',
      published: true,
    });
    await build.session(umea, { ...talk, title: 'Tid meddelas senare', startsAt: null });
    await build.session(umea, { title: 'Utkast', format: 'TALK', track: inspiration, startsAt: '2016-10-03T13:00:00+02:00' });
  });
  afterAll(() => lectern.close());

  it("has one event per scheduled, published session, with the session's stable uid", async () => {
    for (const slug of ['internetdagarna-2020', 'digstrat-2018', 'teknologi-og-politikk-2020', 'umea-jobbhackathon-2016']) {
      const { events, response } = await feed(`/calendars/conferences/${slug}.ics`);
      expect(response.status).toBe(200);
      expect(uids(events)).toEqual(await scheduledUids(slug));
      expect(events.length).toBeGreaterThan(0);
    }
    const umea = (await feed('/calendars/conferences/umea-jobbhackathon-2016.ics')).events.map((event) => event.summary);
    expect(umea).toHaveLength(6);
    expect(umea).not.toContain('Tid meddelas senare');
    expect(umea).not.toContain('Utkast');
  });

  it("gives local times in the conference's zone that resolve, through its VTIMEZONE, to the right instants", async () => {
    const oslo = await feed('/calendars/conferences/teknologi-og-politikk-2020.ics');
    expect(oslo.calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Oslo']);
    const [panel] = oslo.events;
    expect(panel.summary).toBe('Innovasjon i privat og offentlig sektor');
    expect(oslo.text).toContain('DTSTART;TZID=Europe/Oslo:20200819T100000');
    expect(panel.startDate.zone?.tzid).toBe('Europe/Oslo');
    expect(utc(panel.startDate)).toBe('2020-08-19T08:00:00.000Z'); // summer time, UTC+2
    expect(utc(panel.endDate)).toBe('2020-08-19T08:20:00.000Z');

    const stockholm = await feed('/calendars/conferences/internetdagarna-2020.ics');
    expect(stockholm.calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual([
      'Europe/Stockholm',
    ]);
    const [talk] = stockholm.events;
    expect(stockholm.text).toContain('DTSTART;TZID=Europe/Stockholm:20201124T100000');
    expect(talk.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(utc(talk.startDate)).toBe('2020-11-24T09:00:00.000Z'); // winter time, UTC+1
  });

  it('describes each session: title, abstract, line-up with roles and affiliations, place, categories, status, link', async () => {
    const { events, calendar } = await feed('/calendars/conferences/teknologi-og-politikk-2020.ics');
    const [panel] = events;
    expect(calendar.getFirstPropertyValue('name')).toBe('Teknologi og politikk 2020');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Teknologi og politikk 2020');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
    expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT1H');
    expect(calendar.getFirstPropertyValue('description')).toBe('Teknologi og politikk 2020');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Oslo');
    expect(panel.component.getFirstPropertyValue('color')).toBe('teal'); // its track's #008080
    expect(panel.component.getFirstProperty('conference')).toBeNull();
    expect(panel.description).toContain('En samtale om hvor godt Norge lykkes med innovasjon');
    expect(panel.description).toContain('Ordstyrer: Eirik Løkke (rådgiver, Civita)');
    expect(panel.description).toContain('Paneldeltaker: Tore Sandvik (fylkesordfører, Trøndelag fylkeskommune)');
    expect(panel.location).toBe('Hovedscenen, Oslo');
    expect(panel.component.getFirstProperty('categories')!.getValues()).toEqual(['Digital etikk og politikk', 'Panel']);
    expect(panel.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(panel.component.getFirstPropertyValue('url')).toMatch(new RegExp(`^${BASE}/calendars/sessions/\\d+\\.ics$`));
    expect(panel.description).toContain(String(panel.component.getFirstPropertyValue('url')));
    for (const property of ['dtstamp', 'created', 'last-modified']) {
      expect(panel.component.getFirstProperty(property)!.toICALString()).toMatch(/:\d{8}T\d{6}Z$/);
    }

    const online = (await feed('/calendars/conferences/internetdagarna-2020.ics')).events[0];
    expect(online.location).toBe('Online, https://internetdagarna.se');
    const stream = online.component.getFirstProperty('conference')!;
    expect([stream.getFirstValue(), stream.getParameter('label'), stream.getParameter('feature')]).toEqual([
      'https://internetdagarna.se',
      'Online',
      'AUDIO,VIDEO',
    ]);
    expect(online.component.getFirstProperty('color')).toBeNull(); // no track
  });

  it('answers with calendar headers, a strong ETag and Last-Modified', async () => {
    const { response, text } = await feed('/calendars/conferences/internetdagarna-2020.ics');
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(new Date(response.headers.get('last-modified')!).getTime()).toBeLessThanOrEqual(Date.now());
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    const again = await feed('/calendars/conferences/internetdagarna-2020.ics');
    expect(again.response.headers.get('etag')).toBe(response.headers.get('etag'));
    const head = await fetch(`${lectern.url}/calendars/conferences/internetdagarna-2020.ics`, { method: 'HEAD' });
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([200, response.headers.get('etag'), '']);
  });

  it('answers 304 Not Modified to If-None-Match and to If-Modified-Since', async () => {
    const path = '/calendars/conferences/umea-jobbhackathon-2016.ics';
    const first = await feed(path);
    const etag = first.response.headers.get('etag')!;
    const lastModified = first.response.headers.get('last-modified')!;

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const { response, text } = await feed(path, { 'if-none-match': ifNoneMatch });
      expect(response.status).toBe(304);
      expect(text).toBe('');
      expect(response.headers.get('etag')).toBe(etag);
    }
    expect((await feed(path, { 'if-none-match': '"stale"' })).response.status).toBe(200);
    expect((await feed(path, { 'if-modified-since': lastModified })).response.status).toBe(304);
    expect((await feed(path, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).response.status).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await feed(path, { 'if-none-match': '"stale"', 'if-modified-since': lastModified })).response.status).toBe(200);
  });

  it('answers 404 in plain text for what does not exist or is not public', async () => {
    for (const path of [
      '/calendars/conferences/no-such-conference.ics',
      '/calendars/conferences/umea-jobbhackathon-2016/tracks/no-such-track.ics',
      '/calendars/conferences/umea-jobbhackathon-2016/rooms/no-such-room.ics',
      '/calendars/conferences/internetdagarna-2020/tracks/hackathon.ics', // a track of another conference
      '/calendars/speakers/no-such-speaker.ics',
      '/calendars/sessions/999999.ics',
      '/calendars/sessions/abc.ics',
    ]) {
      const { response, text } = await feed(path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(text.length).toBeLessThan(100);
    }
  });

  it('answers 400 in plain text naming the parameter at fault', async () => {
    const cases: [string, string][] = [
      ['format=SPEECH', 'format'],
      ['day=24-11-2020', 'day'],
      ['status=done', 'status'],
      ['track=Not%20A%20Slug', 'track'],
      ['locale=%21%21', 'locale'],
      ['multiday=stretched', 'multiday'],
      ['trak=hackathon', 'trak'],
    ];
    for (const [query, parameter] of cases) {
      const { response, text } = await feed(`/calendars/conferences/umea-jobbhackathon-2016.ics?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(text.startsWith(`${parameter}: `)).toBe(true);
    }
    // Filters belong to the programme feed; a track's feed takes only locale and multiday.
    expect((await feed('/calendars/conferences/umea-jobbhackathon-2016/tracks/hackathon.ics?format=TALK')).response.status).toBe(400);
  });

  it('subscribes to what the sessions query shows: the same filters, as query parameters, from the URL GraphQL gives', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['umea-jobbhackathon-2016', { track: ['inspiration'] }],
      ['umea-jobbhackathon-2016', { track: ['hackathon', 'inspiration'], status: ['TENTATIVE'] }],
      ['umea-jobbhackathon-2016', { day: ['2016-10-04'] }],
      ['umea-jobbhackathon-2016', { day: ['2016-10-03'], format: ['TALK'] }],
      ['umea-jobbhackathon-2016', { format: ['TALK'], text: 'öppna data' }],
      ['umea-jobbhackathon-2016', { language: ['en'] }],
      ['umea-jobbhackathon-2016', { speaker: ['erik-sandstrom', 'olle-lundin'] }],
      ['umea-jobbhackathon-2016', { room: ['huvudlokalen'], format: ['PANEL'] }],
      ['internetdagarna-2020', { day: ['2020-11-24'], format: ['TALK'] }],
      ['teknologi-og-politikk-2020', { status: ['CANCELLED'] }],
    ];
    for (const [slug, filter] of cases) {
      const data = await lectern.ok(
        `query ($slug: String!, $filter: SessionFilter) {
        conference(slug: $slug) { calendar(filter: $filter) { https webcal } }
      }`,
        { slug, filter },
      );
      const { https, webcal } = data.conference.calendar;
      expect(webcal).toBe(https.replace(/^https:/, 'webcal:'));
      const { events, response } = await feed(https);
      expect([https, response.status]).toEqual([https, 200]);
      expect([https, uids(events)]).toEqual([https, await scheduledUids(slug, filter)]);
    }
    const byHand = await feed('/calendars/conferences/umea-jobbhackathon-2016.ics?track=hackathon&track=inspiration&format=TALK');
    expect(uids(byHand.events)).toEqual(
      await scheduledUids('umea-jobbhackathon-2016', { track: ['hackathon', 'inspiration'], format: ['TALK'] }),
    );
    expect(byHand.events).toHaveLength(3);
  });

  it('shows the three-day hackathon as one timed block, or as all-day entries with multiday=allday', async () => {
    const hackathon = (events: ICAL.Event[]) => events.find((event) => event.summary.startsWith('Jobbhackathon'))!;

    const timed = hackathon((await feed('/calendars/conferences/umea-jobbhackathon-2016/tracks/hackathon.ics')).events);
    expect(timed.startDate.isDate).toBe(false);
    expect(utc(timed.startDate)).toBe('2016-10-03T07:00:00.000Z');
    expect(utc(timed.endDate)).toBe('2016-10-05T14:00:00.000Z');

    const { events } = await feed('/calendars/conferences/umea-jobbhackathon-2016.ics?multiday=allday');
    const allDay = hackathon(events);
    expect(allDay.uid).toBe(timed.uid);
    expect(allDay.startDate.isDate).toBe(true);
    expect([allDay.startDate.toString(), allDay.endDate.toString()]).toEqual(['2016-10-03', '2016-10-06']);
    expect(allDay.description).toMatch(/9:00.*16:00.*\(Europe\/Stockholm\)/);
    // Sessions within one day keep their times.
    expect(events.filter((event) => event !== allDay).every((event) => !event.startDate.isDate)).toBe(true);
  });

  it("speaks the locale asked for, else the conference's default", async () => {
    const swedish = await feed('/calendars/conferences/umea-jobbhackathon-2016/tracks/inspiration.ics');
    const english = await feed('/calendars/conferences/umea-jobbhackathon-2016/tracks/inspiration.ics?locale=en');
    expect(swedish.events.map((event) => event.summary)).toContain('Offentliga tjänster byggda på öppna data och ekosystemtänkande');
    expect(english.events.map((event) => event.summary)).toContain('Public services built on open data and ecosystem thinking');
    expect(swedish.events[0].description).toContain('Talare: Olle Lundin');
    expect(english.events[0].description).toContain('Speaker: Olle Lundin');
    expect(swedish.calendar.getFirstPropertyValue('x-wr-caldesc')).toMatch(/^Ett jobbhackathon i Umeå/);
    expect(english.calendar.getFirstPropertyValue('x-wr-caldesc')).toMatch(/^A job hackathon in Umeå/);
    expect(swedish.calendar.getFirstPropertyValue('name')).toBe('Umeå Jobbhackathon 2016 – Inspirationsföreläsningar');
    // Norwegian readers asking for "no" get Bokmål.
    const norwegian = await feed('/calendars/conferences/teknologi-og-politikk-2020.ics?locale=no');
    expect(norwegian.events[0].summary).toBe('Innovasjon i privat og offentlig sektor');
  });

  it('has a feed per room, per track, per speaker across conferences, and per session', async () => {
    const room = await feed('/calendars/conferences/umea-jobbhackathon-2016/rooms/huvudlokalen.ics');
    expect(uids(room.events)).toEqual(await scheduledUids('umea-jobbhackathon-2016', { room: ['huvudlokalen'] }));

    const speaker = await feed('/calendars/speakers/erik-sandstrom.ics?locale=en');
    expect(speaker.events.map((event) => event.summary)).toEqual([
      'Public services built on open data and ecosystem thinking', // Umeå 2016
      'Starting a positive movement towards innovation', // DigStrat 2018
    ]);
    expect(speaker.calendar.getFirstPropertyValue('name')).toBe('Erik Sandström');
    // Each appearance with the title the speaker had then.
    expect(speaker.events[0].description).toContain(
      'Speaker: Erik Sandström (chef för avdelningen för digitala tjänster, Arbetsförmedlingen)',
    );
    expect(speaker.events[1].description).toContain('Speaker: Erik Sandström (digitaliseringsdirektör, Arbetsförmedlingen)');

    const { sessions } = await lectern.ok(
      `{ sessions(conferenceSlug: "internetdagarna-2020") { edges { node { uid calendar { https } } } } }`,
    );
    const [{ node }] = sessions.edges;
    const single = await feed(node.calendar.https);
    expect(uids(single.events)).toEqual([`${node.uid}@lectern`]);
    expect(single.calendar.getFirstPropertyValue('name')).toBe('Innovation i samhällets tjänst');
  });

  it("gives every feed's https and webcal address, and a Google Calendar link, through GraphQL", async () => {
    const data = await lectern.ok(`{
      conference(slug: "teknologi-og-politikk-2020") {
        calendar { https webcal }
        english: calendar(locale: "en", multiday: ALLDAY) { https }
        tracks { calendar { https webcal } }
        rooms { calendar(locale: "en") { https webcal } }
        sessions { edges { node { id calendar { https webcal } googleCalendarUrl(locale: "en") appearances { speaker { calendar { https webcal } } } } } }
      }
    }`);
    const { conference } = data;
    const session = conference.sessions.edges[0].node;
    expect(conference.calendar).toEqual({
      https: `${BASE}/calendars/conferences/teknologi-og-politikk-2020.ics`,
      webcal: 'webcal://lectern.example.org/calendars/conferences/teknologi-og-politikk-2020.ics',
    });
    expect(conference.english.https).toBe(`${BASE}/calendars/conferences/teknologi-og-politikk-2020.ics?locale=en&multiday=allday`);
    expect(conference.tracks[0].calendar.https).toBe(
      `${BASE}/calendars/conferences/teknologi-og-politikk-2020/tracks/digital-etikk-og-politikk.ics`,
    );
    expect(conference.rooms[0].calendar).toEqual({
      https: `${BASE}/calendars/conferences/teknologi-og-politikk-2020/rooms/hovedscenen.ics?locale=en`,
      webcal: 'webcal://lectern.example.org/calendars/conferences/teknologi-og-politikk-2020/rooms/hovedscenen.ics?locale=en',
    });
    expect(session.calendar.https).toBe(`${BASE}/calendars/sessions/${rowId(session.id)}.ics`);
    expect(session.appearances.map((a: any) => a.speaker.calendar.https)).toEqual([
      `${BASE}/calendars/speakers/eirik-lokke.ics`,
      `${BASE}/calendars/speakers/tore-sandvik.ics`,
      `${BASE}/calendars/speakers/pia-josendal.ics`,
    ]);
    for (const https of [
      conference.calendar.https,
      conference.english.https,
      conference.tracks[0].calendar.https,
      conference.rooms[0].calendar.https,
      session.calendar.https,
    ]) {
      expect([https, (await feed(https)).response.status]).toEqual([https, 200]);
    }

    const google = new URL(session.googleCalendarUrl);
    expect(`${google.origin}${google.pathname}`).toBe('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('action')).toBe('TEMPLATE');
    expect(google.searchParams.get('text')).toBe('Innovation in the private and public sectors');
    expect(google.searchParams.get('dates')).toBe('20200819T080000Z/20200819T082000Z');
    expect(google.searchParams.get('location')).toBe('Hovedscenen, Oslo');
    expect(google.searchParams.get('details')).toContain('Moderator: Eirik Løkke (rådgiver, Civita)');
    expect(google.searchParams.get('details')).toContain(session.calendar.https);

    const refused = await lectern.graphql(`{ conference(slug: "teknologi-og-politikk-2020") { calendar(locale: "!!") { https } } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });
  });

  it('costs a constant number of SQL statements to build, and none when warm', async () => {
    const statements = async (path: string) => {
      const before = SqlLogger.statements;
      expect((await feed(path)).response.status).toBe(200);
      return SqlLogger.statements - before;
    };
    // A change of the programme makes every feed cold again.
    await lectern.ok(`mutation { createSpeaker(input: { slug: "cold-feeds", name: "Cold Feeds" }) { id } }`, {}, { as: 'organiser' });
    const small = await statements('/calendars/conferences/teknologi-og-politikk-2020.ics');
    const larger = await statements('/calendars/conferences/umea-jobbhackathon-2016.ics');
    expect(small).toBeGreaterThan(0);
    expect(small).toBe(larger);
    expect(small).toBeLessThanOrEqual(4); // the conference, its sessions, their line-ups, their calendar ledger rows
    expect(await statements('/calendars/conferences/umea-jobbhackathon-2016.ics')).toBe(0);
    // The person, which conferences to read, those conferences, their sessions, line-ups and ledger rows: however many conferences.
    expect(await statements('/calendars/speakers/erik-sandstrom.ics')).toBeLessThanOrEqual(6);
    expect(await statements('/calendars/speakers/erik-sandstrom.ics')).toBe(0);
  });
});

describe("a speaker's feed under another slug of theirs", () => {
  let carl: { slug: string };
  beforeAll(async () => {
    lectern = await startLectern({ PUBLIC_BASE_URL: BASE });
    const build = programmeBuilder(lectern);
    const conference = await build.conference({ published: true });
    carl = await build.speaker({ conference, slug: 'carl-martin-laner', name: 'Carl-Martin Laner', otherSlugs: ['carl-magnus-laner'] });
    await build.session(conference, { speakers: [carl as never], published: true });
    const hidden = await build.speaker({ conference, slug: 'dold-talare', otherSlugs: ['annan-dold-talare'] });
    await build.session(conference, { speakers: [hidden] });
  });
  afterAll(() => lectern.close());

  it('leads to the person with a 301, as the JSON API and embeds do, keeping the query', async () => {
    const response = await fetch(`${lectern.url}/calendars/speakers/carl-magnus-laner.ics?locale=en`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/calendars/speakers/carl-martin-laner.ics?locale=en');
    const followed = await feed(`${lectern.url}${response.headers.get('location')}`);
    expect(followed.response.status).toBe(200);
    expect(followed.events).toHaveLength(1);
  });

  it('answers 404 for another slug of someone the public does not see yet, naming the slug asked for', async () => {
    const { response, text } = await feed('/calendars/speakers/annan-dold-talare.ics');
    expect(response.status).toBe(404);
    expect(text).toContain('annan-dold-talare');
  });
});
