import ICAL from 'ical.js';
import { MultidayDisplay } from '../../src/calendar/feed-parameters';
import { calendarContentHash } from '../../src/calendar/calendar-ledger.service';
import { renderFeed } from '../../src/calendar/feed-renderer';
import { PublishedSession } from '../../src/published/published-programme';
import { CalendarSession, calendarSession } from '../../src/calendar/calendar-session';
import { AppearanceRole } from '../../src/sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../../src/sessions/session.entity';
import { instantsOf, instantsRead } from '../support/calendar-instants';

// RFC 7986's NAME is TEXT; ical.js does not know it yet and would hand back the escaped form.
Object.assign(ICAL.design.icalendar.property, { name: { defaultType: 'text' }, 'x-wr-calname': { defaultType: 'text' } });

function session(changes: Partial<CalendarSession> = {}): CalendarSession {
  return {
    id: 1,
    uid: '00000000-0000-4000-8000-000000000001',
    title: { sv: 'Öppning', en: 'Opening' },
    abstract: { sv: 'Om **öppna** data.', en: 'On [open data](https://example.org/open).' },
    format: SessionFormat.TALK,
    status: SessionStatus.CONFIRMED,
    startsAt: new Date('2020-03-28T09:00:00Z'),
    endsAt: new Date('2020-03-28T09:30:00Z'),
    revision: 2,
    streamUrl: null,
    createdAt: new Date('2020-01-02T03:04:05Z'),
    updatedAt: new Date('2020-02-03T04:05:06Z'),
    room: { name: 'Sal A', streamUrl: null },
    track: { name: 'Öppna data' },
    conference: { name: 'Test', timeZone: 'Europe/Stockholm', defaultLocale: 'sv', venue: 'Folkets hus', city: 'Umeå', websiteUrl: null },
    lineUp: [{ role: AppearanceRole.MODERATOR, title: 'chef', organisation: 'Myndigheten', speakerName: 'Ada Lund' }],
    ...changes,
  };
}

