import ICAL from 'ical.js';
import { attr, byTag, parseHtml } from '../support/html';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, firstDayAt, programmeBuilder, RoomRef, SessionRef, TrackRef } from '../support/programme';

/** What a programme page subscribes to: the feed a calendar app knows the view by. */

let lectern: Lectern;
let conference: ConferenceRef;
let track: TrackRef;
let room: RoomRef;
let inTrack: SessionRef;
let elsewhere: SessionRef;

beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  conference = await build.conference({ name: 'Feeds Forum 2031', timeZone: 'Europe/Oslo', defaultLocale: 'nb', published: true });
  track = await build.track(conference, { name: 'Data', published: true });
  room = await build.room(conference, { name: 'Sal A', published: true });
  inTrack = await build.session(conference, { title: 'Åpne data', track, room, published: true });
  elsewhere = await build.session(conference, { title: 'Noe annet', startsAt: firstDayAt(conference, '13:00'), published: true });
});

afterAll(() => lectern?.close());

async function subscribeLink(path: string): Promise<URL> {
  const root = parseHtml(await (await fetch(`${lectern.url}${path}`)).text());
  const webcal = byTag(root, 'a').find((a) => attr(a, 'href')?.startsWith('webcal:'));
  return new URL(attr(webcal!, 'href')!.replace(/^webcal:/, 'http:'));
}

async function feedSessions(address: URL): Promise<string[]> {
  const response = await fetch(`${lectern.url}${address.pathname}${address.search}`);
  expect(response.status).toBe(200);
  return new ICAL.Component(ICAL.parse(await response.text()))
    .getAllSubcomponents('vevent')
    .map((event) => String(event.getFirstPropertyValue('url')).match(/\/sessions\/(\d+)\.ics/)![1]);
}

it("subscribes a page filtered by one track to that track's own feed", async () => {
  const address = await subscribeLink(`/${conference.slug}?track=${track.slug}`);
  expect(address.pathname).toBe(`/calendars/conferences/${conference.slug}/tracks/${track.slug}.ics`);
  expect(await feedSessions(address)).toEqual([String(rowId(inTrack.id))]);
});

it("subscribes a page filtered by one room to that room's own feed", async () => {
  const address = await subscribeLink(`/${conference.slug}?room=${room.slug}`);
  expect(address.pathname).toBe(`/calendars/conferences/${conference.slug}/rooms/${room.slug}.ics`);
  expect(await feedSessions(address)).toEqual([String(rowId(inTrack.id))]);
});

it("subscribes any other filter to the programme's feed with the same filter", async () => {
  const address = await subscribeLink(`/${conference.slug}?track=${track.slug}&language=nb`);
  expect(address.pathname).toBe(`/calendars/conferences/${conference.slug}.ics`);
  expect(address.searchParams.getAll('track')).toEqual([track.slug]);
  expect(await feedSessions(address)).toEqual([String(rowId(inTrack.id))]);
  const whole = await subscribeLink(`/${conference.slug}`);
  expect(await feedSessions(whole)).toEqual([String(rowId(inTrack.id)), String(rowId(elsewhere.id))]);
});

it("leads from a session's track and room to their programme views", async () => {
  const root = parseHtml(await (await fetch(`${lectern.url}/${conference.slug}/sessions/${rowId(inTrack.id)}`)).text());
  const links = byTag(root, 'a').map((a) => attr(a, 'href'));
  expect(links).toContain(`/${conference.slug}?track=${track.slug}`);
  expect(links).toContain(`/${conference.slug}?room=${room.slug}`);
});
