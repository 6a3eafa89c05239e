import sharp from 'sharp';
import { attr, byTag, elements, HtmlNode, parseHtml, text } from '../support/html';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, OrganiserRef, programmeBuilder, SpeakerRef } from '../support/programme';
import { signInSpeaker, SignedInSpeaker } from '../support/speakers';

/** The speaker's profile page (/me) over plain HTTP form posts, as a browser without JavaScript sends them. */
let lectern: Lectern;
let conference: ConferenceRef;
let reviewer: OrganiserRef;
let karin: SpeakerRef;
let session: SignedInSpeaker;

const FORM = 'application/x-www-form-urlencoded';
const PHOTO_MAX_BYTES = 200_000;

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${lectern.url}${path}`, { headers: { cookie: session.cookie, ...headers }, redirect: 'manual' });
  const html = await response.text();
  return { response, html, root: parseHtml(html) };
}

async function post(path: string, fields: Record<string, string>, { csrf = true } = {}) {
  const body = new URLSearchParams({ ...(csrf ? { _csrf: session.csrf } : {}), ...fields });
  const response = await fetch(`${lectern.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session.cookie, 'content-type': FORM, origin: lectern.url },
    body: body.toString(),
  });
  const html = await response.text();
  return { response, html, root: parseHtml(html) };
}

