import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { programmeBuilder } from '../support/programme';

/** The JSON API websites read: content, locale negotiation, other slugs, caching, CORS and what never shows. */

let lectern: Lectern;

/**
 * Four published conferences, after the demo's: Erik speaks at Umeå (2016) and DigStrat (2018)
 * with another title at each, and is interviewed at DigStrat; Carl-Martin, known under a second
 * spelling, speaks and is interviewed there too; Tore's bio is in Norwegian and English, at a
 * Norwegian conference; Lieselot's is in English only, at a Swedish one. Every bio lists English
 * first, so a locale chosen by anything but the rules asked for (the first one written) shows.
 * DigStrat's parts are built before Umeå's, and Erik before Carl-Martin, so that "oldest first",
 * "latest" and "by name" follow the sessions' times and the names, not the order of writing.
 */
beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  const swedish = { timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true };
  const digstrat = await build.conference({ slug: 'digstrat-2018', startDate: '2018-04-17', ...swedish });
  const umea = await build.conference({ slug: 'umea-jobbhackathon-2016', startDate: '2016-10-03', endDate: '2016-10-05', ...swedish });
  const oslo = await build.conference({
    slug: 'teknologi-og-politikk-2020',
    startDate: '2020-08-19',
    timeZone: 'Europe/Oslo',
    defaultLocale: 'nb',
    published: true,
  });
  const internetdagarna = await build.conference({ slug: 'internetdagarna-2020', startDate: '2020-11-24', ...swedish });

  const erik = await build.speaker({
    slug: 'erik-sandstrom',
    name: 'Erik Sandström',
    bio: {
      en: 'Erik Sandström has held several leading roles in digitalisation.',
      sv: 'Erik Sandström har haft flera ledande roller inom digitalisering.',
    },
  });
  const carlMartin = await build.speaker({
    slug: 'carl-martin-laner',
    name: 'Carl-Martin Lanér',
    otherNames: ['Carl-Magnus Lanér'],
    otherSlugs: ['carl-magnus-laner'],
    bio: {
      en: 'Carl-Martin Lanér has led the administration of Karlskrona.',
      sv: 'Carl-Martin Lanér har lett förvaltningen i Karlskrona.',
    },
  });
  const digstratTalk = await build.session(digstrat, {
    title: { sv: 'Att starta en positiv rörelse mot innovation', en: 'Starting a positive movement towards innovation' },
    abstract: { sv: 'Om **kultur**, kompetens och kunskap.' },
    room: await build.room(digstrat, { name: 'Huvudscenen' }),
    startsAt: '2018-04-17T13:00:00+02:00',
    speakers: [{ speaker: erik, title: 'digitaliseringsdirektör', organisation: 'Arbetsförmedlingen' }],
    published: true,
  });
  const karlskronaTalk = await build.session(digstrat, {
    title: { sv: 'Karlskronas digitaliseringsresa', en: "Karlskrona's digitalisation journey" },
    startsAt: '2018-04-17T14:00:00+02:00',
    speakers: [{ speaker: carlMartin, title: 'kommundirektör', organisation: 'Karlskrona kommun' }],
    published: true,
  });
  await build.interview(digstrat, {
    slug: 'intervju-erik-sandstrom',
    session: digstratTalk,
    speakers: [erik],
    title: 'Intervju med Erik Sandström',
    items: [
      {
        question: 'Vilken roll har offentlig sektor när digitaliseringen tar fart?',
        answer: 'Offentlig sektor behöver **förtroende** och förnyelse.',
        answeredBy: erik,
      },
      { question: 'Vad har förändrats mest?', answer: 'Självservice.', answeredBy: erik },
      { question: 'Vad gör en organisation innovativ?', answer: 'Kultur, kompetens och kunskap.', answeredBy: erik },
    ],
    published: true,
  });
  await build.interview(digstrat, {
    slug: 'intervju-carl-martin-laner',
    session: karlskronaTalk,
    speakers: [carlMartin],
    title: { sv: 'Intervju med Carl-Martin Lanér', en: 'Interview with Carl-Martin Lanér' },
    items: [1, 2, 3, 4, 5].map((n) => ({ question: `Fråga ${n}?`, answer: `Svar ${n}.`, answeredBy: carlMartin })),
    published: true,
  });

  const olle = await build.speaker({
    slug: 'olle-lundin',
    name: 'Olle Lundin',
    bio: { en: 'Olle Lundin heads a digital innovation centre.', sv: 'Olle Lundin leder ett centrum för digital innovation.' },
  });
  const lieselot = await build.speaker({
    slug: 'lieselot-danneels',
    name: 'Lieselot Danneels',
    bio: { en: 'Lieselot Danneels is a researcher at Vlerick Business School.' },
  });
  await build.session(umea, {
    title: {
      sv: 'Offentliga tjänster byggda på öppna data och ekosystemtänkande',
      en: 'Public services built on open data and ecosystem thinking',
    },
    abstract: { sv: 'Om **öppna data** och ekosystem.' },
    startsAt: '2016-10-04T10:00:00+02:00',
    speakers: [{ speaker: erik, title: 'chef för avdelningen för digitala tjänster', organisation: 'Arbetsförmedlingen' }, olle],
    published: true,
  });
  await build.session(umea, { startsAt: '2016-10-04T11:00:00+02:00', speakers: [lieselot], language: 'en', published: true });

  const tore = await build.speaker({
    slug: 'tore-sandvik',
    name: 'Tore Sandvik',
    bio: { en: 'Tore Sandvik is the county mayor of Trøndelag.', nb: 'Tore Sandvik er fylkesordfører i Trøndelag.' },
  });
  const pia = await build.speaker({ name: 'Pia Jøsendal', bio: { nb: 'Pia Jøsendal er avdelingsleder.' } });
  await build.session(oslo, {
    title: { nb: 'Innovasjon i privat og offentlig sektor', en: 'Innovation in the private and public sectors' },
    format: 'PANEL',
    speakers: [tore, pia],
    published: true,
  });

  const gregory = await build.speaker({
    slug: 'gregory-golding',
    name: 'Gregory Golding',
    bio: { sv: 'Gregory Golding arbetar på JobTech.' },
  });
  const gregoryTalk = await build.session(internetdagarna, {
    title: 'Innovation i samhällets tjänst',
    speakers: [gregory],
    published: true,
  });
  await build.interview(internetdagarna, {
    slug: 'fem-fragor-till-gregory-golding',
    session: gregoryTalk,
    speakers: [gregory],
    items: [{ question: 'Vad handlar temat om?', answer: 'Om innovation.', answeredBy: gregory }],
    published: true,
  });
});
afterAll(() => lectern.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${lectern.url}${path}`, { headers, redirect: 'manual' });

async function json(path: string, headers: Record<string, string> = {}) {
  const response = await get(path, headers);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { response, body: (await response.json()) as any };
}

describe('GET /api/speakers/{slug}', () => {
  it('gives the bio, links, every public appearance with the affiliation of its time, and interviews with their answers', async () => {
    const { body } = await json('/api/speakers/erik-sandstrom');
    expect(body).toMatchObject({ slug: 'erik-sandstrom', name: 'Erik Sandström', format: 'HTML' });
    expect(body.bio).toMatch(/^<p>Erik Sandström har haft flera ledande roller/);
    expect(body.appearances.map((a: any) => [a.session.conference.slug, a.affiliation])).toEqual([
      ['umea-jobbhackathon-2016', 'chef för avdelningen för digitala tjänster, Arbetsförmedlingen'],
      ['digstrat-2018', 'digitaliseringsdirektör, Arbetsförmedlingen'],
    ]);
    expect(body.affiliation).toBe('digitaliseringsdirektör, Arbetsförmedlingen');
    const digstrat = body.appearances[1].session;
    expect(digstrat).toMatchObject({
      title: 'Att starta en positiv rörelse mot innovation',
      timeZone: 'Europe/Stockholm',
      startsAt: '2018-04-17T11:00:00.000Z',
      localStartsAt: '2018-04-17T13:00:00+02:00',
      room: 'Huvudscenen',
    });
    expect(digstrat.calendar.https).toBe(`http://localhost:3000/calendars/sessions/${rowId(digstrat.id)}.ics?locale=sv`);
    expect(digstrat.calendar.webcal).toMatch(/^webcal:\/\/localhost:3000\/calendars\/sessions\/\d+\.ics/);
    expect(new URL(digstrat.calendar.google).searchParams.get('dates')).toBe('20180417T110000Z/20180417T113000Z');

    // The feed link works: it is the session's own calendar.
    const feed = await fetch(digstrat.calendar.https.replace('http://localhost:3000', lectern.url));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Att starta en positiv r');

    expect(body.interviews).toHaveLength(1);
    expect(body.interviews[0]).toMatchObject({ slug: 'intervju-erik-sandstrom', title: 'Intervju med Erik Sandström', language: 'sv' });
    expect(body.interviews[0].items).toHaveLength(3);
    expect(body.interviews[0].items[0]).toMatchObject({
      question: 'Vilken roll har offentlig sektor när digitaliseringen tar fart?',
      answeredBy: { slug: 'erik-sandstrom', name: 'Erik Sandström' },
    });
    expect(body.interviews[0].items[0].answer).toMatch(/^<p>Offentlig sektor behöver/);
  });

  it('serves rich text as Markdown, HTML or plain text, as asked', async () => {
    await lectern.ok(
      `mutation { updateSpeaker(id: "${await speakerId('erik-sandstrom')}", input: { bio: [{ locale: "sv", text: "Erik har **lett** digitalisering." }, { locale: "en", text: "Erik has **led** digitalisation." }] }) { id } }`,
      {},
      { as: 'organiser' },
    );
    expect((await json('/api/speakers/erik-sandstrom?format=markdown')).body).toMatchObject({
      format: 'MARKDOWN',
      bio: 'Erik har **lett** digitalisering.',
    });
    expect((await json('/api/speakers/erik-sandstrom?format=HTML')).body.bio).toBe(
      '<p>Erik har <strong>lett</strong> digitalisering.</p>\n',
    );
    expect((await json('/api/speakers/erik-sandstrom?format=text')).body.bio).toBe('Erik har lett digitalisering.');
    const { body } = await json('/api/speakers/erik-sandstrom?format=text');
    expect(body.appearances[0].session.abstract).not.toMatch(/<p>/);
    expect(body.interviews[0].items[0].answer).not.toMatch(/<p>/);
  });

  it('never shows the private e-mail', async () => {
    await lectern.ok(
      `mutation { updateSpeaker(id: "${await speakerId('gregory-golding')}", input: { email: "gregory@private.example" }) { id } }`,
      {},
      { as: 'organiser' },
    );
    for (const path of [
      '/api/speakers/gregory-golding',
      '/api/conferences/internetdagarna-2020/speakers',
      '/api/interviews/fem-fragor-till-gregory-golding',
    ]) {
      const response = await get(path);
      expect(await response.text()).not.toContain('private.example');
    }
  });

  it('answers 404 for a slug nobody has, and 400 naming the parameter for a bad locale or format', async () => {
    const missing = await get('/api/speakers/nobody-here');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error).toMatchObject({ code: 'NOT_FOUND', field: 'slug' });
    expect(missing.headers.get('cache-control')).toBe('no-store');

    const badLocale = await get('/api/speakers/erik-sandstrom?locale=not_a_locale!');
    expect(badLocale.status).toBe(400);
    expect(((await badLocale.json()) as any).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });

    const badFormat = await get('/api/speakers/erik-sandstrom?format=pdf');
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as any).error.field).toBe('format');
  });
});

