import { requiringServices } from '../support/environment';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, OrganiserRef, programmeBuilder, SessionRef } from '../support/programme';
import { connect, SubscriptionConnection, untilHeard } from '../support/subscriptions';

/**
 * Two servers on the PostgreSQL database DATABASE_URL names and one Redis, as behind a load
 * balancer: rights taken away on one are gone on the other before the mutation that took them
 * answers, for its next request and for the sockets open on it, although each keeps the tokens it
 * verified for a few seconds.
 */
requiringServices('revocation across instances', () => {
  // Another run of this test (or a server on the same database) must not share this run's state.
  const settings = { REDIS_PREFIX: `lectern-revocation-instances-test:${process.pid}:${Date.now()}`, RATE_LIMIT: 'off' };
  let a: Lectern;
  let b: Lectern;
  let conference: ConferenceRef;
  let draft: SessionRef;
  const connections: SubscriptionConnection[] = [];

  beforeAll(async () => {
    a = await startLectern(settings);
    b = await startLectern(settings);
    const build = programmeBuilder(a);
    conference = await build.conference();
    draft = await build.session(conference, { title: 'Secret' });
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.client.dispose()));
    await b?.close();
    await a?.close();
  });

  const retitle = (on: Lectern, text: string, token: string) =>
    on.graphql(
      'mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }',
      { id: draft.id, title: [{ locale: 'en', text }] },
      { token },
    );
  const organiser = () => programmeBuilder(a).organiser({ conferences: [conference] });
  const revoke = async (who: OrganiserRef) => {
    const { me } = await a.ok('{ me { accessTokens { id } } }', {}, { token: who.token });
    await a.ok('mutation ($id: ID!) { revokeAccessToken(id: $id) { revokedAt } }', { id: me.accessTokens[0].id }, { as: 'organiser' });
  };

  it('refuses the very next write on B of a token revoked on A', async () => {
    const who = await organiser();
    // B has verified the token, and keeps it for a few seconds.
    expect((await retitle(b, 'Mine', who.token)).errors).toBeUndefined();
    expect((await retitle(b, 'Still mine', who.token)).errors).toBeUndefined();

    await revoke(who);
    const refused = await retitle(b, 'Mine again', who.token);
    expect(refused.status).toBe(401);
    expect(refused.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('refuses on B, at once, a write outside the scope A has just narrowed', async () => {
    const who = await organiser();
    expect((await retitle(b, 'Mine', who.token)).errors).toBeUndefined();

    await a.ok(
      'mutation ($id: ID!) { updateOrganiser(id: $id, input: { conferenceIds: [] }) { id } }',
      { id: who.id },
      { as: 'organiser' },
    );
    const refused = await retitle(b, 'Mine again', who.token);
    expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('closes the socket on B of a token revoked on A before it hears another draft', async () => {
    const who = await organiser();
    const connection = connect(b.url, `Bearer ${who.token}`);
    connections.push(connection);
    const subscriber = connection.subscribe(
      'subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { session { title } } }',
      {
        slug: conference.slug,
      },
    );
    await untilHeard(subscriber, (attempt) =>
      a.ok(
        'mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }',
        { id: draft.id, title: [{ locale: 'en', text: `Opening ${attempt}` }] },
        { as: 'organiser' },
      ),
    );

    await revoke(who);
    await a.ok(
      'mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }',
      { id: draft.id, title: [{ locale: 'en', text: 'Still secret' }] },
      { as: 'organiser' },
    );
    // Whichever comes first: the socket closes, or the draft is heard.
    const heardDraft = (async () => {
      for (;;) if ((await subscriber.next()).data.programmeChanged.session?.title === 'Still secret') return 'heard the draft';
    })();
    expect(await Promise.race([subscriber.closed, heardDraft])).toBe(4403);
    expect(JSON.stringify(subscriber.heard)).not.toContain('Still secret');
  });
});