async function upload(bytes: Buffer, type: string, alt = '') {
  const form = new FormData();
  form.append('alt', alt);
  form.append('photo', new Blob([new Uint8Array(bytes)], { type }), 'photo');
  const response = await fetch(`${lectern.url}/me/photo?_csrf=${encodeURIComponent(session.csrf)}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session.cookie },
    body: form,
  });
  const html = await response.text();
  return { response, html, root: parseHtml(html) };
}

const byId = (root: HtmlNode, id: string) => elements(root).find((node) => attr(node, 'id') === id);

/** The error shown beside a field: the element its aria-describedby names with the error's id. */
function errorBeside(root: HtmlNode, id: string): string | undefined {
  const input = byId(root, id)!;
  expect(input).toBeDefined();
  const described = (attr(input, 'aria-describedby') ?? '').split(' ');
  if (!described.includes(`${id}-error`)) return undefined;
  expect(attr(input, 'aria-invalid')).toBe('true');
  return text(byId(root, `${id}-error`)!);
}

async function publicSpeaker() {
  const { speaker } = await lectern.ok(
    `query ($slug: String!) { speaker(slug: $slug) { name photoUrl sv: bio(locale: "sv") en: bio(locale: "en") bioLocale(locale: "en") links { label url } appearances { title organisation } } }`,
    { slug: karin.slug },
  );
  return speaker;
}

async function approveAll() {
  const { profileChanges } = await lectern.ok(
    `query ($id: ID!) { profileChanges(conferenceId: $id, status: PENDING) { edges { node { id } } } }`,
    { id: conference.id },
    { token: reviewer.token },
  );
  for (const { node } of profileChanges.edges)
    await lectern.ok(
      `mutation ($id: ID!) { approveProfileChange(input: { id: $id }) { status } }`,
      { id: node.id },
      { token: reviewer.token },
    );
  return profileChanges.edges.length;
}

beforeAll(async () => {
  lectern = await startLectern({ PHOTO_MAX_BYTES: String(PHOTO_MAX_BYTES) });
  const build = programmeBuilder(lectern);
  conference = await build.conference({
    name: 'Internetdagarna',
    startDate: '2030-11-24',
    endDate: '2030-11-25',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'sv',
    published: true,
  });
  reviewer = await build.organiser({ conferences: [conference] });
  karin = await build.speaker({ conference, name: 'Karin Berg', bio: { sv: 'Karin leder digitaliseringen.' }, email: 'karin@example.org' });
  await build.session(conference, {
    title: 'Öppna data',
    startsAt: '2030-11-24T10:00:00+01:00',
    speakers: [{ speaker: karin, title: 'utvecklare', organisation: 'Kommunen' }],
    published: true,
  });
  session = await signInSpeaker(lectern, rowId(karin.id));
});
afterAll(() => lectern.close());

describe('the profile page', () => {
  it('sends whoever is not signed in to the page about the invitation link', async () => {
    const response = await fetch(`${lectern.url}/me?lang=en`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/me/sign-in?lang=en');
    const form = await fetch(`${lectern.url}/me/profile`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': FORM },
      body: 'name=X',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/me/sign-in');
  });

  it('shows the profile privately, every field with its label, and the speaker navigation with a sign-out form', async () => {
    const { response, root, html } = await page('/me?lang=en');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(html).toContain('Karin Berg');
    const labelled = new Set(byTag(root, 'label').map((label) => attr(label, 'for')));
    const fields = [...byTag(root, 'input'), ...byTag(root, 'textarea'), ...byTag(root, 'select')].filter(
      (node) => attr(node, 'type') !== 'hidden',
    );
    expect(fields.length).toBeGreaterThan(10);
    for (const node of fields) expect(labelled).toContain(attr(node, 'id'));
    for (const locale of ['sv', 'nb', 'en']) expect(byId(root, `bio-${locale}`)).toBeDefined();
    expect(text(byId(root, 'bio-sv')!)).toBe('Karin leder digitaliseringen.');
    const nav = byTag(root, 'nav').find((node) => attr(node, 'class') === 'portal-nav')!;
    expect(byTag(nav, 'a').map((a) => attr(a, 'href'))).toEqual(['/me?lang=en', '/me/invitations?lang=en', '/me/questionnaires?lang=en']);
    const signOut = byTag(nav, 'form')[0];
    expect(attr(signOut, 'action')).toBe('/me/sign-out?lang=en');
    expect(byTag(signOut, 'input').map((input) => [attr(input, 'name'), attr(input, 'value')])).toEqual([['_csrf', session.csrf]]);
    // Every form that posts carries the token (the photo's in its address).
    for (const form of byTag(root, 'form')) {
      const hidden = byTag(form, 'input').find((input) => attr(input, 'name') === '_csrf');
      expect(hidden ? attr(hidden, 'value') : new URL(attr(form, 'action')!, lectern.url).searchParams.get('_csrf')).toBe(session.csrf);
    }
    expect(text(root)).toContain('Öppna data');
  });

  it('previews a bio exactly as the public site renders it, hostile HTML as text', async () => {
    const { response, root } = await post('/me/profile?lang=en', {
      action: 'preview',
      name: 'Karin Berg',
      'bio.sv': 'Karin leder **öppna data**. <script>alert(1)</script> [x](javascript:alert(2))',
      'bio.en': 'Karin leads *open data*.',
    });
    expect(response.status).toBe(200);
    const previews = byTag(root, 'div').filter((div) => attr(div, 'class') === 'rich-text');
    expect(previews.map((div) => attr(div, 'lang'))).toEqual(['sv', 'en']);
    expect(byTag(previews[0], 'strong').map(text)).toEqual(['öppna data']);
    expect(byTag(previews[0], 'script')).toEqual([]);
    expect(text(previews[0])).toContain('<script>alert(1)</script>');
    expect(byTag(previews[0], 'a')).toEqual([]);
    expect(byTag(previews[1], 'em').map(text)).toEqual(['open data']);
    // What was typed stays in the form; nothing is kept yet.
    expect(text(byId(root, 'bio-en')!)).toBe('Karin leads *open data*.');
    expect((await publicSpeaker()).sv).toBe('Karin leder digitaliseringen.');
  });

  it('refuses a post without the CSRF token', async () => {
    const { response } = await post('/me/profile', { name: 'Forged' }, { csrf: false });
    expect(response.status).toBe(403);
    expect((await publicSpeaker()).name).toBe('Karin Berg');
  });

  it('shows a refusal beside the field it names, keeping what was typed', async () => {
    const { response, root } = await post('/me/profile?lang=en', {
      action: 'save',
      name: 'Karin Berg',
      'bio.sv': 'Karin leder digitaliseringen.',
      link0Label: 'Blogg',
      link0Url: 'javascript:alert(1)',
      link1Label: '',
      link1Url: '',
    });
    expect(response.status).toBe(400);
    expect(errorBeside(root, 'link0Url')).toMatch(/http/);
    expect(errorBeside(root, 'name')).toBeUndefined();
    expect(attr(byId(root, 'link0Url')!, 'value')).toBe('javascript:alert(1)');
    expect(byTag(root, 'p').some((p) => attr(p, 'role') === 'alert')).toBe(true);
  });

  it('sends the bio in two languages for review; the public sees it once approved, with the others kept', async () => {
    const saved = await post('/me/profile?lang=en', {
      action: 'save',
      name: 'Karin Berg',
      otherNames: 'Karin Bergh\n',
      'bio.sv': 'Karin leder **öppna data**.',
      'bio.nb': '',
      'bio.en': 'Karin leads open data.',
      link0Label: 'Blogg',
      link0Url: 'https://karin.example.org',
      link1Label: '',
      link1Url: '',
    });
    expect(saved.response.status).toBe(303);
    expect(saved.response.headers.get('location')).toBe('/me?done=pending&lang=en');
    const before = await publicSpeaker();
    expect(before).toMatchObject({ sv: 'Karin leder digitaliseringen.', bioLocale: 'sv', links: [] });

    const { root } = await page('/me?done=pending&lang=en');
    expect(byTag(root, 'p').some((p) => attr(p, 'role') === 'status')).toBe(true);
    const pending = byTag(root, 'li').find((li) => attr(li, 'data-status') === 'PENDING')!;
    expect(text(pending)).toContain('Karin leads open data.');
    // The form shows what waits for review, so the speaker goes on from it.
    expect(text(byId(root, 'bio-en')!)).toBe('Karin leads open data.');

    expect(await approveAll()).toBe(1);
    const after = await publicSpeaker();
    expect(after).toMatchObject({
      sv: 'Karin leder **öppna data**.',
      en: 'Karin leads open data.',
      bioLocale: 'en',
      links: [{ label: 'Blogg', url: 'https://karin.example.org' }],
    });
    const approved = await page('/me?lang=en');
    expect(byTag(approved.root, 'li').find((li) => attr(li, 'data-status') === 'APPROVED')).toBeDefined();
  });

  it('proposes a title and organisation for a session', async () => {
    const { viewer } = await lectern.ok(`{ viewer { appearances { id } } }`, {}, { headers: session.headers });
    const id = rowId(viewer.appearances[0].id);
    const { response } = await post(`/me/appearances/${id}?lang=en`, { title: 'enhetschef', organisation: 'Kommunen' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/me?done=appearancePending&lang=en');
    const tooLong = await post(`/me/appearances/${id}?lang=en`, { title: 'x'.repeat(201), organisation: 'Kommunen' });
    expect(tooLong.response.status).toBe(400);
    expect(errorBeside(tooLong.root, `appearance-${id}-title`)).toMatch(/200/);
    await approveAll();
    expect((await publicSpeaker()).appearances).toEqual([{ title: 'enhetschef', organisation: 'Kommunen' }]);
  });

  it('marks a time the speaker cannot speak, which the organisers see as a conflict, and removes it', async () => {
    const bad = await post('/me/unavailability?lang=en', { from: '2030-11-24T11:00', until: 'soon', zone: 'Europe/Stockholm', note: '' });
    expect(bad.response.status).toBe(400);
    expect(errorBeside(bad.root, 'unavailable-until')).toBeDefined();
    const { response } = await post('/me/unavailability?lang=en', {
      from: '2030-11-24T09:30',
      until: '2030-11-24T10:15',
      zone: 'Europe/Stockholm',
      note: 'Tåget',
    });
    expect(response.status).toBe(303);
    const conflicts = async () =>
      (
        await lectern.ok(
          `query ($slug: String!) { conflicts(conferenceSlug: $slug) { code } }`,
          { slug: conference.slug },
          { token: reviewer.token },
        )
      ).conflicts.filter((c: { code: string }) => c.code === 'SPEAKER_UNAVAILABLE');
    expect(await conflicts()).toHaveLength(1);
    const { root } = await page('/me?lang=en');
    const periods = byTag(root, 'ul').find((ul) => attr(ul, 'class') === 'portal-periods')!;
    expect(byTag(periods, 'time').map((time) => attr(time, 'datetime'))).toEqual(['2030-11-24T08:30:00.000Z', '2030-11-24T09:15:00.000Z']);
    const remove = byTag(periods, 'form')[0];
    const removed = await post(new URL(attr(remove, 'action')!, lectern.url).pathname, {});
    expect(removed.response.status).toBe(303);
    expect(await conflicts()).toEqual([]);
  });
});

describe('the photo form', () => {
  const png = () =>
    sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 80, b: 40 } } })
      .png()
      .toBuffer();

  it('uploads a photo for review, shown on the public profile once approved', async () => {
    const { response } = await upload(await png(), 'image/png', 'Karin on stage');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/me?done=photoPending');
    expect((await publicSpeaker()).photoUrl).toBeNull();
    await approveAll();
    const { photoUrl } = await publicSpeaker();
    expect(photoUrl).toMatch(/\/photos\/[A-Za-z0-9_-]{22}\/\d+\.jpg$/);
    const served = await fetch(photoUrl.replace(/^https?:\/\/[^/]+/, lectern.url));
    expect(served.status).toBe(200);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('jpeg');
  });

  it('shows a clear error beside the field for a file that is no image, or too large, and stores nothing', async () => {
    const notImage = await upload(Buffer.from('%PDF-1.4 not an image'), 'application/pdf');
    expect(notImage.response.status).toBe(400);
    expect(errorBeside(notImage.root, 'photo')).toMatch(/JPEG|PNG|WebP/);
    const huge = await upload(Buffer.alloc(PHOTO_MAX_BYTES + 1024 * 1024 + 10_000, 7), 'image/png');
    expect(huge.response.status).toBe(400);
    expect(errorBeside(huge.root, 'photo')).toMatch(/larger|MB|bytes/);
    const { profileChanges } = await lectern.ok(
      `query ($id: ID!) { profileChanges(conferenceId: $id, status: PENDING) { totalCount } }`,
      { id: conference.id },
      { token: reviewer.token },
    );
    expect(profileChanges.totalCount).toBe(0);
  });

  it('needs the CSRF token in its address, and leaves every other route without multipart', async () => {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'photo.png');
    const forged = await fetch(`${lectern.url}/me/photo`, { method: 'POST', headers: { cookie: session.cookie }, body: form });
    expect(forged.status).toBe(403);
    const elsewhere = await fetch(`${lectern.url}/${conference.slug}/agenda`, { method: 'POST', body: form });
    expect(elsewhere.status).toBe(415);
  });
});
