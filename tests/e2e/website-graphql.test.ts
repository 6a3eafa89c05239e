import { createHash } from 'node:crypto';
import { Lectern, startLectern } from '../support/lectern';
import { programmeBuilder } from '../support/programme';

/** The public GraphQL read model as websites use it: over GET with HTTP caching, persisted queries, locales. */

let lectern: Lectern;

/**
 * Four published conferences in Swedish and Norwegian: Erik speaks at two with a different title
 * at each, and is interviewed in two languages; Gregory's talk and interview are in Swedish with
 * an English translation; Tore's bio is in Norwegian and English. Every text lists English
 * first, so a locale chosen by anything but the rules asked for (the first one written) shows.
 */
beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  const swedish = { timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true };
  const umea = await build.conference({ slug: 'umea-jobbhackathon-2016', startDate: '2016-10-04', endDate: '2016-10-06', ...swedish });
  const digstrat = await build.conference({ slug: 'digstrat-2018', startDate: '2018-03-14', endDate: '2018-03-15', ...swedish });
  const oslo = await build.conference({ startDate: '2020-08-19', timeZone: 'Europe/Oslo', defaultLocale: 'nb', published: true });
  const internetdagarna = await build.conference({ startDate: '2020-11-24', ...swedish });

  const erik = await build.speaker({
    slug: 'erik-sandstrom',
    name: 'Erik Sandström',
    bio: { en: 'Erik Sandström has held several leading digital roles.', sv: 'Erik Sandström har haft flera ledande digitala roller.' },
  });
  const olle = await build.speaker({ slug: 'olle-lundin', name: 'Olle Lundin' });
  const carlMartin = await build.speaker({ name: 'Carl-Martin Lanér' });
  const tore = await build.speaker({
    slug: 'tore-sandvik',
    name: 'Tore Sandvik',
    bio: { en: 'Tore Sandvik is a county mayor.', nb: 'Tore Sandvik er fylkesordfører.' },
  });
  const gregory = await build.speaker({ slug: 'gregory-golding', name: 'Gregory Golding' });
  const arbetsformedlingen = (title: string) => ({ speaker: erik, title, organisation: 'Arbetsförmedlingen' });

  await build.session(umea, {
    speakers: [olle, arbetsformedlingen('chef för avdelningen för digitala tjänster')],
    published: true,
  });
  const digstratTalk = await build.session(digstrat, {
    abstract: { sv: 'Om **kultur**, _kompetens_ och [kunskap](https://example.org/).' },
    speakers: [arbetsformedlingen('digitaliseringsdirektör'), carlMartin],
    published: true,
  });
  await build.session(oslo, { format: 'PANEL', speakers: [tore], published: true });
  const gregoryTalk = await build.session(internetdagarna, {
    title: { en: 'Innovation in the service of society', sv: 'Innovation i samhällets tjänst' },
    abstract: {
      en: 'JobTech Development at Arbetsförmedlingen on public innovation.',
      sv: 'JobTech Development på Arbetsförmedlingen om offentlig innovation.',
    },
    speakers: [gregory],
    published: true,
  });

  await build.interview(digstrat, {
    session: digstratTalk,
    speakers: [erik],
    title: { sv: 'Intervju med Erik Sandström', en: 'Interview with Erik Sandström' },
    items: [
      {
        question: { sv: 'Vad gör innovation möjlig?', en: 'What makes innovation possible?' },
        answer: { sv: 'Kultur.', en: 'Culture.' },
        answeredBy: erik,
      },
    ],
    published: true,
  });
  await build.interview(internetdagarna, {
    slug: 'fem-fragor-till-gregory-golding',
    session: gregoryTalk,
    speakers: [gregory],
    title: { en: 'Five questions for Gregory Golding', sv: 'Fem frågor till Gregory Golding' },
    lead: { en: 'On **innovation** in the service of society.', sv: 'Om **innovation** i samhällets tjänst.' },
    items: [1, 2, 3, 4, 5].map((n) => ({ question: `Fråga ${n}?`, answer: `Svar ${n}.`, answeredBy: gregory })),
    published: true,
  });
});
afterAll(() => lectern.close());

const SPEAKER_PAGE = `query Speaker($slug: String!, $locale: String) {
  speaker(slug: $slug) {
    slug name bioLocale(locale: $locale) bio(locale: $locale, format: HTML) photoUrl photoWidth photoHeight photoAlt(locale: $locale)
    links { label url }
    appearances { affiliation session { title(locale: $locale) startsAt timeZone abstract(locale: $locale, format: TEXT) calendar { https } googleCalendarUrl } }
    interviews { slug titleLocale(locale: $locale) title(locale: $locale) lead(locale: $locale, format: TEXT) items { question(locale: $locale) answerLocale(locale: $locale) answer(locale: $locale, format: HTML) } }
  }
}`;

