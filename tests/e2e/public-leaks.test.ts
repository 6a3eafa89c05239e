import { Lectern, startLectern } from '../support/lectern';
import { programmeBuilder, ProgrammeBuilder } from '../support/programme';

/** What the public may not learn, by any path, of what organisers keep unpublished. */
describe('what the public never sees', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  beforeAll(async () => {
    lectern = await startLectern();
    build = programmeBuilder(lectern);
  });
  afterAll(() => lectern.close());

  it("keeps an unpublished room's name and stream out of a session's Google Calendar link", async () => {
    const conference = await build.conference({ published: true });
    const room = await build.room(conference, {
      name: 'Hemmelig studio',
      streamUrl: 'https://stream.example.org/hemmelig',
      published: false,
    });
    const session = await build.session(conference, { room, published: true });
    const query = `query ($id: ID!) { session(id: $id) { room { name } googleCalendarUrl } }`;

    const publicly = (await lectern.ok(query, { id: session.id })).session;
    expect(publicly.room).toBeNull();
    const link = new URL(publicly.googleCalendarUrl);
    expect([...link.searchParams.values()].join(' ')).not.toMatch(/Hemmelig|stream\.example\.org/);

    // The organiser's own link still names the room: the link follows the reader.
    const organisers = (await lectern.ok(query, { id: session.id }, { as: 'organiser' })).session;
    expect(new URL(organisers.googleCalendarUrl).searchParams.get('location')).toContain('Hemmelig studio');
  });

  it('counts nothing for an unpublished room or track named in a filter, as for one that does not exist', async () => {
    const conference = await build.conference({ published: true });
    const room = await build.room(conference, { slug: 'bakrom', published: false });
    const track = await build.track(conference, { slug: 'hemmelig-spor', published: false });
    for (let i = 0; i < 3; i++) await build.session(conference, { room, track, published: true });
    const count = async (filter: Record<string, string[]>, options?: { as: 'organiser' }) =>
      (
        await lectern.ok(
          `query ($slug: String!, $filter: SessionFilter) { sessions(conferenceSlug: $slug, filter: $filter) { totalCount } }`,
          { slug: conference.slug, filter },
          options,
        )
      ).sessions.totalCount;

    expect(await count({ room: ['bakrom'] })).toBe(0);
    expect(await count({ track: ['hemmelig-spor'] })).toBe(0);
    expect(await count({ room: ['finnes-ikke'] })).toBe(0);
    // Their organisers filter by them as before.
    expect(await count({ room: ['bakrom'] }, { as: 'organiser' })).toBe(3);
    expect(await count({ track: ['hemmelig-spor'] }, { as: 'organiser' })).toBe(3);

    const feed = await fetch(`${lectern.url}/calendars/conferences/${conference.slug}.ics?room=bakrom`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).not.toContain('BEGIN:VEVENT');
  });
});
