/**
 * The schedule exports (issue 15, exports half): every format validates against the public
 * schemas in ../shared/schedule-formats, with validators that come with `npm install` (xmllint-wasm,
 * ajv); what they say is read back with independent parsers (fast-xml-parser, csv-parse, ical.js).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { ExchangeExports } from '../../src/exchange/exchange-exports.service';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, programmeBuilder, RoomRef, SessionRef, SpeakerRef, TrackRef } from '../support/programme';
import { jsonErrors, scheduleXmlParser as xml, validV1, validV2, xmlEvents, xsdErrors } from '../support/schedule-validation';

const BASE = 'https://lectern.example.org';

const FILES = ['schedule.xml', 'schedule.json', 'schedule2.json', 'schedule.xcal', 'sessions.csv', 'speakers.csv'] as const;

async function get(lectern: Lectern, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${lectern.url}${path}`, { headers });
  return { response, body: await response.text() };
}

/** Every xCal event's uid and UTC instants. */
function xcalInstants(document: string): Record<string, [string, string]> {
  const parsed = xml.parse(document);
  const events = (parsed.icalendar.vcalendar.components.vevent as any[]) ?? [];
  return Object.fromEntries(
    events.map((vevent) => {
      const p = vevent.properties;
      return [p.uid.text, [new Date(p.dtstart['date-time']).toISOString(), new Date(p.dtend['date-time']).toISOString()]];
    }),
  );
}

function icsInstants(document: string): Record<string, [string, string]> {
  const instants: Record<string, [string, string]> = {};
  for (const vevent of new ICAL.Component(ICAL.parse(document)).getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    instants[event.uid] = [
      new Date(event.startDate.toUnixTime() * 1000).toISOString(),
      new Date(event.endDate.toUnixTime() * 1000).toISOString(),
    ];
  }
  return instants;
}

describe('schedule exports of the demo programme', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern({ PUBLIC_BASE_URL: BASE });
    await lectern.app.get(DemoLoader).load();
  });
  afterAll(() => lectern.close());

  it('validates every export of every demo conference against the public schemas', async () => {
    const { conferences } = await lectern.ok(`{ conferences(first: 50) { edges { node { slug } } } }`);
    const slugs: string[] = conferences.edges.map((edge: { node: { slug: string } }) => edge.node.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(4);
    for (const slug of slugs) {
      const base = `/exports/conferences/${slug}`;
      const schedule = await get(lectern, `${base}/schedule.xml`);
      expect(schedule.response.status).toBe(200);
      expect(await xsdErrors(schedule.body)).toEqual([]);
      expect(xmlEvents(schedule.body).length).toBeGreaterThan(0);
      expect(jsonErrors(validV1, JSON.parse((await get(lectern, `${base}/schedule.json`)).body))).toEqual([]);
      expect(jsonErrors(validV2, JSON.parse((await get(lectern, `${base}/schedule2.json`)).body))).toEqual([]);
      const xcal = await get(lectern, `${base}/schedule.xcal`);
      const ics = await get(lectern, `/calendars/conferences/${slug}.ics`);
      expect(xcalInstants(xcal.body)).toEqual(icsInstants(ics.body));
      for (const file of ['sessions.csv', 'speakers.csv']) {
        const csv = await get(lectern, `${base}/${file}`);
        expect(csv.response.status).toBe(200);
        expect(() => parseCsv(csv.body, { columns: true, strict: true } as never)).not.toThrow();
      }
    }
  });
});

