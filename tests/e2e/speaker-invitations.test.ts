import { DataSource } from 'typeorm';
import { parseHtml, text, byTag, attr } from '../support/html';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, programmeBuilder } from '../support/programme';
import { eventually, SmtpReceiver } from '../support/smtp-receiver';

const INVITE = `mutation ($input: InviteSpeakerInput!) {
  inviteSpeaker(input: $input) { id status email locale speaker { id name } conference { name } }
}`;
const VIEWER = `{ viewer { role invitations { id status conference { name } } } }`;

/** A browser's view of the speaker's page: it keeps the cookie it is given and sends it back. */
class Browser {
  cookie?: string;
  setCookie?: string;

  constructor(private readonly base: string) {}

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, this.base), { headers: { ...this.cookies(), ...headers }, redirect: 'manual' });
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  async post(path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookies(), ...headers },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      this.setCookie = setCookie;
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  /** What a script of the signed-in page sends with a GraphQL request: the cookie and the page's CSRF token. */
  async session(): Promise<Record<string, string>> {
    const page = await this.get('/me/invitations');
    return { cookie: this.cookie!, 'x-csrf-token': csrfOf(page.html) };
  }

  private cookies(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }
}

/** The CSRF token a page's forms carry. */
function csrfOf(html: string): string {
  const field = byTag(parseHtml(html), 'input').find((input) => attr(input, 'name') === '_csrf');
  if (!field) throw new Error('no CSRF field on the page');
  return attr(field, 'value')!;
}

function linkIn(mailText: string): string {
  const match = /https?:\/\/\S+\/me\/sign-in\/[A-Za-z0-9_-]+/.exec(mailText);
  if (!match) throw new Error(`no sign-in link in: ${mailText}`);
  return new URL(match[0]).pathname;
}

