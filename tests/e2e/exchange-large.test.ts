/**
 * The schedule exports of a large synthetic programme (issue 15: "every export of the demo and of
 * a large synthetic programme validates with the public schemas"): the benchmark's generator
 * (bench/generate.ts, the same conference the bench measures) fills the database, and schedule.xml,
 * schedule.json and schedule2.json are validated with xmllint-wasm and ajv.
 *
 * On SQLite whatever the engine the suite runs on: the generator writes its raw multi-row inserts
 * with SQLite's placeholders, and what is checked here is the exports' form, not the engine.
 */
import { generateProgramme, GeneratedProgramme } from '../../bench/generate';
import { planFor } from '../../bench/synthetic';
import { Lectern, startLectern } from '../support/lectern';
import { jsonErrors, validV1, validV2, xmlEvents, xsdErrors } from '../support/schedule-validation';

/** The size the bench measures (issue 15's 2,000 sessions): every room, track, day and role of the generator. */
const SESSIONS = 2000;

describe(`schedule exports of a synthetic programme of ${SESSIONS} sessions`, () => {
  let lectern: Lectern;
  let programme: GeneratedProgramme;
  const exportOf = async (file: string) => {
    const response = await fetch(`${lectern.url}/exports/conferences/${programme.conferenceSlug}/${file}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    lectern = await startLectern({ DATABASE_URL: '', PUBLIC_BASE_URL: 'https://lectern.example.org', RATE_LIMIT: 'off' });
    programme = await generateProgramme(lectern.app, planFor(SESSIONS));
  });
  afterAll(() => lectern.close());

  it('validates schedule.xml against the XSD, with every scheduled session as an event of its own', async () => {
    const document = await exportOf('schedule.xml');
    expect(await xsdErrors(document)).toEqual([]);
    const events = xmlEvents(document);
    expect(events).toHaveLength(SESSIONS);
    expect(new Set(events.map((event) => event['@id'])).size).toBe(SESSIONS);
    expect(new Set(events.map((event) => event['@guid'])).size).toBe(SESSIONS);
  });

  it('validates schedule.json against schedule.schema.json', async () => {
    const document = JSON.parse(await exportOf('schedule.json'));
    expect(jsonErrors(validV1, document)).toEqual([]);
    const events = (document.schedule.conference.days as { rooms: Record<string, unknown[]> }[]).flatMap((day) =>
      Object.values(day.rooms).flat(),
    );
    expect(events).toHaveLength(SESSIONS);
  });

  it('validates schedule2.json against schedule2.schema.json, every locale of the programme included', async () => {
    const document = JSON.parse(await exportOf('schedule2.json'));
    expect(jsonErrors(validV2, document)).toEqual([]);
    expect(document.schedule.conference.languages).toEqual(['sv', 'en']);
  });
});
