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
});
