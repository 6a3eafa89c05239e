import { DataSource } from 'typeorm';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, OrganiserRef, programmeBuilder } from '../support/programme';
import { eventually, SmtpReceiver } from '../support/smtp-receiver';
import { signInSpeaker } from '../support/speakers';

const OPEN = `mutation ($input: OpenOrganiserSessionInput!) {
  openOrganiserSession(input: $input) { role csrfToken expiresAt organiser { id name email } }
}`;
const REQUEST_LINK = `mutation ($input: RequestOrganiserSignInLinkInput!) { requestOrganiserSignInLink(input: $input) }`;
const CLOSE = `mutation { closeOrganiserSession }`;
const SET_EMAIL = `mutation ($input: UpdateOrganiserInput!) { updateOrganiser(input: $input) { id email } }`;
const RENAME = `mutation ($id: ID!, $city: String!) { updateConference(input: { id: $id, city: $city }) { city } }`;
const COOKIE_PATTERN = /^lectern_organiser=([A-Za-z0-9_-]{43}); Path=\/; Max-Age=(\d+); HttpOnly; SameSite=Strict$/;

/** What the console's browser holds after signing in: the cookie it was given, and the CSRF token of the answer. */
interface ConsoleBrowser {
  cookie: string;
  csrf: string;
  /** Both, as the console sends them with a POST. */
  headers: Record<string, string>;
}

