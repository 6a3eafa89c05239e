import { parseFragment } from 'parse5';
import { APP_CONFIG, AppConfig } from '../../src/config/configuration';
import { Lectern, startLectern } from '../support/lectern';
import { programmeBuilder } from '../support/programme';

/** The embeddable HTML: read back with a real HTML parser, for a programme like the demo's and for hostile input. */

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };

function parse(html: string): Node {
  return parseFragment(html) as unknown as Node;
}

function elements(root: Node): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.attrs) found.push(node);
    node.childNodes?.forEach(walk);
  };
  walk(root);
  return found;
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const classes = (node: Node) => (attr(node, 'class') ?? '').split(/\s+/);
const byClass = (root: Node, name: string) => elements(root).filter((node) => classes(node).includes(name));
const text = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join(''));

let lectern: Lectern;

/**
 * Erik speaks at Umeå (2016) and DigStrat (2018) with another title at each; his bio lists
 * English first, so Swedish comes from the rules, not from the order written, and DigStrat is
 * built first, so the card's order and "latest" come from the sessions' times. Oslo's panel has
 * three speakers whose line-up order and order of writing both differ from their names' order.
 */
beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  const swedish = { timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true };
  const digstrat = await build.conference({ startDate: '2018-04-17', ...swedish });
  const umea = await build.conference({ startDate: '2016-10-03', endDate: '2016-10-05', ...swedish });
  const oslo = await build.conference({
    slug: 'teknologi-og-politikk-2020',
    startDate: '2020-08-19',
    timeZone: 'Europe/Oslo',
    defaultLocale: 'nb',
    published: true,
  });

  const erik = await build.speaker({
    slug: 'erik-sandstrom',
    name: 'Erik Sandström',
    bio: {
      en: 'Erik Sandström has held several leading digital roles at Arbetsförmedlingen.',
      sv: 'Erik Sandström har haft flera ledande digitala roller på Arbetsförmedlingen.',
    },
  });
  const arbetsformedlingen = (title: string) => ({ speaker: erik, title, organisation: 'Arbetsförmedlingen' });
  await build.session(digstrat, {
    title: { sv: 'Att starta en positiv rörelse mot innovation', en: 'Starting a positive movement towards innovation' },
    startsAt: '2018-04-17T13:00:00+02:00',
    speakers: [arbetsformedlingen('digitaliseringsdirektör')],
    published: true,
  });
  const olle = await build.speaker({ slug: 'olle-lundin', name: 'Olle Lundin' });
  await build.session(umea, {
    title: {
      sv: 'Offentliga tjänster byggda på öppna data och ekosystemtänkande',
      en: 'Public services built on open data and ecosystem thinking',
    },
    startsAt: '2016-10-04T10:00:00+02:00',
    speakers: [arbetsformedlingen('chef för avdelningen för digitala tjänster'), olle],
    published: true,
  });

  const tore = await build.speaker({ slug: 'tore-sandvik', name: 'Tore Sandvik' });
  const pia = await build.speaker({ name: 'Pia Jøsendal' });
  const eirik = await build.speaker({ name: 'Eirik Løkke' });
  await build.session(oslo, {
    title: 'Innovasjon i privat og offentlig sektor',
    format: 'PANEL',
    speakers: [
      { speaker: eirik, role: 'MODERATOR', title: 'rådgiver', organisation: 'Civita' },
      { speaker: tore, role: 'PANELIST', title: 'fylkesordfører', organisation: 'Trøndelag fylkeskommune' },
      { speaker: pia, role: 'PANELIST' },
    ],
    published: true,
  });
});
afterAll(() => lectern.close());

