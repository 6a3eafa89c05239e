import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, OrganiserRef, ProgrammeBuilder, programmeBuilder, SessionRef } from '../support/programme';
import { connect, Subscriber, SubscriptionConnection, untilHeard } from '../support/subscriptions';

/**
 * Taking rights away takes effect at once, before the mutation that does it answers: a revoked
 * token, a narrower scope or a removed organiser. Requests over HTTP are verified afresh, and so
 * is every event an open subscription would deliver: a socket whose token no longer holds is
 * closed (4403) before it hears anything more. Two instances are in
 * tests/services/revocation-instances.test.ts.
 */
describe('revocation, at once', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  const connections: SubscriptionConnection[] = [];

  const admin = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const retitle = (session: SessionRef, text: string, token?: string) =>
    lectern.graphql(
      'mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }',
      { id: session.id, title: [{ locale: 'en', text }] },
      token ? { token } : { as: 'organiser' },
    );
  const tokenIdOf = async (organiser: OrganiserRef) =>
    (await lectern.ok('{ me { accessTokens { id } } }', {}, { token: organiser.token })).me.accessTokens[0].id as string;

  /** Subscribes to a conference's changes with this token, and waits until the subscription is open. */
  const follow = async (conference: ConferenceRef, token: string, selection: string, opener: SessionRef) => {
    const connection = connect(lectern.url, `Bearer ${token}`);
    connections.push(connection);
    const subscriber = connection.subscribe(
      `subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { sessionId ${selection} } }`,
      { slug: conference.slug },
    );
    await untilHeard(subscriber, (attempt) => retitle(opener, `Opening ${attempt}`));
    return subscriber;
  };

  /**
   * What the subscriber gets after the changes so far: the first message `wanted` picks (others,
   * such as late echoes of the opening changes, are skipped), or the code its connection closes with.
   */
  const nextOf = async (subscriber: Subscriber, wanted: (change: any) => boolean = () => true) => {
    const closed = subscriber.closed.then((code) => ({ closed: code }));
    for (;;) {
      const next = await Promise.race([closed, subscriber.next().then((message) => ({ heard: message }))]);
      if ('closed' in next || wanted(next.heard.data.programmeChanged)) return next;
    }
  };

  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off' });
    build = programmeBuilder(lectern);
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.client.dispose()));
    await lectern.close();
  });

  it("closes a revoked token's open socket before it hears another draft", async () => {
    const conference = await build.conference();
    const draft = await build.session(conference, { title: 'Secret' });
    const organiser = await build.organiser({ conferences: [conference] });
    const subscriber = await follow(conference, organiser.token, 'session { title }', draft);

    await admin('mutation ($id: ID!) { revokeAccessToken(id: $id) { revokedAt } }', { id: await tokenIdOf(organiser) });
    expect((await retitle(draft, 'Still secret')).errors).toBeUndefined();
    expect(await nextOf(subscriber, (change) => change.session?.title === 'Still secret')).toEqual({ closed: 4403 });
    expect(JSON.stringify(subscriber.heard)).not.toContain('Still secret');
  });

  it("refuses a revoked token's very next write over HTTP", async () => {
    const conference = await build.conference();
    const session = await build.session(conference);
    const organiser = await build.organiser({ conferences: [conference] });
    expect((await retitle(session, 'Mine', organiser.token)).errors).toBeUndefined();

    await admin('mutation ($id: ID!) { revokeAccessToken(id: $id) { revokedAt } }', { id: await tokenIdOf(organiser) });
    const refused = await retitle(session, 'Still mine', organiser.token);
    expect(refused.status).toBe(401);
    expect(refused.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('stops telling an organiser of drafts and e-mails once the conference leaves their scope', async () => {
    const conference = await build.conference({ published: true });
    const speaker = await build.speaker({ conference, email: 'pia@example.org' });
    const published = await build.session(conference, { title: 'Public', speakers: [speaker], published: true });
    const draft = await build.session(conference, { title: 'Secret' });
    const organiser = await build.organiser({ conferences: [conference] });
    const selection = 'session { title appearances { speaker { email } } }';
    const subscriber = await follow(conference, organiser.token, selection, published);
    expect(subscriber.heard[0].data.programmeChanged.session.appearances).toEqual([{ speaker: { email: 'pia@example.org' } }]);

    await admin('mutation ($id: ID!) { updateOrganiser(id: $id, input: { conferenceIds: [] }) { id } }', { id: organiser.id });
    await retitle(draft, 'Still secret');
    await retitle(published, 'Public again');
    // The socket stays open (the token still holds) and hears only what the public may, as the public would.
    const { heard } = (await nextOf(subscriber, (change) => change.sessionId === draft.id || change.session?.title === 'Public again')) as {
      heard: any;
    };
    expect(heard.data.programmeChanged).toEqual({
      sessionId: published.id,
      session: { title: 'Public again', appearances: [{ speaker: { email: null } }] },
    });
    expect(JSON.stringify(subscriber.heard)).not.toContain('Still secret');

    const write = await retitle(draft, 'Mine?', organiser.token);
    expect(write.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it("closes a removed organiser's sockets and refuses their tokens", async () => {
    const conference = await build.conference();
    const draft = await build.session(conference, { title: 'Secret' });
    const organiser = await build.organiser({ conferences: [conference] });
    const subscriber = await follow(conference, organiser.token, 'session { title }', draft);

    await admin('mutation ($id: ID!) { deleteOrganiser(id: $id) { id } }', { id: organiser.id });
    await retitle(draft, 'Still secret');
    expect(await nextOf(subscriber, (change) => change.session?.title === 'Still secret')).toEqual({ closed: 4403 });
    expect((await retitle(draft, 'Mine?', organiser.token)).status).toBe(401);
  });

  it("stops telling a demoted admin of other conferences' drafts", async () => {
    const conference = await build.conference({ published: true });
    const draft = await build.session(conference, { title: 'Secret' });
    const published = await build.session(conference, { title: 'Public', published: true });
    const { createOrganiser } = await admin('mutation { createOrganiser(input: { name: "Second admin", role: ADMIN }) { id } }');
    const { createAccessToken } = await admin(
      'mutation ($id: ID!) { createAccessToken(input: { name: "tests", organiserId: $id }) { secret } }',
      {
        id: createOrganiser.id,
      },
    );
    const subscriber = await follow(conference, createAccessToken.secret, 'session { title }', draft);

    await admin('mutation ($id: ID!) { updateOrganiser(id: $id, input: { role: ORGANISER }) { id } }', { id: createOrganiser.id });
    await retitle(draft, 'Still secret');
    await retitle(published, 'Public again');
    const wanted = (change: any) => change.sessionId === draft.id || change.session?.title === 'Public again';
    expect(await nextOf(subscriber, wanted)).toEqual({
      heard: { data: { programmeChanged: { sessionId: published.id, session: { title: 'Public again' } } } },
    });
  });
});
