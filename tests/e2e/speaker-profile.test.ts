import { Lectern, startLectern } from '../support/lectern';
import { byTag, elements, parseHtml, attr, HtmlNode } from '../support/html';
import { rowId } from '../support/ids';
import { ConferenceRef, OrganiserRef, programmeBuilder, ProgrammeBuilder, SessionRef, SpeakerRef } from '../support/programme';
import { signInSpeaker, SignedInSpeaker } from '../support/speakers';

/** A speaker keeps their own profile; organisers review what they change (GraphQL, the public site and the JSON API). */
let lectern: Lectern;
let build: ProgrammeBuilder;
let reviewed: ConferenceRef;
let open: ConferenceRef;
let elsewhere: ConferenceRef;
let reviewer: OrganiserRef;
let otherOrganiser: OrganiserRef;
let karin: SpeakerRef;
let nils: SpeakerRef;
let talk: SessionRef;
let karinSession: SignedInSpeaker;

const PROPOSE = `mutation ($input: ProposeProfileChangeInput!) {
  proposeProfileChange(input: $input) { id status note fields { field locale before after } }
}`;
const APPROVE = `mutation ($input: ApproveProfileChangeInput!) { approveProfileChange(input: $input) { id status note reviewedBy { role name } } }`;
const REJECT = `mutation ($input: RejectProfileChangeInput!) { rejectProfileChange(input: $input) { id status note } }`;
const MINE = `{ viewer { role speaker { slug name email } profileChanges { id status note kind fields { field locale before after } proposedBy { role name } } } }`;

const asSpeaker = (who: SignedInSpeaker) => ({ headers: who.headers });
const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

async function publicBio(slug: string, locale: string): Promise<string | null> {
  const { speaker } = await lectern.ok(
    `query ($slug: String!, $locale: String) { speaker(slug: $slug) { bio(locale: $locale) bioLocale(locale: $locale) } }`,
    {
      slug,
      locale,
    },
  );
  return speaker.bioLocale === locale ? speaker.bio : null;
}

beforeAll(async () => {
  lectern = await startLectern();
  build = programmeBuilder(lectern);
  const swedish = { timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true };
  reviewed = await build.conference({ name: 'Internetdagarna', startDate: '2030-11-24', endDate: '2030-11-25', ...swedish });
  open = await build.conference({ name: 'DigStrat', startDate: '2030-04-17', endDate: '2030-04-17', ...swedish });
  elsewhere = await build.conference({ name: 'Teknologi og politikk', timeZone: 'Europe/Oslo', defaultLocale: 'nb', published: true });
  await lectern.ok(
    `mutation ($id: ID!) { updateConference(input: { id: $id, speakerChangesNeedReview: false }) { speakerChangesNeedReview } }`,
    { id: open.id },
    { as: 'organiser' },
  );
  reviewer = await build.organiser({ conferences: [reviewed], name: 'Anna Lindqvist' });
  otherOrganiser = await build.organiser({ conferences: [elsewhere], name: 'Ola Nordmann' });
  karin = await build.speaker({
    conference: reviewed,
    name: 'Karin Berg',
    bio: { sv: 'Karin leder **digitaliseringen**.', nb: 'Karin leder digitaliseringen i Norge.' },
    email: 'karin@example.org',
  });
  nils = await build.speaker({ conference: reviewed, name: 'Nils Ek', bio: { sv: 'Nils.' }, email: 'nils@example.org' });
  talk = await build.session(reviewed, {
    title: 'Öppna data',
    startsAt: '2030-11-24T10:00:00+01:00',
    speakers: [{ speaker: karin, title: 'utvecklare', organisation: 'Kommunen' }],
    published: true,
  });
  await build.session(reviewed, { title: 'Säkerhet', startsAt: '2030-11-24T13:00:00+01:00', speakers: [nils], published: true });
  karinSession = await signInSpeaker(lectern, rowId(karin.id));
});
afterAll(() => lectern.close());

