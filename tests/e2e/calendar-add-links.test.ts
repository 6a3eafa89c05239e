import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { programmeBuilder, SessionRef } from '../support/programme';

const BASE = 'https://lectern.example.org';
const SLUG = 'teknologi-og-politikk-2020';
const TITLE = 'Innovation in the private and public sectors';
const STARTS = '2020-08-19T10:00:00+02:00';
const ENDS = '2020-08-19T10:20:00+02:00';

let lectern: Lectern;
let scheduled: SessionRef;
let unscheduled: SessionRef;

interface Feed {
  response: Response;
  text: string;
  events: { uid: string; summary: string; start: string; end: string }[];
}

async function feed(url: string, headers: Record<string, string> = {}): Promise<Feed> {
  const response = await fetch(url.replace(BASE, lectern.url), { headers });
  const text = await response.text();
  const events =
    response.status === 200
      ? new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => {
          const event = new ICAL.Event(vevent);
          return { uid: event.uid, summary: event.summary, start: event.startDate.toString(), end: event.endDate.toString() };
        })
      : [];
  return { response, text, events };
}

const filenameOf = (response: Response) => /^attachment; filename="([^"]+)"$/.exec(response.headers.get('content-disposition') ?? '')?.[1];

/** An instant written in a link; one without an offset is read far from UTC, so that it cannot pass by luck. */
const instant = (text: string, format?: string) =>
  (format ? DateTime.fromFormat(text, format, { zone: 'utc' }) : DateTime.fromISO(text, { zone: 'Pacific/Kiritimati' })).toMillis();

beforeAll(async () => {
  lectern = await startLectern({ PUBLIC_BASE_URL: BASE });
  const build = programmeBuilder(lectern);
  const oslo = await build.conference({
    slug: SLUG,
    name: 'Teknologi og politikk 2020',
    startDate: '2020-08-19',
    timeZone: 'Europe/Oslo',
    defaultLocale: 'nb',
    city: 'Oslo',
    published: true,
  });
  const eirik = await build.speaker({ slug: 'eirik-lokke', name: 'Eirik Løkke' });
  scheduled = await build.session(oslo, {
    title: { en: TITLE, nb: 'Innovasjon i privat og offentlig sektor' },
    format: 'PANEL',
    room: await build.room(oslo, { slug: 'hovedscenen', name: 'Hovedscenen' }),
    track: await build.track(oslo, { slug: 'digital-etikk', name: 'Digital etikk' }),
    startsAt: STARTS,
    endsAt: ENDS,
    speakers: [{ speaker: eirik, role: 'MODERATOR' }],
    published: true,
  });
  await build.session(oslo, { title: { en: 'Later talk' }, startsAt: '2020-08-19T11:00:00+02:00', published: true });
  unscheduled = await build.session(oslo, { title: { en: 'Time to be decided' }, startsAt: null, speakers: [eirik], published: true });
});
afterAll(() => lectern.close());

