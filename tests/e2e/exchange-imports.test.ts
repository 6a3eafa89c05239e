/**
 * Schedule imports (issue 15, imports half): Lectern's own exports round-trip through an import,
 * a second import changes nothing, an updated one updates in place, the pretalx sample imports,
 * and hostile or broken documents are refused naming the place, with nothing written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { lecternCli } from '../support/child-lectern';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder } from '../support/programme';

const SAMPLE = '/work/shared/schedule-formats/samples/voc-pretalx-democon.json';
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['day', 'room', 'event', 'person'].includes(name),
});

const REPORT = `format created { rooms tracks speakers sessions } updated { rooms tracks speakers sessions }
  unchanged { rooms tracks speakers sessions } removed { sourceKey uid title cancelled } warnings suggestions { sourceId name speakerSlug }`;
const IMPORT = `mutation ($conferenceId: ID!, $format: ImportFormat!, $document: String!, $dryRun: Boolean, $missing: MissingSessions,
  $mapping: [ColumnMappingInput!], $speakerMatches: [SpeakerMatchInput!]) {
  importProgramme(conferenceId: $conferenceId, format: $format, document: $document, dryRun: $dryRun, missing: $missing, mapping: $mapping,
    speakerMatches: $speakerMatches) {
    ${REPORT} } }`;

describe('schedule imports', () => {
  let lectern: Lectern;
  let build: ReturnType<typeof programmeBuilder>;
  let source: ConferenceRef;

  const exportOf = async (slug: string, file: string) => (await fetch(`${lectern.url}/exports/conferences/${slug}/${file}`)).text();
  const importInto = (conference: ConferenceRef, format: string, document: string, extra: Record<string, unknown> = {}) =>
    lectern
      .ok(IMPORT, { conferenceId: conference.id, format, document, ...extra }, { as: 'organiser' })
      .then((data) => data.importProgramme);
  const importError = async (conference: ConferenceRef, format: string, document: string, extra: Record<string, unknown> = {}) => {
    const result = await lectern.graphql(IMPORT, { conferenceId: conference.id, format, document, ...extra }, { as: 'organiser' });
    expect(result.errors).toBeDefined();
    return result.errors![0];
  };
  const sessionsOf = async (conference: ConferenceRef) =>
    (
      await lectern.ok(
        `{ sessions(conferenceSlug: "${conference.slug}", first: 100) { edges { node { uid revision status title startsAt } } } }`,
        {},
        { as: 'organiser' },
      )
    ).sessions.edges.map((edge: any) => edge.node);
  const target = (slug: string) =>
    build.conference({
      slug,
      timeZone: 'Europe/Oslo',
      defaultLocale: 'nb',
      published: true,
      startDate: '2030-05-01',
      endDate: '2030-05-02',
    });

  /** What a schedule.xml says of its events, read with an independent parser. */
  const xmlEvents = (document: string) =>
    (xml.parse(document).schedule.day as any[])
      .flatMap((day) => (day.room ?? []).flatMap((room: any) => (room.event ?? []).map((event: any) => ({ event, room: room['@name'] }))))
      .map(({ event, room }) => ({
        title: event.title,
        date: new Date(event.date).toISOString(),
        duration: event.duration,
        room,
        track: event.track,
        type: event.type,
        abstract: event.abstract,
        persons: (event.persons?.person ?? []).map((person: any) => person['#text']),
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  const jsonEvents = (document: string) =>
    (JSON.parse(document).schedule.conference.days as any[])
      .flatMap((day) => Object.values(day.rooms as Record<string, any[]>).flat())
      .map((event) => ({
        title: event.title,
        date: new Date(event.date).toISOString(),
        duration: event.duration,
        room: event.room,
        track: event.track,
        abstract: event.abstract,
        persons: event.persons.map((person: any) => person.name),
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));

  beforeAll(async () => {
    // A body limit above the import's own, so the import's refusal is the one met.
    lectern = await startLectern({ MAX_BODY_BYTES: String(25 * 1024 * 1024) });
    build = programmeBuilder(lectern);
    source = await target('kilde');
    const hall = await build.room(source, { slug: 'store-sal', name: 'Store sal' });
    const small = await build.room(source, { slug: 'lille-sal', name: 'Lille sal' });
    const track = await build.track(source, { slug: 'nettverk', name: 'Nettverk' });
    const anna = await build.speaker({ conference: source, name: 'Anna Berg' });
    const bo = await build.speaker({ conference: source, name: 'Bo Ek' });
    await build.session(source, {
      title: { nb: 'Åpning', en: 'Opening' },
      abstract: { nb: 'Velkommen & *hei*', en: 'Welcome' },
      room: hall,
      track,
      speakers: [
        { speaker: anna, role: 'MODERATOR' },
        { speaker: bo, role: 'PANELIST' },
      ],
      format: 'PANEL',
      startsAt: '2030-05-01T10:00:00+02:00',
      endsAt: '2030-05-01T11:00:00+02:00',
      published: true,
    });
    await build.session(source, {
      title: 'Nattprat',
      room: small,
      speakers: [bo],
      startsAt: '2030-05-02T00:30:00+02:00',
      endsAt: '2030-05-02T01:15:00+02:00',
      published: true,
    });
    const cancelled = await build.session(source, {
      title: 'Avlyst',
      room: hall,
      startsAt: '2030-05-01T14:00:00+02:00',
      endsAt: '2030-05-01T15:00:00+02:00',
      published: true,
    });
    await lectern.ok(`mutation { cancelSession(id: "${cancelled.id}") { id } }`, {}, { as: 'organiser' });
  }, 60_000);

  afterAll(() => lectern?.close());

  it('round-trips schedule.xml and schedule.json: the same events, times, rooms, tracks, persons and texts', async () => {
    for (const [format, file, read] of [
      ['SCHEDULE_XML', 'schedule.xml', xmlEvents],
      ['SCHEDULE_JSON', 'schedule.json', jsonEvents],
    ] as const) {
      const exported = await exportOf(source.slug, file);
      const copy = await target(`kopi-${file.replace('.', '-')}`);
      const report = await importInto(copy, format, exported);
      expect(report.created).toMatchObject({ sessions: 3, speakers: 2, rooms: 2, tracks: 1 });
      const again = await exportOf(copy.slug, file);
      expect(read(again)).toEqual(read(exported));
      const statuses = (await sessionsOf(copy)).map((s: any) => s.status).sort();
      expect(statuses).toEqual(['CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    }
  });

  it('round-trips schedule2: the same events, times, rooms, tracks, participants and texts in every locale', async () => {
    const exported = JSON.parse(await exportOf(source.slug, 'schedule2.json'));
    const copy = await target('kopi-schedule2');
    const report = await importInto(copy, 'SCHEDULE2_JSON', JSON.stringify(exported));
    expect(report.created).toMatchObject({ sessions: 3, speakers: 2, rooms: 2, tracks: 1 });
    const again = JSON.parse(await exportOf(copy.slug, 'schedule2.json'));
    // What each conference names its own (guids, ids, addresses) differs; what the programme says must not.
    const rooms = (document: any) => new Map((document.schedule.conference.rooms as any[]).map((room) => [room.guid, room.name]));
    const tracks = (document: any) => new Map((document.schedule.conference.tracks as any[]).map((track) => [track.slug, track.name]));
    const events = (document: any) => {
      const roomName = rooms(document);
      const trackName = tracks(document);
      return (document.schedule.events as any[])
        .map((event) => ({
          title: event.title,
          abstract: event.abstract,
          start: new Date(event.start).toISOString(),
          end: new Date(event.end).toISOString(),
          duration: event.duration,
          state: event.state,
          type: event.type,
          room: event.room ? (roomName.get(event.room.guid) ?? event.room.name) : null,
          track: event.track ? (trackName.get(event.track.slug) ?? null) : null,
          participants: (event.participants ?? []).map((p: any) => ({ name: p.name, role: p.role })),
        }))
        .sort((a, b) => a.start.localeCompare(b.start) || JSON.stringify(a.title).localeCompare(JSON.stringify(b.title)));
    };
    const original = events(exported);
    expect(original).toHaveLength(3);
    expect(original.find((event) => event.title === 'Åpning')?.abstract).toEqual({ nb: 'Velkommen & *hei*', en: 'Welcome' });
    expect(events(again)).toEqual(original);
    expect([...rooms(again).values()].sort()).toEqual([...rooms(exported).values()].sort());
    expect([...tracks(again).values()].sort()).toEqual([...tracks(exported).values()].sort());
  });

  it('re-imports as a no-op, and an updated document updates in place, keeping uids and reporting what went', async () => {
    const copy = await target('oppdatert');
    const exported = await exportOf(source.slug, 'schedule2.json');
    const first = await importInto(copy, 'SCHEDULE2_JSON', exported);
    expect(first.created.sessions).toBe(3);
    const before = await sessionsOf(copy);
    const second = await importInto(copy, 'SCHEDULE2_JSON', exported);
    expect(second.created).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    expect(second.updated.sessions).toBe(0);
    expect(second.unchanged.sessions).toBe(3);
    expect(await sessionsOf(copy)).toEqual(before);

    const document = JSON.parse(exported);
    const events = document.schedule.events as any[];
    const nattprat = events.find((e) => JSON.stringify(e.title).includes('Nattprat'));
    nattprat.title = { nb: 'Nattprat (ny tittel)' };
    const gone = events.find((e) => JSON.stringify(e.title).includes('Avlyst'));
    document.schedule.events = events.filter((e) => e !== gone);
    document.schedule.events.push({ ...nattprat, guid: '0b6f6a1e-1c55-4f0e-9a40-3a3c4b2f9d01', title: { nb: 'Ny økt' }, participants: [] });
    const dry = await importInto(copy, 'SCHEDULE2_JSON', JSON.stringify(document), { dryRun: true, missing: 'CANCEL' });
    expect(await sessionsOf(copy)).toEqual(before);
    const updated = await importInto(copy, 'SCHEDULE2_JSON', JSON.stringify(document), { missing: 'CANCEL' });
    expect(dry).toEqual(updated);
    expect(updated.created.sessions).toBe(1);
    expect(updated.updated.sessions).toBe(1);
    expect(updated.unchanged.sessions).toBe(1);
    expect(updated.removed).toEqual([{ sourceKey: gone.guid, uid: expect.any(String), title: 'Avlyst', cancelled: true }]);
    const after = await sessionsOf(copy);
    const renamed = after.find((s: any) => s.title === 'Nattprat (ny tittel)');
    expect(before.map((s: any) => s.uid)).toContain(renamed.uid);
    expect(after).toHaveLength(4);

    // A renamed room, track and person, a changed role and a speaker gone from a line-up: updated in place.
    const next = JSON.parse(JSON.stringify(document));
    const hall = next.schedule.conference.rooms.find((room: any) => room.name === 'Store sal');
    hall.name = 'Storsalen';
    for (const event of next.schedule.events) if (event.room?.guid === hall.guid && event.room.name) event.room.name = 'Storsalen';
    next.schedule.conference.tracks.find((track: any) => track.name === 'Nettverk').name = 'Nettverk og drift';
    const opening = next.schedule.events.find((e: any) => JSON.stringify(e.title).includes('Åpning'));
    const anna = opening.participants.find((p: any) => p.name === 'Anna Berg');
    opening.participants = [{ ...anna, name: 'Anna Berg-Li', role: 'HOST' }];
    const changed = await importInto(copy, 'SCHEDULE2_JSON', JSON.stringify(next), { missing: 'CANCEL' });
    expect(changed.updated).toEqual({ rooms: 1, tracks: 1, speakers: 1, sessions: 1 });
    expect(changed.created).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    const openingNow = async () =>
      (
        await lectern.ok(
          `{ sessions(conferenceSlug: "${copy.slug}", first: 100) { edges { node { uid revision title room { name slug } track { name slug }
            appearances { role speaker { name } } } } } }`,
          {},
          { as: 'organiser' },
        )
      ).sessions.edges
        .map((edge: any) => edge.node)
        .find((s: any) => s.title === 'Åpning');
    const updatedOpening = await openingNow();
    expect(updatedOpening).toMatchObject({
      uid: before.find((s: any) => s.title === 'Åpning').uid,
      room: { name: 'Storsalen', slug: 'store-sal' },
      track: { name: 'Nettverk og drift', slug: 'nettverk' },
      appearances: [{ role: 'HOST', speaker: { name: 'Anna Berg-Li' } }],
    });
    const settled = await sessionsOf(copy);
    const again = await importInto(copy, 'SCHEDULE2_JSON', JSON.stringify(next), { missing: 'CANCEL' });
    expect(again.updated).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    expect(again.created).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    expect(await sessionsOf(copy)).toEqual(settled);
    expect(await openingNow()).toEqual(updatedOpening);
  });

  it('imports a Sessionize "All Data" export, times in the conference zone, and re-imports it as a no-op', async () => {
    const sessionize = {
      sessions: [
        {
          id: '523911',
          title: 'Kubernetes uten tårer',
          description: 'Om drift.\nOg om mennesker.',
          startsAt: '2030-05-01T10:00:00',
          endsAt: '2030-05-01T10:45:00',
          isServiceSession: false,
          isPlenumSession: false,
          speakers: ['8d3c1f2a-6b4e-4c1d-9f0a-2b7e5c9d1a11', '1f9e8d7c-5b4a-4c3d-8e2f-1a0b9c8d7e66'],
          categoryItems: [70011, 70021],
          questionAnswers: [],
          roomId: 31001,
          liveUrl: null,
          recordingUrl: null,
          status: 'Accepted',
        },
        {
          id: '523912',
          title: 'Lunsj',
          description: null,
          startsAt: '2030-05-01T12:00:00',
          endsAt: '2030-05-01T13:00:00',
          isServiceSession: true,
          speakers: [],
          categoryItems: [],
          roomId: 31001,
        },
        {
          id: '523913',
          title: 'Rust i praksis',
          description: '<p>Hands-on</p>',
          startsAt: '2030-05-02T09:00:00',
          endsAt: '2030-05-02T11:00:00',
          speakers: ['1f9e8d7c-5b4a-4c3d-8e2f-1a0b9c8d7e66'],
          categoryItems: [70012, 70023],
          roomId: 31002,
        },
      ],
      speakers: [
        {
          id: '8d3c1f2a-6b4e-4c1d-9f0a-2b7e5c9d1a11',
          firstName: 'Kari',
          lastName: 'Nordmann',
          fullName: 'Kari Nordmann',
          bio: 'Driftssjef.',
          tagLine: 'SRE',
          profilePicture: 'https://sessionize.com/image/kari.jpg',
          isTopSpeaker: false,
          links: [{ title: 'Twitter', url: 'https://twitter.com/kari', linkType: 'Twitter' }],
          sessions: [523911],
          categoryItems: [],
          questionAnswers: [],
        },
        {
          id: '1f9e8d7c-5b4a-4c3d-8e2f-1a0b9c8d7e66',
          firstName: 'Ola',
          lastName: 'Hansen',
          fullName: 'Ola Hansen',
          bio: null,
          profilePicture: null,
          links: [],
          sessions: [523911, 523913],
        },
      ],
      questions: [],
      categories: [
        {
          id: 7001,
          title: 'Track',
          items: [
            { id: 70011, name: 'Drift', sort: 0 },
            { id: 70012, name: 'Språk', sort: 1 },
          ],
          sort: 0,
          type: 'session',
        },
        {
          id: 7002,
          title: 'Session format',
          items: [
            { id: 70021, name: 'Session', sort: 0 },
            { id: 70023, name: 'Workshop', sort: 1 },
          ],
          sort: 1,
          type: 'session',
        },
      ],
      rooms: [
        { id: 31001, name: 'Sal A', sort: 0 },
        { id: 31002, name: 'Sal B', sort: 1 },
      ],
    };
    const conference = await target('sessionize');
    const report = await importInto(conference, 'SESSIONIZE', JSON.stringify(sessionize));
    expect(report.created).toEqual({ rooms: 2, tracks: 2, speakers: 2, sessions: 3 });
    expect(report.warnings).toEqual([
      'sessions[523911]: session format "Session" is not one of Lectern\'s formats, imported as TALK',
      'sessions[523913]/description: HTML converted to text',
    ]);
    const listed = await lectern.ok(
      `{ sessions(conferenceSlug: "${conference.slug}", first: 100) { edges { node { title startsAt endsAt format room { name } track { name }
        appearances { speaker { name } } } } } }`,
      {},
      { as: 'organiser' },
    );
    const byTitle = Object.fromEntries(listed.sessions.edges.map((edge: any) => [edge.node.title, edge.node]));
    expect(byTitle['Kubernetes uten tårer']).toMatchObject({
      startsAt: '2030-05-01T08:00:00.000Z',
      endsAt: '2030-05-01T08:45:00.000Z',
      format: 'TALK',
      room: { name: 'Sal A' },
      track: { name: 'Drift' },
      appearances: [{ speaker: { name: 'Kari Nordmann' } }, { speaker: { name: 'Ola Hansen' } }],
    });
    expect(byTitle['Lunsj']).toMatchObject({ format: 'BREAK', room: { name: 'Sal A' }, track: null, appearances: [] });
    expect(byTitle['Rust i praksis']).toMatchObject({ format: 'WORKSHOP', room: { name: 'Sal B' }, track: { name: 'Språk' } });
    const before = await sessionsOf(conference);
    const again = await importInto(conference, 'SESSIONIZE', JSON.stringify(sessionize));
    expect(again.created).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    expect(again.updated).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    expect(again.unchanged.sessions).toBe(3);
    expect(await sessionsOf(conference)).toEqual(before);
    expect((await importError(conference, 'SESSIONIZE', '{"speakers": []}')).message).toMatch(/not a Sessionize export/);
  });

  it('imports CSV through a column mapping, times in the conference zone unless offset, unreadable rows reported by number', async () => {
    const csv = [
      'Nr;Titel;Beskrivelse;Start;Slutt;Varighet;Rom;Spor;Talere;Type',
      '1;Åpning;Velkommen;2030-05-01 09:00;09:30;;Store sal;Felles;"Anna Berg; Bo Ek";keynote',
      '2;"Drift; i praksis";"To linjer,\nmed komma";01.05.2030 10:00;;45;Lille sal;Drift;Bo Ek;workshop',
      '3;Med offset;;2030-05-01T12:00:00+00:00;2030-05-01T13:00:00+00:00;;Store sal;;;',
      '4;Ulesbar;;i morgen;;;Store sal;;;',
    ].join('\r\n');
    const mapping = [
      { field: 'id', column: 'Nr' },
      { field: 'title', column: 'Titel' },
      { field: 'abstract', column: 'Beskrivelse' },
      { field: 'start', column: 'Start' },
      { field: 'end', column: 'Slutt' },
      { field: 'duration', column: 'Varighet' },
      { field: 'room', column: 'Rom' },
      { field: 'track', column: 'Spor' },
      { field: 'speakers', column: 'Talere' },
      { field: 'format', column: 'Type' },
    ];
    const conference = await target('regneark');
    const report = await importInto(conference, 'CSV', csv, { mapping });
    expect(report.warnings).toEqual(['row 5: start "i morgen" cannot be read as a time, row skipped']);
    expect(report.created).toEqual({ rooms: 2, tracks: 2, speakers: 2, sessions: 3 });
    const listed = await lectern.ok(
      `{ sessions(conferenceSlug: "${conference.slug}", first: 100) { edges { node { title abstract startsAt endsAt format room { name }
        track { name } appearances { speaker { name } } } } } }`,
      {},
      { as: 'organiser' },
    );
    const byTitle = Object.fromEntries(listed.sessions.edges.map((edge: any) => [edge.node.title, edge.node]));
    expect(byTitle['Åpning']).toMatchObject({
      startsAt: '2030-05-01T07:00:00.000Z',
      endsAt: '2030-05-01T07:30:00.000Z',
      format: 'KEYNOTE',
      room: { name: 'Store sal' },
      track: { name: 'Felles' },
      appearances: [{ speaker: { name: 'Anna Berg' } }, { speaker: { name: 'Bo Ek' } }],
    });
    expect(byTitle['Drift; i praksis']).toMatchObject({
      startsAt: '2030-05-01T08:00:00.000Z',
      endsAt: '2030-05-01T08:45:00.000Z',
      format: 'WORKSHOP',
      appearances: [{ speaker: { name: 'Bo Ek' } }],
    });
    expect(byTitle['Med offset']).toMatchObject({ startsAt: '2030-05-01T12:00:00.000Z', endsAt: '2030-05-01T13:00:00.000Z', track: null });
    const before = await sessionsOf(conference);
    const again = await importInto(conference, 'CSV', csv, { mapping });
    expect(again.created).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    expect(again.updated).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    expect(await sessionsOf(conference)).toEqual(before);
    const noMapping = await importError(conference, 'CSV', csv);
    expect(noMapping.extensions?.field).toBe('mapping');
    const wrongColumn = await importError(conference, 'CSV', csv, { mapping: [{ field: 'title', column: 'Tittel' }] });
    expect(wrongColumn.message).toMatch(/column "Tittel" \(for title\) is not in the header/);
  });

  it('suggests speakers of the same name, links a confirmed match and remembers it, and refuses one the organiser may not link', async () => {
    // Åse is public (in a published session of a published conference); Hedda is another conference's, announced nowhere.
    const home = await target('hjem');
    const ase = await build.speaker({ conference: home, name: 'Åse Ørn' });
    await build.session(home, {
      title: 'Hjemme',
      speakers: [ase],
      startsAt: '2030-05-01T12:00:00+02:00',
      endsAt: '2030-05-01T13:00:00+02:00',
      published: true,
    });
    const hidden = await build.conference({ slug: 'skjult' });
    const hedda = await build.speaker({ conference: hidden, name: 'Hedda Skjult' });
    const meeting = await target('mote');
    const token = (await build.organiser({ conferences: [meeting] })).token;
    const importAs = (extra: Record<string, unknown>) =>
      lectern.graphql(
        IMPORT,
        { conferenceId: meeting.id, format: 'SCHEDULE2_JSON', document: JSON.stringify(document), ...extra },
        { token },
      );

    // The source's two people, renamed as another tool might spell these two.
    const document = JSON.parse(await exportOf(source.slug, 'schedule2.json'));
    const participants = (document.schedule.events as any[]).flatMap((event) => event.participants ?? []);
    const annaGuid = participants.find((p: any) => p.name === 'Anna Berg').guid;
    const boGuid = participants.find((p: any) => p.name === 'Bo Ek').guid;
    for (const participant of participants) participant.name = participant.guid === annaGuid ? 'ASE  ØRN' : 'hedda skjult';

    const dry = await importAs({ dryRun: true });
    expect(dry.errors).toBeUndefined();
    expect(dry.data.importProgramme.suggestions).toEqual([{ sourceId: annaGuid, name: 'ASE  ØRN', speakerSlug: ase.slug }]);
    expect(dry.data.importProgramme.created.speakers).toBe(2);

    const refused = await importAs({ speakerMatches: [{ sourceId: boGuid, speakerSlug: hedda.slug }] });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'speakerMatches[0]' });
    const nobody = await importAs({ speakerMatches: [{ sourceId: boGuid, speakerSlug: 'ingen-har-denne' }] });
    expect(nobody.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'speakerMatches[0]' });
    expect(nobody.errors?.[0].message.replace('ingen-har-denne', hedda.slug)).toBe(refused.errors?.[0].message);
    expect(await sessionsOf(meeting)).toEqual([]);

    const linked = await importAs({ speakerMatches: [{ sourceId: annaGuid, speakerSlug: ase.slug }] });
    expect(linked.errors).toBeUndefined();
    const report = linked.data.importProgramme;
    expect(report.created.speakers).toBe(1);
    expect(report.unchanged.speakers).toBe(1);
    expect(report.suggestions).toEqual([]);
    // The ownership rule: the document's spelling does not overwrite a profile another conference owns.
    expect(report.warnings).toContain(`person[${annaGuid}]: Åse Ørn's profile belongs to another conference, name and bio kept`);
    const person = await lectern.ok(
      `{ speaker(slug: "${ase.slug}") { name appearances { session { title conference { slug } } } } }`,
      {},
      { as: 'organiser' },
    );
    expect(person.speaker.name).toBe('Åse Ørn');
    const where = person.speaker.appearances.map((a: any) => a.session.conference.slug);
    expect(new Set(where)).toEqual(new Set(['hjem', 'mote']));
    expect(where.filter((slug: string) => slug === 'mote').length).toBeGreaterThan(0);

    // Remembered like a source id: the next import needs no confirmation and changes nothing.
    const again = await importAs({});
    expect(again.errors).toBeUndefined();
    expect(again.data.importProgramme.created).toEqual({ rooms: 0, tracks: 0, speakers: 0, sessions: 0 });
    expect(again.data.importProgramme.unchanged.speakers).toBe(2);
    expect(again.data.importProgramme.suggestions).toEqual([]);
  });

  it('leaves a person another conference owns as it is when the document would change them, with a warning naming them', async () => {
    const owner = await target('eier');
    const kari = await build.speaker({ conference: owner, name: 'Kari Kjent', email: 'kari@eier.example' });
    await build.session(owner, {
      title: 'Eiers økt',
      speakers: [kari],
      startsAt: '2030-05-01T12:00:00+02:00',
      endsAt: '2030-05-01T13:00:00+02:00',
      published: true,
    });
    const guest = await target('gjest');
    const token = (await build.organiser({ conferences: [guest] })).token;
    const document = JSON.parse(await exportOf(source.slug, 'schedule2.json'));
    const participants = (document.schedule.events as any[]).flatMap((event) => event.participants ?? []);
    const annaGuid = participants.find((p: any) => p.name === 'Anna Berg').guid;
    // The document's Anna is Kari by e-mail, under another spelling of her name.
    for (const participant of participants) {
      if (participant.guid === annaGuid) Object.assign(participant, { name: 'Kari K. Kjent', email: 'kari@eier.example' });
    }
    const result = await lectern.graphql(
      IMPORT,
      { conferenceId: guest.id, format: 'SCHEDULE2_JSON', document: JSON.stringify(document) },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const report = result.data.importProgramme;
    expect(report.warnings).toContain(`person[${annaGuid}]: Kari Kjent's profile belongs to another conference, name and bio kept`);
    expect(report.created.speakers).toBe(1);
    expect(report.unchanged.speakers).toBe(1);
    const person = await lectern.ok(
      `{ speaker(slug: "${kari.slug}") { name appearances { session { conference { slug } } } } }`,
      {},
      { as: 'organiser' },
    );
    expect(person.speaker.name).toBe('Kari Kjent');
    expect(new Set(person.speaker.appearances.map((a: any) => a.session.conference.slug))).toEqual(new Set(['eier', 'gjest']));
  });

  it('imports the pretalx sample with no errors', async () => {
    const democon = await build.conference({
      slug: 'democon',
      timeZone: 'UTC',
      defaultLocale: 'en',
      startDate: '2020-12-14',
      endDate: '2020-12-16',
    });
    const report = await importInto(democon, 'SCHEDULE_JSON', readFileSync(SAMPLE, 'utf8'));
    expect(report.created.sessions).toBeGreaterThan(0);
    expect(report.warnings.some((w: string) => w.includes('guid is shared with another room'))).toBe(true);
    const again = await importInto(democon, 'SCHEDULE_JSON', readFileSync(SAMPLE, 'utf8'));
    expect(again.unchanged.sessions).toBe(report.created.sessions);
  });

  it('refuses hostile and malformed documents, naming the problem, and writes nothing', async () => {
    const empty = await target('tom');
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><schedule>&lol2;</schedule>`;
    const external = `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><schedule><version>&xxe;</version></schedule>`;
    const cases: [string, string, RegExp][] = [
      ['SCHEDULE_XML', laughs, /DOCTYPE/],
      ['SCHEDULE_XML', external, /DOCTYPE/],
      ['SCHEDULE_XML', `<schedule>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</schedule>`, /nests deeper/],
      ['SCHEDULE_XML', '<schedule><day index="1"><room name="A"></day></schedule>', /not well-formed XML/],
      ['SCHEDULE_JSON', '{"hello": "world"}', /not a schedule\.json/],
      ['SCHEDULE_JSON', '{"schedule": ', /not JSON/],
      ['SCHEDULE_JSON', '['.repeat(500) + ']'.repeat(500), /nests deeper/],
      ['SCHEDULE_JSON', ' '.repeat(20_000_001), /document/],
    ];
    for (const [format, document, message] of cases) {
      const error = await importError(empty, format, document);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.field).toBe('document');
      expect(error.message).toMatch(message);
    }
    const unreadableTime = JSON.stringify({
      schedule: {
        conference: {
          days: [{ index: 1, rooms: { Hall: [{ guid: 'x1', title: 'T', date: 'soon', start: 'later', duration: '00:30' }] } }],
        },
      },
    });
    expect((await importError(empty, 'SCHEDULE_JSON', unreadableTime)).message).toMatch(/day\[1\]\/room\[Hall\]\/event\[x1\]/);
    expect(await sessionsOf(empty)).toEqual([]);
  });

  it('refuses a non-organiser', async () => {
    const other = await target('andre');
    const token = await lectern.organiserToken([source.id]);
    const result = await lectern.graphql(IMPORT, { conferenceId: other.id, format: 'SCHEDULE_XML', document: '<schedule/>' }, { token });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await lectern.graphql(IMPORT, { conferenceId: other.id, format: 'SCHEDULE_XML', document: '<schedule/>' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('programme:import on the command line', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lectern-import-'));
  const env = { DATABASE_URL: '', SQLITE_PATH: join(directory, 'lectern.sqlite'), RATE_LIMIT: 'off' };
  const file = join(directory, 'programme.csv');

  beforeAll(async () => {
    await lecternCli(['demo:load'], env);
    writeFileSync(
      file,
      [
        'Titel;Start;Slutt;Rom;Talere',
        'Importert åpning;2020-11-23 09:00;09:30;Sal Ny;Nina Ny',
        'Importert prat;2020-11-23 10:00;10:45;Sal Ny;',
      ].join('\n'),
    );
  }, 240_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads CSV through --map, writes nothing in a dry run, and re-imports as a no-op', async () => {
    const args = ['programme:import', '--conference', 'internetdagarna-2020', '--file', file, '--format', 'csv'];
    const map = ['--map', 'title=Titel,start=Start,end=Slutt,room=Rom,speakers=Talere'];
    const dry = await lecternCli([...args, ...map, '--dry-run'], env);
    expect(dry).toMatch(/^Dry run \(nothing written\) CSV into internetdagarna-2020:$/m);
    expect(dry).toMatch(/^ {2}created {4}2 sessions, 1 speakers, 1 rooms, 0 tracks$/m);
    const first = await lecternCli([...args, ...map], env);
    expect(first).toMatch(/^ {2}created {4}2 sessions, 1 speakers, 1 rooms, 0 tracks$/m);
    const again = await lecternCli([...args, ...map], env);
    expect(again).toMatch(/^ {2}created {4}0 sessions, 0 speakers, 0 rooms, 0 tracks$/m);
    expect(again).toMatch(/^ {2}unchanged {2}2 sessions, 1 speakers, 1 rooms, 0 tracks$/m);
    await expect(lecternCli([...args, '--map', 'tittel=Titel'], env)).rejects.toThrow(/--map takes field=column pairs/);
    await expect(lecternCli([...args, ...map, '--match', 'Nina Ny=ingen-slik'], env)).rejects.toThrow(/speakerMatches\[0\]|ingen-slik/);
  }, 240_000);
});