function getUrl(query: string | undefined, variables: Record<string, unknown>, extensions?: unknown): string {
  const params = new URLSearchParams({ variables: JSON.stringify(variables) });
  if (query !== undefined) params.set('query', query);
  if (extensions !== undefined) params.set('extensions', JSON.stringify(extensions));
  return `${lectern.url}/graphql?${params}`;
}

describe('the speaker read model over GET', () => {
  it("answers a website's page query with caching headers, and 304 when the copy is current", async () => {
    const response = await fetch(getUrl(SPEAKER_PAGE, { slug: 'erik-sandstrom' }), { headers: { origin: 'https://kommun.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('vary')).toMatch(/Accept-Language/);
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    const speaker = body.data.speaker;
    expect(speaker.bioLocale).toBe('sv');
    expect(speaker.bio).toMatch(/^<p>Erik Sandström har/);
    expect(speaker.appearances.map((a: any) => a.affiliation)).toEqual([
      'chef för avdelningen för digitala tjänster, Arbetsförmedlingen',
      'digitaliseringsdirektör, Arbetsförmedlingen',
    ]);
    expect(speaker.appearances[1].session.abstract).not.toContain('<');
    expect(speaker.interviews[0].items[0].answer).toMatch(/^<p>/);

    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await fetch(getUrl(SPEAKER_PAGE, { slug: 'erik-sandstrom' }), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('follows Accept-Language when no locale is given, and says which locale it used', async () => {
    const english = await fetch(getUrl(SPEAKER_PAGE, { slug: 'erik-sandstrom' }), { headers: { 'accept-language': 'en-GB, sv;q=0.5' } });
    const speaker = ((await english.json()) as any).data.speaker;
    expect(speaker.bioLocale).toBe('en');
    expect(speaker.bio).toContain('held several leading digital roles');
    expect(speaker.interviews[0]).toMatchObject({ titleLocale: 'en', title: 'Interview with Erik Sandström' });
    expect(speaker.interviews[0].items[0].answerLocale).toBe('en');

    const norwegian = await fetch(getUrl(SPEAKER_PAGE, { slug: 'tore-sandvik' }), { headers: { 'accept-language': 'nn' } });
    expect(((await norwegian.json()) as any).data.speaker.bioLocale).toBe('nb');

    const explicit = await fetch(getUrl(SPEAKER_PAGE, { slug: 'erik-sandstrom', locale: 'sv' }), { headers: { 'accept-language': 'en' } });
    expect(((await explicit.json()) as any).data.speaker.bioLocale).toBe('sv');

    const fallback = await fetch(getUrl(SPEAKER_PAGE, { slug: 'tore-sandvik' }), { headers: { 'accept-language': 'de' } });
    expect(((await fallback.json()) as any).data.speaker.bioLocale).toBe('nb');
  });

  it('gives session titles and abstracts in the Accept-Language locale too, and says which', async () => {
    const query = `{ speaker(slug: "gregory-golding") { appearances { session { titleLocale title abstract(format: TEXT) } } } }`;
    const session = async (acceptLanguage: string) =>
      ((await (await fetch(getUrl(query, {}), { headers: { 'accept-language': acceptLanguage } })).json()) as any).data.speaker
        .appearances[0].session;
    expect(await session('en-US, sv;q=0.3')).toMatchObject({ titleLocale: 'en', title: 'Innovation in the service of society' });
    expect((await session('en')).abstract).toMatch(/^JobTech Development at Arbetsförmedlingen/);
    expect(await session('de, sv;q=0.5')).toMatchObject({ titleLocale: 'sv', title: 'Innovation i samhällets tjänst' });
    expect(await session('fr')).toMatchObject({ titleLocale: 'sv' });
  });

  it('keeps no copy of an answer with errors or of one for a token, and still refuses mutations over GET', async () => {
    const missing = await fetch(getUrl(SPEAKER_PAGE, { slug: 'nobody' }));
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('etag')).toBeNull();

    const organiser = await fetch(getUrl(SPEAKER_PAGE, { slug: 'erik-sandstrom' }), {
      headers: { authorization: `Bearer ${lectern.adminToken}` },
    });
    expect(organiser.status).toBe(200);
    expect(organiser.headers.get('cache-control')).toBe('private, no-store');
    expect(organiser.headers.get('etag')).toBeNull();

    const posted = await lectern.graphql(`{ speaker(slug: "erik-sandstrom") { name } }`, {}, { as: 'organiser' });
    expect(posted.headers.get('cache-control')).toBe('private, no-store');

    const mutation = await fetch(getUrl('mutation { deleteSpeaker(id: "1") { id } }', {}), {
      headers: { authorization: `Bearer ${lectern.adminToken}` },
    });
    expect(mutation.status).toBe(405);
    expect((await lectern.ok(`{ speaker(slug: "gregory-golding") { name } }`)).speaker.name).toBe('Gregory Golding');
  });

  it("lists a conference's speakers with the affiliation they had at it", async () => {
    const query = `{ speakers(conferenceSlug: "umea-jobbhackathon-2016") { edges { node { slug appearances { affiliation session { conference { slug } } } } } } }`;
    const response = await fetch(getUrl(query, {}));
    const nodes = ((await response.json()) as any).data.speakers.edges.map((e: any) => e.node);
    const erik = nodes.find((n: any) => n.slug === 'erik-sandstrom');
    const umea = erik.appearances.find((a: any) => a.session.conference.slug === 'umea-jobbhackathon-2016');
    expect(umea.affiliation).toBe('chef för avdelningen för digitala tjänster, Arbetsförmedlingen');
  });

  it('answers interview(slug) with its leads and answers in the format asked for', async () => {
    const query = `{ interview(slug: "fem-fragor-till-gregory-golding") { titleLocale title lead(format: TEXT) items { answer(format: MARKDOWN) answeredBy { slug } } } }`;
    const { interview } = await lectern.ok(query);
    expect(interview.titleLocale).toBe('sv');
    expect(interview.items).toHaveLength(5);
    expect(interview.items[0].answeredBy.slug).toBe('gregory-golding');
  });
});

describe('photo fields', () => {
  it('keeps width, height and a localised description, and checks them', async () => {
    const { speaker } = await lectern.ok(`{ speaker(slug: "olle-lundin") { id } }`, {}, { as: 'organiser' });
    const bad = await lectern.graphql(
      `mutation ($id: ID!) { updateSpeaker(id: $id, input: { photoUrl: "https://img.example/olle.jpg", photoWidth: -3 }) { id } }`,
      { id: speaker.id },
      { as: 'organiser' },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'photoWidth' });
    await lectern.ok(
      `mutation ($id: ID!) { updateSpeaker(id: $id, input: { photoUrl: "https://img.example/olle.jpg", photoWidth: 400, photoHeight: 500, photoAlt: [{ locale: "sv", text: "Olle Lundin på scen" }, { locale: "en", text: "Olle Lundin on stage" }] }) { id } }`,
      { id: speaker.id },
      { as: 'organiser' },
    );
    const response = await fetch(getUrl(SPEAKER_PAGE, { slug: 'olle-lundin' }), { headers: { 'accept-language': 'en' } });
    expect(((await response.json()) as any).data.speaker).toMatchObject({
      photoUrl: 'https://img.example/olle.jpg',
      photoWidth: 400,
      photoHeight: 500,
      photoAlt: 'Olle Lundin on stage',
    });
    const json = (await (await fetch(`${lectern.url}/api/speakers/olle-lundin`)).json()) as any;
    expect(json.photo).toEqual({ url: 'https://img.example/olle.jpg', width: 400, height: 500, alt: 'Olle Lundin på scen' });
  });
});

describe('automatic persisted queries', () => {
  const query = `query Names($conferenceSlug: String) { speakers(conferenceSlug: $conferenceSlug) { edges { node { name } } } }`;
  const hash = createHash('sha256').update(query).digest('hex');
  const persisted = { persistedQuery: { version: 1, sha256Hash: hash } };

  it('asks for the text of an unknown hash, learns it once, then answers the hash alone over GET, cacheably', async () => {
    const unknown = await fetch(getUrl(undefined, { conferenceSlug: 'digstrat-2018' }, persisted));
    const unknownBody = (await unknown.json()) as any;
    expect(unknownBody.errors[0].message).toMatch(/PersistedQueryNotFound/);

    const register = await fetch(getUrl(query, { conferenceSlug: 'digstrat-2018' }, persisted));
    expect(((await register.json()) as any).data.speakers.edges).toHaveLength(2);

    const byHash = await fetch(getUrl(undefined, { conferenceSlug: 'digstrat-2018' }, persisted));
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get('cache-control')).toMatch(/^public/);
    expect(((await byHash.json()) as any).data.speakers.edges.map((e: any) => e.node.name)).toEqual([
      'Carl-Martin Lanér',
      'Erik Sandström',
    ]);
  });

  it('refuses a query whose text does not match its hash', async () => {
    const wrong = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('something else').digest('hex') } };
    const response = await fetch(getUrl(query, {}, wrong));
    expect(((await response.json()) as any).errors[0].message).toMatch(/does not match/);
  });
});