function render(sessions: CalendarSession[], options: { locale?: string; multiday?: MultidayDisplay } = {}) {
  const text = renderFeed(
    { name: 'Test, 2020; "all"', description: 'Everything', url: 'https://lectern.example/calendars/x.ics' },
    sessions,
    {
      multiday: MultidayDisplay.TIMED,
      sessionUrl: (id) => `https://lectern.example/calendars/sessions/${id}.ics`,
      ...options,
    },
  );
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { text, calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

const utc = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000).toISOString();

/** Sessions by uid, each from `start` to `end` (UTC) in `timeZone`. */
function sessionsAt(timeZone: string, times: Record<string, [start: string, end: string]>): CalendarSession[] {
  return Object.entries(times).map(([uid, [start, end]], index) =>
    session({ id: index + 1, uid, startsAt: new Date(start), endsAt: new Date(end), conference: { ...session().conference, timeZone } }),
  );
}

describe('feed renderer', () => {
  it('writes local times with a VTIMEZONE that resolves them, on both sides of the spring change', () => {
    // Sweden went to summer time on 29 March 2020 at 02:00.
    const { calendar, events } = render([
      session({ id: 1, startsAt: new Date('2020-03-28T09:00:00Z'), endsAt: new Date('2020-03-28T09:30:00Z') }),
      session({ id: 2, uid: 'second', startsAt: new Date('2020-03-30T08:00:00Z'), endsAt: new Date('2020-03-30T08:30:00Z') }),
      session({ id: 3, uid: 'third', startsAt: new Date('2020-10-24T08:00:00Z'), endsAt: new Date('2020-10-24T08:30:00Z') }),
      session({ id: 4, uid: 'fourth', startsAt: new Date('2020-10-26T09:00:00Z'), endsAt: new Date('2020-10-26T09:30:00Z') }),
    ]);
    expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Stockholm']);
    expect(events.map((event) => event.startDate.toString())).toEqual([
      '2020-03-28T10:00:00',
      '2020-03-30T10:00:00',
      '2020-10-24T10:00:00',
      '2020-10-26T10:00:00',
    ]);
    expect(events.map((event) => event.startDate.zone?.tzid)).toEqual(Array(4).fill('Europe/Stockholm'));
    expect(events.map((event) => utc(event.startDate))).toEqual([
      '2020-03-28T09:00:00.000Z',
      '2020-03-30T08:00:00.000Z',
      '2020-10-24T08:00:00.000Z',
      '2020-10-26T09:00:00.000Z',
    ]);
  });

  it('writes a start or end in the repeated hour so that no reader takes one occurrence for the other', () => {
    // Sweden's clocks went back from 03:00 CEST to 02:00 CET on 25 October 2020 (01:00Z); New York's
    // from 02:00 EDT to 01:00 EST on 1 November 2020 (06:00Z).
    const stockholm = {
      'first-0230': ['2020-10-25T00:30:00Z', '2020-10-25T00:45:00Z'], // 02:30 CEST
      'second-0230': ['2020-10-25T01:30:00Z', '2020-10-25T01:45:00Z'], // 02:30 CET
      'ends-in-it': ['2020-10-24T23:00:00Z', '2020-10-25T00:15:00Z'], // 01:00 CEST to 02:15 CEST
      'starts-at-the-change': ['2020-10-25T01:00:00Z', '2020-10-25T02:00:00Z'], // 02:00 CET to 03:00 CET
      'after-it': ['2020-10-25T02:00:00Z', '2020-10-25T03:00:00Z'], // 03:00 CET to 04:00 CET
    } satisfies Record<string, [string, string]>;
    const newYork = {
      'first-0130': ['2020-11-01T05:30:00Z', '2020-11-01T05:45:00Z'], // 01:30 EDT
      'second-0130': ['2020-11-01T06:30:00Z', '2020-11-01T06:45:00Z'], // 01:30 EST
    } satisfies Record<string, [string, string]>;
    const { text } = render([...sessionsAt('Europe/Stockholm', stockholm), ...sessionsAt('America/New_York', newYork)]);

    // Nothing is written as a local time that names two instants.
    const lines = text.split('\r\n');
    expect(lines.filter((line) => /^DT(START|END);TZID=Europe\/Stockholm:20201025T02/.test(line))).toEqual([]);
    expect(lines.filter((line) => /^DT(START|END);TZID=America\/New_York:20201101T01/.test(line))).toEqual([]);
    expect(lines).toContain('DTSTART:20201025T003000Z');
    expect(lines).toContain('DTSTART:20201025T013000Z');
    expect(lines).toContain('DTSTART:20201101T053000Z');
    expect(lines).toContain('DTSTART:20201101T063000Z');
    // What is not in the repeated hour keeps its zone.
    expect(lines).toContain('DTSTART;TZID=Europe/Stockholm:20201025T030000');

    const read = instantsRead(text);
    const expected = instantsOf({ ...stockholm, ...newYork });
    expect(read.icalJs).toEqual(expected);
    expect(read.nodeIcal).toEqual(expected);
  });

  it('writes the local times on either side of the spring gap, never one inside it', () => {
    // Sweden's clocks went from 02:00 CET to 03:00 CEST on 29 March 2020 (01:00Z); New York's
    // from 02:00 EST to 03:00 EDT on 8 March 2020 (07:00Z).
    const stockholm = {
      'over-the-gap': ['2020-03-29T00:30:00Z', '2020-03-29T01:30:00Z'], // 01:30 CET to 03:30 CEST: one hour
      'up-to-it': ['2020-03-29T00:00:00Z', '2020-03-29T00:59:00Z'], // 01:00 to 01:59 CET
      'from-it': ['2020-03-29T01:00:00Z', '2020-03-29T02:00:00Z'], // 03:00 to 04:00 CEST
    } satisfies Record<string, [string, string]>;
    const newYork = { 'over-the-gap-ny': ['2020-03-08T06:30:00Z', '2020-03-08T07:30:00Z'] } satisfies Record<string, [string, string]>;
    const { text } = render([...sessionsAt('Europe/Stockholm', stockholm), ...sessionsAt('America/New_York', newYork)]);
    const lines = text.split('\r\n');
    expect(lines).toContain('DTSTART;TZID=Europe/Stockholm:20200329T013000');
    expect(lines).toContain('DTEND;TZID=Europe/Stockholm:20200329T033000');
    expect(lines).toContain('DTSTART;TZID=Europe/Stockholm:20200329T030000');
    expect(lines).toContain('DTSTART;TZID=America/New_York:20200308T013000');
    expect(lines).toContain('DTEND;TZID=America/New_York:20200308T033000');
    expect(lines.filter((line) => /;TZID=Europe\/Stockholm:20200329T02/.test(line))).toEqual([]);

    const read = instantsRead(text);
    const expected = instantsOf({ ...stockholm, ...newYork });
    expect(read.icalJs).toEqual(expected);
    expect(read.nodeIcal).toEqual(expected);
  });

  it("gives each zone the rules of the feed's own years, not today's: a reader of the VTIMEZONE gets past dates right", () => {
    const cases = {
      // Until 2007 the United States kept summer time from the first Sunday of April to the last of October.
      'America/New_York': {
        'ny-2006-april': ['2006-04-01T17:00:00Z', '2006-04-01T18:00:00Z'], // 12:00 EST, before 2 April
        'ny-2006-summer': ['2006-07-01T16:00:00Z', '2006-07-01T17:00:00Z'], // 12:00 EDT
        'ny-2006-october': ['2006-10-30T17:00:00Z', '2006-10-30T18:00:00Z'], // 12:00 EST, after 29 October
      },
      // Moscow kept summer time (+04) until 2010, then +04 all year, and +03 all year since 2014.
      'Europe/Moscow': {
        'moscow-2010-summer': ['2010-07-01T08:00:00Z', '2010-07-01T09:00:00Z'], // 12:00 MSD
        'moscow-2010-winter': ['2010-12-01T09:00:00Z', '2010-12-01T10:00:00Z'], // 12:00 MSK
      },
      // Brazil kept summer time until 2019: São Paulo was at -02 in January 2018.
      'America/Sao_Paulo': {
        'sao-paulo-2018-january': ['2018-01-10T14:00:00Z', '2018-01-10T15:00:00Z'], // 12:00 -02
        'sao-paulo-2018-june': ['2018-06-10T15:00:00Z', '2018-06-10T16:00:00Z'], // 12:00 -03
      },
      // Mexico kept summer time until 2022: Mexico City was at -05 in July 2020.
      'America/Mexico_City': {
        'mexico-2020-july': ['2020-07-01T17:00:00Z', '2020-07-01T18:00:00Z'], // 12:00 CDT
        'mexico-2020-december': ['2020-12-01T18:00:00Z', '2020-12-01T19:00:00Z'], // 12:00 CST
      },
    } satisfies Record<string, Record<string, [string, string]>>;
    for (const [zone, times] of Object.entries(cases)) {
      const { text, calendar } = render(sessionsAt(zone, times));
      // Every one of them is noon where it happens.
      for (const line of text.split('\r\n').filter((l) => l.startsWith('DTSTART;')))
        expect(line).toMatch(new RegExp(`;TZID=${zone}:\\d{8}T120000$`));
      const [vtimezone] = calendar.getAllSubcomponents('vtimezone');
      expect(vtimezone.getFirstPropertyValue('tzid')).toBe(zone);
      // Observances for these years, none extrapolated by a rule.
      expect(text).not.toContain('RRULE');
      const read = instantsRead(text);
      expect(read.icalJs).toEqual(instantsOf(times));
      expect(read.nodeIcal).toEqual(instantsOf(times));
    }
  });

  it('covers every year a feed holds, also years apart under different rules', () => {
    const times = {
      'ny-2006': ['2006-04-01T17:00:00Z', '2006-04-01T18:00:00Z'], // 12:00 EST (2006 rules)
      'ny-2020': ['2020-03-28T16:00:00Z', '2020-03-28T17:00:00Z'], // 12:00 EDT (2007 rules)
      'ny-2021-new-year': ['2021-01-01T04:00:00Z', '2021-01-01T06:00:00Z'], // 23:00 to 01:00 EST, into 2021
    } satisfies Record<string, [string, string]>;
    const { text } = render(sessionsAt('America/New_York', times));
    const read = instantsRead(text);
    expect(read.icalJs).toEqual(instantsOf(times));
    expect(read.nodeIcal).toEqual(instantsOf(times));
  });

  it('names a linked zone as the events do (Europe/Oslo, a link to Europe/Berlin in the tz database)', () => {
    const conference = { ...session().conference, timeZone: 'Europe/Oslo' };
    const { calendar, events } = render([session({ conference })]);
    expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Oslo']);
    expect(events[0].startDate.zone?.tzid).toBe('Europe/Oslo');
    expect(utc(events[0].startDate)).toBe('2020-03-28T09:00:00.000Z');
  });

  it('writes one VTIMEZONE per zone, and stamps in UTC whatever the zones', () => {
    const { text, calendar, events } = render([
      session(),
      session({ id: 2, uid: 'oslo', conference: { ...session().conference, timeZone: 'Europe/Oslo' } }),
      session({ id: 3, uid: 'again' }),
    ]);
    expect(
      calendar
        .getAllSubcomponents('vtimezone')
        .map((zone) => zone.getFirstPropertyValue('tzid'))
        .sort(),
    ).toEqual(['Europe/Oslo', 'Europe/Stockholm']);
    expect(text).toContain('DTSTAMP:20200203T040506Z');
    expect(text).toContain('CREATED:20200102T030405Z');
    expect(text).toContain('LAST-MODIFIED:20200203T040506Z');
    const vevent = events[0].component;
    expect(utc(vevent.getFirstPropertyValue('dtstamp') as ICAL.Time)).toBe('2020-02-03T04:05:06.000Z');
  });

  it("fills every property a calendar shows, in the conference's language by default", () => {
    const { events, calendar } = render([session()]);
    const [event] = events;
    expect(event.uid).toBe('00000000-0000-4000-8000-000000000001@lectern');
    expect(event.sequence).toBe(2);
    expect(event.summary).toBe('Öppning');
    expect(event.location).toBe('Sal A, Folkets hus, Umeå');
    expect(event.description).toBe(
      'Om öppna data.\n\nModerator: Ada Lund (chef, Myndigheten)\n\nTest\nhttps://lectern.example/calendars/sessions/1.ics',
    );
    expect(event.component.getFirstPropertyValue('url')).toBe('https://lectern.example/calendars/sessions/1.ics');
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.component.getFirstProperty('categories')!.getValues()).toEqual(['Öppna data', 'Föredrag']);
    expect(calendar.getFirstPropertyValue('name')).toBe('Test, 2020; "all"');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Test, 2020; "all"');
    expect(calendar.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT1H');
    expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT1H');
  });

  it("writes the calendar's own properties before its components, and ends every line with CRLF, the last one too", () => {
    const oslo = session({ id: 2, uid: 'oslo', conference: { ...session().conference, timeZone: 'Europe/Oslo' } });
    for (const sessions of [[session(), oslo], []]) {
      const { text } = render(sessions);
      expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(text.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

      // The calendar's own level, unfolded: its properties, then its components, and nothing after.
      const lines = text
        .replace(/\r\n[ \t]/g, '')
        .split('\r\n')
        .slice(1, -2);
      const calendarLevel: string[] = [];
      let depth = 0;
      for (const line of lines) {
        if (line.startsWith('BEGIN:')) {
          if (depth++ === 0) calendarLevel.push(line);
        } else if (line.startsWith('END:')) depth--;
        else if (depth === 0) calendarLevel.push(line.replace(/[;:].*/s, ''));
      }
      const components = calendarLevel.findIndex((line) => line.startsWith('BEGIN:'));
      const properties = components < 0 ? calendarLevel : calendarLevel.slice(0, components);
      expect(properties).toEqual(
        expect.arrayContaining(['VERSION', 'PRODID', 'NAME', 'X-WR-CALNAME', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL']),
      );
      expect(calendarLevel.slice(properties.length)).toEqual(
        sessions.length ? ['BEGIN:VTIMEZONE', 'BEGIN:VTIMEZONE', 'BEGIN:VEVENT', 'BEGIN:VEVENT'] : [],
      );
    }
  });

  it("describes the calendar (RFC 7986 DESCRIPTION) and names its conference's zone (X-WR-TIMEZONE)", () => {
    const { calendar } = render([session()]);
    expect(calendar.getFirstPropertyValue('description')).toBe('Everything');
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe('Everything');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Stockholm');

    const feed = (timeZone: string | undefined, sessions: CalendarSession[]) =>
      new ICAL.Component(
        ICAL.parse(
          renderFeed({ name: 'n', description: 'd', url: 'https://x.example/a.ics', timeZone }, sessions, {
            multiday: MultidayDisplay.TIMED,
            sessionUrl: () => 'https://x.example/s.ics',
          }),
        ),
      ).getFirstPropertyValue('x-wr-timezone');
    const oslo = session({ id: 2, uid: 'oslo', conference: { ...session().conference, timeZone: 'Europe/Oslo' } });
    // A conference's feed names its zone, with sessions or without.
    expect(feed('Europe/Oslo', [])).toBe('Europe/Oslo');
    // A speaker's or an agenda's: the zone its sessions share, and none when they are in several.
    expect(feed(undefined, [oslo])).toBe('Europe/Oslo');
    expect(feed(undefined, [session(), oslo])).toBeNull();
    expect(feed(undefined, [])).toBeNull();
  });

  it("colours an event as its track (RFC 7986 COLOR): the CSS3 colour nearest the track's", () => {
    const colours = {
      teal: '#008080',
      green: '#1a7f37', // a darker green than CSS's "green" is nearest forestgreen
      named: 'Teal',
      purple: '#663399', // rebeccapurple is CSS Color 4, not CSS3
      none: null,
    };
    const sessions = Object.entries(colours).map(([uid, color], index) =>
      session({ id: index + 1, uid, track: { name: `Track ${uid}`, color } }),
    );
    const { events } = render([
      ...sessions,
      session({ id: 9, uid: 'no-track', track: null }),
      session({ id: 10, uid: 'unknown', track: { name: 'Old' } }),
    ]);
    const colourOf = Object.fromEntries(
      events.map((event) => [event.uid.replace(/@lectern$/, ''), event.component.getFirstPropertyValue('color')]),
    );
    expect(colourOf).toEqual({
      teal: 'teal',
      green: 'forestgreen',
      named: 'teal',
      purple: 'darkslateblue',
      none: null,
      'no-track': null,
      unknown: null,
    });
  });

  it("takes a released session's track colour where the release has one, and none where it has not", () => {
    const released = (track: PublishedSession['track'] & { color?: string | null }): PublishedSession => ({
      id: 1,
      uid: 'released',
      title: { sv: 'Släppt' },
      abstract: {},
      format: SessionFormat.TALK,
      language: 'sv',
      status: SessionStatus.CONFIRMED,
      startsAt: '2020-03-28T09:00:00.000Z',
      endsAt: '2020-03-28T09:30:00.000Z',
      revision: 1,
      streamUrl: null,
      recordingUrl: null,
      slidesUrl: null,
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
      room: null,
      track,
      lineUp: [],
    });
    const [kept, lacking] = [released({ slug: 'data', name: 'Data', color: '#008080' }), released({ slug: 'data', name: 'Data' })].map(
      (snapshot) => calendarSession(snapshot, session().conference),
    );
    expect([kept.track, lacking.track]).toEqual([
      { name: 'Data', color: '#008080' },
      { name: 'Data', color: null },
    ]);
    expect(render([kept, lacking]).events.map((event) => event.component.getFirstPropertyValue('color'))).toEqual(['teal', null]);
  });

  it('gives the stream a session is watched on as its CONFERENCE (RFC 7986)', () => {
    const conference = (event: ICAL.Event) => {
      const property = event.component.getFirstProperty('conference');
      return (
        property && { url: property.getFirstValue(), label: property.getParameter('label'), feature: property.getParameter('feature') }
      );
    };
    const [online, ownStream, none, hostile, notWeb] = render([
      session({ id: 1, uid: 'online', room: { name: 'Online "Sal"\nB', streamUrl: 'https://stream.example/a?x=1,2;3' } }),
      session({ id: 2, uid: 'own', streamUrl: 'https://play.example/b' }),
      session({ id: 3, uid: 'none' }),
      session({ id: 4, uid: 'hostile', streamUrl: 'https://x.example/a b"\r\nX-INJECTED:1' }),
      session({ id: 5, uid: 'not-web', streamUrl: 'javascript:alert(1)' }),
    ]).events;
    expect(conference(online)).toEqual({ url: 'https://stream.example/a?x=1,2;3', label: 'Online "Sal"\nB', feature: 'AUDIO,VIDEO' });
    expect(conference(ownStream)).toEqual({ url: 'https://play.example/b', label: 'Sändning', feature: 'AUDIO,VIDEO' });
    expect(conference(none)).toBeNull();
    expect(conference(hostile)?.url).toBe('https://x.example/a%20b%22X-INJECTED:1');
    expect(hostile.component.getAllProperties().map((property) => property.name)).not.toContain('x-injected');
    expect(conference(notWeb)).toBeNull();
  });

  it('follows the locale asked for, with the links of the abstract kept', () => {
    const [event] = render([session()], { locale: 'en-GB' }).events;
    expect(event.summary).toBe('Opening');
    expect(event.description).toMatch(/^On open data \(https:\/\/example\.org\/open\)\.\n\nModerator: Ada Lund/);
    expect(event.component.getFirstProperty('categories')!.getValues()).toEqual(['Öppna data', 'Talk']);
  });

  it('marks a cancelled session CANCELLED, in STATUS and in its title', () => {
    const [event] = render([session({ status: SessionStatus.CANCELLED, revision: 3 })], { locale: 'en' }).events;
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.summary).toBe('Cancelled: Opening');
    expect(event.sequence).toBe(3);
  });

  it('leaves out unscheduled sessions', () => {
    expect(render([session({ startsAt: null, endsAt: null })]).events).toHaveLength(0);
  });

  it("gives an online room's stream as the location", () => {
    const [event] = render([session({ room: { name: 'Online', streamUrl: 'https://stream.example/a' } })]).events;
    expect(event.location).toBe('Online, https://stream.example/a');
  });

  it('shows a session over several days as all-day entries only when asked, with its real times in the description', () => {
    const hackathon = session({ startsAt: new Date('2016-10-03T07:00:00Z'), endsAt: new Date('2016-10-05T14:00:00Z') });
    const talk = session({ id: 2, uid: 'talk' });
    const midnight = session({
      id: 3,
      uid: 'midnight',
      startsAt: new Date('2016-10-03T20:00:00Z'),
      endsAt: new Date('2016-10-03T22:00:00Z'),
    });

    const timed = render([hackathon]).events[0];
    expect(timed.startDate.isDate).toBe(false);
    expect(utc(timed.endDate)).toBe('2016-10-05T14:00:00.000Z');

    const [allDay, sameDay, toMidnight] = render([hackathon, talk, midnight], { multiday: MultidayDisplay.ALLDAY, locale: 'en' }).events;
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe('2016-10-03');
    expect(allDay.endDate.toString()).toBe('2016-10-06'); // DTEND of a date is the day after the last
    expect(allDay.description).toMatch(/^Oct 3, 2016, 9:00\sAM\s–\sOct 5, 2016, 4:00\sPM \(Europe\/Stockholm\)\n\n/);
    expect(sameDay.startDate.isDate).toBe(false);
    // 22:00 to midnight local time stays on its one day.
    expect(toMidnight.startDate.isDate).toBe(false);
  });

  it('keeps hostile text inside its property: no line, property or component can be injected', () => {
    const hostile = 'Evil\r\nBEGIN:VEVENT\r\nUID:x;,\\ 🎉 Привет مرحبا\nEND:VCALENDAR\u0000\u0007';
    const { events, calendar } = render([
      session({
        title: { sv: hostile },
        abstract: { sv: hostile },
        track: { name: 'a,b;c' },
        room: { name: 'Rum;\nX-INJECTED:1', streamUrl: null },
      }),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe('Evil\r\nBEGIN:VEVENT\r\nUID:x;,\\ 🎉 Привет مرحبا\nEND:VCALENDAR'.replace(/\r\n/g, '\n'));
    expect(events[0].component.getFirstProperty('categories')!.getValues()).toEqual(['a,b;c', 'Föredrag']);
    expect(events[0].location).toBe('Rum;\nX-INJECTED:1, Folkets hus, Umeå');
    expect(events[0].component.getAllProperties().map((p) => p.name)).not.toContain('x-injected');
    expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(['vtimezone', 'vevent']);
  });

  it("escapes the calendar's own name and description, which ical-generator writes as given", () => {
    const hostile = 'Konf\r\nBEGIN:VEVENT\r\nX-INJECTED:1;,';
    const text = renderFeed({ name: hostile, description: hostile, url: 'https://x.example/a.ics' }, [], {
      multiday: MultidayDisplay.TIMED,
      sessionUrl: () => 'https://x.example/s.ics',
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('name')).toBe('Konf\nBEGIN:VEVENT\nX-INJECTED:1;,');
    expect(calendar.getAllProperties().map((property) => property.name)).not.toContain('x-injected');
    expect(calendar.getAllSubcomponents()).toHaveLength(0);
  });

  it('writes the same bytes for the same programme', () => {
    expect(render([session()]).text).toBe(render([session()]).text);
  });

  it('writes UTC times for a zone the tz database does not know (yet)', () => {
    const { text } = render([session({ conference: { ...session().conference, timeZone: 'Europe/Nowhere' } })]);
    expect(text).toContain('DTSTART:20200328T090000Z');
    expect(text).not.toContain('TZID');
  });

  it('folds long lines at 75 octets without splitting a character, and a reader gets the text back whole (but for a lone surrogate)', () => {
    // Multi-byte letters, an emoji (a surrogate pair in JavaScript) and a lone surrogate at every offset.
    const title = 'Öppna data i Umeå – '.repeat(6) + '😀'.repeat(25) + 'ø€'.repeat(40) + '\uD800x';
    const { text, events } = render([session({ title: { sv: title } })]);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // A lone surrogate has no UTF-8 form: the feed's bytes carry U+FFFD in its place.
    expect(events[0].summary).toBe(title.replace('\uD800', '\uFFFD'));
  });
});

describe("the calendar ledger's content hash", () => {
  // Written by the first form of the hash: were it to change, every event in every feed would
  // raise its SEQUENCE and LAST-MODIFIED once, with nothing changed.
  it('stays what it has been for the same content', () => {
    const base = {
      ...session(),
      title: { sv: 'Öppning', en: 'Opening' },
      abstract: { en: 'About *it*', sv: 'Om det' },
      format: SessionFormat.TALK,
      status: SessionStatus.CONFIRMED,
      startsAt: new Date('2030-05-01T08:00:00.000Z'),
      endsAt: new Date('2030-05-01T09:00:00.000Z'),
      streamUrl: null,
      room: { name: 'Sal A', streamUrl: 'https://stream.example.org/a' },
      track: { name: 'Data', color: '#008080' },
      conference: {
        name: 'Internetdagarna 2030',
        timeZone: 'Europe/Stockholm',
        defaultLocale: 'sv',
        venue: 'Münchenbryggeriet',
        city: 'Stockholm',
        websiteUrl: null,
      },
      lineUp: [
        { role: AppearanceRole.MODERATOR, title: 'vd', organisation: 'Internetstiftelsen', speakerName: 'Anna Berg' },
        { role: AppearanceRole.SPEAKER, title: null, organisation: null, speakerName: 'Bo Ek' },
      ],
    };
    const unscheduled = { ...base, startsAt: null, endsAt: null, room: null, track: null, lineUp: [], abstract: {} };
    const withoutColour = { ...base, track: { name: 'Data' } };
    expect([base, unscheduled, withoutColour].map(calendarContentHash)).toEqual([
      'cc6bae7296acb8ac5d9fe73e7fefe6136886dad880a8d4e14967b83995d19442',
      'eea84a511b159e7917ac8496403767cf5ae76c0ed07278ebdde50a75cf2dd969',
      '902d17bf4bb4f4b1b376d9a89fa9277ce289a60af3c087ed86d4fe386ae74e26',
    ]);
    // And it tells a change of anything a calendar shows.
    expect(calendarContentHash({ ...base, lineUp: [base.lineUp[1], base.lineUp[0]] })).not.toBe(calendarContentHash(base));
    expect(calendarContentHash({ ...base, room: { ...base.room, name: 'Sal B' } })).not.toBe(calendarContentHash(base));
  });
});