describe("a speaker's own profile", () => {
  it('shows the signed-in speaker their profile with their e-mail, and nobody else any', async () => {
    const mine = await lectern.ok(MINE, {}, asSpeaker(karinSession));
    expect(mine.viewer).toMatchObject({ role: 'SPEAKER', speaker: { slug: karin.slug, name: 'Karin Berg', email: 'karin@example.org' } });
    const anyone = await lectern.ok(MINE);
    expect(anyone.viewer).toEqual({ role: 'PUBLIC', speaker: null, profileChanges: [] });
    const organiser = await lectern.ok(MINE, {}, { token: reviewer.token });
    expect(organiser.viewer.speaker).toBeNull();
    // Their e-mail stays private on the public profile.
    const { speaker } = await lectern.ok(`query ($slug: String!) { speaker(slug: $slug) { email } }`, { slug: karin.slug });
    expect(speaker.email).toBeNull();
  });

  it('waits for review: the public keeps the old bio until an organiser approves, then shows the new one in both languages and keeps the third', async () => {
    const { proposeProfileChange: change } = await lectern.ok(
      PROPOSE,
      {
        input: {
          bio: [
            { locale: 'sv', text: 'Karin leder **öppna data** på kommunen.' },
            { locale: 'en', text: 'Karin leads *open data* at the municipality.' },
          ],
        },
      },
      asSpeaker(karinSession),
    );
    expect(change.status).toBe('PENDING');
    expect(await publicBio(karin.slug, 'sv')).toBe('Karin leder **digitaliseringen**.');
    expect(await publicBio(karin.slug, 'en')).toBeNull();
    const json = await (await fetch(`${lectern.url}/api/speakers/${karin.slug}?locale=sv`)).json();
    expect(json.bio).toContain('digitaliseringen');

    // The organiser sees the diff, field by field and locale by locale.
    const { profileChanges } = await lectern.ok(
      `query ($id: ID!) { profileChanges(conferenceId: $id, status: PENDING) { totalCount edges { node { id status kind speaker { slug } proposedBy { role name } fields { field locale before after } } } } }`,
      { id: reviewed.id },
      { token: reviewer.token },
    );
    expect(profileChanges.totalCount).toBe(1);
    const pending = profileChanges.edges[0].node;
    expect(pending).toMatchObject({
      id: change.id,
      kind: 'PROFILE',
      speaker: { slug: karin.slug },
      proposedBy: { role: 'SPEAKER', name: 'Karin Berg' },
    });
    expect(pending.fields).toEqual([
      { field: 'bio', locale: 'sv', before: 'Karin leder **digitaliseringen**.', after: 'Karin leder **öppna data** på kommunen.' },
      { field: 'bio', locale: 'en', before: '', after: 'Karin leads *open data* at the municipality.' },
    ]);

    const { approveProfileChange } = await lectern.ok(APPROVE, { input: { id: change.id, note: 'Tack!' } }, { token: reviewer.token });
    expect(approveProfileChange).toMatchObject({
      status: 'APPROVED',
      note: 'Tack!',
      reviewedBy: { role: 'ORGANISER', name: 'Anna Lindqvist' },
    });
    expect(await publicBio(karin.slug, 'sv')).toBe('Karin leder **öppna data** på kommunen.');
    expect(await publicBio(karin.slug, 'en')).toBe('Karin leads *open data* at the municipality.');
    expect(await publicBio(karin.slug, 'nb')).toBe('Karin leder digitaliseringen i Norge.');
    const page = await (await fetch(`${lectern.url}/speakers/${karin.slug}?lang=en`)).text();
    expect(page).toContain('<em>open data</em>');

    // The speaker sees where it stands, with the organiser's note.
    const mine = await lectern.ok(MINE, {}, asSpeaker(karinSession));
    expect(mine.viewer.profileChanges[0]).toMatchObject({ id: change.id, status: 'APPROVED', note: 'Tack!' });
    // Once reviewed, it cannot be reviewed again.
    const again = await lectern.graphql(REJECT, { input: { id: change.id } }, { token: reviewer.token });
    expect(codes(again)).toEqual(['CONFLICT']);
  });

  it('changes nothing when rejected, and the speaker reads the note', async () => {
    const { proposeProfileChange: change } = await lectern.ok(
      PROPOSE,
      { input: { name: 'Karin B.', links: [{ label: 'Blogg', url: 'https://karin.example.org' }] } },
      asSpeaker(karinSession),
    );
    expect(change.status).toBe('PENDING');
    const { rejectProfileChange } = await lectern.ok(
      REJECT,
      { input: { id: change.id, note: 'Skriv hela namnet, tack.' } },
      { token: reviewer.token },
    );
    expect(rejectProfileChange).toMatchObject({ status: 'REJECTED', note: 'Skriv hela namnet, tack.' });
    const { speaker } = await lectern.ok(`query ($slug: String!) { speaker(slug: $slug) { name links { url } } }`, { slug: karin.slug });
    expect(speaker).toEqual({ name: 'Karin Berg', links: [] });
    const mine = await lectern.ok(MINE, {}, asSpeaker(karinSession));
    expect(mine.viewer.profileChanges.find((c: any) => c.id === change.id)).toMatchObject({
      status: 'REJECTED',
      note: 'Skriv hela namnet, tack.',
    });
  });

  it('publishes at once where the conference does not review speakers’ changes', async () => {
    const ove = await build.speaker({ conference: open, name: 'Ove Sund', bio: { sv: 'Ove.' } });
    await build.session(open, { title: 'Strategi', speakers: [{ speaker: ove, title: 'chef' }], published: true });
    const ovesSession = await signInSpeaker(lectern, rowId(ove.id));
    const { proposeProfileChange } = await lectern.ok(
      PROPOSE,
      { input: { bio: [{ locale: 'sv', text: 'Ove leder strategin.' }], otherNames: ['Ove Sundh'] } },
      asSpeaker(ovesSession),
    );
    expect(proposeProfileChange.status).toBe('APPLIED');
    expect(await publicBio(ove.slug, 'sv')).toBe('Ove leder strategin.');
    const { viewer } = await lectern.ok(`{ viewer { appearances { id title organisation } } }`, {}, asSpeaker(ovesSession));
    const { proposeAppearanceChange } = await lectern.ok(
      `mutation ($input: ProposeAppearanceChangeInput!) { proposeAppearanceChange(input: $input) { status } }`,
      { input: { appearanceId: viewer.appearances[0].id, title: 'strategichef', organisation: 'Myndigheten' } },
      asSpeaker(ovesSession),
    );
    expect(proposeAppearanceChange.status).toBe('APPLIED');
    const { speaker } = await lectern.ok(`query ($slug: String!) { speaker(slug: $slug) { otherNames appearances { affiliation } } }`, {
      slug: ove.slug,
    });
    expect(speaker).toEqual({ otherNames: ['Ove Sundh'], appearances: [{ affiliation: 'strategichef, Myndigheten' }] });
  });

  it("reviews an appearance's title and organisation with its session's conference", async () => {
    const { viewer } = await lectern.ok(`{ viewer { appearances { id title organisation session { id } } } }`, {}, asSpeaker(karinSession));
    expect(viewer.appearances).toEqual([
      { id: expect.any(String), title: 'utvecklare', organisation: 'Kommunen', session: { id: talk.id } },
    ]);
    const { proposeAppearanceChange: change } = await lectern.ok(
      `mutation ($input: ProposeAppearanceChangeInput!) { proposeAppearanceChange(input: $input) { id status fields { field before after } } }`,
      { input: { appearanceId: viewer.appearances[0].id, title: 'enhetschef' } },
      asSpeaker(karinSession),
    );
    expect(change).toMatchObject({ status: 'PENDING', fields: [{ field: 'title', before: 'utvecklare', after: 'enhetschef' }] });
    const before = await lectern.ok(`query ($slug: String!) { speaker(slug: $slug) { appearances { title } } }`, { slug: karin.slug });
    expect(before.speaker.appearances).toEqual([{ title: 'utvecklare' }]);
    await lectern.ok(APPROVE, { input: { id: change.id } }, { token: reviewer.token });
    const after = await lectern.ok(`query ($slug: String!) { speaker(slug: $slug) { appearances { title organisation } } }`, {
      slug: karin.slug,
    });
    expect(after.speaker.appearances).toEqual([{ title: 'enhetschef', organisation: 'Kommunen' }]);
  });

  it('refuses bad input naming the field, and keeps nothing', async () => {
    const bad = await lectern.graphql(
      PROPOSE,
      { input: { links: [{ label: 'Evil', url: 'javascript:alert(1)' }], bio: [{ locale: 'xx-nope', text: 'x' }] } },
      asSpeaker(karinSession),
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const fields = bad.errors![0].extensions!.problems!.map((p) => p.field).sort();
    expect(fields).toEqual(['bio[0].locale', 'links[0].url']);
    const unchanged = await lectern.graphql(PROPOSE, { input: { name: 'Karin Berg' } }, asSpeaker(karinSession));
    expect(codes(unchanged)).toEqual(['BAD_USER_INPUT']);
    const pending = await lectern.ok(
      `query ($id: ID!) { profileChanges(conferenceId: $id, status: PENDING) { totalCount } }`,
      { id: reviewed.id },
      { token: reviewer.token },
    );
    expect(pending.profileChanges.totalCount).toBe(0);
  });
});

describe('who may reach what', () => {
  it("keeps a speaker to their own appearances and periods, and out of every organiser's mutation", async () => {
    const { viewer } = await lectern.ok(`{ viewer { appearances { id } } }`, {}, asSpeaker(await signInSpeaker(lectern, rowId(nils.id))));
    const nilsAppearance = viewer.appearances[0].id;
    const reach = await lectern.graphql(
      `mutation ($input: ProposeAppearanceChangeInput!) { proposeAppearanceChange(input: $input) { id } }`,
      { input: { appearanceId: nilsAppearance, title: 'hacker' } },
      asSpeaker(karinSession),
    );
    expect(codes(reach)).toEqual(['NOT_FOUND']);

    const nilsSession = await signInSpeaker(lectern, rowId(nils.id));
    const { addUnavailability } = await lectern.ok(
      `mutation { addUnavailability(input: { startsAt: "2030-06-01T00:00:00Z", endsAt: "2030-06-02T00:00:00Z" }) { id } }`,
      {},
      asSpeaker(nilsSession),
    );
    const remove = await lectern.graphql(
      `mutation ($id: ID!) { removeUnavailability(input: { id: $id }) { id } }`,
      { id: addUnavailability.id },
      asSpeaker(karinSession),
    );
    expect(codes(remove)).toEqual(['NOT_FOUND']);

    const { proposeProfileChange: change } = await lectern.ok(PROPOSE, { input: { name: 'Nils Eklund' } }, asSpeaker(nilsSession));
    // A speaker approves nothing, their own change included.
    const selfApproval = await lectern.graphql(APPROVE, { input: { id: change.id } }, asSpeaker(nilsSession));
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(codes(selfApproval)[0]);
    const hijack = await lectern.graphql(
      `mutation ($id: ID!) { updateSpeaker(input: { id: $id, name: "Hijacked" }) { id } }`,
      { id: karin.id },
      asSpeaker(nilsSession),
    );
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(codes(hijack)[0]);
    // An organiser of another conference neither approves nor lists it.
    const stranger = await lectern.graphql(APPROVE, { input: { id: change.id } }, { token: otherOrganiser.token });
    expect(codes(stranger)).toEqual(['FORBIDDEN']);
    const list = await lectern.graphql(
      `query ($id: ID!) { profileChanges(conferenceId: $id) { totalCount } }`,
      { id: reviewed.id },
      { token: otherOrganiser.token },
    );
    expect(codes(list)).toEqual(['FORBIDDEN']);
    // Without a session, or with an organiser's token, speaker mutations are refused.
    expect(codes(await lectern.graphql(PROPOSE, { input: { name: 'X' } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await lectern.graphql(PROPOSE, { input: { name: 'X' } }, { token: reviewer.token }))).toEqual(['UNAUTHENTICATED']);
    const { speaker } = await lectern.ok(`query ($slug: String!) { speaker(slug: $slug) { name } }`, { slug: nils.slug });
    expect(speaker.name).toBe('Nils Ek');
    await lectern.ok(REJECT, { input: { id: change.id } }, { token: reviewer.token });
  });
});

describe('node(id)', () => {
  it('finds a change for its speaker and its reviewers, a period for its speaker, and neither for anyone else', async () => {
    const mine = await lectern.ok(`{ viewer { profileChanges { id } } }`, {}, asSpeaker(karinSession));
    const changeId = mine.viewer.profileChanges[0].id;
    const { addUnavailability } = await lectern.ok(
      `mutation { addUnavailability(input: { startsAt: "2031-01-01T00:00:00Z", endsAt: "2031-01-02T00:00:00Z" }) { id } }`,
      {},
      asSpeaker(karinSession),
    );
    const NODE = `query ($id: ID!) { node(id: $id) { __typename id } }`;
    const found = async (id: string, options?: object) => (await lectern.ok(NODE, { id }, options)).node;
    expect(await found(changeId, asSpeaker(karinSession))).toEqual({ __typename: 'ProfileChange', id: changeId });
    expect(await found(changeId, { token: reviewer.token })).toEqual({ __typename: 'ProfileChange', id: changeId });
    expect(await found(changeId, { token: otherOrganiser.token })).toBeNull();
    expect(await found(changeId)).toBeNull();
    const period = addUnavailability.id;
    expect(await found(period, asSpeaker(karinSession))).toEqual({ __typename: 'SpeakerUnavailability', id: period });
    expect(await found(period, asSpeaker(await signInSpeaker(lectern, rowId(nils.id))))).toBeNull();
    expect(await found(period)).toBeNull();
    await lectern.ok(`mutation ($id: ID!) { removeUnavailability(input: { id: $id }) { id } }`, { id: period }, asSpeaker(karinSession));
  });
});

/** Every element of a page or fragment that could run script or lead to it. */
function liveHtml(root: HtmlNode): string[] {
  const found: string[] = [];
  for (const node of elements(root)) {
    if (node.tagName === 'script' && !attr(node, 'src') && attr(node, 'type') !== 'application/ld+json') found.push('inline script');
    if (node.tagName === 'script' && attr(node, 'src') && !attr(node, 'src')!.startsWith('/assets/')) found.push('foreign script');
    for (const { name, value } of node.attrs ?? []) {
      if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
      if ((name === 'href' || name === 'src') && /^\s*(javascript|data|vbscript):/i.test(value))
        found.push(`${node.tagName}[${name}=${value}]`);
    }
    if (['iframe', 'object', 'embed', 'img', 'svg'].includes(node.tagName ?? '') && node.tagName !== 'img') found.push(node.tagName!);
  }
  return found;
}

describe('hostile Markdown in a bio', () => {
  it('never reaches the public page or the JSON API as live HTML', async () => {
    const mallory = await build.speaker({ conference: reviewed, name: 'Mallory' });
    await build.session(reviewed, { title: 'Attack', speakers: [mallory], published: true });
    const session = await signInSpeaker(lectern, rowId(mallory.id));
    const hostile = [
      'Hello <script>alert("bio")</script>',
      '[click](javascript:alert(1)) and <a href="javascript:alert(2)">raw</a>',
      '<img src=x onerror="alert(3)"> <iframe src="https://evil.example"></iframe>',
      '![pic](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=)',
    ].join('\n\n');
    const { proposeProfileChange } = await lectern.ok(PROPOSE, { input: { bio: [{ locale: 'sv', text: hostile }] } }, asSpeaker(session));
    await lectern.ok(APPROVE, { input: { id: proposeProfileChange.id } }, { token: reviewer.token });

    const page = parseHtml(await (await fetch(`${lectern.url}/speakers/${mallory.slug}?lang=sv`)).text());
    expect(liveHtml(page)).toEqual([]);
    const bio = byTag(page, 'div').find((div) => attr(div, 'class') === 'rich-text')!;
    expect(bio).toBeDefined();
    expect(byTag(bio, 'img')).toEqual([]);
    const json = await (await fetch(`${lectern.url}/api/speakers/${mallory.slug}?locale=sv`)).json();
    const fragment = parseHtml(`<!doctype html><body>${json.bio}</body>`);
    expect(liveHtml(fragment)).toEqual([]);
    expect(byTag(fragment, 'img')).toEqual([]);
    expect(byTag(fragment, 'iframe')).toEqual([]);
    // The words are still there, as text.
    expect(json.bio).toContain('&lt;script&gt;');
  });
});

describe('availability', () => {
  it('makes a conflict of a session scheduled when its speaker cannot speak, until the period is removed', async () => {
    const conflicts = async () =>
      (
        await lectern.ok(
          `query ($slug: String!) { conflicts(conferenceSlug: $slug) { code message speakers { slug } sessions { id } } }`,
          { slug: reviewed.slug },
          {
            token: reviewer.token,
          },
        )
      ).conflicts.filter((c: any) => c.code === 'SPEAKER_UNAVAILABLE');
    expect(await conflicts()).toEqual([]);
    const { addUnavailability } = await lectern.ok(
      `mutation { addUnavailability(input: { startsAt: "2030-11-24T08:30:00Z", endsAt: "2030-11-24T09:15:00Z", note: "Tåget" }) { id startsAt endsAt note } }`,
      {},
      asSpeaker(karinSession),
    );
    expect(addUnavailability).toMatchObject({ startsAt: '2030-11-24T08:30:00.000Z', endsAt: '2030-11-24T09:15:00.000Z', note: 'Tåget' });
    const found = await conflicts();
    expect(found).toEqual([
      {
        code: 'SPEAKER_UNAVAILABLE',
        message: expect.stringContaining('Karin Berg cannot speak from 24 Nov 2030 09:30 to 24 Nov 2030 10:15'),
        speakers: [{ slug: karin.slug }],
        sessions: [{ id: talk.id }],
      },
    ]);
    const mine = await lectern.ok(`{ viewer { unavailability { id note } } }`, {}, asSpeaker(karinSession));
    expect(mine.viewer.unavailability).toEqual([{ id: addUnavailability.id, note: 'Tåget' }]);
    const backwards = await lectern.graphql(
      `mutation { addUnavailability(input: { startsAt: "2030-11-24T10:00:00Z", endsAt: "2030-11-24T09:00:00Z" }) { id } }`,
      {},
      asSpeaker(karinSession),
    );
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    await lectern.ok(
      `mutation ($id: ID!) { removeUnavailability(input: { id: $id }) { id } }`,
      { id: addUnavailability.id },
      asSpeaker(karinSession),
    );
    expect(await conflicts()).toEqual([]);
  });
});
