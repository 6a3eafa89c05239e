import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';

/**
 * The website shows the programme as the public sees it: for a conference that follows its
 * releases, the latest release, as its calendar feeds do, until the next release carries the
 * live edits to every output at once.
 */

let lectern: Lectern;
let conference: ConferenceRef;
let session: SessionRef;

const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });

beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  conference = await build.conference({
    slug: 'foljer-slapp-webb-2030',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'sv',
    startDate: '2030-05-01',
    published: true,
  });
  const storsalen = await build.room(conference, { slug: 'storsalen', name: 'Storsalen' });
  const lillsalen = await build.room(conference, { slug: 'lillsalen', name: 'Lillsalen' });
  const track = await build.track(conference, { slug: 'ledarskap', name: 'Ledarskap' });
  const speaker = await build.speaker({ slug: 'slapp-talare', name: 'Släpp Talare' });
  session = await build.session(conference, {
    title: 'Den släppta titeln',
    room: storsalen,
    track,
    startsAt: '2030-05-01T10:00:00+02:00',
    endsAt: '2030-05-01T11:00:00+02:00',
    speakers: [{ speaker, title: 'förvaltningschef', organisation: 'Umeå kommun' }],
    published: true,
  });
  await organiser(`mutation { releaseSchedule(conferenceSlug: "${conference.slug}", name: "v1", note: null) { version } }`);
  await organiser(
    `mutation { updateConference(id: "${conference.id}", input: { programmeFollows: LATEST_RELEASE }) { programmeFollows } }`,
  );

  // Live edits that are not released yet: retitled, moved to another time and room, and a new title for the speaker.
  await organiser(
    `mutation ($id: ID!, $room: ID!) { updateSession(id: $id, input: { title: [{ locale: "sv", text: "Den nya titeln" }], roomId: $room,
       startsAt: "2030-05-01T14:00:00+02:00", endsAt: "2030-05-01T15:00:00+02:00" }) { id } }`,
    { id: session.id, room: lillsalen.id },
  );
  await organiser(`mutation ($id: ID!) { updateAppearance(id: $id, input: { title: "kommundirektör" }) { id } }`, {
    id: session.appearances[0],
  });
});
afterAll(() => lectern.close());

async function json(path: string) {
  const response = await fetch(`${lectern.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as any;
}

async function html(path: string) {
  const response = await fetch(`${lectern.url}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('a conference that follows its releases, on the website', () => {
  it("shows the released session on the speaker's page, wall and card until the next release, then the new one", async () => {
    const released = {
      id: String(rowId(session.id)),
      title: 'Den släppta titeln',
      startsAt: '2030-05-01T08:00:00.000Z',
      localStartsAt: '2030-05-01T10:00:00+02:00',
      room: 'Storsalen',
      track: 'Ledarskap',
    };
    const page = await json('/api/speakers/slapp-talare');
    expect(page.appearances).toHaveLength(1);
    expect(page.appearances[0]).toMatchObject({ title: 'förvaltningschef', organisation: 'Umeå kommun' });
    expect(page.appearances[0].session).toMatchObject(released);
    expect(new URL(page.appearances[0].session.calendar.google).searchParams.get('dates')).toBe('20300501T080000Z/20300501T090000Z');
    expect(page.affiliation).toBe('förvaltningschef, Umeå kommun');

    const wall = await json(`/api/conferences/${conference.slug}/speakers`);
    expect(wall.speakers.map((s: any) => s.slug)).toEqual(['slapp-talare']);
    expect(wall.speakers[0].appearances[0].session).toMatchObject(released);

    const card = await html('/embed/speakers/slapp-talare');
    expect(card).toContain('Den släppta titeln');
    expect(card).not.toContain('Den nya titeln');

    // The next release carries the live edits to the website, as to the feeds.
    await organiser(`mutation { releaseSchedule(conferenceSlug: "${conference.slug}", name: "v2", note: null) { version } }`);
    const next = {
      id: String(rowId(session.id)),
      title: 'Den nya titeln',
      startsAt: '2030-05-01T12:00:00.000Z',
      localStartsAt: '2030-05-01T14:00:00+02:00',
      room: 'Lillsalen',
      track: 'Ledarskap',
    };
    const updated = await json('/api/speakers/slapp-talare');
    expect(updated.appearances[0]).toMatchObject({ title: 'kommundirektör', organisation: 'Umeå kommun' });
    expect(updated.appearances[0].session).toMatchObject(next);
    expect((await json(`/api/conferences/${conference.slug}/speakers`)).speakers[0].appearances[0].session).toMatchObject(next);
    expect(await html('/embed/speakers/slapp-talare')).toContain('Den nya titeln');
  });

  it('shows the live programme again once the conference follows it', async () => {
    await organiser(
      `mutation ($id: ID!) { updateSession(id: $id, input: { title: [{ locale: "sv", text: "Den levande titeln" }] }) { id } }`,
      { id: session.id },
    );
    expect((await json('/api/speakers/slapp-talare')).appearances[0].session.title).toBe('Den nya titeln');
    await organiser(`mutation { updateConference(id: "${conference.id}", input: { programmeFollows: LIVE }) { programmeFollows } }`);
    expect((await json('/api/speakers/slapp-talare')).appearances[0].session.title).toBe('Den levande titeln');
  });
});
