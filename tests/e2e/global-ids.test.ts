import { ApolloClient, HttpLink, InMemoryCache, NormalizedCacheObject, gql } from '@apollo/client/core';
import { fromGlobalId } from 'graphql-relay';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { Lectern, startLectern } from '../support/lectern';

/**
 * Global object identification (Relay's spec): every object with an identity answers an opaque id
 * naming its type, `node`/`nodes` find it again as the viewer may see it, and a normalised client
 * cache (Apollo Client's, in Node here) keeps releases and agendas apart and up to date.
 */
let lectern: Lectern;
const SLUG = 'teknologi-og-politikk-2020';

beforeAll(async () => {
  // Webhooks to loopback, so that one can be registered without an address off this machine.
  lectern = await startLectern({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on' });
  await lectern.app.get(DemoLoader).load();
});
afterAll(() => lectern.close());

const organiser = <T = any>(query: string, variables: Record<string, unknown> = {}) => lectern.ok<T>(query, variables, { as: 'organiser' });

/** What graphql-relay, not Lectern, reads in a global id. */
const decoded = (id: string) => fromGlobalId(id);

const PROGRAMME = `query Programme($slug: String!) {
  conference(slug: $slug) {
    __typename id
    rooms { __typename id }
    tracks { __typename id }
    sessions(first: 5) { edges { node { __typename id appearances { __typename id speaker { __typename id } } } } }
  }
  interviews(conferenceSlug: $slug, first: 3) { edges { node { __typename id items { __typename id } } } }
}`;

/** Every object of a programme answer that has an id, as [__typename, id]. */
function identities(value: unknown, found: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((item) => identities(item, found));
  else if (value && typeof value === 'object') {
    const { __typename, id } = value as { __typename?: string; id?: string };
    if (__typename && id) found.push([__typename, id]);
    Object.values(value).forEach((inner) => identities(inner, found));
  }
  return found;
}

describe('global ids', () => {
  it('name the type of the object that answers them, one id per object', async () => {
    const found = identities(await lectern.ok(PROGRAMME, { slug: SLUG }));
    const types = new Set(found.map(([type]) => type));
    for (const type of ['Conference', 'Room', 'Session', 'Appearance', 'Speaker', 'Interview', 'InterviewItem'])
      expect(types).toContain(type);
    for (const [type, id] of found) {
      expect(decoded(id).type).toBe(type);
      expect(decoded(id).id).toMatch(/^\d+$/);
    }
    const distinct = new Map(found.map(([type, id]) => [id, type]));
    expect(new Set(distinct.values()).size).toBe(types.size);
  });

  it('are what every object type with an identity implements Node with', async () => {
    const { __schema } = await lectern.ok(`{ __schema { types { name kind interfaces { name } } } }`);
    const nodes = __schema.types.filter((type: any) => type.interfaces?.some((i: any) => i.name === 'Node')).map((type: any) => type.name);
    expect(nodes.sort()).toEqual(
      [
        'AccessToken',
        'Appearance',
        'Conference',
        'Interview',
        'InterviewItem',
        'Organiser',
        'OutboxMail',
        'ProfileChange',
        'Questionnaire',
        'QuestionnaireAssignment',
        'Room',
        'ScheduleRelease',
        'Session',
        'Speaker',
        'SpeakerInvitation',
        'SpeakerUnavailability',
        'Track',
        'Webhook',
      ].sort(),
    );
  });

  it('work in arguments, as the bare numbers still do (deprecated), and only for their own type', async () => {
    const { conference } = await lectern.ok(PROGRAMME, { slug: SLUG });
    const session = conference.sessions.edges[0].node;
    const byGlobal = await lectern.ok(`query ($id: ID!) { session(id: $id) { id title } }`, { id: session.id });
    const byNumber = await lectern.ok(`query ($id: ID!) { session(id: $id) { id title } }`, { id: decoded(session.id).id });
    expect(byGlobal.session.id).toBe(session.id);
    expect(byNumber).toEqual(byGlobal);

    // A room's id with the session's number in it is a room's, not a session's.
    const roomLike = Buffer.from(`Room:${decoded(session.id).id}`).toString('base64');
    const wrongType = await lectern.graphql(`query ($id: ID!) { session(id: $id) { id } }`, { id: roomLike });
    expect(wrongType.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([['NOT_FOUND', 'id']]);
  });
});

describe('node and nodes', () => {
  it('find each object again by its id, with its fields', async () => {
    const found = identities(await lectern.ok(PROGRAMME, { slug: SLUG })).filter(([type]) =>
      ['Conference', 'Room', 'Session', 'Speaker', 'Interview'].includes(type),
    );
    for (const [type, id] of found) {
      const { node } = await lectern.ok(`query ($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(node).toEqual({ __typename: type, id });
    }
    const { node } = await lectern.ok(`query ($id: ID!) { node(id: $id) { ... on Conference { slug } } }`, { id: found[0][1] });
    expect(node).toEqual({ slug: SLUG });
  });

  it('answer in the order asked, null for what does not exist, is hidden, or is no id at all', async () => {
    const { conference } = await lectern.ok(PROGRAMME, { slug: SLUG });
    const draft = await organiser(
      `mutation ($conferenceId: ID!) { createSession(input: { conferenceId: $conferenceId, title: [{ locale: "nb", text: "Utkast" }], format: TALK, language: "nb" }) { id } }`,
      { conferenceId: conference.id },
    );
    const missing = Buffer.from('Session:999999').toString('base64');
    const ids = [conference.id, draft.createSession.id, missing, 'not an id', Buffer.from('Nothing:1').toString('base64')];
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

    const { nodes } = await lectern.ok(query, { ids });
    expect(nodes).toEqual([{ __typename: 'Conference', id: conference.id }, null, null, null, null]);
    // The organiser sees their draft.
    expect((await organiser(query, { ids })).nodes[1]).toEqual({ __typename: 'Session', id: draft.createSession.id });
  });

  it('find what only their owners reach, for them alone: organisers, tokens, webhooks; appearances and items with their session or interview', async () => {
    const { me } = await organiser(`{ me { id accessTokens { id } } }`);
    const { conference, interviews } = await lectern.ok(PROGRAMME, { slug: SLUG });
    const { createWebhook } = await organiser(
      `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`,
      { input: { conferenceId: conference.id, url: 'http://127.0.0.1:9/hook', events: ['SESSION_MOVED'] } },
    );
    const owned = [me.id, me.accessTokens[0].id, createWebhook.webhook.id];
    const seen = [conference.sessions.edges[0].node.appearances[0].id, interviews.edges[0].node.items[0].id];
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

    const asOwner = (await organiser(query, { ids: [...owned, ...seen] })).nodes;
    expect(asOwner.map((node: { id: string } | null) => node?.id)).toEqual([...owned, ...seen]);
    expect(asOwner.map((node: { __typename: string }) => node.__typename)).toEqual([
      'Organiser',
      'AccessToken',
      'Webhook',
      'Appearance',
      'InterviewItem',
    ]);

    const { conference: other } = await lectern.ok(`{ conference(slug: "digstrat-2018") { id } }`);
    const outsider = await lectern.organiserToken([other.id], 'Another organiser');
    for (const token of [undefined, outsider]) {
      const { nodes } = await lectern.ok(query, { ids: [...owned, ...seen] }, token ? { token } : {});
      expect(nodes.map((node: { id: string } | null) => node?.id ?? null)).toEqual([null, null, null, ...seen]);
    }
  });

  it('refuses more than 100 ids, naming the argument', async () => {
    const result = await lectern.graphql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(101).fill('x') });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });
});

describe("Apollo Client's normalised cache", () => {
  const client = (token?: string): ApolloClient<NormalizedCacheObject> =>
    new ApolloClient({
      link: new HttpLink({ uri: `${lectern.url}/graphql`, headers: token ? { authorization: `Bearer ${token}` } : {} }),
      cache: new InMemoryCache(),
    });

  const RELEASE = gql`
    query Release($slug: String!, $version: Int!) {
      scheduleRelease(conferenceSlug: $slug, version: $version) {
        id
        version
        sessions {
          id
          sessionId
          title
          startsAt
        }
      }
    }
  `;

  it('keeps each release of a session apart: reading release 1 back gives release 1', async () => {
    // A programme of several sessions, so that one changes between the releases and others do not.
    const RELEASED = 'umea-jobbhackathon-2016';
    const release = (name: string) =>
      organiser(`mutation ($slug: String!, $name: String!) { releaseSchedule(conferenceSlug: $slug, name: $name) { version } }`, {
        slug: RELEASED,
        name,
      });
    const { conference } = await lectern.ok(PROGRAMME, { slug: RELEASED });
    const sessionId = conference.sessions.edges[0].node.id;
    const first = (await release('v1')).releaseSchedule.version;
    await organiser(`mutation ($id: ID!) { updateSession(id: $id, input: { title: [{ locale: "sv", text: "Ändrad titel" }] }) { id } }`, {
      id: sessionId,
    });
    const second = (await release('v2')).releaseSchedule.version;

    const apollo = client();
    const v1 = await apollo.query({ query: RELEASE, variables: { slug: RELEASED, version: first } });
    const v2 = await apollo.query({ query: RELEASE, variables: { slug: RELEASED, version: second } });
    const changedIn = (data: any) => data.scheduleRelease.sessions.find((session: any) => session.sessionId === sessionId);
    expect(changedIn(v2.data).title).toBe('Ändrad titel');
    expect(changedIn(v1.data).title).not.toBe('Ändrad titel');
    expect(changedIn(v1.data).id).not.toBe(changedIn(v2.data).id);

    const again = apollo.readQuery({ query: RELEASE, variables: { slug: RELEASED, version: first } });
    expect(changedIn(again).title).toBe(changedIn(v1.data).title);
    // A session that did not change between the releases is one entry, the same in both.
    const unchanged = v1.data.scheduleRelease.sessions.find((session: any) => session.sessionId !== sessionId);
    expect(v2.data.scheduleRelease.sessions.map((session: any) => session.id)).toContain(unchanged.id);
  });

  it('shows a session added to an agenda without asking again', async () => {
    const apollo = client();
    const { conference } = await lectern.ok(PROGRAMME, { slug: SLUG });
    const sessionId = conference.sessions.edges[0].node.id;
    const AGENDA = gql`
      query Agenda($token: String!) {
        agenda(token: $token) {
          id
          sessions {
            id
            title
          }
        }
      }
    `;
    const created = await apollo.mutate({
      mutation: gql`
        mutation CreateAgenda {
          createAgenda {
            id
            token
            readToken
          }
        }
      `,
    });
    const token = created.data.createAgenda.token;
    expect((await apollo.query({ query: AGENDA, variables: { token } })).data.agenda.sessions).toEqual([]);

    await apollo.mutate({
      mutation: gql`
        mutation AddToAgenda($token: String!, $sessionId: ID!) {
          addToAgenda(token: $token, sessionId: $sessionId) {
            id
            sessions {
              id
              title
            }
          }
        }
      `,
      variables: { token, sessionId },
    });
    const cached = apollo.readQuery({ query: AGENDA, variables: { token } }) as any;
    expect(cached.agenda.id).toBe(created.data.createAgenda.id);
    expect(cached.agenda.sessions.map((session: any) => session.id)).toEqual([sessionId]);
    // The read token opens the same agenda: the same id, so the same cache entry.
    const read = await apollo.query({ query: AGENDA, variables: { token: created.data.createAgenda.readToken } });
    expect(read.data.agenda.id).toBe(created.data.createAgenda.id);
  });
});