describe('GET /api/conferences/{slug}/speakers', () => {
  it("lists the conference's speakers by name, each with their parts in that conference only", async () => {
    const { body, response } = await json('/api/conferences/digstrat-2018/speakers');
    expect(response.headers.get('content-language')).toBe('sv');
    expect(body.locale).toBe('sv');
    expect(body.conference).toMatchObject({ slug: 'digstrat-2018', defaultLocale: 'sv', timeZone: 'Europe/Stockholm' });
    expect(body.speakers.map((s: any) => s.name)).toEqual(['Carl-Martin Lanér', 'Erik Sandström']);
    const erik = body.speakers[1];
    expect(erik.appearances.map((a: any) => a.session.conference.slug)).toEqual(['digstrat-2018']);
    expect(erik.affiliation).toBe('digitaliseringsdirektör, Arbetsförmedlingen');
  });

  it("answers 404 for a draft conference, and never lists a draft session's speaker", async () => {
    const conference = await lectern.ok(
      `mutation { createConference(input: { slug: "hemlig-2030", name: "Hemlig 2030", startDate: "2030-01-01", endDate: "2030-01-02", timeZone: "Europe/Stockholm", defaultLocale: "sv" }) { id } }`,
      {},
      { as: 'organiser' },
    );
    expect((await get('/api/conferences/hemlig-2030/speakers')).status).toBe(404);

    // A new speaker in an unpublished session of a published conference stays out of sight.
    const { conference: digstrat } = await lectern.ok(`{ conference(slug: "digstrat-2018") { id } }`);
    const { createSpeaker } = await lectern.ok(
      `mutation { createSpeaker(input: { slug: "utkast-person", name: "Utkast Person" }) { id } }`,
      {},
      { as: 'organiser' },
    );
    const { createSession } = await lectern.ok(
      `mutation ($c: ID!) { createSession(input: { conferenceId: $c, title: [{ locale: "sv", text: "Utkast" }], format: TALK, language: "sv" }) { id } }`,
      { c: digstrat.id },
      { as: 'organiser' },
    );
    await lectern.ok(
      `mutation ($s: ID!, $p: ID!) { addAppearance(input: { sessionId: $s, speakerId: $p }) { id } }`,
      { s: createSession.id, p: createSpeaker.id },
      { as: 'organiser' },
    );
    const { body } = await json('/api/conferences/digstrat-2018/speakers');
    expect(body.speakers.map((s: any) => s.slug)).not.toContain('utkast-person');
    expect((await get('/api/speakers/utkast-person')).status).toBe(404);
    expect(conference.createConference.id).toBeDefined();
  });
});

