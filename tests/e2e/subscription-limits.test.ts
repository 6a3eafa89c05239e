import WebSocket from 'ws';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';
import { connect, SubscriptionConnection, untilHeard } from '../support/subscriptions';

/**
 * A GraphQL document sent over WebSocket goes through the same limits as one sent over HTTP: the
 * token limit while it is parsed, validation against the schema, depth, cost and the NUL
 * character. Each refusal is a clear error for that subscription, the connection stays usable, and
 * a frame larger than MAX_BODY_BYTES closes it.
 */

/** The raw protocol, for what a well-behaved client library will not send. */
async function rawConnection(lectern: Lectern, protocol: 'graphql-transport-ws' | 'graphql-ws') {
  const socket = new WebSocket(`${lectern.url.replace('http', 'ws')}/graphql`, protocol);
  const messages: any[] = [];
  const waiting: (() => void)[] = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    waiting.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  /** The first message that passes `wanted`, waiting for it if need be. */
  const first = async (wanted: (message: any) => boolean): Promise<any> => {
    for (;;) {
      const found = messages.find(wanted);
      if (found) return found;
      await new Promise<void>((wake) => waiting.push(wake));
    }
  };
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await first((message) => message.type === 'connection_ack');
  return { socket, first, closed, send: (message: unknown) => socket.send(JSON.stringify(message)) };
}