async function embed(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${lectern.url}${path}`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return { response, root: parse(await response.text()) };
}

describe('the speaker card', () => {
  it('shows name, latest affiliation, bio and every session with its time and "add to calendar"', async () => {
    const { root, response } = await embed('/embed/speakers/erik-sandstrom');
    expect(response.headers.get('content-language')).toBe('sv');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const [card] = byClass(root, 'lectern-speaker');
    expect(card.nodeName).toBe('article');
    expect(attr(card, 'lang')).toBe('sv');
    expect(text(byClass(root, 'lectern-speaker__name')[0])).toBe('Erik Sandström');
    expect(text(byClass(root, 'lectern-speaker__affiliation')[0])).toBe('digitaliseringsdirektör, Arbetsförmedlingen');
    expect(text(byClass(root, 'lectern-speaker__bio')[0])).toContain('Arbetsförmedlingen');

    const sessions = byClass(root, 'lectern-session');
    expect(sessions.map((s) => text(byClass(s, 'lectern-session__title')[0]))).toEqual([
      'Offentliga tjänster byggda på öppna data och ekosystemtänkande',
      'Att starta en positiv rörelse mot innovation',
    ]);
    const digstrat = sessions[1];
    expect(text(byClass(digstrat, 'lectern-session__affiliation')[0])).toBe('digitaliseringsdirektör, Arbetsförmedlingen');
    const time = byClass(digstrat, 'lectern-session__time')[0];
    expect(time.nodeName).toBe('time');
    expect(attr(time, 'datetime')).toBe('2018-04-17T13:00:00+02:00');
    expect(text(time)).toMatch(/13:00/);
    const calendar = byClass(digstrat, 'lectern-session__calendar')[0];
    expect(attr(calendar, 'href')).toMatch(/^webcal:\/\/localhost:3000\/calendars\/sessions\/\d+\.ics\?locale=sv$/);
    expect(text(calendar)).toBe('Lägg till i kalendern');
    expect(attr(byClass(digstrat, 'lectern-session__google')[0], 'href')).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/render\?/);
  });

  it('is in the language asked for with ?locale=, labels included', async () => {
    const { root, response } = await embed('/embed/speakers/erik-sandstrom?locale=en');
    expect(response.headers.get('content-language')).toBe('en');
    expect(attr(byClass(root, 'lectern-speaker')[0], 'lang')).toBe('en');
    expect(text(byClass(root, 'lectern-speaker__bio')[0])).toContain('held several leading digital roles');
    expect(text(byClass(root, 'lectern-session__calendar')[0])).toBe('Add to calendar');
    expect(text(byClass(root, 'lectern-session__title')[1])).toBe('Starting a positive movement towards innovation');
  });

  it('answers 404 as short text for a speaker who is not public, and caches like the JSON API', async () => {
    const missing = await fetch(`${lectern.url}/embed/speakers/nobody`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
    const first = await fetch(`${lectern.url}/embed/speakers/olle-lundin`);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const again = await fetch(`${lectern.url}/embed/speakers/olle-lundin`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('the speaker wall', () => {
  it("lists the conference's speakers as cards, in the conference's language, with their part in it", async () => {
    const { root, response } = await embed('/embed/conferences/teknologi-og-politikk-2020/speakers');
    expect(response.headers.get('content-language')).toBe('nb');
    const [wall] = byClass(root, 'lectern-speaker-wall');
    expect(wall.nodeName).toBe('section');
    expect(attr(wall, 'lang')).toBe('nb');
    expect(byClass(root, 'lectern-speaker__name').map(text)).toEqual(['Eirik Løkke', 'Pia Jøsendal', 'Tore Sandvik']);
    const tore = byClass(root, 'lectern-speaker').find((card) => attr(card, 'data-speaker') === 'tore-sandvik')!;
    expect(text(byClass(tore, 'lectern-session__title')[0])).toBe('Innovasjon i privat og offentlig sektor');
    expect(text(byClass(tore, 'lectern-session__affiliation')[0])).toMatch(/fylkesordfører/);
    expect(attr(byClass(tore, 'lectern-session__time')[0], 'datetime')).toMatch(/^2020-08-19T\d{2}:\d{2}:00\+02:00$/);
  });
});

describe('separators and the opt-in stylesheet', () => {
  const parts = ['lectern-session__title', 'lectern-session__conference', 'lectern-session__time', 'lectern-session__role'];
  const stylesheets = (root: Node) => elements(root).filter((node) => node.nodeName === 'link');

  it.each(['/embed/speakers/erik-sandstrom', '/embed/conferences/teknologi-og-politikk-2020/speakers'])(
    "%s: a session's row reads title · conference · time · role as plain text",
    async (path) => {
      const { root } = await embed(path);
      const rows = byClass(root, 'lectern-session');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const [title, conference, time, role] = parts.map((part) => text(byClass(row, part)[0]));
        for (const part of [title, conference, time, role]) expect(part).not.toBe('');
        expect(text(row).startsWith(`${title} · ${conference} · ${time} · ${role}`)).toBe(true);
      }
      const [add] = byClass(rows[0], 'lectern-session__add');
      expect(text(add)).toMatch(/^ · \S.* · \S/);
    },
  );

  it.each(['/embed/speakers/erik-sandstrom', '/embed/conferences/teknologi-og-politikk-2020/speakers'])(
    "%s?style=default links Lectern's stylesheet, and only then",
    async (path) => {
      const base = lectern.app.get<AppConfig>(APP_CONFIG).publicBaseUrl;
      const styled = await embed(`${path}?style=default`);
      const [link, ...rest] = styled.root.childNodes!;
      expect(link.nodeName).toBe('link');
      expect([attr(link, 'rel'), attr(link, 'href')]).toEqual(['stylesheet', `${base}/embed/embed.css`]);
      // The same fragment after it, and no other link.
      const plain = await embed(path);
      expect(rest.map(text)).toEqual(plain.root.childNodes!.map(text));
      expect(stylesheets(styled.root)).toHaveLength(1);
      expect(stylesheets(plain.root)).toEqual([]);
    },
  );

  it('lets the fragment, opened on its own, load the stylesheet from Lectern and nothing else', async () => {
    const { response } = await embed('/embed/speakers/erik-sandstrom?style=default');
    const csp = Object.fromEntries(
      response.headers
        .get('content-security-policy')!
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(csp).toEqual({
      'default-src': ["'none'"],
      'img-src': ['https:', 'http:', 'data:'],
      'style-src': ["'self'"],
      'frame-ancestors': ['*'],
    });
  });

  it('serves the stylesheet as text/css, cached, with an ETag and 304 on If-None-Match', async () => {
    const response = await fetch(`${lectern.url}/embed/embed.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const css = await response.text();
    for (const selector of ['.lectern-session ', '.lectern-session__sep', '.lectern-speaker-wall__list']) expect(css).toContain(selector);
    expect(css).toContain('prefers-color-scheme: dark');

    const again = await fetch(`${lectern.url}/embed/embed.css`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await fetch(`${lectern.url}/embed/embed.css`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it.each(['?style=other', '?style=Default', '?style=default&style=default', '?style='])(
    'answers 400 naming style for %s, on both embeds',
    async (query) => {
      for (const path of ['/embed/speakers/erik-sandstrom', '/embed/conferences/teknologi-og-politikk-2020/speakers']) {
        const response = await fetch(`${lectern.url}${path}${query}`);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await response.text()).toMatch(/^style: /);
      }
    },
  );

  it('leaves ?style= to the embeds: the JSON API still ignores it', async () => {
    expect((await fetch(`${lectern.url}/api/speakers/erik-sandstrom?style=other`)).status).toBe(200);
  });
});