describe('GET /api/interviews/{slug}', () => {
  it('gives the interview with its questions and answers in order, and who answered', async () => {
    const { body, response } = await json('/api/interviews/intervju-carl-martin-laner?locale=en&format=text');
    expect(response.headers.get('content-language')).toBe('en');
    expect(body).toMatchObject({
      slug: 'intervju-carl-martin-laner',
      locale: 'en',
      format: 'TEXT',
      title: 'Interview with Carl-Martin Lanér',
      language: 'sv',
    });
    expect(body.conference).toEqual({ slug: 'digstrat-2018', name: expect.any(String) });
    expect(body.speakers).toEqual([{ slug: 'carl-martin-laner', name: 'Carl-Martin Lanér' }]);
    expect(body.items).toHaveLength(5);
    for (const item of body.items) expect(item.answeredBy).toEqual({ slug: 'carl-martin-laner', name: 'Carl-Martin Lanér' });
  });
});

describe('locale negotiation', () => {
  const locale = async (path: string, headers: Record<string, string> = {}) => {
    const { body, response } = await json(path, headers);
    expect(response.headers.get('content-language')).toBe(body.locale);
    return { locale: body.locale as string, body };
  };

  it('takes ?locale= first, then the best Accept-Language match, then the conference default', async () => {
    // Tore Sandvik's bio is in en and nb; he appeared at an nb conference.
    expect((await locale('/api/speakers/tore-sandvik')).locale).toBe('nb');
    expect((await locale('/api/speakers/tore-sandvik', { 'accept-language': 'en-GB,en;q=0.9' })).locale).toBe('en');
    expect((await locale('/api/speakers/tore-sandvik', { 'accept-language': 'no' })).locale).toBe('nb');
    expect((await locale('/api/speakers/tore-sandvik', { 'accept-language': 'de, sv;q=0.9' })).locale).toBe('nb');
    expect((await locale('/api/speakers/tore-sandvik', { 'accept-language': 'de, fr;q=0.8, en;q=0.5' })).locale).toBe('en');
    expect((await locale('/api/speakers/tore-sandvik?locale=en', { 'accept-language': 'nb' })).locale).toBe('en');
    // An explicit locale the texts do not have: Accept-Language decides, then the default.
    expect((await locale('/api/speakers/tore-sandvik?locale=fi', { 'accept-language': 'en' })).locale).toBe('en');
    expect((await locale('/api/speakers/tore-sandvik?locale=fi')).locale).toBe('nb');
  });

  it('gives a Swedish speaker Swedish by default, English to an English browser, and Swedish to a Norwegian one', async () => {
    const swedish = await locale('/api/speakers/carl-martin-laner');
    expect(swedish.locale).toBe('sv');
    expect(swedish.body.bio).toContain('har lett förvaltningen');
    const english = await locale('/api/speakers/carl-martin-laner', { 'accept-language': 'en-US' });
    expect(english.locale).toBe('en');
    expect(english.body.bio).toContain('has led the administration');
    expect(english.body.appearances[0].session.title).toBe("Karlskrona's digitalisation journey");
    expect((await locale('/api/speakers/carl-martin-laner', { 'accept-language': 'nb-NO' })).locale).toBe('sv');
  });

  it('answers a speaker wall in the conference default unless the browser asks for a language it has', async () => {
    expect((await locale('/api/conferences/teknologi-og-politikk-2020/speakers')).locale).toBe('nb');
    expect((await locale('/api/conferences/teknologi-og-politikk-2020/speakers', { 'accept-language': 'sv' })).locale).toBe('nb');
    const english = await locale('/api/conferences/teknologi-og-politikk-2020/speakers', { 'accept-language': 'en' });
    expect(english.locale).toBe('en');
    const tore = english.body.speakers.find((s: any) => s.slug === 'tore-sandvik');
    expect(tore.bio).toContain('county mayor');
  });

  it('keeps a text in its own default when it has no version in the chosen locale', async () => {
    // Lieselot Danneels's bio is English only; the Umeå conference is Swedish.
    const { body } = await locale('/api/speakers/lieselot-danneels', { 'accept-language': 'sv' });
    expect(body.bio).toContain('researcher at Vlerick');
  });
});

