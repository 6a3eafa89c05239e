import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';

/** A page's copy in a browser or CDN: 304 while it is current, for the language it was in, never across languages. */

let lectern: Lectern;
let conference: ConferenceRef;
let session: SessionRef;

beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  conference = await build.conference({ name: 'Cache Conf 2032', timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true });
  session = await build.session(conference, { title: { sv: 'Första passet', nb: 'Første økt' }, published: true });
});

afterAll(() => lectern?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${lectern.url}${path}`, { headers });

it.each(['programme', 'session'])('answers a %s page with 304 to a current copy, with its Vary and Content-Language', async (which) => {
  const path = which === 'programme' ? `/${conference.slug}` : `/${conference.slug}/sessions/${rowId(session.id)}`;
  const first = await get(path, { 'accept-language': 'sv-SE' });
  const etag = first.headers.get('etag')!;
  for (let i = 0; i < 2; i++) {
    // The first conditional request may reach the controller; the next is answered before Nest routes it.
    const again = await get(path, { 'accept-language': 'sv-SE', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('vary')).toContain('Accept-Language');
    expect(again.headers.get('content-language')).toBe('sv');
  }
});

it("never answers 304 with another language's copy", async () => {
  const path = `/${conference.slug}/sessions/${rowId(session.id)}`;
  const swedish = await get(path, { 'accept-language': 'sv-SE' });
  await get(path, { 'accept-language': 'sv-SE', 'if-none-match': swedish.headers.get('etag')! });
  const norwegian = await get(path, { 'accept-language': 'nb-NO', 'if-none-match': swedish.headers.get('etag')! });
  expect(norwegian.status).toBe(200);
  expect(norwegian.headers.get('content-language')).toBe('nb');
  expect(await norwegian.text()).toContain('Første økt');
});

it('answers 200 with the new page once the conference changes', async () => {
  const path = `/${conference.slug}`;
  const before = await get(path, { 'accept-language': 'sv-SE' });
  const etag = before.headers.get('etag')!;
  expect((await get(path, { 'accept-language': 'sv-SE', 'if-none-match': etag })).status).toBe(304);
  await lectern.ok(
    `mutation ($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id } }`,
    { id: session.id, input: { title: [{ locale: 'sv', text: 'Omdöpt pass' }] } },
    { as: 'organiser' },
  );
  const after = await get(path, { 'accept-language': 'sv-SE', 'if-none-match': etag });
  expect(after.status).toBe(200);
  expect(await after.text()).toContain('Omdöpt pass');
});