describe('download=1', () => {
  it('sends every feed as an attachment with a sensible .ics name, the same events as the subscription and never the agenda token', async () => {
    const data = await lectern.ok(`{
      conference(slug: "${SLUG}") {
        calendar { https download }
        english: calendar(locale: "en") { https download }
        tracks { calendar { https download } }
        rooms { calendar { https download } }
      }
      session(id: "${scheduled.id}") { calendar { https download } }
      speaker(slug: "eirik-lokke") { calendar { https download } }
    }`);
    const agenda = (await lectern.ok(`mutation { createAgenda { token readToken } }`)).createAgenda;
    const withSession = await lectern.ok(
      `mutation ($token: String!, $id: ID!) { addToAgenda(token: $token, sessionId: $id) { calendar { https download } } }`,
      { token: agenda.token, id: scheduled.id },
    );

    const cases: [string, { https: string; download: string }, string][] = [
      ['conference', data.conference.calendar, `${SLUG}.ics`],
      ['conference in English', data.conference.english, `${SLUG}.ics`],
      ['track', data.conference.tracks[0].calendar, `${SLUG}-digital-etikk.ics`],
      ['room', data.conference.rooms[0].calendar, `${SLUG}-hovedscenen.ics`],
      ['session', data.session.calendar, `session-${rowId(scheduled.id)}.ics`],
      ['speaker', data.speaker.calendar, 'eirik-lokke.ics'],
      ['agenda', withSession.addToAgenda.calendar, 'agenda.ics'],
    ];
    expect(data.conference.english.download).toBe(`${BASE}/calendars/conferences/${SLUG}.ics?locale=en&download=1`);
    for (const [kind, { https, download }, filename] of cases) {
      expect([kind, download]).toEqual([kind, `${https}${https.includes('?') ? '&' : '?'}download=1`]);
      const subscription = await feed(https);
      const file = await feed(download);
      expect([kind, subscription.response.status, file.response.status]).toEqual([kind, 200, 200]);
      expect([kind, filenameOf(file.response)]).toEqual([kind, filename]);
      expect(subscription.response.headers.get('content-disposition')).toBeNull();
      expect(file.response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(file.events.length).toBeGreaterThan(0);
      expect([kind, file.events]).toEqual([kind, subscription.events]);
      expect(file.response.headers.get('etag')).toBe(subscription.response.headers.get('etag'));
      expect(file.response.headers.get('cache-control')).toBe(subscription.response.headers.get('cache-control'));
    }

    const agendaFile = (await feed(withSession.addToAgenda.calendar.download)).response;
    const disposition = agendaFile.headers.get('content-disposition')!;
    expect(disposition).not.toContain(agenda.readToken);
    expect(disposition).not.toContain(agenda.token);
    expect(agendaFile.headers.get('cache-control')).toMatch(/^private/);
    expect((await feed(withSession.addToAgenda.calendar.download)).events.map((e) => e.summary)).toEqual([
      'Innovasjon i privat og offentlig sektor',
    ]);
  });

  it('answers 304 to a conditional request with the ETag, as the subscription does', async () => {
    const { download } = (await lectern.ok(`{ session(id: "${scheduled.id}") { calendar { download } } }`)).session.calendar;
    const first = await feed(download);
    const etag = first.response.headers.get('etag')!;
    expect(etag).toBeTruthy();
    for (let i = 0; i < 2; i++) {
      const again = await feed(download, { 'if-none-match': etag });
      expect(again.response.status).toBe(304);
      expect(again.response.headers.get('etag')).toBe(etag);
      expect(again.response.headers.get('cache-control')).toBe(first.response.headers.get('cache-control'));
    }
    const stale = await feed(download, { 'if-none-match': '"not-the-etag"' });
    expect(stale.response.status).toBe(200);
    expect(filenameOf(stale.response)).toBe(`session-${rowId(scheduled.id)}.ics`);
  });

  it('takes only download=1, answering 400 naming the parameter otherwise', async () => {
    for (const path of [`/calendars/conferences/${SLUG}.ics`, `/calendars/sessions/${rowId(scheduled.id)}.ics`]) {
      for (const query of ['download=2', 'download=yes', 'download=true', 'download=', 'download=1&download=1']) {
        const { response, text } = await feed(`${lectern.url}${path}?${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.headers.get('content-disposition')).toBeNull();
        expect(text.startsWith('download: ')).toBe(true);
      }
    }
  });
});

describe('add to calendar links', () => {
  const LINKS = 'googleCalendarUrl(locale: "en") outlookCalendarUrl(locale: "en") office365CalendarUrl(locale: "en")';

  it("give Google Calendar, Outlook.com and Office 365 the session's title and its instants", async () => {
    const { session } = await lectern.ok(`{ session(id: "${scheduled.id}") { ${LINKS} } }`);
    const start = DateTime.fromISO(STARTS).toMillis();
    const end = DateTime.fromISO(ENDS).toMillis();

    const google = new URL(session.googleCalendarUrl);
    expect(`${google.origin}${google.pathname}`).toBe('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('action')).toBe('TEMPLATE');
    expect(google.searchParams.get('text')).toBe(TITLE);
    const [googleStart, googleEnd] = google.searchParams.get('dates')!.split('/');
    expect([instant(googleStart, "yyyyLLdd'T'HHmmss'Z'"), instant(googleEnd, "yyyyLLdd'T'HHmmss'Z'")]).toEqual([start, end]);
    expect(google.searchParams.get('location')).toBe('Hovedscenen, Oslo');

    for (const [link, origin] of [
      [session.outlookCalendarUrl, 'https://outlook.live.com'],
      [session.office365CalendarUrl, 'https://outlook.office.com'],
    ]) {
      const url = new URL(link);
      expect(url.origin).toBe(origin);
      expect(url.searchParams.get('subject')).toBe(TITLE);
      expect(url.searchParams.get('location')).toBe('Hovedscenen, Oslo');
      expect(url.searchParams.get('body')).toContain('Moderator: Eirik Løkke');
      expect([instant(url.searchParams.get('startdt')!), instant(url.searchParams.get('enddt')!)]).toEqual([start, end]);
    }
  });

  it('are empty while a session is unscheduled', async () => {
    const { session } = await lectern.ok(`{ session(id: "${unscheduled.id}") { ${LINKS} } }`);
    expect(session).toEqual({ googleCalendarUrl: null, outlookCalendarUrl: null, office365CalendarUrl: null });
  });

  it("are in the website JSON next to the session's feed, which a website can also offer as a download", async () => {
    const response = await fetch(`${lectern.url}/api/speakers/eirik-lokke?locale=en`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    const byId = new Map<string, any>(body.appearances.map((a: any) => [a.session.id, a.session]));
    // In the page's own language: the title the page shows.
    const { title, calendar } = byId.get(String(rowId(scheduled.id)));
    expect(title).toBeTruthy();
    expect(calendar.download).toBe(`${calendar.https}&download=1`);
    expect(new URL(calendar.google).searchParams.get('text')).toBe(title);
    for (const link of [calendar.outlook, calendar.office365]) {
      const url = new URL(link);
      expect(url.searchParams.get('subject')).toBe(title);
      expect(instant(url.searchParams.get('startdt')!)).toBe(DateTime.fromISO(STARTS).toMillis());
    }
    expect(byId.get(String(rowId(unscheduled.id))).calendar).toMatchObject({ google: null, outlook: null, office365: null });
  });
});