function signedIn(setCookie: string | null, csrf: string): ConsoleBrowser {
  const match = COOKIE_PATTERN.exec(setCookie ?? '');
  if (!match) throw new Error(`not a session cookie: ${setCookie}`);
  const cookie = `lectern_organiser=${match[1]}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

function linkIn(mailText: string): { url: URL; secret: string } {
  const match = /(https?:\/\/\S+\/console\/#\/sign-in\/)([A-Za-z0-9_-]+)/.exec(mailText);
  if (!match) throw new Error(`no console sign-in link in: ${mailText}`);
  return { url: new URL(match[0]), secret: match[2] };
}

describe('organiser sessions in the console', () => {
  const smtp = new SmtpReceiver();
  let lectern: Lectern;
  let oslo: ConferenceRef;
  let umea: ConferenceRef;
  let ingrid: OrganiserRef;
  let dataSource: DataSource;

  beforeAll(async () => {
    await smtp.start();
    lectern = await startLectern({
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: 'https://lectern.example.org',
      FAILED_TOKEN_ATTEMPTS_PER_MINUTE: '3',
    });
    dataSource = lectern.app.get(DataSource);
    const build = programmeBuilder(lectern);
    oslo = await build.conference({ name: 'Teknologi og politikk', timeZone: 'Europe/Oslo', defaultLocale: 'nb', published: true });
    umea = await build.conference({ name: 'Umeå Jobbhackathon', defaultLocale: 'sv' });
    ingrid = await build.organiser({ conferences: [oslo], name: 'Ingrid Solberg' });
  });

  afterAll(async () => {
    await lectern.close();
    await smtp.stop();
  });

  const city = async (conference: ConferenceRef) =>
    (await lectern.ok(`{ conference(slug: "${conference.slug}") { city } }`, {}, { as: 'organiser' })).conference.city;

  const openWithToken = async (token: string) => {
    const result = await lectern.graphql(OPEN, { input: { token } });
    expect(result.errors).toBeUndefined();
    return { result, browser: signedIn(result.headers.get('set-cookie'), result.data.openOrganiserSession.csrfToken) };
  };

  it('opens a session with a pasted token: an HttpOnly, SameSite=Strict cookie that alone signs the organiser in', async () => {
    const { result, browser } = await openWithToken(ingrid.token);
    const cookie = COOKIE_PATTERN.exec(result.headers.get('set-cookie')!)!;
    // ORGANISER_SESSION_HOURS (12), counted down to the second the answer was made.
    expect(Number(cookie[2])).toBeGreaterThanOrEqual(12 * 3600 - 1);
    expect(Number(cookie[2])).toBeLessThanOrEqual(12 * 3600);
    expect(result.headers.get('cache-control')).toBe('no-store');
    const session = result.data.openOrganiserSession;
    expect(session).toMatchObject({ role: 'ORGANISER', organiser: { id: ingrid.id, name: 'Ingrid Solberg' } });
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now() + 11 * 3600 * 1000);

    // A query over GET with the cookie alone: the organiser, never kept by a cache.
    const query = encodeURIComponent('{ viewer { role } me { name } organiserSession { role csrfToken organiser { name } } }');
    const response = await fetch(`${lectern.url}/graphql?query=${query}`, {
      headers: { cookie: browser.cookie, accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(((await response.json()) as any).data).toEqual({
      viewer: { role: 'ORGANISER' },
      me: { name: 'Ingrid Solberg' },
      organiserSession: { role: 'ORGANISER', csrfToken: browser.csrf, organiser: { name: 'Ingrid Solberg' } },
    });
    // Without the cookie: the public, and no session.
    expect(await lectern.ok('{ viewer { role } organiserSession { role } }')).toEqual({
      viewer: { role: 'PUBLIC' },
      organiserSession: null,
    });
  });

  it('refuses a change sent with the cookie but without its CSRF token (403, nothing changes), and makes it with the token', async () => {
    const { browser } = await openWithToken(ingrid.token);
    const before = await city(oslo);
    for (const headers of [{ cookie: browser.cookie }, { cookie: browser.cookie, 'x-csrf-token': 'forged' }] as Record<string, string>[]) {
      const refused = await lectern.graphql(RENAME, { id: oslo.id, city: 'Bergen' }, { headers });
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toContain('CSRF');
    }
    expect(await city(oslo)).toBe(before);

    const changed = await lectern.ok(RENAME, { id: oslo.id, city: 'Bergen' }, { headers: browser.headers });
    expect(changed.updateConference.city).toBe('Bergen');
    expect(await city(oslo)).toBe('Bergen');
  });

  it("keeps an ORGANISER's cookie to their own conferences, as their token", async () => {
    const { browser } = await openWithToken(ingrid.token);
    const refused = await lectern.graphql(RENAME, { id: umea.id, city: 'Luleå' }, { headers: browser.headers });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await city(umea)).not.toBe('Luleå');
    // Umeå is a draft: the Oslo organiser does not see it, the admin does.
    const draft = `{ conference(slug: "${umea.slug}") { name } }`;
    expect((await lectern.graphql(draft, {}, { headers: browser.headers })).data?.conference ?? null).toBeNull();
    expect((await lectern.ok(draft, {}, { as: 'organiser' })).conference.name).toBe('Umeå Jobbhackathon');
  });

  it('answers a wrong token UNAUTHENTICATED without a cookie, and counts it as a wrong Bearer token', async () => {
    const wrong = await lectern.graphql(OPEN, { input: { token: 'lct_wrong' } });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe('That access token or sign-in link is wrong, expired or used up: nobody was signed in.');
    expect(wrong.data?.openOrganiserSession ?? null).toBeNull();
    expect(wrong.headers.get('set-cookie')).toBeNull();

    // Neither or both: a clear BAD_USER_INPUT, not counted.
    const neither = await lectern.graphql(OPEN, { input: {} });
    expect(neither.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });
    const both = await lectern.graphql(OPEN, { input: { token: ingrid.token, link: 'x' } });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.link' });
    expect(both.headers.get('set-cookie')).toBeNull();

    // The limit is 3 a minute: with two more wrong tokens here, a wrong Bearer token is one too many.
    for (const token of ['lct_wrong2', 'lct_wrong3']) {
      expect((await lectern.graphql(OPEN, { input: { token } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const bearer = await lectern.graphql('{ me { name } }', {}, { token: 'lct_wrong4' });
    expect(bearer.status).toBe(429);
    const tooMany = await lectern.graphql(OPEN, { input: { token: 'lct_wrong5' } });
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('Too many') });
    // A valid token still gets in, as it does with Bearer.
    await openWithToken(ingrid.token);
  });

  it("lets an admin set an organiser's e-mail, refusing a bad one and one another organiser has, naming the field", async () => {
    const set = await lectern.ok(SET_EMAIL, { input: { id: ingrid.id, email: 'ingrid@tekpol.example' } }, { as: 'organiser' });
    expect(set.updateOrganiser).toEqual({ id: ingrid.id, email: 'ingrid@tekpol.example' });

    const bad = await lectern.graphql(SET_EMAIL, { input: { id: ingrid.id, email: 'not an address' } }, { as: 'organiser' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const taken = await lectern.graphql(
      `mutation { createOrganiser(input: { name: "Another", email: "Ingrid@Tekpol.example" }) { id } }`,
      {},
      { as: 'organiser' },
    );
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(taken.errors?.[0].message).toContain('email');
    expect((await lectern.ok(`{ organisers { name } }`, {}, { as: 'organiser' })).organisers.map((o: any) => o.name)).not.toContain(
      'Another',
    );
    // Changing to the same address is no clash with oneself.
    expect(
      (await lectern.ok(SET_EMAIL, { input: { id: ingrid.id, email: 'ingrid@tekpol.example' } }, { as: 'organiser' })).updateOrganiser
        .email,
    ).toBe('ingrid@tekpol.example');
    // Only an admin sets it.
    const byOrganiser = await lectern.graphql(SET_EMAIL, { input: { id: ingrid.id, email: 'x@example.org' } }, { token: ingrid.token });
    expect(byOrganiser.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('shows the e-mail to the organiser themselves and to admins only', async () => {
    await lectern.ok(SET_EMAIL, { input: { id: ingrid.id, email: 'ingrid@tekpol.example' } }, { as: 'organiser' });
    expect((await lectern.ok(`{ me { email } }`, {}, { token: ingrid.token })).me.email).toBe('ingrid@tekpol.example');
    const listed = await lectern.ok(`{ organisers { id email } }`, {}, { as: 'organiser' });
    expect(listed.organisers.find((o: any) => o.id === ingrid.id).email).toBe('ingrid@tekpol.example');
    // Another organiser cannot list organisers at all; the answer to a sign-in is read as the public reads it.
    const other = await programmeBuilder(lectern).organiser({ conferences: [umea], name: 'Ulla Umeå' });
    expect((await lectern.graphql(`{ organisers { email } }`, {}, { token: other.token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const opened = await lectern.graphql(OPEN, { input: { token: ingrid.token } });
    expect(opened.data.openOrganiserSession.organiser.email).toBeNull();
    // A speaker signed in on their page is not the organiser either.
    const speaker = await programmeBuilder(lectern).speaker({ conference: oslo, name: 'Eirik Løkke' });
    const { headers } = await signInSpeaker(lectern, rowId(speaker.id));
    expect(JSON.stringify(await lectern.graphql(`{ me { email } viewer { role } }`, {}, { headers }))).not.toContain('tekpol');
  });

  it('mails a one-time sign-in link in the asked language; it opens a session once, and not after it expires', async () => {
    await lectern.ok(SET_EMAIL, { input: { id: ingrid.id, email: 'ingrid@tekpol.example' } }, { as: 'organiser' });
    const asked = await lectern.graphql(REQUEST_LINK, { input: { email: 'Ingrid@tekpol.example', locale: 'nb' } });
    expect(asked.data).toEqual({ requestOrganiserSignInLink: true });
    const [mail] = await eventually(
      () => smtp.to('ingrid@tekpol.example').length > 0 && smtp.to('ingrid@tekpol.example'),
      'the sign-in mail',
    );
    expect(mail.parsed.subject).toBe('Logg inn i Lecterns konsoll');
    expect(mail.parsed.text).toContain('Hei Ingrid Solberg!');
    expect(mail.parsed.text).toContain('virker én gang, i 30 minutter');
    const { url, secret } = linkIn(mail.parsed.text!);
    expect(`${url.origin}${url.pathname}${url.hash.replace(secret, '')}`).toBe('https://lectern.example.org/console/#/sign-in/');
    expect(mail.parsed.html).toContain(`/console/#/sign-in/${secret}`);
    const [{ expiresAt, createdAt }] = await dataSource.query(`SELECT "expiresAt", "createdAt" FROM "organiser_sign_in_links"`);
    expect(new Date(expiresAt).getTime() - new Date(createdAt).getTime()).toBe(30 * 60 * 1000);
    expect(JSON.stringify(await dataSource.query(`SELECT * FROM "organiser_sign_in_links"`))).not.toContain(secret);

    const opened = await lectern.graphql(OPEN, { input: { link: secret } });
    expect(opened.errors).toBeUndefined();
    expect(opened.data.openOrganiserSession.role).toBe('ORGANISER');
    const browser = signedIn(opened.headers.get('set-cookie'), opened.data.openOrganiserSession.csrfToken);
    expect((await lectern.ok(`{ me { name } }`, {}, { headers: browser.headers })).me.name).toBe('Ingrid Solberg');

    const again = await lectern.graphql(OPEN, { input: { link: secret } });
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(again.headers.get('set-cookie')).toBeNull();

    // Asked again at once: no second mail within five minutes.
    expect((await lectern.graphql(REQUEST_LINK, { input: { email: 'ingrid@tekpol.example' } })).data).toEqual({
      requestOrganiserSignInLink: true,
    });
    await dataSource.query(`UPDATE "organiser_sign_in_links" SET "createdAt" = $1`, ['2020-01-01T00:00:00.000Z']);
    expect(smtp.to('ingrid@tekpol.example')).toHaveLength(1);
    await lectern.ok(REQUEST_LINK, { input: { email: 'ingrid@tekpol.example' } });
    const [, second] = await eventually(
      () => smtp.to('ingrid@tekpol.example').length === 2 && smtp.to('ingrid@tekpol.example'),
      'the second mail',
    );
    expect(second.parsed.subject).toBe('Sign in to the Lectern console');
    const late = linkIn(second.parsed.text!).secret;
    await dataSource.query(`UPDATE "organiser_sign_in_links" SET "expiresAt" = $1 WHERE "usedAt" IS NULL`, ['2020-01-01T00:00:00.000Z']);
    const expired = await lectern.graphql(OPEN, { input: { link: late } });
    expect(expired.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(expired.errors?.[0].message).toBe(again.errors?.[0].message);
  });

  it('answers an unknown address the same as a known one, and mails nothing', async () => {
    const before = smtp.received.length;
    const unknown = await lectern.graphql(REQUEST_LINK, { input: { email: 'nobody@tekpol.example', locale: 'sv' } });
    expect(unknown.status).toBe(200);
    expect(unknown.data).toEqual({ requestOrganiserSignInLink: true });
    expect(unknown.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.length).toBe(before);
    expect(smtp.to('nobody@tekpol.example')).toEqual([]);
    const bad = await lectern.graphql(REQUEST_LINK, { input: { email: 'not an address' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const locale = await lectern.graphql(REQUEST_LINK, { input: { email: 'ingrid@tekpol.example', locale: 'de' } });
    expect(locale.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.locale' });
  });

  it('signs out: the session ends, the cookie is cleared, and the old cookie is the public', async () => {
    const { browser } = await openWithToken(ingrid.token);
    // Signing out changes something: it needs the CSRF token too.
    expect((await lectern.graphql(CLOSE, {}, { headers: { cookie: browser.cookie } })).status).toBe(403);
    const closed = await lectern.graphql(CLOSE, {}, { headers: browser.headers });
    expect(closed.data).toEqual({ closeOrganiserSession: true });
    expect(closed.headers.get('set-cookie')).toBe('lectern_organiser=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
    const after = await lectern.ok(
      `{ viewer { role } me { name } organiserSession { role } }`,
      {},
      { headers: { cookie: browser.cookie } },
    );
    expect(after).toEqual({ viewer: { role: 'PUBLIC' }, me: null, organiserSession: null });
    // A stale cookie changes nothing, with or without a CSRF token.
    const stale = await lectern.graphql(RENAME, { id: oslo.id, city: 'Tromsø' }, { headers: browser.headers });
    expect(stale.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await city(oslo)).not.toBe('Tromsø');
  });

  it('ends with the token it was opened with, and follows changes of the scope at once', async () => {
    const CREATE = `mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { secret accessToken { id } } }`;
    const { createAccessToken } = await lectern.ok(CREATE, { input: { name: 'console', organiserId: ingrid.id } }, { as: 'organiser' });
    const { browser } = await openWithToken(createAccessToken.secret);
    await lectern.ok(
      `mutation ($input: UpdateOrganiserInput!) { updateOrganiser(input: $input) { id } }`,
      {
        input: { id: ingrid.id, conferenceIds: [oslo.id, umea.id] },
      },
      { as: 'organiser' },
    );
    expect((await lectern.ok(RENAME, { id: umea.id, city: 'Umeå' }, { headers: browser.headers })).updateConference.city).toBe('Umeå');
    await lectern.ok(
      `mutation ($input: UpdateOrganiserInput!) { updateOrganiser(input: $input) { id } }`,
      {
        input: { id: ingrid.id, conferenceIds: [oslo.id] },
      },
      { as: 'organiser' },
    );
    expect(
      (await lectern.graphql(RENAME, { id: umea.id, city: 'Skellefteå' }, { headers: browser.headers })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');

    await lectern.ok(
      `mutation ($input: RevokeAccessTokenInput!) { revokeAccessToken(input: $input) { id } }`,
      {
        input: { id: createAccessToken.accessToken.id },
      },
      { as: 'organiser' },
    );
    expect((await lectern.ok(`{ viewer { role } }`, {}, { headers: browser.headers })).viewer.role).toBe('PUBLIC');
  });

  it('opens no session for a request a browser says comes from another site', async () => {
    const crossSite = await lectern.graphql(OPEN, { input: { token: ingrid.token } }, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(crossSite.headers.get('set-cookie')).toBeNull();
    const sameOrigin = await lectern.graphql(OPEN, { input: { token: ingrid.token } }, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.headers.get('set-cookie')).toMatch(COOKIE_PATTERN);
  });

  it('marks the cookie Secure behind https', async () => {
    const result = await lectern.graphql(OPEN, { input: { token: ingrid.token } }, { headers: { 'x-forwarded-proto': 'https' } });
    expect(result.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it("keeps a browser signed in both ways the speaker on the speaker's page and the organiser elsewhere", async () => {
    const { browser } = await openWithToken(ingrid.token);
    const speaker = await programmeBuilder(lectern).speaker({ conference: oslo, name: 'Tore Sandvik' });
    const asSpeaker = await signInSpeaker(lectern, rowId(speaker.id));
    const cookie = `${asSpeaker.cookie}; ${browser.cookie}`;
    const headers = { cookie, 'x-csrf-token': browser.csrf };
    expect((await lectern.ok(`{ viewer { role } }`, {}, { headers })).viewer.role).toBe('ORGANISER');
    const page = await fetch(`${lectern.url}/me/invitations?lang=en`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
  });
});
