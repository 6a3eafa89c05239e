import ICAL from 'ical.js';
import { SqlLogger } from '../../src/database/sql-logger';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { instantsOf, instantsRead } from '../support/calendar-instants';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder, RoomRef, SessionFields, TrackRef } from '../support/programme';

const utc = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000).toISOString();

describe('calendar feeds follow the programme', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  let conference: ConferenceRef;
  let conferenceId: string;
  let room: RoomRef;
  let track: TrackRef;

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });

  async function feed(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${lectern.url}${path}`, { headers });
    const text = await response.text();
    if (response.status !== 200) return { response, text, events: [] as ICAL.Event[], calendar: undefined };
    const calendar = new ICAL.Component(ICAL.parse(text));
    return { response, text, calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
  }

  const newSession = (fields: SessionFields = {}, published = true) =>
    build.session(conference, {
      title: { sv: 'Höstens första', en: 'First of autumn' },
      room,
      track,
      startsAt: '2020-10-24T10:00:00+02:00',
      endsAt: '2020-10-24T10:30:00+02:00',
      ...fields,
      published,
    });

  const eventOf = (events: ICAL.Event[], uid: string) => events.find((event) => event.uid === `${uid}@lectern`);
  const PROGRAMME = '/calendars/conferences/hostdagarna-2020.ics';

  beforeAll(async () => {
    lectern = await startLectern();
    build = programmeBuilder(lectern);
    conference = await build.conference({
      slug: 'hostdagarna-2020',
      name: 'Höstdagarna 2020',
      startDate: '2020-10-24',
      endDate: '2020-10-26',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
      city: 'Göteborg',
    });
    conferenceId = conference.id;
    room = await build.room(conference, { slug: 'sal-a', name: 'Sal A' });
    track = await build.track(conference, { slug: 'data', name: 'Data' });
    await build.publish(conference);
  });
  afterAll(() => lectern.close());

  it('keeps local times right on both sides of the autumn change (25 October 2020)', async () => {
    const before = await newSession({ startsAt: '2020-10-24T10:00:00+02:00', endsAt: '2020-10-24T11:00:00+02:00' });
    const after = await newSession({ startsAt: '2020-10-26T10:00:00+01:00', endsAt: '2020-10-26T11:00:00+01:00' });
    const { events, text } = await feed(PROGRAMME);
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20201024T100000');
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20201026T100000');
    expect(eventOf(events, before.uid)!.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(utc(eventOf(events, before.uid)!.startDate)).toBe('2020-10-24T08:00:00.000Z');
    expect(utc(eventOf(events, after.uid)!.startDate)).toBe('2020-10-26T09:00:00.000Z');
  });

  it('keeps the two 02:30s of the autumn change apart, in every reader', async () => {
    // 02:30 summer time, then 02:30 winter time an hour later: a local time alone names both.
    const times = {
      summer: ['2020-10-25T02:30:00+02:00', '2020-10-25T02:50:00+02:00'],
      winter: ['2020-10-25T02:30:00+01:00', '2020-10-25T02:50:00+01:00'],
    } as const;
    const summer = await newSession({ startsAt: times.summer[0], endsAt: times.summer[1] });
    const winter = await newSession({ startsAt: times.winter[0], endsAt: times.winter[1] });
    const { text } = await feed(`/calendars/conferences/hostdagarna-2020/rooms/sal-a.ics`);
    const expected = instantsOf({ [summer.uid]: times.summer, [winter.uid]: times.winter });
    const { icalJs, nodeIcal } = instantsRead(text);
    for (const read of [icalJs, nodeIcal]) {
      expect({ [summer.uid]: read[summer.uid], [winter.uid]: read[winter.uid] }).toEqual(expected);
    }
  });

  it('shows a change on the very next request, though the feed was cached', async () => {
    const session = await newSession();
    const first = await feed(PROGRAMME);
    const statementsBefore = SqlLogger.statements;
    const cached = await feed(PROGRAMME);
    expect(SqlLogger.statements).toBe(statementsBefore);
    expect(cached.response.headers.get('etag')).toBe(first.response.headers.get('etag'));

    await organiser(`mutation { updateSession(id: "${session.id}", input: { title: [{ locale: "sv", text: "Nytt namn" }] }) { id } }`);
    const next = await feed(PROGRAMME, { 'if-none-match': first.response.headers.get('etag')! });
    expect(next.response.status).toBe(200);
    expect(next.response.headers.get('etag')).not.toBe(first.response.headers.get('etag'));
    expect(eventOf(next.events, session.uid)!.summary).toBe('Nytt namn');
  });

  it('moves a moved session under the same UID with a higher SEQUENCE, and keeps a cancelled one as CANCELLED', async () => {
    const session = await newSession();
    let event = eventOf((await feed(PROGRAMME)).events, session.uid)!;
    expect(event.sequence).toBe(session.revision);
    const created = event.sequence;

    await organiser(
      `mutation { updateSession(id: "${session.id}", input: { startsAt: "2020-10-25T14:00:00+01:00", endsAt: "2020-10-25T15:00:00+01:00" }) { id } }`,
    );
    event = eventOf((await feed(PROGRAMME)).events, session.uid)!;
    expect(event.sequence).toBe(created + 1);
    expect(utc(event.startDate)).toBe('2020-10-25T13:00:00.000Z');

    await organiser(`mutation { cancelSession(id: "${session.id}") { id } }`);
    const { events } = await feed(PROGRAMME);
    event = eventOf(events, session.uid)!;
    expect(event.sequence).toBe(created + 2);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.summary).toBe('Inställt: Höstens första');
    expect(
      eventOf((await feed(`/calendars/sessions/${rowId(session.id)}.ics`)).events, session.uid)!.component.getFirstPropertyValue('status'),
    ).toBe('CANCELLED');
  });

  it('adds a new session, and drops one that is unpublished, deleted or unscheduled', async () => {
    const fresh = await newSession();
    expect(eventOf((await feed(PROGRAMME)).events, fresh.uid)).toBeDefined();

    await organiser(`mutation { unpublishSession(id: "${fresh.id}") { id } }`);
    expect(eventOf((await feed(PROGRAMME)).events, fresh.uid)).toBeUndefined();
    expect((await feed(`/calendars/sessions/${rowId(fresh.id)}.ics`)).response.status).toBe(404);

    await organiser(`mutation { publishSession(id: "${fresh.id}") { id } }`);
    await organiser(`mutation { updateSession(id: "${fresh.id}", input: { startsAt: null, endsAt: null }) { id } }`);
    expect(eventOf((await feed(PROGRAMME)).events, fresh.uid)).toBeUndefined();
    const unscheduled = await feed(`/calendars/sessions/${rowId(fresh.id)}.ics`);
    expect(unscheduled.response.status).toBe(200);
    expect(unscheduled.events).toHaveLength(0);

    await organiser(`mutation { deleteSession(id: "${fresh.id}") { id } }`);
    expect((await feed(`/calendars/sessions/${rowId(fresh.id)}.ics`)).response.status).toBe(404);
  });

  it('never shows a draft: an unpublished session, or anything of an unpublished conference', async () => {
    const speaker = await build.speaker({ slug: 'hemlig', name: 'Hemlig Talare' });
    const draft = await newSession({ title: 'Hemligt utkast', speakers: [speaker] }, false);
    expect((await feed(PROGRAMME)).text).not.toContain('Hemligt utkast');
    expect((await feed(`/calendars/sessions/${rowId(draft.id)}.ics`)).response.status).toBe(404);
    expect((await feed('/calendars/speakers/hemlig.ics')).response.status).toBe(404);

    const shown = await newSession({ title: 'Publicerad' });
    await organiser(`mutation { unpublishConference(id: "${conferenceId}") { id } }`);
    try {
      for (const path of [
        PROGRAMME,
        '/calendars/conferences/hostdagarna-2020/tracks/data.ics',
        '/calendars/conferences/hostdagarna-2020/rooms/sal-a.ics',
        `/calendars/sessions/${rowId(shown.id)}.ics`,
      ]) {
        const { response, text } = await feed(path);
        expect([path, response.status]).toEqual([path, 404]);
        expect(text).not.toContain('Publicerad');
      }
    } finally {
      await organiser(`mutation { publishConference(id: "${conferenceId}") { id } }`);
    }
    expect((await feed(`/calendars/sessions/${rowId(shown.id)}.ics`)).response.status).toBe(200);
  });

  it('carries hostile text through intact, without letting it add a property or an event', async () => {
    const title = 'Evil\r\nBEGIN:VEVENT\r\nUID:injected;, "quoted" \\ 🎉 Привет мир مرحبا بالعالم';
    const abstract = 'Komma, semikolon; kolon:\nny rad\r\nEND:VEVENT\r\nBEGIN:VALARM\r\nEND:VCALENDAR';
    const hostile = await build.room(conference, { slug: 'hostile', name: 'Rum;\r\nX-INJECTED:yes' });
    const session = await newSession({ title, abstract: { sv: abstract }, room: hostile });

    for (const path of [`/calendars/sessions/${rowId(session.id)}.ics`, '/calendars/conferences/hostdagarna-2020/rooms/hostile.ics']) {
      const { events, calendar, text } = await feed(path);
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event.summary).toBe(title.replace(/\r\n/g, '\n'));
      expect(event.description.startsWith('Komma, semikolon; kolon:\nny rad\nEND:VEVENT\nBEGIN:VALARM\nEND:VCALENDAR\n\n')).toBe(true);
      expect(event.location).toBe('Rum;\nX-INJECTED:yes, Göteborg');
      expect(event.component.getAllSubcomponents()).toHaveLength(0);
      expect(event.component.getAllProperties().map((property) => property.name)).not.toContain('x-injected');
      expect(
        calendar!
          .getAllSubcomponents()
          .map((component) => component.name)
          .sort(),
      ).toEqual(['vevent', 'vtimezone']);
      expect(text.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
      expect(text.match(/^UID:/gm)).toHaveLength(1);
    }
  });
});