describe('schedule exports', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lectern-exchange-'));
  const settings = { SQLITE_PATH: join(directory, 'lectern.sqlite'), PUBLIC_BASE_URL: BASE, RATE_LIMIT: 'off' };
  let lectern: Lectern;
  let conference: ConferenceRef;
  let hall: RoomRef;
  let hidden: RoomRef;
  let track: TrackRef;
  let anna: SpeakerRef;
  let opening: SessionRef;
  let late: SessionRef;
  let pause: SessionRef;
  let cancelled: SessionRef;
  let draft: SessionRef;
  let unscheduled: SessionRef;
  let inHiddenRoom: SessionRef;
  let bergen: ConferenceRef;
  let moved: SessionRef;
  const organiser = (query: string) => lectern.ok(query, {}, { as: 'organiser' });
  const exportOf = (file: string, query = '') => get(lectern, `/exports/conferences/${conference.slug}/${file}${query}`);

  beforeAll(async () => {
    lectern = await startLectern(settings);
    const build = programmeBuilder(lectern);
    conference = await build.conference({ slug: 'oslo', timeZone: 'Europe/Oslo', defaultLocale: 'nb', published: true });
    hall = await build.room(conference, { slug: 'store-sal', name: 'Store sal', capacity: 300 });
    hidden = await build.room(conference, { slug: 'hemmelig', name: 'Hemmelig rom', published: false });
    track = await build.track(conference, { slug: 'nettverk', name: 'Nettverk', color: '#336699' });
    anna = await build.speaker({ slug: 'anna-berg', name: 'Anna Berg', bio: { nb: 'Forsker.', en: 'Researcher.' } });
    opening = await build.session(conference, {
      title: { nb: 'Åpning', en: 'Opening' },
      abstract: { nb: 'Velkommen & <hei>', en: 'Welcome & <hello>' },
      room: hall,
      track,
      speakers: [{ speaker: anna, role: 'MODERATOR' }],
      startsAt: '2030-05-01T10:00:00+02:00',
      endsAt: '2030-05-01T10:30:00+02:00',
      published: true,
    });
    late = await build.session(conference, {
      title: 'Nattprat',
      room: hall,
      startsAt: '2030-05-02T00:30:00+02:00',
      endsAt: '2030-05-02T01:15:00+02:00',
      published: true,
    });
    pause = await build.session(conference, {
      title: 'Lunsj',
      format: 'BREAK',
      room: null,
      startsAt: '2030-05-01T12:00:00+02:00',
      endsAt: '2030-05-01T12:45:00+02:00',
      published: true,
    });
    cancelled = await build.session(conference, {
      title: 'Avlyst foredrag',
      room: hall,
      startsAt: '2030-05-01T14:00:00+02:00',
      endsAt: '2030-05-01T15:00:00+02:00',
      speakers: [anna],
      published: true,
    });
    await organiser(`mutation { cancelSession(id: "${cancelled.id}") { id } }`);
    draft = await build.session(conference, { title: 'Utkast', room: hall, startsAt: '2030-05-01T16:00:00+02:00' });
    unscheduled = await build.session(conference, { title: 'Uplanlagt', startsAt: null, published: true });
    inHiddenRoom = await build.session(conference, {
      title: 'Skjult rom',
      room: hidden,
      startsAt: '2030-05-02T09:00:00+02:00',
      published: true,
    });
    // A conference without conflicts, so that it can be released.
    bergen = await build.conference({ slug: 'bergen', timeZone: 'Europe/Oslo', published: true });
    const sal = await build.room(bergen, { slug: 'sal', name: 'Sal' });
    const ola = await build.speaker({ name: 'Ola Nordmann' });
    moved = await build.session(bergen, { room: sal, speakers: [ola], startsAt: '2030-05-01T10:00:00+02:00', published: true });
    await build.session(bergen, { room: sal, speakers: [ola], startsAt: '2030-05-01T13:00:00+02:00', published: true });
  });
  afterAll(async () => {
    await lectern.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers each format with its content type, CORS for any origin, a strong ETag and Last-Modified, and 304 on revalidation', async () => {
    const types = {
      'schedule.xml': 'application/xml; charset=utf-8',
      'schedule.json': 'application/json; charset=utf-8',
      'schedule2.json': 'application/json; charset=utf-8',
      'schedule.xcal': 'application/calendar+xml; charset=utf-8',
      'sessions.csv': 'text/csv; charset=utf-8',
      'speakers.csv': 'text/csv; charset=utf-8',
    };
    for (const file of FILES) {
      const { response } = await exportOf(file);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(types[file]);
      const withOrigin = await fetch(`${lectern.url}/exports/conferences/${conference.slug}/${file}`, {
        headers: { origin: 'https://app.example' },
      });
      expect(withOrigin.headers.get('access-control-allow-origin')).toBe('*');
      const etag = response.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(Date.parse(response.headers.get('last-modified')!)).not.toBeNaN();
      expect((await exportOf(file, '')).response.headers.get('etag')).toBe(etag);
      const again = await get(lectern, `/exports/conferences/${conference.slug}/${file}`, { 'if-none-match': etag });
      expect(again.response.status).toBe(304);
      const byDate = await get(lectern, `/exports/conferences/${conference.slug}/${file}`, {
        'if-modified-since': response.headers.get('last-modified')!,
      });
      expect(byDate.response.status).toBe(304);
    }
  });

  it('validates every format against its public schema', async () => {
    const document = (await exportOf('schedule.xml')).body;
    expect(await xsdErrors(document)).toEqual([]);
    // The validators do reject: an event without its abstract, an event with a field v1 forbids.
    expect(await xsdErrors(document.replace(/<abstract>[^<]*<\/abstract>/, ''))).not.toEqual([]);
    const v1 = JSON.parse((await exportOf('schedule.json')).body);
    (Object.values(v1.schedule.conference.days[0].rooms)[0] as any[])[0].extra = 1;
    expect(jsonErrors(validV1, v1)).not.toEqual([]);
    expect(await xsdErrors((await exportOf('schedule.xml', '?locale=en')).body)).toEqual([]);
    expect(jsonErrors(validV1, JSON.parse((await exportOf('schedule.json')).body))).toEqual([]);
    expect(jsonErrors(validV2, JSON.parse((await exportOf('schedule2.json')).body))).toEqual([]);
  });

  it('carries what apps read: acronym, zone, base URL, generator, days with offsets, rooms with guids, events with ids, guids and padded times', async () => {
    const document = (await exportOf('schedule.xml')).body;
    const { schedule } = xml.parse(document);
    expect(schedule.generator['@name']).toBe('lectern');
    expect(schedule.generator['@version']).toMatch(/\d+\.\d+/);
    expect(schedule.conference.acronym).toMatch(/^[a-z0-9_-]{4,}$/);
    expect(schedule.conference.time_zone_name).toBe('Europe/Oslo');
    expect(schedule.conference.base_url).toBe(`${BASE}/`);
    for (const day of schedule.day) {
      expect(day['@start']).toMatch(/[+-]\d\d:\d\d$/);
      expect(day['@end']).toMatch(/[+-]\d\d:\d\d$/);
    }
    const events = xmlEvents(document);
    const byId = new Map(events.map((event) => [event['@id'], event]));
    for (const event of events) {
      for (const child of ['room', 'title', 'type', 'date', 'start', 'duration', 'abstract', 'track']) expect(event).toHaveProperty(child);
      expect(event.start).toMatch(/^\d\d:\d\d$/);
      expect(event.duration).toMatch(/^\d\d:\d\d$/);
    }
    const first = byId.get(String(rowId(opening.id)))!;
    expect(first['@guid']).toBe(opening.uid);
    expect(first.duration).toBe('00:30');
    expect(first.start).toBe('10:00');
    expect(first.date).toBe('2030-05-01T10:00:00+02:00');
    expect(first.roomName).toBe('Store sal');
    expect(first.track).toBe('Nettverk');
    expect(first.persons.person[0]['#text']).toBe('Anna Berg');
    expect(first.persons.person[0]['@guid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.abstract).toBe('Velkommen & <hei>');
    // After midnight: under the evening's day, but with its own date.
    const night = byId.get(String(rowId(late.id)))!;
    expect(night.date).toBe('2030-05-02T00:30:00+02:00');
    expect(night.day['@index']).toBe('1');
    expect(night.duration).toBe('00:45');
    expect(byId.get(String(rowId(pause.id)))!.type).toBe('break');
    expect(byId.get(String(rowId(cancelled.id)))!.title).toMatch(/Avlyst: Avlyst foredrag/);
    expect(byId.has(String(rowId(draft.id)))).toBe(false);
    expect(byId.has(String(rowId(unscheduled.id)))).toBe(false);
    expect(byId.has(String(rowId(inHiddenRoom.id)))).toBe(true);
    expect(document).not.toContain('Hemmelig rom');
    expect(document).not.toContain('Utkast');
  });

  it('gives schedule.json v1 with pretalx persons and rooms with capacity, and schedule2 with states, roles, breaks and every locale', async () => {
    const v1 = JSON.parse((await exportOf('schedule.json')).body);
    const room = v1.schedule.conference.rooms.find((r: any) => r.slug === 'store-sal');
    expect(room).toMatchObject({ name: 'Store sal', capacity: 300 });
    const v1Events = v1.schedule.conference.days.flatMap((day: any) => Object.values(day.rooms).flat()) as any[];
    const v1Opening = v1Events.find((event) => event.id === rowId(opening.id));
    expect(v1Opening.guid).toBe(opening.uid);
    expect(v1Opening.persons[0]).toMatchObject({ name: 'Anna Berg', biography: 'Forsker.' });
    expect(v1Events.map((event) => event.id)).not.toContain(rowId(draft.id));

    const v2 = JSON.parse((await exportOf('schedule2.json')).body);
    const events = new Map((v2.schedule.events as any[]).map((event) => [event.guid, event]));
    expect(events.get(opening.uid)).toMatchObject({
      duration: 'PT30M',
      state: 'CONFIRMED',
      abstract: { nb: 'Velkommen & <hei>', en: 'Welcome & <hello>' },
    });
    expect(events.get(opening.uid).participants).toEqual([expect.objectContaining({ name: 'Anna Berg', role: 'MODERATOR' })]);
    expect(events.get(cancelled.uid).state).toBe('CANCELED');
    expect(events.get(pause.uid).type).toBe('BREAK');
    expect(v2.schedule.conference.languages).toEqual(expect.arrayContaining(['nb', 'en']));
    expect(events.has(draft.uid)).toBe(false);
  });

  it('gives English texts with ?locale=en, and refuses a bad locale or release with 400 and an unknown conference with 404', async () => {
    const english = xmlEvents((await exportOf('schedule.xml', '?locale=en')).body);
    const first = english.find((event) => event['@id'] === String(rowId(opening.id)))!;
    expect(first.title).toBe('Opening');
    expect(first.abstract).toBe('Welcome & <hello>');
    expect(english.find((event) => event['@id'] === String(rowId(cancelled.id)))!.title).toBe('Cancelled: Avlyst foredrag');
    const csv = parseCsv((await exportOf('sessions.csv', '?locale=en')).body, { columns: true }) as Record<string, string>[];
    expect(csv.find((row) => String(rowId(row.id)) === String(rowId(opening.id)))!.title).toBe('Opening');

    const badLocale = await exportOf('schedule.xml', '?locale=not%20a%20locale');
    expect(badLocale.response.status).toBe(400);
    expect(badLocale.body).toContain('locale');
    const badRelease = await exportOf('schedule.json', '?release=yesterday');
    expect(badRelease.response.status).toBe(400);
    expect(badRelease.body).toContain('release');
    const missing = await get(lectern, '/exports/conferences/no-such-conference/schedule.xml');
    expect(missing.response.status).toBe(404);
    expect(missing.body).toMatch(/conference/i);
    expect((await exportOf('schedule.pdf')).response.status).toBe(404);
  });

  it('writes CSV with a header, one row per published session and one per appearance', async () => {
    const sessions = parseCsv((await exportOf('sessions.csv')).body, { columns: true, strict: true } as never) as Record<string, string>[];
    expect(sessions.map((row) => String(rowId(row.id))).sort()).toEqual(
      [opening, late, pause, cancelled, unscheduled, inHiddenRoom].map((s) => String(rowId(s.id))).sort(),
    );
    const row = sessions.find((r) => String(rowId(r.id)) === String(rowId(opening.id)))!;
    expect(row).toMatchObject({
      guid: opening.uid,
      title: 'Åpning',
      room: 'Store sal',
      room_slug: 'store-sal',
      duration_minutes: '30',
      start_utc: '2030-05-01T08:00:00.000Z',
    });
    expect(sessions.find((r) => String(rowId(r.id)) === String(rowId(cancelled.id)))!.cancelled).toBe('yes');
    expect(sessions.find((r) => String(rowId(r.id)) === String(rowId(inHiddenRoom.id)))!.room).toBe('');
    const speakers = parseCsv((await exportOf('speakers.csv')).body, { columns: true, strict: true } as never) as Record<string, string>[];
    expect(speakers.map((r) => [r.session_id, r.name, r.role])).toEqual(
      expect.arrayContaining([
        [String(rowId(opening.id)), 'Anna Berg', 'MODERATOR'],
        [String(rowId(cancelled.id)), 'Anna Berg', 'SPEAKER'],
      ]),
    );
    expect(speakers).toHaveLength(2);
  });

  it("gives the xCal the iCal feed's events at the same UTC instants", async () => {
    const xcal = xcalInstants((await exportOf('schedule.xcal')).body);
    const ics = icsInstants((await get(lectern, `/calendars/conferences/${conference.slug}.ics`)).body);
    expect(xcal).toEqual(ics);
    expect(xcal[`${opening.uid}@lectern`]).toEqual(['2030-05-01T08:00:00.000Z', '2030-05-01T08:30:00.000Z']);
  });

  it('follows ?release=, keeps event ids and guids across releases and a restart, and the GraphQL links name the addresses', async () => {
    const ids = (document: string) =>
      xmlEvents(document)
        .map((event) => [event['@id'], event['@guid']])
        .sort();
    const bergenXml = (query = '') => get(lectern, `/exports/conferences/${bergen.slug}/schedule.xml${query}`);
    const before = ids((await bergenXml()).body);
    expect(before).toContainEqual([String(rowId(moved.id)), moved.uid]);
    await organiser(`mutation { releaseSchedule(conferenceSlug: "${bergen.slug}", name: "v1", note: null) { version } }`);
    await organiser(
      `mutation { updateSession(id: "${moved.id}", input: { startsAt: "2030-05-01T11:00:00+02:00", endsAt: "2030-05-01T11:30:00+02:00" }) { id } }`,
    );
    const released = xmlEvents((await bergenXml('?release=1')).body);
    expect(released.find((event) => event['@id'] === String(rowId(moved.id)))!.start).toBe('10:00');
    const latest = xmlEvents((await bergenXml('?release=latest')).body);
    expect(latest.find((event) => event['@id'] === String(rowId(moved.id)))!.start).toBe('10:00');
    const live = xmlEvents((await bergenXml('?release=live')).body);
    expect(live.find((event) => event['@id'] === String(rowId(moved.id)))!.start).toBe('11:00');
    expect(ids((await bergenXml('?release=1')).body)).toEqual(before);
    expect(ids((await bergenXml('?release=live')).body)).toEqual(before);
    expect((await bergenXml('?release=7')).response.status).toBe(404);
    const osloIds = ids((await exportOf('schedule.xml')).body);
    const rooms = JSON.parse((await exportOf('schedule.json')).body).schedule.conference.rooms;

    const { conference: links } = await lectern.ok(
      `{ conference(slug: "${conference.slug}") { exports(locale: "en") { scheduleXml scheduleJson schedule2Json xcal sessionsCsv speakersCsv } } }`,
    );
    expect(links.exports).toEqual(
      Object.fromEntries(
        (
          [
            ['scheduleXml', 'schedule.xml'],
            ['scheduleJson', 'schedule.json'],
            ['schedule2Json', 'schedule2.json'],
            ['xcal', 'schedule.xcal'],
            ['sessionsCsv', 'sessions.csv'],
            ['speakersCsv', 'speakers.csv'],
          ] as const
        ).map(([field, file]) => [field, `${BASE}/exports/conferences/${conference.slug}/${file}?locale=en`]),
      ),
    );

    // A restart on the same database: the same ids and guids, rooms' guids included. The new
    // server starts before the old one stops, as a rolling restart does (and so PostgreSQL is not
    // emptied for it).
    const restarted = await startLectern(settings);
    await lectern.close();
    lectern = restarted;
    expect(ids((await exportOf('schedule.xml')).body)).toEqual(osloIds);
    expect(ids((await bergenXml('?release=1')).body)).toEqual(before);
    expect(JSON.parse((await exportOf('schedule.json')).body).schedule.conference.rooms).toEqual(rooms);
  });

  it("answers If-None-Match 304 before Nest routes it, 200 with a new ETag after a change in that conference, and 304 still for another conference's export", async () => {
    const osloPath = `/exports/conferences/${conference.slug}/schedule.xml`;
    const bergenPath = `/exports/conferences/${bergen.slug}/schedule.json`;
    const osloEtag = (await get(lectern, osloPath)).response.headers.get('etag')!;
    const bergenEtag = (await get(lectern, bergenPath)).response.headers.get('etag')!;
    // The exports are built (or taken from memory) by the service; a revalidation answered by the
    // onRequest hook never reaches it.
    const built = jest.spyOn(lectern.app.get(ExchangeExports), 'export');
    try {
      for (const [path, etag] of [
        [osloPath, osloEtag],
        [bergenPath, bergenEtag],
      ]) {
        const again = await get(lectern, path, { 'if-none-match': etag });
        expect(again.response.status).toBe(304);
        expect(again.body).toBe('');
        expect(again.response.headers.get('etag')).toBe(etag);
        expect(again.response.headers.get('cache-control')).toBe('public, max-age=300');
      }
      expect(built).not.toHaveBeenCalled();

      await organiser(
        `mutation { updateSession(id: "${late.id}", input: { title: [{ locale: "nb", text: "Nattprat, ny tittel" }] }) { id } }`,
      );
      const changed = await get(lectern, osloPath, { 'if-none-match': osloEtag });
      expect(changed.response.status).toBe(200);
      const newEtag = changed.response.headers.get('etag')!;
      expect(newEtag).toMatch(/^"[^"]+"$/);
      expect(newEtag).not.toBe(osloEtag);
      expect(changed.body).toContain('Nattprat, ny tittel');

      built.mockClear();
      expect((await get(lectern, osloPath, { 'if-none-match': newEtag })).response.status).toBe(304);
      expect((await get(lectern, osloPath, { 'if-none-match': osloEtag })).response.status).toBe(200);
      built.mockClear();
      const other = await get(lectern, bergenPath, { 'if-none-match': bergenEtag });
      expect(other.response.status).toBe(304);
      expect(other.response.headers.get('etag')).toBe(bergenEtag);
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });
});