describe('limits on subscriptions', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  let session: SessionRef;
  let connection: SubscriptionConnection;

  const retitle = (text: string) =>
    lectern.ok(
      'mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }',
      {
        id: session.id,
        title: [{ locale: 'en', text }],
      },
      { as: 'organiser' },
    );

  /** What the server answers a subscription with: its errors, or what it heard of an edit if it accepted it. */
  const answer = async (query: string, variables?: Record<string, unknown>) => {
    const subscriber = connection.subscribe(query, variables);
    let refused = false;
    const failed = subscriber.failed.then((errors) => ((refused = true), errors));
    const accepted = (async () => {
      for (let attempt = 1; !refused && subscriber.heard.length === 0 && attempt <= 50; attempt++) {
        await retitle(`Opening ${attempt}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return refused ? failed : { accepted: subscriber.heard };
    })();
    const answered = await Promise.race([failed, accepted]);
    // No edit may still be on its way when the next test (or the server's closing) begins.
    await accepted;
    return answered;
  };

  /** A subscription `levels` fields deep, counting `programmeChanged` and the leaf: a conference's sessions' conference's sessions… */
  const nested = (levels: number) => {
    const chain = [
      ['conference', 'name'],
      ['sessions(first: 1)', 'totalCount'],
      ['edges', 'cursor'],
      ['node', 'title'],
    ];
    const fields = Array.from({ length: levels - 2 }, (_, i) => chain[i % chain.length]);
    let selection = fields[fields.length - 1][1];
    for (const [field] of fields.reverse()) selection = `${field} { ${selection} }`;
    return `subscription { programmeChanged(conferenceSlug: "${conference.slug}") { ${selection} } }`;
  };

  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off' });
    const build = programmeBuilder(lectern);
    conference = await build.conference({ published: true });
    session = await build.session(conference, { title: 'Opening', published: true });
    connection = connect(lectern.url);
  });
  afterAll(async () => {
    await connection.client.dispose();
    await lectern.close();
  });

  it('refuses a subscription deeper than the depth limit, naming the depth found and the limit', async () => {
    expect(await answer(nested(22))).toEqual([
      { message: 'The query is 22 levels deep; the limit is 12.', extensions: { code: 'QUERY_TOO_DEEP', depth: 22, limit: 12 } },
    ]);
  });

  it('refuses a document of more than 2,000 tokens while parsing it', async () => {
    const query = `subscription { programmeChanged(conferenceSlug: "${conference.slug}") { ${'kind '.repeat(3_000)}} }`;
    expect(await answer(query)).toEqual([
      expect.objectContaining({ message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.' }),
    ]);
  });

  it('refuses a document 100,000 levels deep with the token limit, not a broken stack', async () => {
    const query = `subscription ${'{ a '.repeat(100_000)}${'} '.repeat(100_000)}`;
    expect(await answer(query)).toEqual([
      expect.objectContaining({ message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.' }),
    ]);
  });

  it('validates against the schema: an unknown field', async () => {
    const query = `subscription { programmeChanged(conferenceSlug: "${conference.slug}") { kind nope } }`;
    expect(await answer(query)).toEqual([expect.objectContaining({ message: 'Cannot query field "nope" on type "ProgrammeChange".' })]);
  });

  it('validates against the schema: a fragment cycle', async () => {
    const query = `subscription { programmeChanged(conferenceSlug: "${conference.slug}") { ...A } }
      fragment A on ProgrammeChange { kind ...B }
      fragment B on ProgrammeChange { at ...A }`;
    expect(await answer(query)).toEqual([expect.objectContaining({ message: 'Cannot spread fragment "A" within itself via "B".' })]);
  });

  it('refuses 2,000 aliases, and one edit afterwards reaches the others as usual', async () => {
    const aliases = Array.from(
      { length: 2_000 },
      (_, i) => `a${i}: conference { sessions(first: 100) { edges { node { title abstract } } } }`,
    ).join(' ');
    const query = `subscription { programmeChanged(conferenceSlug: "${conference.slug}") { ${aliases} } }`;
    expect(await answer(query)).toEqual([
      expect.objectContaining({ message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.' }),
    ]);

    const subscriber = connection.subscribe(`subscription { programmeChanged(conferenceSlug: "${conference.slug}") { kind } }`);
    expect(await untilHeard(subscriber, (attempt) => retitle(`After the aliases ${attempt}`))).toEqual({
      data: { programmeChanged: { kind: expect.any(String) } },
    });
  });

  it('refuses aliases that fit the token limit but cost more than the limit, with the cost', async () => {
    const aliases = Array.from(
      { length: 60 },
      (_, i) => `a${i}: conference { sessions(first: 100) { edges { node { title abstract } } } }`,
    ).join(' ');
    const query = `subscription { programmeChanged(conferenceSlug: "${conference.slug}") { ${aliases} } }`;
    expect(await answer(query)).toEqual([
      {
        message: 'The query costs 24121; the limit is 20000. Ask for smaller pages (first) or fewer nested lists.',
        extensions: { code: 'QUERY_TOO_COSTLY', cost: 24121, limit: 20000 },
      },
    ]);
  });

  it('refuses the NUL character in the variables', async () => {
    const query = 'subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { kind } }';
    expect(await answer(query, { slug: 'a\u0000b' })).toEqual([
      { message: 'Text may not contain the NUL character (U+0000).', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('refuses a query or a mutation: over WebSocket only subscriptions run', async () => {
    expect(await answer('{ conferences { totalCount } }')).toEqual([
      { message: 'Only subscriptions run over WebSocket; send queries and mutations over HTTP.', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('refuses a syntax tree in place of query text, on either protocol', async () => {
    const tree = {
      kind: 'Document',
      definitions: [{ kind: 'OperationDefinition', operation: 'subscription', selectionSet: { kind: 'SelectionSet', selections: [] } }],
    };
    for (const [protocol, start] of [
      ['graphql-transport-ws', 'subscribe'],
      ['graphql-ws', 'start'],
    ] as const) {
      const raw = await rawConnection(lectern, protocol);
      raw.send({ id: '1', type: start, payload: { query: tree } });
      expect(await raw.first((message) => message.id === '1')).toEqual({
        type: 'error',
        id: '1',
        payload: [{ message: 'The query is not GraphQL text.', extensions: { code: 'BAD_USER_INPUT' } }],
      });
      raw.socket.close();
    }
  });

  it('checks the legacy graphql-ws protocol the same way', async () => {
    const raw = await rawConnection(lectern, 'graphql-ws');
    raw.send({ id: '1', type: 'start', payload: { query: nested(22) } });
    expect(await raw.first((message) => message.id === '1')).toEqual({
      type: 'error',
      id: '1',
      payload: [{ message: 'The query is 22 levels deep; the limit is 12.', extensions: { code: 'QUERY_TOO_DEEP', depth: 22, limit: 12 } }],
    });
    raw.socket.close();
  });
});

describe('the size of a WebSocket frame', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off', MAX_BODY_BYTES: String(64 * 1024) });
  });
  afterAll(() => lectern.close());

  it('is at most MAX_BODY_BYTES: a larger one closes the connection with 1009 (message too big)', async () => {
    const raw = await rawConnection(lectern, 'graphql-transport-ws');
    raw.send({ id: '1', type: 'subscribe', payload: { query: `subscription { ${' '.repeat(100 * 1024)}__typename }` } });
    expect(await raw.closed).toBe(1009);
  });

  it('lets a smaller one through', async () => {
    const raw = await rawConnection(lectern, 'graphql-transport-ws');
    raw.send({ id: '1', type: 'subscribe', payload: { query: `subscription { ${' '.repeat(32 * 1024)}nope }` } });
    expect(await raw.first((message) => message.id === '1')).toMatchObject({
      type: 'error',
      payload: [{ message: 'Cannot query field "nope" on type "Subscription".' }],
    });
    raw.socket.close();
  });
});