describe('a speaker known under two spellings', () => {
  it("redirects the other spelling's slug to the person, keeping the query", async () => {
    const response = await get('/api/speakers/carl-magnus-laner?locale=en');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/api/speakers/carl-martin-laner?locale=en');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const followed = await fetch(`${lectern.url}/api/speakers/carl-magnus-laner?locale=en`);
    expect(followed.status).toBe(200);
    expect(((await followed.json()) as any).name).toBe('Carl-Martin Lanér');
    const embed = await get('/embed/speakers/carl-magnus-laner');
    expect(embed.status).toBe(301);
    expect(embed.headers.get('location')).toBe('/embed/speakers/carl-martin-laner');
  });

  it('resolves to the person in GraphQL, and lists the other slug', async () => {
    const { speaker } = await lectern.ok(`{ speaker(slug: "carl-magnus-laner") { slug name otherNames otherSlugs } }`);
    expect(speaker).toEqual({
      slug: 'carl-martin-laner',
      name: 'Carl-Martin Lanér',
      otherNames: ['Carl-Magnus Lanér'],
      otherSlugs: ['carl-magnus-laner'],
    });
  });

  it("refuses another slug that is already someone's, naming the field", async () => {
    const result = await lectern.graphql(
      `mutation { updateSpeaker(id: "${await speakerId('erik-sandstrom')}", input: { otherSlugs: ["erik-s", "carl-magnus-laner"] }) { id } }`,
      {},
      { as: 'organiser' },
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'otherSlugs[1]' });
    const taken = await lectern.graphql(
      `mutation { createSpeaker(input: { slug: "carl-magnus-laner", name: "Someone" }) { id } }`,
      {},
      { as: 'organiser' },
    );
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });
    // Nothing changed.
    expect((await get('/api/speakers/erik-s')).status).toBe(404);
  });

  it('does not lead from another slug to a speaker who is not public', async () => {
    await lectern.ok(
      `mutation { createSpeaker(input: { slug: "dold-person", name: "Dold Person", otherSlugs: ["dold-stavning"] }) { id } }`,
      {},
      { as: 'organiser' },
    );
    const response = await get('/api/speakers/dold-stavning');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('dold-person');
    const graphql = await lectern.graphql(`{ speaker(slug: "dold-stavning") { slug } }`);
    expect(graphql.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(graphql)).not.toContain('dold-person');
  });
});