describe("invitations to speak and the speaker's sign-in", () => {
  const smtp = new SmtpReceiver();
  let lectern: Lectern;
  let conference: ConferenceRef;
  let other: ConferenceRef;
  let otherToken: string;

  beforeAll(async () => {
    await smtp.start();
    lectern = await startLectern({ SMTP_URL: smtp.url, MAIL_FROM: 'Internetdagarna <program@internetdagarna.example>' });
    const build = programmeBuilder(lectern);
    conference = await build.conference({ name: 'Internetdagarna 2020', published: true, defaultLocale: 'sv' });
    other = await build.conference({ name: 'DigStrat 2018', published: true });
    otherToken = (await build.organiser({ conferences: [other] })).token;
  });

  afterAll(async () => {
    await lectern.close();
    await smtp.stop();
  });

  const invite = (email: string, name: string, locale?: string) =>
    lectern.ok(INVITE, { input: { conferenceId: conference.id, name, email, ...(locale ? { locale } : {}) } }, { as: 'organiser' });

  it('mails a new speaker a personal link in their language; the link signs them in once', async () => {
    const { inviteSpeaker } = await invite('anna@example.org', 'Anna Berg');
    expect(inviteSpeaker).toMatchObject({
      status: 'PENDING',
      locale: 'sv',
      speaker: { name: 'Anna Berg' },
      conference: { name: 'Internetdagarna 2020' },
    });

    const [mail] = await eventually(() => smtp.to('anna@example.org').length > 0 && smtp.to('anna@example.org'), 'the invitation');
    expect(mail.parsed.subject).toBe('Inbjudan att tala på Internetdagarna 2020');
    expect(mail.parsed.from?.value).toEqual([{ name: 'Internetdagarna', address: 'program@internetdagarna.example' }]);
    expect(mail.parsed.text).toContain('Hej Anna Berg!');
    expect(mail.parsed.html).toContain('/me/sign-in/');
    const link = linkIn(mail.parsed.text!);

    const browser = new Browser(lectern.url);
    // Opening the link (as a mail scanner would) uses nothing up.
    for (let i = 0; i < 2; i++) {
      const page = await browser.get(link, { 'accept-language': 'sv' });
      expect(page.status).toBe(200);
      // The link's secret is in the address: it goes to no other site.
      expect(page.headers.get('referrer-policy')).toBe('same-origin');
      expect(text(parseHtml(page.html))).toContain('Logga in som Anna Berg, inbjuden till Internetdagarna 2020.');
    }
    const signedIn = await browser.post(link);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toContain('/me/invitations');
    expect(browser.setCookie).toMatch(/^lectern_speaker=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);

    const viewer = await lectern.ok(VIEWER, {}, { headers: await browser.session() });
    expect(viewer.viewer).toEqual({
      role: 'SPEAKER',
      invitations: [{ id: inviteSpeaker.id, status: 'PENDING', conference: { name: 'Internetdagarna 2020' } }],
    });

    // The same link again, from another browser: refused, clearly.
    const again = await new Browser(lectern.url).post(link, {}, { 'accept-language': 'en' });
    expect(again.status).toBe(410);
    expect(text(parseHtml(again.html))).toContain('This sign-in link has been used already');
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('accepts and declines from the page with its CSRF token, and refuses a form without it', async () => {
    await invite('bo@example.org', 'Bo Ek', 'en');
    const [mail] = await eventually(() => smtp.to('bo@example.org').length > 0 && smtp.to('bo@example.org'), 'the invitation');
    expect(mail.parsed.subject).toBe('Invitation to speak at Internetdagarna 2020');
    const browser = new Browser(lectern.url);
    await browser.post(linkIn(mail.parsed.text!));
    const page = await browser.get('/me/invitations?lang=en');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const csrf = csrfOf(page.html);
    const [invitation] = (await lectern.ok(VIEWER, {}, { headers: await browser.session() })).viewer.invitations;

    const forged = await browser.post(`/me/invitations/${rowId(invitation.id)}/accept`);
    expect(forged.status).toBe(403);
    expect(forged.html).toContain('CSRF');
    expect((await lectern.ok(VIEWER, {}, { headers: await browser.session() })).viewer.invitations[0].status).toBe('PENDING');

    const accepted = await browser.post(`/me/invitations/${rowId(invitation.id)}/accept`, { _csrf: csrf });
    expect(accepted.status).toBe(303);
    const shown = await browser.get('/me/invitations?lang=en');
    expect(text(parseHtml(shown.html))).toContain('State: Accepted');

    // GraphQL too: the header, or nothing changes.
    const DECLINE = `mutation ($id: ID!) { declineInvitation(input: { id: $id }) { status } }`;
    const withoutToken = await lectern.graphql(DECLINE, { id: invitation.id }, { headers: { cookie: browser.cookie! } });
    expect(withoutToken.status).toBe(403);
    const declined = await lectern.ok(DECLINE, { id: invitation.id }, { headers: { cookie: browser.cookie!, 'x-csrf-token': csrf } });
    expect(declined.declineInvitation.status).toBe('DECLINED');

    const organisers = await lectern.ok(
      `query ($id: ID!) { speakerInvitations(conferenceId: $id, status: DECLINED) { totalCount edges { node { email } } } }`,
      { id: conference.id },
      { as: 'organiser' },
    );
    expect(organisers.speakerInvitations.edges.map((edge: any) => edge.node.email)).toContain('bo@example.org');
  });

  it('refuses an expired link, and one replaced by sending the invitation again; a revoked invitation signs the speaker out', async () => {
    const { inviteSpeaker } = await invite('cecilia@example.org', 'Cecilia Lund');
    const first = linkIn((await eventually(() => smtp.to('cecilia@example.org')[0], 'the invitation')).parsed.text!);
    await lectern.ok(
      `mutation ($id: ID!) { resendInvitation(input: { id: $id }) { id lastSentAt } }`,
      { id: inviteSpeaker.id },
      { as: 'organiser' },
    );
    const second = linkIn((await eventually(() => smtp.to('cecilia@example.org')[1], 'the second mail')).parsed.text!);
    expect(second).not.toBe(first);

    const replaced = await new Browser(lectern.url).post(first, {}, { 'accept-language': 'en' });
    expect(replaced.status).toBe(410);
    expect(text(parseHtml(replaced.html))).toContain('no longer works');

    // The link's time runs out (its row says when).
    const dataSource = lectern.app.get(DataSource);
    await dataSource.query(
      `UPDATE "speaker_sign_in_links" SET "expiresAt" = $1 WHERE "usedAt" IS NULL AND "revokedAt" IS NULL AND "invitationId" = $2`,
      ['2020-01-01T00:00:00.000Z', rowId(inviteSpeaker.id)],
    );
    const expired = await new Browser(lectern.url).get(second, { 'accept-language': 'en' });
    expect(expired.status).toBe(410);
    expect(text(parseHtml(expired.html))).toContain('This sign-in link has expired');

    // A fresh link signs in; revoking the invitation ends that session.
    await lectern.ok(`mutation ($id: ID!) { resendInvitation(input: { id: $id }) { id } }`, { id: inviteSpeaker.id }, { as: 'organiser' });
    const third = linkIn((await eventually(() => smtp.to('cecilia@example.org')[2], 'the third mail')).parsed.text!);
    const browser = new Browser(lectern.url);
    expect((await browser.post(third)).status).toBe(303);
    expect((await lectern.ok(VIEWER, {}, { headers: await browser.session() })).viewer.role).toBe('SPEAKER');
    const revoked = await lectern.ok(
      `mutation ($id: ID!) { revokeInvitation(input: { id: $id }) { status } }`,
      { id: inviteSpeaker.id },
      { as: 'organiser' },
    );
    expect(revoked.revokeInvitation.status).toBe('REVOKED');
    // The cookie signs nobody in any more: its requests are the public's.
    expect((await lectern.ok(VIEWER, {}, { headers: { cookie: browser.cookie! } })).viewer).toEqual({ role: 'PUBLIC', invitations: [] });
    expect((await browser.get('/me/invitations')).status).toBe(303);
  });

  it('sends a speaker who lost their link a new one, without telling anyone which addresses are known', async () => {
    await invite('frida@example.org', 'Frida Ås');
    await eventually(() => smtp.to('frida@example.org')[0], 'the invitation');
    // Sent just now: asking again so soon sends nothing more.
    const asked = await new Browser(lectern.url).post('/me/sign-in?lang=en', { email: 'Frida@Example.org' });
    expect(asked.status).toBe(303);
    const unknown = await new Browser(lectern.url).post('/me/sign-in?lang=en', { email: 'nobody@example.org' });
    expect([unknown.status, unknown.headers.get('location')]).toEqual([asked.status, asked.headers.get('location')]);
    const note = await new Browser(lectern.url).get(asked.headers.get('location')!);
    expect(text(parseHtml(note.html))).toContain('If an invitation was sent to that address, a new link is on its way.');

    await lectern.app
      .get(DataSource)
      .query(`UPDATE "speaker_invitations" SET "lastSentAt" = $1 WHERE "email" = $2`, ['2020-01-01T00:00:00.000Z', 'frida@example.org']);
    await new Browser(lectern.url).post('/me/sign-in', { email: 'frida@example.org' });
    const [, second] = await eventually(() => smtp.to('frida@example.org').length === 2 && smtp.to('frida@example.org'), 'the new link');
    const browser = new Browser(lectern.url);
    expect((await browser.post(linkIn(second.parsed.text!))).status).toBe(303);
    expect(smtp.to('nobody@example.org')).toEqual([]);

    const bad = await new Browser(lectern.url).post('/me/sign-in?lang=en', { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(text(parseHtml(bad.html))).toContain('email');
  });

  it('marks the cookie Secure behind https', async () => {
    await invite('dag@example.org', 'Dag Holm');
    const link = linkIn((await eventually(() => smtp.to('dag@example.org')[0], 'the invitation')).parsed.text!);
    const browser = new Browser(lectern.url);
    await browser.post(link, {}, { 'x-forwarded-proto': 'https' });
    expect(browser.setCookie).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it('keeps a speaker to their own invitations, and organisers to their own conferences', async () => {
    await invite('eva@example.org', 'Eva Nord');
    const browser = new Browser(lectern.url);
    await browser.post(linkIn((await eventually(() => smtp.to('eva@example.org')[0], 'the invitation')).parsed.text!));
    const page = await browser.get('/me/invitations');
    const headers = { cookie: browser.cookie!, 'x-csrf-token': csrfOf(page.html) };
    const others = await lectern.ok(
      `query ($id: ID!) { speakerInvitations(conferenceId: $id) { edges { node { id email } } } }`,
      { id: conference.id },
      { as: 'organiser' },
    );
    const annas = others.speakerInvitations.edges.find((edge: any) => edge.node.email === 'anna@example.org').node;

    const stolen = await lectern.graphql(
      `mutation ($id: ID!) { acceptInvitation(input: { id: $id }) { status } }`,
      { id: annas.id },
      { headers },
    );
    expect(stolen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const listed = await lectern.graphql(
      `query ($id: ID!) { speakerInvitations(conferenceId: $id) { totalCount } }`,
      { id: conference.id },
      { headers },
    );
    expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await lectern.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: annas.id }, { headers })).data?.node ?? null,
    ).toBeNull();

    const foreign = await lectern.graphql(
      `mutation ($id: ID!) { revokeInvitation(input: { id: $id }) { status } }`,
      { id: annas.id },
      { token: otherToken },
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const inviteElsewhere = await lectern.graphql(
      INVITE,
      { input: { conferenceId: conference.id, name: 'X', email: 'x@example.org' } },
      { token: otherToken },
    );
    expect(inviteElsewhere.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.id).toBeDefined();
  });

  it('refuses bad input naming the field, and creates nothing', async () => {
    const count = async () => Number((await lectern.app.get(DataSource).query(`SELECT COUNT(*) AS "n" FROM "speakers"`))[0].n);
    const before = await count();
    const bad = await lectern.graphql(
      INVITE,
      { input: { conferenceId: conference.id, name: 'No Mail', email: 'not an address' } },
      { as: 'organiser' },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const noName = await lectern.graphql(INVITE, { input: { conferenceId: conference.id, email: 'a@example.org' } }, { as: 'organiser' });
    expect(noName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const locale = await lectern.graphql(
      INVITE,
      { input: { conferenceId: conference.id, name: 'L', email: 'l@example.org', locale: 'de' } },
      { as: 'organiser' },
    );
    expect(locale.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.locale' });
    expect(await count()).toBe(before);
  });
});