describe('hostile input', () => {
  const HOSTILE_MARKDOWN = [
    '# Hi **there**',
    '<script>alert("bio")</script>',
    '<img src=x onerror="alert(1)">',
    '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)',
    '<a href="https://example.org" onclick="alert(2)">raw</a>',
    '<iframe src="https://evil.example"></iframe><svg onload=alert(3)>',
  ].join('\n\n');
  const HOSTILE_LINE = '"><script>alert(4)</script><img src=x onerror=alert(5)>';

  beforeAll(async () => {
    const as = { as: 'organiser' as const };
    const { createConference } = await lectern.ok(
      `mutation ($name: String!) { createConference(input: { slug: "fiende-2031", name: $name, startDate: "2031-03-01", endDate: "2031-03-01", timeZone: "Europe/Stockholm", defaultLocale: "sv" }) { id } }`,
      { name: HOSTILE_LINE },
      as,
    );
    const { createSpeaker } = await lectern.ok(
      `mutation ($name: String!, $bio: String!, $label: String!) { createSpeaker(input: {
        slug: "fiende", name: $name, bio: [{ locale: "sv", text: $bio }],
        photoUrl: "https://img.example/x.jpg\\"onerror=\\"alert(6)", photoAlt: [{ locale: "sv", text: $name }],
        links: [{ label: $label, url: "https://example.org/?q=\\"><script>alert(7)</script>" }] }) { id } }`,
      { name: HOSTILE_LINE, bio: HOSTILE_MARKDOWN, label: HOSTILE_LINE },
      as,
    );
    const { createSession } = await lectern.ok(
      `mutation ($c: ID!, $title: String!, $abstract: String!) { createSession(input: { conferenceId: $c, title: [{ locale: "sv", text: $title }], abstract: [{ locale: "sv", text: $abstract }], format: TALK, language: "sv", startsAt: "2031-03-01T09:00:00Z", endsAt: "2031-03-01T10:00:00Z" }) { id } }`,
      { c: createConference.id, title: HOSTILE_LINE, abstract: HOSTILE_MARKDOWN },
      as,
    );
    await lectern.ok(
      `mutation ($s: ID!, $p: ID!, $t: String!) { addAppearance(input: { sessionId: $s, speakerId: $p, title: $t, organisation: $t }) { id } }`,
      { s: createSession.id, p: createSpeaker.id, t: HOSTILE_LINE },
      as,
    );
    await lectern.ok(`mutation ($s: ID!) { publishSession(id: $s) { id } }`, { s: createSession.id }, as);
    await lectern.ok(`mutation ($c: ID!) { publishConference(id: $c) { id } }`, { c: createConference.id }, as);
  });

  it.each(['/embed/speakers/fiende', '/embed/conferences/fiende-2031/speakers'])(
    '%s has no script, no event handler and only safe addresses',
    async (path) => {
      const { root } = await embed(path);
      const all = elements(root);
      const names = all.map((node) => node.nodeName);
      for (const forbidden of ['script', 'iframe', 'svg', 'object', 'embed', 'style', 'form', 'base', 'meta', 'link'])
        expect(names).not.toContain(forbidden);
      expect(names.filter((name) => name === 'img')).toHaveLength(1);
      for (const node of all) {
        for (const { name, value } of node.attrs ?? []) {
          expect(name).not.toMatch(/^on/i);
          expect(name).not.toBe('style');
          if (name === 'href') expect(value).toMatch(/^(https?:|mailto:|webcal:)/);
          if (name === 'src') expect(value).toMatch(/^https:\/\/img\.example\//);
        }
      }
      // The hostile texts are there, as text.
      expect(byClass(root, 'lectern-speaker__name').map(text)).toEqual([HOSTILE_LINE]);
      expect(text(byClass(root, 'lectern-session__affiliation')[0])).toBe(`${HOSTILE_LINE}, ${HOSTILE_LINE}`);
      expect(text(byClass(root, 'lectern-speaker__bio')[0])).toContain('<script>alert("bio")</script>');
      const hrefs = all.filter((node) => node.nodeName === 'a').map((node) => attr(node, 'href')!);
      expect(hrefs.join(' ')).not.toMatch(/javascript:|data:/);
    },
  );
});