describe('HTTP caching and CORS of public reads', () => {
  it('answers Cache-Control public with a strong ETag, and 304 to a matching If-None-Match', async () => {
    const first = await get('/api/speakers/olle-lundin', { origin: 'https://kommun.example' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.headers.get('vary')).toMatch(/Accept-Language/i);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);

    const again = await get('/api/speakers/olle-lundin', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    // Another language is another body, with another tag.
    const english = await get('/api/speakers/olle-lundin', { 'if-none-match': etag, 'accept-language': 'en' });
    expect(english.status).toBe(200);
    expect(english.headers.get('etag')).not.toBe(etag);
  });

  it('sends a new body once the speaker changes', async () => {
    const first = await get('/api/speakers/gregory-golding');
    const etag = first.headers.get('etag')!;
    await lectern.ok(
      `mutation { updateSpeaker(id: "${await speakerId('gregory-golding')}", input: { links: [{ label: "JobTech", url: "https://jobtechdev.se" }] }) { id } }`,
      {},
      { as: 'organiser' },
    );
    const changed = await get('/api/speakers/gregory-golding', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as any).links).toEqual([{ label: 'JobTech', url: 'https://jobtechdev.se' }]);
  });

  it('never lets a shared cache keep an answer to a request with a token', async () => {
    const response = await get('/api/speakers/olle-lundin', { authorization: `Bearer ${lectern.adminToken}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it("answers a browser's preflight from any origin for the JSON API", async () => {
    const response = await fetch(`${lectern.url}/api/speakers/olle-lundin`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://podcast.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'accept-language',
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

async function speakerId(slug: string): Promise<string> {
  return (await lectern.ok(`query ($slug: String!) { speaker(slug: $slug) { id } }`, { slug }, { as: 'organiser' })).speaker.id;
}
