import ICAL from 'ical.js';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder, RoomRef, TrackRef } from '../support/programme';

describe('an event’s SEQUENCE rises with whatever a calendar shows of it, and never goes back', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  let conference: ConferenceRef;
  let room: RoomRef;
  let track: TrackRef;

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });

  async function eventOf(path: string, uid: string) {
    const response = await fetch(`${lectern.url}${path}`);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const vevent = calendar.getAllSubcomponents('vevent').find((component) => component.getFirstPropertyValue('uid') === `${uid}@lectern`);
    expect(vevent).toBeDefined();
    const event = new ICAL.Event(vevent!);
    const lastModified = vevent!.getFirstPropertyValue('last-modified') as ICAL.Time;
    return {
      status: vevent!.getFirstPropertyValue('status'),
      sequence: event.sequence,
      lastModified: lastModified.toJSDate().getTime(),
      location: event.location,
      summary: event.summary,
    };
  }

  beforeAll(async () => {
    lectern = await startLectern();
    build = programmeBuilder(lectern);
    conference = await build.conference({
      slug: 'sekvens-2021',
      name: 'Sekvens 2021',
      startDate: '2021-03-10',
      endDate: '2021-03-11',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
    });
    room = await build.room(conference, { slug: 'sal-b', name: 'Sal B' });
    track = await build.track(conference, { slug: 'natur', name: 'Natur' });
    await build.publish(conference);
  });
  afterAll(() => lectern.close());

  const FEED = '/calendars/conferences/sekvens-2021.ics';

  it('raises SEQUENCE and LAST-MODIFIED when the room is renamed, though the session itself is untouched', async () => {
    const session = await build.session(conference, {
      title: { sv: 'Skogen', en: 'The forest' },
      room,
      track,
      startsAt: '2021-03-10T10:00:00+01:00',
      endsAt: '2021-03-10T11:00:00+01:00',
      format: 'OTHER',
      published: true,
    });
    const before = await eventOf(FEED, session.uid);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await organiser(`mutation { updateRoom(id: "${room.id}", input: { name: "Sal Björk" }) { name } }`);
    const after = await eventOf(FEED, session.uid);
    expect(after.location).toContain('Sal Björk');
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.lastModified).toBeGreaterThan(before.lastModified);
    // The session's own feed shows the same event at the same SEQUENCE.
    expect((await eventOf(`/calendars/sessions/${rowId(session.id)}.ics`, session.uid)).sequence).toBe(after.sequence);
    // Read again, nothing changed: SEQUENCE stays.
    expect((await eventOf(`${FEED}?locale=en`, session.uid)).sequence).toBe(after.sequence);
  });

  it('never lowers SEQUENCE when the conference switches to its latest release', async () => {
    const session = await build.session(conference, {
      title: { sv: 'Havet' },
      room,
      startsAt: '2021-03-11T10:00:00+01:00',
      endsAt: '2021-03-11T11:00:00+01:00',
      format: 'OTHER',
      published: true,
    });
    await organiser(`mutation { releaseSchedule(conferenceSlug: "sekvens-2021", name: "v1", note: null) { version } }`);
    await organiser(
      `mutation { updateSession(id: "${session.id}", input: { title: [{ locale: "sv", text: "Havet och skogen" }] }) { revision } }`,
    );
    const live = await eventOf(FEED, session.uid);
    expect(live.summary).toBe('Havet och skogen');
    await organiser(
      `mutation { updateConference(id: "${conference.id}", input: { programmeFollows: LATEST_RELEASE }) { programmeFollows } }`,
    );
    const released = await eventOf(FEED, session.uid);
    expect(released.summary).toBe('Havet');
    expect(released.sequence).toBeGreaterThan(live.sequence);
  });

  it('keeps a deleted or unpublished session as a cancelled event, in its programme and its own feed, until it comes back', async () => {
    const future = await build.conference({
      slug: 'framtid-2099',
      name: 'Framtid 2099',
      startDate: '2099-05-04',
      endDate: '2099-05-05',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
    });
    await build.publish(future);
    const FEED = '/calendars/conferences/framtid-2099.ics';
    const fields = {
      startsAt: '2099-05-04T14:00:00+02:00',
      endsAt: '2099-05-04T15:00:00+02:00',
      format: 'OTHER',
      published: true,
    } as const;
    const gone = await build.session(future, { title: { sv: 'Ängen' }, ...fields });
    const hidden = await build.session(future, { title: { sv: 'Berget' }, ...fields });
    const shownGone = await eventOf(FEED, gone.uid);
    const shownHidden = await eventOf(FEED, hidden.uid);
    expect(shownGone.status).toBe('CONFIRMED');

    await organiser(`mutation { deleteSession(id: "${gone.id}") { id } }`);
    await organiser(`mutation { unpublishSession(id: "${hidden.id}") { id } }`);
    const cancelledGone = await eventOf(FEED, gone.uid);
    expect(cancelledGone.status).toBe('CANCELLED');
    expect(cancelledGone.summary).toContain('Ängen');
    expect(cancelledGone.sequence).toBeGreaterThan(shownGone.sequence);
    const cancelledHidden = await eventOf(FEED, hidden.uid);
    expect(cancelledHidden.status).toBe('CANCELLED');
    expect(cancelledHidden.sequence).toBeGreaterThan(shownHidden.sequence);

    const own = await eventOf(`/calendars/sessions/${rowId(gone.id)}.ics`, gone.uid);
    expect(own).toMatchObject({ status: 'CANCELLED', sequence: cancelledGone.sequence });
    expect((await eventOf(`/calendars/sessions/${rowId(hidden.id)}.ics`, hidden.uid)).status).toBe('CANCELLED');

    await organiser(`mutation { publishSession(id: "${hidden.id}") { id } }`);
    const back = await eventOf(FEED, hidden.uid);
    expect(back.status).toBe('CONFIRMED');
    expect(back.sequence).toBeGreaterThan(cancelledHidden.sequence);
  });

  it('forgets a removed session once its conference ended more than CANCELLED_EVENTS_KEPT_DAYS ago', async () => {
    await organiser(`mutation { updateConference(id: "${conference.id}", input: { programmeFollows: LIVE }) { programmeFollows } }`);
    const past = await build.session(conference, {
      title: { sv: 'Dalen' },
      startsAt: '2021-03-11T14:00:00+01:00',
      endsAt: '2021-03-11T15:00:00+01:00',
      format: 'OTHER',
      published: true,
    });
    await eventOf(FEED, past.uid);
    await organiser(`mutation { deleteSession(id: "${past.id}") { id } }`);
    const text = await (await fetch(`${lectern.url}${FEED}`)).text();
    expect(text).not.toContain(`${past.uid}@lectern`);
    expect((await fetch(`${lectern.url}/calendars/sessions/${rowId(past.id)}.ics`)).status).toBe(404);
  });
});
