import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';

/**
 * Conditional requests for a current feed or page are answered 304 before the rest of the HTTP
 * pipeline runs (src/calendar/feed-revalidation.ts). Such a 304 must say what the full answer
 * said, per origin and per language, and never outlive a change of the programme.
 */

const CONSOLE_ORIGIN = 'https://console.example.org';
/** What belongs to one answer alone (its body, its connection, its clock and its request id). */
const OWN_TO_EACH_ANSWER = new Set([
  'content-type',
  'content-length',
  'content-disposition',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'last-modified',
  'x-request-id',
]);

let lectern: Lectern;
let conference: ConferenceRef;
let session: SessionRef;

beforeAll(async () => {
  lectern = await startLectern({ CORS_ORGANISER_ORIGINS: CONSOLE_ORIGIN });
  const build = programmeBuilder(lectern);
  conference = await build.conference({ name: 'Early Conf 2033', timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true });
  session = await build.session(conference, { title: { sv: 'Första passet', nb: 'Første økt' }, published: true });
});

afterAll(() => lectern?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${lectern.url}${path}`, { headers });
const feed = () => `/calendars/conferences/${conference.slug}.ics`;

/** The full answer's headers that a 304 must repeat. */
function repeatable(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!OWN_TO_EACH_ANSWER.has(name)) headers[name] = value;
  });
  return headers;
}

function expectSameHeaders(notModified: Response, full: Response): void {
  expect(notModified.status).toBe(304);
  expect(repeatable(notModified)).toEqual(repeatable(full));
  expect(Date.parse(notModified.headers.get('last-modified')!)).toBeLessThanOrEqual(Date.parse(notModified.headers.get('date')!));
}

const rename = (sv: string) =>
  lectern.ok(
    `mutation ($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id } }`,
    { id: session.id, input: { title: [{ locale: 'sv', text: sv }] } },
    { as: 'organiser' },
  );

it("answers a feed's 304 with every header its full answer had, and its own request id", async () => {
  const full = await get(feed());
  expect(full.status).toBe(200);
  const etag = full.headers.get('etag')!;
  for (let i = 0; i < 2; i++) {
    const again = await get(feed(), { 'if-none-match': etag, 'x-request-id': `calendar-app.${i}` });
    expectSameHeaders(again, full);
    expect(again.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect(again.headers.get('x-request-id')).toBe(`calendar-app.${i}`);
  }
  const invented = await get(feed(), { 'if-none-match': etag });
  expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

it("answers a page's 304 with the site's security headers, Vary and Content-Language, as its full answer", async () => {
  const path = `/${conference.slug}`;
  const full = await get(path, { 'accept-language': 'sv-SE' });
  expect(full.status).toBe(200);
  const again = await get(path, { 'accept-language': 'sv-SE', 'if-none-match': full.headers.get('etag')! });
  expectSameHeaders(again, full);
  expect(again.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(again.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(again.headers.get('vary')).toContain('Accept-Language');
  expect(again.headers.get('content-language')).toBe('sv');
});

it("repeats an organiser origin's CORS headers to that origin alone", async () => {
  const full = await get(feed(), { origin: CONSOLE_ORIGIN });
  expect(full.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
  const etag = full.headers.get('etag')!;

  expectSameHeaders(await get(feed(), { origin: CONSOLE_ORIGIN, 'if-none-match': etag }), full);
  const elsewhere = await get(feed(), { origin: 'https://elsewhere.example.net', 'if-none-match': etag });
  expect(elsewhere.status).toBe(304);
  expect(elsewhere.headers.get('access-control-allow-origin')).toBe('*');
  const noOrigin = await get(feed(), { 'if-none-match': etag });
  expect(noOrigin.status).toBe(304);
  expect(noOrigin.headers.get('access-control-allow-origin')).not.toBe(CONSOLE_ORIGIN);
  // And once more from the console, after the others: its own headers again.
  const console = await get(feed(), { origin: CONSOLE_ORIGIN, 'if-none-match': etag });
  expect(console.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
});

it("never accepts one language's or one variant's ETag for another", async () => {
  const path = `/${conference.slug}`;
  const swedish = await get(path, { 'accept-language': 'sv-SE' });
  const etag = swedish.headers.get('etag')!;
  expect((await get(path, { 'accept-language': 'sv-SE', 'if-none-match': etag })).status).toBe(304);

  const norwegian = await get(path, { 'accept-language': 'nb-NO', 'if-none-match': etag });
  expect(norwegian.status).toBe(200);
  expect(norwegian.headers.get('content-language')).toBe('nb');
  const asked = await get(`${path}?lang=nb`, { 'accept-language': 'sv-SE', 'if-none-match': etag });
  expect(asked.status).toBe(200);
  expect(asked.headers.get('content-language')).toBe('nb');

  const feedEtag = (await get(feed())).headers.get('etag')!;
  expect((await get(feed(), { 'if-none-match': feedEtag })).status).toBe(304);
  const english = await get(`${feed()}?locale=en`, { 'if-none-match': feedEtag });
  expect(english.status).toBe(200);
  expect(english.headers.get('etag')).not.toBe(feedEtag);
});

it('answers an old ETag 200 with the new copy once the programme changed, and the new ETag 304', async () => {
  const page = `/${conference.slug}`;
  const oldFeed = (await get(feed())).headers.get('etag')!;
  const oldPage = (await get(page, { 'accept-language': 'sv-SE' })).headers.get('etag')!;
  expect((await get(feed(), { 'if-none-match': oldFeed })).status).toBe(304);
  expect((await get(page, { 'accept-language': 'sv-SE', 'if-none-match': oldPage })).status).toBe(304);

  await rename('Omdöpt tidigt');

  const newFeed = await get(feed(), { 'if-none-match': oldFeed });
  expect(newFeed.status).toBe(200);
  expect(newFeed.headers.get('etag')).not.toBe(oldFeed);
  expect(await newFeed.text()).toContain('Omdöpt tidigt');
  const newPage = await get(page, { 'accept-language': 'sv-SE', 'if-none-match': oldPage });
  expect(newPage.status).toBe(200);
  expect(newPage.headers.get('etag')).not.toBe(oldPage);
  expect(await newPage.text()).toContain('Omdöpt tidigt');

  expect((await get(feed(), { 'if-none-match': newFeed.headers.get('etag')! })).status).toBe(304);
  expect((await get(page, { 'accept-language': 'sv-SE', 'if-none-match': newPage.headers.get('etag')! })).status).toBe(304);
});

it('still refuses a wrong token, however current the copy', async () => {
  const etag = (await get(feed())).headers.get('etag')!;
  expect((await get(feed(), { 'if-none-match': etag })).status).toBe(304);
  const refused = await get(feed(), { 'if-none-match': etag, authorization: 'Bearer lct_wrong' });
  expect(refused.status).toBe(401);
});
