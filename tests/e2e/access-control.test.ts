import { ModulesContainer } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PUBLIC_MUTATION } from '../../src/auth/public-mutation.decorator';
import { SPEAKER_MUTATION } from '../../src/auth/speaker-mutation.decorator';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, InterviewRef, programmeBuilder, SessionRef, SpeakerRef } from '../support/programme';
import { signInSpeaker } from '../support/speakers';

/** Organisers' access: tokens, roles, conference scopes, drafts and private fields. */
describe('access control', () => {
  let lectern: Lectern;
  const tokens: Record<string, string> = {};
  let umea: ConferenceRef;
  let oslo: ConferenceRef;
  let internetdagarna: ConferenceRef;
  let erik: SpeakerRef;
  let olle: SpeakerRef;
  let tore: SpeakerRef;
  let pia: SpeakerRef;
  let umeaTalk: SessionRef;
  let digstratTalk: SessionRef;
  let osloPanel: SessionRef;
  let osloInterview: InterviewRef;

  /**
   * Four published conferences, three with an organiser of their own. Each speaker's profile
   * belongs to a conference: Erik's to DigStrat, though he speaks at Umeå too; Olle's to Umeå;
   * the Oslo panel's three speakers to Oslo, which has that one session and an interview about it.
   * Umeå is built first, with a room, a track, a session, a speaker, an appearance and an
   * interview, so that the schema walk's sample id "1" names a real one of each.
   */
  beforeAll(async () => {
    lectern = await startLectern({ FAILED_TOKEN_ATTEMPTS_PER_MINUTE: '5' });
    const build = programmeBuilder(lectern);
    const swedish = { timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true };
    umea = await build.conference({ name: 'Umeå Jobbhackathon', ...swedish });
    const digstrat = await build.conference({ name: 'DigStrat', ...swedish });
    oslo = await build.conference({ name: 'Teknologi og politikk', timeZone: 'Europe/Oslo', defaultLocale: 'nb', published: true });
    internetdagarna = await build.conference({ name: 'Internetdagarna', ...swedish });

    olle = await build.speaker({ conference: umea, name: 'Olle Lundin' });
    erik = await build.speaker({ conference: digstrat, name: 'Erik Sandström' });
    const eirik = await build.speaker({ conference: oslo, name: 'Eirik Løkke' });
    tore = await build.speaker({ conference: oslo, name: 'Tore Sandvik' });
    pia = await build.speaker({ conference: oslo, name: 'Pia Jøsendal' });

    umeaTalk = await build.session(umea, {
      room: await build.room(umea),
      track: await build.track(umea),
      speakers: [olle],
      published: true,
    });
    await build.interview(umea, { session: umeaTalk, speakers: [olle], published: true });
    await build.session(umea, { startsAt: '2030-05-01T11:00:00+02:00', speakers: [erik], published: true });
    digstratTalk = await build.session(digstrat, { speakers: [erik], published: true });
    osloPanel = await build.session(oslo, {
      format: 'PANEL',
      speakers: [
        { speaker: eirik, role: 'MODERATOR' },
        { speaker: tore, role: 'PANELIST' },
        { speaker: pia, role: 'PANELIST' },
      ],
      published: true,
    });
    osloInterview = await build.interview(oslo, {
      session: osloPanel,
      speakers: [tore],
      items: [{ question: 'Hva betyr innovasjon?', answer: 'Å ta i bruk det som finnes.', answeredBy: tore }],
      published: true,
    });

    tokens.umea = (await build.organiser({ conferences: [umea], name: 'Umeå organiser' })).token;
    tokens.digstrat = (await build.organiser({ conferences: [digstrat], name: 'DigStrat organiser' })).token;
    tokens.oslo = (await build.organiser({ conferences: [oslo], name: 'Oslo organiser' })).token;
  });
  afterAll(() => lectern.close());

  const as = (who: keyof typeof tokens | 'admin') => ({ token: who === 'admin' ? lectern.adminToken : tokens[who] });

  describe('every mutation', () => {
    /** Calls every mutation with arguments of the right shape, so that only its guard can refuse it. */
    async function callEveryMutation(headers: Record<string, string> = {}): Promise<Map<string, string | undefined>> {
      const schema = await lectern.ok(INTROSPECT_MUTATIONS);
      const types = new Map<string, any>(schema.__schema.types.map((type: any) => [type.name, type]));
      const mutations: any[] = types.get('Mutation').fields;
      expect(mutations.length).toBeGreaterThan(25);
      // The samples' id "1" names a real row of each kind, so that without its guard a call would go through.
      const dataSource = lectern.app.get(DataSource);
      for (const table of ['conferences', 'rooms', 'tracks', 'sessions', 'appearances', 'speakers', 'interviews', 'organisers']) {
        const [{ count }] = await dataSource.query(`SELECT COUNT(*) AS "count" FROM "${table}" WHERE "id" = 1`);
        expect([table, Number(count)]).toEqual([table, 1]);
      }
      const codes = new Map<string, string | undefined>();
      for (const mutation of mutations) {
        const args = mutation.args.filter((arg: any) => arg.type.kind === 'NON_NULL');
        const declared = args.map((arg: any) => `$${arg.name}: ${typeName(arg.type)}`).join(', ');
        const passed = args.map((arg: any) => `${arg.name}: $${arg.name}`).join(', ');
        const variables = Object.fromEntries(args.map((arg: any) => [arg.name, sample(arg.type, types)]));
        const selection = leafSelection(mutation.type, types);
        const query = `mutation${declared ? `(${declared})` : ''} { ${mutation.name}${passed ? `(${passed})` : ''} ${selection} }`;
        const result = await lectern.graphql(query, variables, { headers });
        codes.set(mutation.name, result.errors?.[0]?.extensions?.code);
      }
      return codes;
    }

    it('is refused without a token, except the ones declared public (a new unguarded mutation fails here)', async () => {
      const publicNames = markedMutationNames(lectern, PUBLIC_MUTATION);
      for (const [name, code] of await callEveryMutation()) {
        if (publicNames.has(name)) expect([name, code]).not.toEqual([name, 'UNAUTHENTICATED']);
        else expect([name, code]).toEqual([name, 'UNAUTHENTICATED']);
      }
    });

    it("is refused to a signed-in speaker, except the public ones and the speaker's own", async () => {
      const speakers = markedMutationNames(lectern, SPEAKER_MUTATION);
      const publicNames = markedMutationNames(lectern, PUBLIC_MUTATION);
      expect(speakers.size).toBeGreaterThan(1);
      const { headers } = await signInSpeaker(lectern, rowId(olle.id));
      for (const [name, code] of await callEveryMutation(headers)) {
        if (speakers.has(name) || publicNames.has(name)) expect([name, code]).not.toEqual([name, 'UNAUTHENTICATED']);
        else expect([name, code]).toEqual([name, 'UNAUTHENTICATED']);
      }
    });
  });

  describe('every mutation through a console session', () => {
    it("is refused (403) to an organiser's cookie without its CSRF token, and changes nothing", async () => {
      const opened = await lectern.graphql(
        `mutation ($input: OpenOrganiserSessionInput!) { openOrganiserSession(input: $input) { role } }`,
        {
          input: { token: tokens.umea },
        },
      );
      expect(opened.data?.openOrganiserSession.role).toBe('ORGANISER');
      const cookie = opened.headers.get('set-cookie')!.split(';')[0];
      const before = await snapshot(lectern);
      const schema = await lectern.ok(INTROSPECT_MUTATIONS);
      const mutations: any[] = schema.__schema.types.find((type: any) => type.name === 'Mutation').fields;
      expect(mutations.map((mutation) => mutation.name)).toEqual(
        expect.arrayContaining(['openOrganiserSession', 'requestOrganiserSignInLink', 'closeOrganiserSession']),
      );
      for (const mutation of mutations) {
        // Refused before the body is read as GraphQL: no arguments are needed to show it.
        const response = await fetch(`${lectern.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: `mutation { ${mutation.name} }` }),
        });
        expect([mutation.name, response.status]).toEqual([mutation.name, 403]);
      }
      expect(await snapshot(lectern)).toEqual(before);
    });
  });

  describe('roles and scopes', () => {
    it('lets an organiser change their own conference, and nothing of another', async () => {
      const umeaSession = umeaTalk.id;
      const osloSession = osloPanel.id;
      const rename = `mutation ($id: ID!) { updateSession(id: $id, input: { notes: "Changed" }) { notes } }`;

      expect((await lectern.graphql(rename, { id: umeaSession }, as('umea'))).data?.updateSession.notes).toBe('Changed');
      const refused = await lectern.graphql(rename, { id: osloSession }, as('umea'));
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const untouched = await lectern.ok(`{ session(id: "${osloSession}") { notes } }`);
      expect(untouched.session.notes).not.toBe('Changed');
      expect((await lectern.graphql(rename, { id: osloSession }, as('admin'))).data?.updateSession.notes).toBe('Changed');
    });

    it.each([
      ['updateConference', (c: Ctx) => `mutation { updateConference(id: "${c.other}", input: { city: "X" }) { id } }`],
      ['publishConference', (c: Ctx) => `mutation { publishConference(id: "${c.other}") { id } }`],
      ['deleteConference', (c: Ctx) => `mutation { deleteConference(id: "${c.other}") { id } }`],
      ['createRoom', (c: Ctx) => `mutation { createRoom(input: { conferenceId: "${c.other}", slug: "x", name: "X" }) { id } }`],
      ['createTrack', (c: Ctx) => `mutation { createTrack(input: { conferenceId: "${c.other}", slug: "x", name: "X" }) { id } }`],
      [
        'createSession',
        (c: Ctx) =>
          `mutation { createSession(input: { conferenceId: "${c.other}", title: [{ locale: "nb", text: "X" }], format: TALK, language: "nb" }) { id } }`,
      ],
      ['cancelSession', (c: Ctx) => `mutation { cancelSession(id: "${c.otherSession}") { id } }`],
      ['deleteSession', (c: Ctx) => `mutation { deleteSession(id: "${c.otherSession}") { id } }`],
      ['unpublishSession', (c: Ctx) => `mutation { unpublishSession(id: "${c.otherSession}") { id } }`],
      [
        'addAppearance',
        (c: Ctx) => `mutation { addAppearance(input: { sessionId: "${c.otherSession}", speakerId: "${c.ownSpeaker}" }) { id } }`,
      ],
      ['removeAppearance', (c: Ctx) => `mutation { removeAppearance(id: "${c.otherAppearance}") { id } }`],
      ['moveAppearance', (c: Ctx) => `mutation { moveAppearance(id: "${c.otherAppearance}", position: 2) { id } }`],
      ['updateAppearance', (c: Ctx) => `mutation { updateAppearance(id: "${c.otherAppearance}", input: { title: "X" }) { id } }`],
      ['updateInterview', (c: Ctx) => `mutation { updateInterview(id: "${c.otherInterview}", input: { author: "X" }) { id } }`],
      ['deleteInterview', (c: Ctx) => `mutation { deleteInterview(id: "${c.otherInterview}") { id } }`],
      [
        'createInterview',
        (c: Ctx) =>
          `mutation { createInterview(input: { slug: "x", conferenceId: "${c.other}", speakerIds: ["${c.ownSpeaker}"], title: [{ locale: "nb", text: "X" }], language: "nb" }) { id } }`,
      ],
      ['updateSpeaker', (c: Ctx) => `mutation { updateSpeaker(id: "${c.otherSpeaker}", input: { name: "X" }) { id } }`],
      [
        'createConference',
        () =>
          `mutation { createConference(input: { slug: "x", name: "X", startDate: "2030-01-01", endDate: "2030-01-01", timeZone: "UTC", defaultLocale: "en" }) { id } }`,
      ],
      ['createOrganiser', () => `mutation { createOrganiser(input: { name: "X" }) { id } }`],
    ])('refuses %s by an organiser of another conference as FORBIDDEN, changing nothing', async (_, mutation) => {
      const context: Ctx = {
        other: oslo.id,
        otherSession: osloPanel.id,
        otherAppearance: osloPanel.appearances[0],
        otherInterview: osloInterview.id,
        otherSpeaker: tore.id,
        ownSpeaker: olle.id,
      };
      const before = await snapshot(lectern);
      const result = await lectern.graphql(mutation(context), {}, as('umea'));
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await snapshot(lectern)).toEqual(before);
    });

    it("allows the same kinds of change within the organiser's own conference", async () => {
      const room = await lectern.graphql(
        `mutation { createRoom(input: { conferenceId: "${umea.id}", slug: "sal-2", name: "Sal 2" }) { id } }`,
        {},
        as('umea'),
      );
      expect(room.errors).toBeUndefined();
      const session = await lectern.graphql(
        `mutation { createSession(input: { conferenceId: "${umea.id}", title: [{ locale: "sv", text: "Ny" }], format: TALK, language: "sv" }) { id } }`,
        {},
        as('umea'),
      );
      expect(session.errors).toBeUndefined();
      const sessionId = session.data!.createSession.id;
      const added = await lectern.graphql(
        `mutation { addAppearance(input: { sessionId: "${sessionId}", speakerId: "${olle.id}" }) { id } }`,
        {},
        as('umea'),
      );
      expect(added.errors).toBeUndefined();
      const published = await lectern.graphql(`mutation { publishConference(id: "${umea.id}") { status } }`, {}, as('umea'));
      expect(published.data?.publishConference.status).toBe('PUBLISHED');
    });
  });

  describe('a speaker shared by two conferences', () => {
    it('is edited by the conference that owns the profile only, and is no way into the other conference', async () => {
      const bio = (by: string) =>
        `mutation ($id: ID!) { updateSpeaker(id: $id, input: { bio: [{ locale: "en", text: "Updated by ${by}" }] }) { bio(locale: "en") } }`;
      expect((await lectern.graphql(bio('DigStrat'), { id: erik.id }, as('digstrat'))).data?.updateSpeaker.bio).toBe('Updated by DigStrat');
      expect((await lectern.graphql(bio('Umeå'), { id: erik.id }, as('umea'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

      // His DigStrat session and appearance stay out of the Umeå organiser's reach.
      const digstratSession = digstratTalk.id;
      const lineUp = await lectern.ok(`{ session(id: "${digstratSession}") { appearances { id speaker { slug } } } }`);
      const appearance = lineUp.session.appearances.find((a: any) => a.speaker.slug === erik.slug).id;
      for (const mutation of [
        `mutation { removeAppearance(id: "${appearance}") { id } }`,
        `mutation { updateAppearance(id: "${appearance}", input: { title: "X" }) { id } }`,
        `mutation { updateSession(id: "${digstratSession}", input: { notes: "X" }) { id } }`,
      ]) {
        expect((await lectern.graphql(mutation, {}, as('umea'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      // Deleting the person would take him out of DigStrat too.
      const deleted = await lectern.graphql(`mutation { deleteSpeaker(id: "${erik.id}") { id } }`, {}, as('umea'));
      expect(deleted.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await lectern.ok(`{ speaker(slug: "${erik.slug}") { appearances { id } } }`)).speaker.appearances).toHaveLength(2);
    });

    it('shows the Umeå organiser his DigStrat drafts no more than the public sees them', async () => {
      const digstratSession = digstratTalk.id;
      await lectern.ok(`mutation { unpublishSession(id: "${digstratSession}") { id } }`, {}, { as: 'organiser' });
      try {
        const seen = await lectern.graphql(`{ speaker(slug: "${erik.slug}") { appearances { session { id } } } }`, {}, as('umea'));
        expect(seen.data?.speaker.appearances.map((a: any) => a.session.id)).not.toContain(digstratSession);
        const direct = await lectern.graphql(`{ session(id: "${digstratSession}") { id } }`, {}, as('umea'));
        expect(direct.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        const own = await lectern.graphql(`{ session(id: "${digstratSession}") { id } }`, {}, as('digstrat'));
        expect(own.data?.session.id).toBe(digstratSession);
      } finally {
        await lectern.ok(`mutation { publishSession(id: "${digstratSession}") { id } }`, {}, { as: 'organiser' });
      }
    });
  });

  describe('drafts and private fields', () => {
    it('shows a draft conference to its organisers and admins only', async () => {
      await lectern.ok(`mutation { unpublishConference(id: "${oslo.id}") { id } }`, {}, { as: 'organiser' });
      try {
        const query = `{ conference(slug: "${oslo.slug}") { slug sessions { totalCount } } }`;
        for (const [who, visible] of [
          ['public', false],
          ['umea', false],
          ['oslo', true],
          ['admin', true],
        ] as const) {
          const result = who === 'public' ? await lectern.graphql(query) : await lectern.graphql(query, {}, as(who));
          expect([who, result.data?.conference?.sessions.totalCount ?? null]).toEqual([who, visible ? 1 : null]);
        }
      } finally {
        await lectern.ok(`mutation { publishConference(id: "${oslo.id}") { id } }`, {}, { as: 'organiser' });
      }
    });

    it("shows a speaker's e-mail to admins and the organisers of the conference that owns the profile only", async () => {
      await lectern.ok(`mutation { updateSpeaker(id: "${pia.id}", input: { email: "pia@example.org" }) { id } }`, {}, { as: 'organiser' });
      const query = `{ speaker(slug: "${pia.slug}") { email } speakers(conferenceSlug: "${oslo.slug}") { edges { node { email } } } }`;
      const seen = async (who: 'public' | 'umea' | 'oslo' | 'admin') =>
        JSON.stringify(who === 'public' ? await lectern.graphql(query) : await lectern.graphql(query, {}, as(who)));
      expect(await seen('public')).not.toContain('pia@example.org');
      expect(await seen('umea')).not.toContain('pia@example.org');
      expect(await seen('oslo')).toContain('pia@example.org');
      expect(await seen('admin')).toContain('pia@example.org');
    });

    it('never shows token secrets or hashes, not even to their owner', async () => {
      const data = await lectern.ok(`{ me { name role accessTokens { name prefix } } }`, {}, { as: 'organiser' });
      expect(data.me.role).toBe('ADMIN');
      expect(JSON.stringify(data)).not.toContain(lectern.adminToken);
      const fields = await lectern.ok(`{ __type(name: "AccessToken") { fields { name } } }`);
      expect(fields.__type.fields.map((f: any) => f.name)).not.toContain('hash');
      const stored = await lectern.app.get(DataSource).query('SELECT "hash" FROM "access_tokens"');
      expect(JSON.stringify(stored)).not.toContain(lectern.adminToken);
    });
  });

  describe('tokens', () => {
    const CREATE = `mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { secret accessToken { id name prefix expiresAt } } }`;

    it('are shown once, listed by name and prefix, and stop working when revoked', async () => {
      const created = (await lectern.graphql(CREATE, { input: { name: 'laptop' } }, as('oslo'))).data!.createAccessToken;
      expect(created.secret).toMatch(/^lct_[A-Za-z0-9_-]{43}$/);
      expect(created.secret.startsWith(created.accessToken.prefix)).toBe(true);
      const me = await lectern.ok(
        `{ me { name conferences { slug } accessTokens { name prefix lastUsedAt } } }`,
        {},
        { token: created.secret },
      );
      expect(me.me.name).toBe('Oslo organiser');
      expect(me.me.conferences).toEqual([{ slug: oslo.slug }]);
      expect(me.me.accessTokens.map((t: any) => t.name)).toEqual(['laptop', 'tests']);

      const revoked = await lectern.graphql(
        `mutation { revokeAccessToken(id: "${created.accessToken.id}") { revokedAt } }`,
        {},
        { token: created.secret },
      );
      expect(revoked.data?.revokeAccessToken.revokedAt).toBeTruthy();
      const after = await lectern.graphql(`{ me { name } }`, {}, { token: created.secret });
      expect(after.status).toBe(401);
      expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('expire', async () => {
      const soon = new Date(Date.now() + 1500).toISOString();
      const created = (await lectern.graphql(CREATE, { input: { name: 'brief', expiresAt: soon } }, as('oslo'))).data!.createAccessToken;
      expect((await lectern.graphql(`{ me { name } }`, {}, { token: created.secret })).data?.me.name).toBe('Oslo organiser');
      await new Promise((resolve) => setTimeout(resolve, 1700));
      expect((await lectern.graphql(`{ me { name } }`, {}, { token: created.secret })).status).toBe(401);
      const past = await lectern.graphql(CREATE, { input: { name: 'stale', expiresAt: '2000-01-01T00:00:00Z' } }, as('oslo'));
      expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    });

    it('of others are for admins to create and revoke', async () => {
      const admins = await lectern.ok(`{ me { id } }`, {}, { as: 'organiser' });
      const forAdmin = await lectern.graphql(CREATE, { input: { name: 'x', organiserId: admins.me.id } }, as('oslo'));
      expect(forAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const list = await lectern.graphql(`{ organisers { name } }`, {}, as('oslo'));
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await lectern.ok(`{ organisers { name role } }`, {}, { as: 'organiser' })).organisers.length).toBeGreaterThanOrEqual(4);
    });

    it("lose their rights at once when the organiser's scope changes", async () => {
      const organiser = (
        await lectern.ok(
          `mutation { createOrganiser(input: { name: "Moved", conferenceIds: ["${internetdagarna.id}"] }) { id } }`,
          {},
          { as: 'organiser' },
        )
      ).createOrganiser;
      const secret = (await lectern.ok(CREATE, { input: { name: 'm', organiserId: organiser.id } }, { as: 'organiser' })).createAccessToken
        .secret;
      const change = `mutation { updateConference(id: "${internetdagarna.id}", input: { venue: "Online" }) { venue } }`;
      expect((await lectern.graphql(change, {}, { token: secret })).data?.updateConference.venue).toBe('Online');
      await lectern.ok(`mutation { updateOrganiser(id: "${organiser.id}", input: { conferenceIds: [] }) { id } }`, {}, { as: 'organiser' });
      expect((await lectern.graphql(change, {}, { token: secret })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('answer 401 when wrong, and 429 with Retry-After when a client keeps trying', async () => {
      const codes: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 7; i++) {
        const response = await fetch(`${lectern.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer lct_wrong${i}` },
          body: JSON.stringify({ query: '{ me { name } }' }),
        });
        codes.push(response.status);
        retryAfter = response.headers.get('retry-after') ?? retryAfter;
      }
      // The limit is 5 failures a minute; earlier tests here already spent some from this address.
      const firstRefusal = codes.indexOf(429);
      expect(codes[0]).toBe(401);
      expect(firstRefusal).toBeGreaterThan(0);
      expect(firstRefusal).toBeLessThanOrEqual(5);
      expect(codes.slice(firstRefusal).every((code) => code === 429)).toBe(true);
      expect(Number(retryAfter)).toBeGreaterThan(0);

      // Someone else's wrong tokens from the same address do not lock a valid token out.
      expect((await lectern.graphql('{ me { role } }', {}, { token: lectern.adminToken })).data?.me.role).toBe('ADMIN');
    });
  });
});

interface Ctx {
  other: string;
  otherSession: string;
  otherAppearance: string;
  otherInterview: string;
  otherSpeaker: string;
  ownSpeaker: string;
}

/** Row counts and contents of every table, to prove a refused mutation changed nothing. */
async function snapshot(lectern: Lectern): Promise<Record<string, string>> {
  const dataSource = lectern.app.get(DataSource);
  const tables = dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort();
  const result: Record<string, string> = {};
  for (const table of tables) {
    if (table === 'access_tokens') continue; // last-used times move with every request
    result[table] = JSON.stringify(await dataSource.query(`SELECT * FROM "${table}" ORDER BY 1`));
  }
  return result;
}

/** The mutations whose resolver methods carry this mark (`PublicMutation`, `SpeakerMutation`). */
function markedMutationNames(lectern: Lectern, mark: string): Set<string> {
  const names = new Set<string>();
  for (const module of lectern.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const prototype = wrapper.metatype?.prototype;
      if (!prototype) continue;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const method = Object.getOwnPropertyDescriptor(prototype, key)?.value;
        if (typeof method === 'function' && Reflect.getMetadata(mark, method)) names.add(key);
      }
    }
  }
  return names;
}

const INTROSPECT_MUTATIONS = `{
  __schema {
    types {
      name kind
      enumValues { name }
      inputFields { name type { ...T } }
      fields { name args { name type { ...T } } type { ...T } }
    }
  }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

function typeName(type: any): string {
  if (type.kind === 'NON_NULL') return `${typeName(type.ofType)}!`;
  if (type.kind === 'LIST') return `[${typeName(type.ofType)}]`;
  return type.name;
}

/** A value of the right shape for an argument, so that only the guard can refuse the call. */
function sample(type: any, types: Map<string, any>): unknown {
  if (type.kind === 'NON_NULL') return sample(type.ofType, types);
  if (type.kind === 'LIST') return [sample(type.ofType, types)];
  const named = types.get(type.name);
  if (named.kind === 'ENUM') return named.enumValues[0].name;
  if (named.kind === 'INPUT_OBJECT') {
    return Object.fromEntries(
      named.inputFields.filter((f: any) => f.type.kind === 'NON_NULL').map((f: any) => [f.name, sample(f.type, types)]),
    );
  }
  return { ID: '1', String: 'x', Int: 0, Float: 0, Boolean: false, DateTime: '2030-01-01T00:00:00Z' }[type.name as string] ?? 'x';
}

function leafSelection(type: any, types: Map<string, any>): string {
  while (type.kind === 'NON_NULL' || type.kind === 'LIST') type = type.ofType;
  const named = types.get(type.name);
  if (named.kind !== 'OBJECT') return '';
  const leaf = named.fields.find((f: any) => {
    let t = f.type;
    while (t.kind === 'NON_NULL' || t.kind === 'LIST') t = t.ofType;
    return (t.kind === 'SCALAR' || t.kind === 'ENUM') && f.args.length === 0;
  });
  return leaf ? `{ ${leaf.name} }` : `{ __typename }`;
}
