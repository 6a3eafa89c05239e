import { DemoLoader } from '../../src/demo/demo-loader.service';
import { GraphqlResult, Lectern, startLectern } from '../support/lectern';

/**
 * Every mutation takes one argument, `input`, with the id of what it changes inside. The arguments
 * mutations took before stay for one version, deprecated: a request in the old shape has the same
 * effect as one in the new, and a request that gives a value both ways, or neither, is refused
 * with BAD_USER_INPUT naming the field, and changes nothing.
 */

/** Mutations with no argument at all: nothing to put in an input. */
const WITHOUT_ARGUMENTS = ['createAgenda', 'closeOrganiserSession'];

const INTROSPECTION = `{ __schema { mutationType { fields {
  name
  args(includeDeprecated: true) { name isDeprecated deprecationReason type { kind name ofType { kind name } } }
} } } }`;

interface Arg {
  name: string;
  isDeprecated: boolean;
  deprecationReason: string | null;
  type: { kind: string; name: string | null; ofType: { kind: string; name: string | null } | null };
}

describe('mutation inputs', () => {
  let lectern: Lectern;
  let conferenceId: string;
  let conferenceSlug: string;
  let sessionIds: string[];
  let speakerIds: string[];

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const asOrganiser = (query: string, variables?: Record<string, unknown>) => lectern.graphql(query, variables, { as: 'organiser' });

  /** Refused with BAD_USER_INPUT on `field`, before anything changed. */
  const expectRefused = (result: GraphqlResult, field: string) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors![0].message).toContain(field);
  };

  const createRoom = async (slug: string) =>
    (
      await organiser('mutation ($input: CreateRoomInput!) { createRoom(input: $input) { id } }', {
        input: { conferenceId, slug, name: slug },
      })
    ).createRoom.id as string;
  const room = async (id: string) => {
    const { conferences } = await organiser(
      '{ conferences(first: 20) { edges { node { rooms { id name capacity availability { startsAt endsAt } } } } } }',
    );
    return conferences.edges.flatMap((edge: any) => edge.node.rooms).find((candidate: any) => candidate.id === id) ?? null;
  };
  const withoutId = ({ id: _, ...rest }: Record<string, unknown>) => rest;

  beforeAll(async () => {
    lectern = await startLectern({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on' });
    await lectern.app.get(DemoLoader).load();
    const { conferences, speakers } = await organiser(
      `{ conferences(first: 20) { edges { node { id slug status sessions(first: 50) { edges { node { id published appearances { id } } } } } } }
         speakers(first: 50) { edges { node { id } } } }`,
    );
    // The demo conference with the most published sessions, for sessions of a published programme.
    const published = (conference: any) =>
      conference.sessions.edges.map((edge: any) => edge.node).filter((session: any) => session.published);
    const conference = conferences.edges
      .map((edge: any) => edge.node)
      .filter((candidate: any) => candidate.status === 'PUBLISHED')
      .sort((a: any, b: any) => published(b).length - published(a).length)[0];
    conferenceId = conference.id;
    conferenceSlug = conference.slug;
    const sessions = published(conference);
    // A session with a line-up of two or more first: the mixed-shapes test moves one of them.
    sessions.sort((a: any, b: any) => Number(b.appearances.length > 1) - Number(a.appearances.length > 1));
    sessionIds = sessions.map((session: any) => session.id);
    expect(sessionIds.length).toBeGreaterThanOrEqual(4);
    speakerIds = speakers.edges.map((edge: any) => edge.node.id);
  });

  afterAll(() => lectern.close());

  describe('the served schema', () => {
    let mutations: { name: string; args: Arg[] }[];

    beforeAll(async () => {
      mutations = (await lectern.ok(INTROSPECTION)).__schema.mutationType.fields;
    });

    it('gives every mutation exactly one argument that is not deprecated, named input', () => {
      const shapes = mutations
        .filter((mutation) => !WITHOUT_ARGUMENTS.includes(mutation.name))
        .map((mutation) => [mutation.name, mutation.args.filter((arg) => !arg.isDeprecated).map((arg) => arg.name)]);
      expect(shapes).toEqual(shapes.map(([name]) => [name, ['input']]));
      expect(mutations.length).toBeGreaterThanOrEqual(41);
      for (const name of WITHOUT_ARGUMENTS) expect(mutations.find((mutation) => mutation.name === name)?.args).toEqual([]);
    });

    it('names the input type after the mutation', () => {
      for (const mutation of mutations.filter((candidate) => !WITHOUT_ARGUMENTS.includes(candidate.name))) {
        const input = mutation.args.find((arg) => arg.name === 'input')!;
        const named = input.type.kind === 'NON_NULL' ? input.type.ofType!.name : input.type.name;
        expect([mutation.name, named]).toEqual([mutation.name, `${mutation.name[0].toUpperCase()}${mutation.name.slice(1)}Input`]);
      }
    });

    it('gives every deprecated argument a reason that says where it went, and lets it be left out', () => {
      const deprecated = mutations.flatMap((mutation) => mutation.args.filter((arg) => arg.isDeprecated).map((arg) => ({ mutation, arg })));
      expect(deprecated.length).toBeGreaterThan(0);
      for (const { mutation, arg } of deprecated) {
        expect([mutation.name, arg.name, arg.deprecationReason]).toEqual([mutation.name, arg.name, `Give it in input: input.${arg.name}.`]);
        expect([mutation.name, arg.name, arg.type.kind]).not.toEqual([mutation.name, arg.name, 'NON_NULL']);
      }
    });
  });

  describe('the old shape and the new one have the same effect', () => {
    it('on rooms: updateRoom, setRoomAvailability, deleteRoom', async () => {
      const [byInput, byArguments] = [await createRoom('shape-new'), await createRoom('shape-old')];
      const change = { name: 'Sal Ny', capacity: 40 };
      await organiser('mutation ($input: UpdateRoomInput!) { updateRoom(input: $input) { id } }', { input: { id: byInput, ...change } });
      await organiser('mutation ($id: ID!, $input: UpdateRoomInput!) { updateRoom(id: $id, input: $input) { id } }', {
        id: byArguments,
        input: change,
      });
      const windows = [{ startsAt: '2020-11-24T08:00:00.000Z', endsAt: '2020-11-24T12:00:00.000Z' }];
      await organiser('mutation ($input: SetRoomAvailabilityInput) { setRoomAvailability(input: $input) { id } }', {
        input: { roomId: byInput, windows },
      });
      await organiser(
        'mutation ($roomId: ID!, $windows: [TimeWindowInput!]!) { setRoomAvailability(roomId: $roomId, windows: $windows) { id } }',
        { roomId: byArguments, windows },
      );
      const [updatedByInput, updatedByArguments] = [await room(byInput), await room(byArguments)];
      expect(withoutId(updatedByInput)).toEqual({ ...change, availability: windows });
      expect(withoutId(updatedByArguments)).toEqual(withoutId(updatedByInput));

      await organiser('mutation ($input: DeleteRoomInput) { deleteRoom(input: $input) { id } }', { input: { id: byInput } });
      await organiser('mutation ($id: ID!) { deleteRoom(id: $id) { id } }', { id: byArguments });
      expect([await room(byInput), await room(byArguments)]).toEqual([null, null]);
    });

    it('on sessions: updateSession, unpublishSession, publishSession', async () => {
      const read = `id notes published status`;
      const [byInput, byArguments] = sessionIds;
      const notes = 'Given in either shape.';
      const a = await organiser(`mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { ${read} } }`, {
        input: { id: byInput, notes },
      });
      const b = await organiser(`mutation ($id: ID!, $notes: String) { updateSession(id: $id, input: { notes: $notes }) { ${read} } }`, {
        id: byArguments,
        notes,
      });
      expect(withoutId(a.updateSession)).toEqual(withoutId(b.updateSession));
      expect(a.updateSession.notes).toBe(notes);

      const c = await organiser(`mutation ($input: UnpublishSessionInput) { unpublishSession(input: $input) { ${read} } }`, {
        input: { id: byInput },
      });
      const d = await organiser(`mutation ($id: ID!) { unpublishSession(id: $id) { ${read} } }`, { id: byArguments });
      expect([c.unpublishSession.published, d.unpublishSession.published]).toEqual([false, false]);
      const e = await organiser(`mutation { publishSession(input: { id: "${byInput}" }) { ${read} } }`);
      const f = await organiser(`mutation { publishSession(id: "${byArguments}") { ${read} } }`);
      expect(withoutId(e.publishSession)).toEqual(withoutId(f.publishSession));
      expect(e.publishSession.published).toBe(true);
    });

    it("on a session's line-up: addAppearance, moveAppearance, removeAppearance", async () => {
      const sessionId = sessionIds[2];
      const lineUp = async () =>
        (await organiser(`{ session(id: "${sessionId}") { appearances { id speaker { id } } } }`)).session.appearances.map(
          (appearance: any) => appearance.speaker.id,
        );
      const before: string[] = await lineUp();
      const newcomers = speakerIds.filter((id) => !before.includes(id)).slice(0, 2);
      expect(newcomers).toHaveLength(2);
      const added: string[] = [];
      for (const speakerId of newcomers) {
        const { addAppearance } = await organiser('mutation ($input: AddAppearanceInput!) { addAppearance(input: $input) { id } }', {
          input: { sessionId, speakerId },
        });
        added.push(addAppearance.id);
      }
      expect(await lineUp()).toEqual([...before, ...newcomers]);

      await organiser('mutation ($input: MoveAppearanceInput) { moveAppearance(input: $input) { id } }', {
        input: { id: added[0], position: 0 },
      });
      expect(await lineUp()).toEqual([newcomers[0], ...before, newcomers[1]]);
      await organiser('mutation ($id: ID!, $position: Int!) { moveAppearance(id: $id, position: $position) { id } }', {
        id: added[1],
        position: 0,
      });
      expect(await lineUp()).toEqual([newcomers[1], newcomers[0], ...before]);

      await organiser('mutation ($input: RemoveAppearanceInput) { removeAppearance(input: $input) { id } }', { input: { id: added[0] } });
      await organiser('mutation ($id: ID!) { removeAppearance(id: $id) { id } }', { id: added[1] });
      expect(await lineUp()).toEqual(before);
    });

    it('on access tokens: revokeAccessToken', async () => {
      const issue = async (name: string) =>
        (
          await organiser('mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { accessToken { id } } }', {
            input: { name },
          })
        ).createAccessToken.accessToken.id as string;
      const [byInput, byArguments] = [await issue('shape-new'), await issue('shape-old')];
      const a = await organiser('mutation ($input: RevokeAccessTokenInput) { revokeAccessToken(input: $input) { id revokedAt } }', {
        input: { id: byInput },
      });
      const b = await organiser('mutation ($id: ID!) { revokeAccessToken(id: $id) { id revokedAt } }', { id: byArguments });
      expect([a.revokeAccessToken.revokedAt, b.revokeAccessToken.revokedAt]).toEqual([expect.any(String), expect.any(String)]);
      const { me } = await organiser('{ me { accessTokens { id revokedAt } } }');
      const revoked = me.accessTokens.filter((token: any) => [byInput, byArguments].includes(token.id));
      expect(revoked.map((token: any) => token.revokedAt)).toEqual([expect.any(String), expect.any(String)]);
    });

    it('on webhooks: updateWebhook, rotateWebhookSecret, deleteWebhook', async () => {
      const register = async (path: string) =>
        (
          await organiser('mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }', {
            input: { conferenceId, url: `http://127.0.0.1:9/${path}`, events: ['SESSION_MOVED'] },
          })
        ).createWebhook as { secret: string; webhook: { id: string } };
      const [byInput, byArguments] = [await register('new'), await register('old')];
      const read = 'url events description previousSecretExpiresAt';
      const change = { url: 'http://127.0.0.1:9/moved', description: 'Either shape' };
      const a = await organiser(`mutation ($input: UpdateWebhookInput!) { updateWebhook(input: $input) { ${read} } }`, {
        input: { id: byInput.webhook.id, ...change },
      });
      const b = await organiser(`mutation ($id: ID!, $input: UpdateWebhookInput!) { updateWebhook(id: $id, input: $input) { ${read} } }`, {
        id: byArguments.webhook.id,
        input: change,
      });
      expect(a.updateWebhook).toEqual(b.updateWebhook);
      expect(a.updateWebhook).toMatchObject(change);

      const rotated = { secret: expect.stringMatching(/^whsec_/), webhook: { previousSecretExpiresAt: null } };
      const c = await organiser(
        `mutation ($input: RotateWebhookSecretInput) { rotateWebhookSecret(input: $input) { secret webhook { previousSecretExpiresAt } } }`,
        { input: { id: byInput.webhook.id, revokePrevious: true } },
      );
      const d = await organiser(
        `mutation ($id: ID!) { rotateWebhookSecret(id: $id, revokePrevious: true) { secret webhook { previousSecretExpiresAt } } }`,
        { id: byArguments.webhook.id },
      );
      expect([c.rotateWebhookSecret, d.rotateWebhookSecret]).toEqual([rotated, rotated]);
      expect(c.rotateWebhookSecret.secret).not.toBe(byInput.secret);

      await organiser('mutation ($input: DeleteWebhookInput) { deleteWebhook(input: $input) { id } }', {
        input: { id: byInput.webhook.id },
      });
      await organiser('mutation ($id: ID!) { deleteWebhook(id: $id) { id } }', { id: byArguments.webhook.id });
      const { webhooks } = await organiser(`{ webhooks(conferenceSlug: "${conferenceSlug}") { id } }`);
      const gone = [byInput.webhook.id, byArguments.webhook.id];
      expect(webhooks.filter((webhook: any) => gone.includes(webhook.id))).toEqual([]);
    });

    it('on a personal agenda (public): addToAgenda, removeFromAgenda', async () => {
      const { createAgenda } = await lectern.ok('mutation { createAgenda { token } }');
      const { token } = createAgenda;
      const [byInput, byArguments] = sessionIds;
      const added = await lectern.ok('mutation ($input: AddToAgendaInput) { addToAgenda(input: $input) { sessions { id } } }', {
        input: { token, sessionId: byInput },
      });
      expect(added.addToAgenda.sessions.map((session: any) => session.id)).toEqual([byInput]);
      const both = await lectern.ok('mutation ($t: String!, $s: ID!) { addToAgenda(token: $t, sessionId: $s) { sessions { id } } }', {
        t: token,
        s: byArguments,
      });
      expect(both.addToAgenda.sessions.map((session: any) => session.id).sort()).toEqual([byInput, byArguments].sort());
      await lectern.ok('mutation ($input: RemoveFromAgendaInput) { removeFromAgenda(input: $input) { token } }', {
        input: { token, sessionId: byInput },
      });
      const left = await lectern.ok('mutation ($t: String!, $s: ID!) { removeFromAgenda(token: $t, sessionId: $s) { sessions { id } } }', {
        t: token,
        s: byArguments,
      });
      expect(left.removeFromAgenda.sessions).toEqual([]);
    });
  });

  describe('a value given both ways, or neither, is refused and changes nothing', () => {
    it('deleteRoom', async () => {
      const id = await createRoom('shape-refused');
      expectRefused(await asOrganiser('mutation ($id: ID!) { deleteRoom(id: $id, input: { id: $id }) { id } }', { id }), 'input.id');
      expectRefused(await asOrganiser('mutation { deleteRoom { id } }'), 'input.id');
      expectRefused(await asOrganiser('mutation { deleteRoom(input: null) { id } }'), 'input.id');
      expect(await room(id)).toMatchObject({ id, name: 'shape-refused' });
    });

    it('updateSession', async () => {
      const id = sessionIds[3];
      const read = async () => (await organiser(`{ session(id: "${id}") { notes title } }`)).session;
      const before = await read();
      expectRefused(
        await asOrganiser('mutation ($id: ID!) { updateSession(id: $id, input: { id: $id, notes: "Twice" }) { id } }', { id }),
        'input.id',
      );
      expectRefused(await asOrganiser('mutation { updateSession(input: { notes: "Nowhere" }) { id } }'), 'input.id');
      expect(await read()).toEqual(before);
    });

    it('moveAppearance, with the shapes mixed', async () => {
      const sessionId = sessionIds[3];
      const lineUp = async () =>
        (await organiser(`{ session(id: "${sessionId}") { appearances { id speaker { id } } } }`)).session.appearances as any[];
      const present = (await lineUp()).map((appearance) => appearance.speaker.id);
      for (const speakerId of speakerIds.filter((id) => !present.includes(id)).slice(0, 2)) {
        await organiser('mutation ($input: AddAppearanceInput!) { addAppearance(input: $input) { id } }', {
          input: { sessionId, speakerId },
        });
      }
      const ids = (await lineUp()).map((appearance) => appearance.id);
      expect(ids.length).toBeGreaterThan(1);
      const last = ids[ids.length - 1];
      expectRefused(
        await asOrganiser('mutation ($id: ID!) { moveAppearance(input: { id: $id, position: 0 }, position: 0) { id } }', { id: last }),
        'input.position',
      );
      expectRefused(await asOrganiser('mutation ($id: ID!) { moveAppearance(id: $id) { id } }', { id: last }), 'input.position');
      expect((await lineUp()).map((appearance) => appearance.id)).toEqual(ids);
    });

    it('releaseSchedule', async () => {
      const releases = async () =>
        (await organiser(`{ scheduleReleases(conferenceSlug: "${conferenceSlug}") { version } }`)).scheduleReleases;
      const before = await releases();
      expectRefused(
        await asOrganiser(
          `mutation { releaseSchedule(conferenceSlug: "${conferenceSlug}", input: { conferenceSlug: "${conferenceSlug}", name: "v9" }) { version } }`,
        ),
        'input.conferenceSlug',
      );
      expectRefused(
        await asOrganiser(
          `mutation { releaseSchedule(input: { conferenceSlug: "${conferenceSlug}", name: "v9" }, note: "Mixed") { version } }`,
        ),
        'input.note',
      );
      expectRefused(await asOrganiser(`mutation { releaseSchedule(conferenceSlug: "${conferenceSlug}") { version } }`), 'input.name');
      expect(await releases()).toEqual(before);
    });

    it('addToAgenda, for the public', async () => {
      const { createAgenda } = await lectern.ok('mutation { createAgenda { token } }');
      const { token } = createAgenda;
      expectRefused(
        await lectern.graphql('mutation ($t: String!, $s: ID!) { addToAgenda(token: $t, input: { token: $t, sessionId: $s }) { token } }', {
          t: token,
          s: sessionIds[0],
        }),
        'input.token',
      );
      expectRefused(await lectern.graphql('mutation ($t: String!) { addToAgenda(token: $t) { token } }', { t: token }), 'input.sessionId');
      expect((await lectern.ok('query ($t: String!) { agenda(token: $t) { sessions { id } } }', { t: token })).agenda.sessions).toEqual([]);
    });
  });
});
