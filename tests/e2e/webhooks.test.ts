import { createHmac, timingSafeEqual } from 'node:crypto';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceFields, ConferenceRef, ProgrammeBuilder, programmeBuilder, SessionRef } from '../support/programme';
import { CREATE_WEBHOOK, DELIVERIES, eventually, Receiver } from '../support/webhook-receiver';

const signed = (body: string, secret: string, header: string | string[] | undefined) => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** Two days in Oslo in summer time (UTC+2), which the moves below count on. */
const CONFERENCE: ConferenceFields = { startDate: '2030-05-01', endDate: '2030-05-02', timeZone: 'Europe/Oslo', defaultLocale: 'nb' };
describe('outgoing webhooks', () => {
  let lectern: Lectern;
  const receiver = new Receiver();
  let build: ProgrammeBuilder;
  let conference: ConferenceRef;
  let conferenceId: string;
  let sessionId: string;
  let draftSession: SessionRef;
  let draftSessionId: string;
  let speakerId: string;
  let hours = 10;

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const register = async (path: string, events: string[], forConference = conferenceId) =>
    (
      await organiser(CREATE_WEBHOOK, {
        input: { conferenceId: forConference, url: `${receiver.url}${path}`, events, description: `to ${path}` },
      })
    ).createWebhook as {
      secret: string;
      webhook: { id: string; url: string; events: string[]; conference: { slug: string } };
    };
  const deliveries = async (webhookId: string) =>
    (await organiser(DELIVERIES, { id: webhookId, first: 100 })).webhookDeliveries.edges.map((edge: any) => edge.node) as any[];
  /** Moves a session to the next free hour of the first day, so every move is a real one. */
  const move = (id: string) => {
    hours++;
    return organiser(`mutation ($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id startsAt } }`, {
      id,
      input: { startsAt: `2030-05-01T${hours}:00:00+02:00`, endsAt: `2030-05-01T${hours}:30:00+02:00` },
    });
  };
  const retitle = (id: string, text: string) =>
    organiser(`mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }`, {
      id,
      title: [{ locale: 'nb', text }],
    });

  beforeAll(async () => {
    await receiver.start();
    lectern = await startLectern({
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on',
      WEBHOOK_RETRY_BASE_MS: '50',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_MAX_ATTEMPTS: '4',
    });
    build = programmeBuilder(lectern);
    conference = await build.conference(CONFERENCE);
    conferenceId = conference.id;
    const room = await build.room(conference, { slug: 'sal-a', name: 'Sal A' });
    const kari = await build.speaker({ slug: 'kari-nordmann', name: 'Kari Nordmann' });
    speakerId = kari.id;
    sessionId = (
      await build.session(conference, {
        title: 'Åpning',
        room,
        startsAt: '2030-05-01T10:00:00+02:00',
        endsAt: '2030-05-01T10:30:00+02:00',
        speakers: [kari],
        published: true,
      })
    ).id;
    draftSession = await build.session(conference, {
      title: 'Hemmelig',
      room,
      startsAt: '2030-05-02T10:00:00+02:00',
      endsAt: '2030-05-02T10:30:00+02:00',
    });
    draftSessionId = draftSession.id;
    await build.publish(conference);
  });
  afterAll(async () => {
    await lectern?.close();
    await receiver.stop();
  });

  it('signs each delivery with the secret shown once, and tells what moved where', async () => {
    const { secret, webhook } = await register('/moves', ['SESSION_MOVED']);
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ events: ['SESSION_MOVED'], conference: { slug: conference.slug } });
    const listed = await organiser(`{ webhooks(conferenceSlug: "${conference.slug}") { id url events description } }`);
    expect(listed.webhooks).toContainEqual({
      id: webhook.id,
      url: `${receiver.url}/moves`,
      events: ['SESSION_MOVED'],
      description: 'to /moves',
    });
    const webhookType = await organiser(`{ __type(name: "Webhook") { fields { name } } }`);
    expect(webhookType.__type.fields.map((field: any) => field.name)).not.toContain('secret');

    const moved = await move(sessionId);
    const [request] = await eventually(async () => receiver.at('/moves').length > 0 && receiver.at('/moves'), 'the move to be delivered');

    expect(signed(request.body, secret, request.headers['x-lectern-signature'])).toBe(true);
    expect(signed(request.body, 'whsec_another', request.headers['x-lectern-signature'])).toBe(false);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-lectern-event']).toBe('SESSION_MOVED');
    const body = JSON.parse(request.body);
    expect(request.headers['x-lectern-delivery']).toBe(body.id);
    expect(body).toMatchObject({
      event: 'SESSION_MOVED',
      conference: { slug: conference.slug },
      session: {
        id: String(rowId(sessionId)),
        title: { nb: 'Åpning' },
        startsAt: moved.updateSession.startsAt,
        room: { slug: 'sal-a', name: 'Sal A' },
      },
      details: {
        from: { startsAt: '2030-05-01T08:00:00.000Z', room: { slug: 'sal-a' } },
        to: { startsAt: moved.updateSession.startsAt, room: { slug: 'sal-a' } },
      },
    });
    expect(new Date(body.occurredAt).toString()).not.toBe('Invalid Date');

    const [logged] = await eventually(async () => {
      const log = await deliveries(webhook.id);
      return log[0]?.status === 'DELIVERED' && log;
    }, 'the delivery log to show the delivery');
    expect(logged).toMatchObject({
      id: body.id,
      event: 'SESSION_MOVED',
      attempts: 1,
      responseStatus: 200,
      error: null,
      nextAttemptAt: null,
      body: request.body,
    });
    expect(logged.attemptLog).toEqual([expect.objectContaining({ responseStatus: 200, error: null })]);
  });

  it('tells only the events a webhook asked for', async () => {
    const { webhook } = await register('/titles', ['SESSION_RETITLED']);
    await move(sessionId);
    await organiser(`mutation ($id: ID!) { updateSpeaker(id: $id, input: { name: "Kari Nordmann-Berg" }) { id } }`, { id: speakerId });
    await retitle(sessionId, 'Velkommen');
    const [request] = await eventually(
      async () => receiver.at('/titles').length > 0 && receiver.at('/titles'),
      'the new title to be delivered',
    );
    expect(JSON.parse(request.body)).toMatchObject({
      event: 'SESSION_RETITLED',
      details: { from: { nb: 'Åpning' }, to: { nb: 'Velkommen' } },
    });
    expect((await deliveries(webhook.id)).map((delivery) => delivery.event)).toEqual(['SESSION_RETITLED']);
  });

  it('tells of a changed speaker who speaks in the published programme', async () => {
    const { secret, webhook } = await register('/speakers', ['SPEAKER_CHANGED']);
    await organiser(`mutation ($id: ID!) { updateSpeaker(id: $id, input: { name: "Kari Nordmann" }) { id } }`, { id: speakerId });
    const [request] = await eventually(async () => receiver.at('/speakers').length > 0 && receiver.at('/speakers'), 'the speaker change');
    expect(signed(request.body, secret, request.headers['x-lectern-signature'])).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      event: 'SPEAKER_CHANGED',
      speaker: { id: String(rowId(speakerId)), slug: 'kari-nordmann', name: 'Kari Nordmann' },
    });
    expect(await deliveries(webhook.id)).toHaveLength(1);
  });

  it('sends nothing of unpublished sessions or draft conferences', async () => {
    const { webhook } = await register('/public-only', ['SESSION_MOVED', 'SESSION_RETITLED', 'SESSION_CANCELLED', 'SPEAKER_CHANGED']);
    const draftSpeaker = await build.speaker({ slug: 'ola-hemmelig', name: 'Ola Hemmelig' });
    await build.appearance(draftSession, draftSpeaker);
    await move(draftSessionId);
    await retitle(draftSessionId, 'Fortsatt hemmelig');
    await organiser(`mutation ($id: ID!) { updateSpeaker(id: $id, input: { name: "Ola Skjult" }) { id } }`, { id: draftSpeaker.id });
    await organiser(`mutation ($id: ID!) { cancelSession(id: $id) { id } }`, { id: draftSessionId });

    const draft = await build.conference(CONFERENCE);
    const draftHook = await register('/draft-conference', ['SESSION_MOVED'], draft.id);
    const inDraft = (
      await build.session(draft, {
        title: 'Utkast',
        startsAt: '2030-05-01T09:00:00+02:00',
        endsAt: '2030-05-01T09:30:00+02:00',
        published: true,
      })
    ).id;
    await move(inDraft);

    // Then something public, told after the rest: once it arrives, anything sent of the rest would be logged too.
    await retitle(sessionId, 'Åpning');
    await organiser(`mutation ($id: ID!) { publishConference(id: $id) { id } }`, { id: draft.id });
    await move(inDraft);
    await eventually(
      async () => receiver.at('/public-only').length > 0 && receiver.at('/draft-conference').length > 0,
      'the public changes',
    );

    const sent = receiver.at('/public-only').map((request) => JSON.parse(request.body));
    expect(sent).toEqual([
      expect.objectContaining({ event: 'SESSION_RETITLED', session: expect.objectContaining({ id: String(rowId(sessionId)) }) }),
    ]);
    expect((await deliveries(webhook.id)).map((delivery) => delivery.event)).toEqual(['SESSION_RETITLED']);
    expect(receiver.at('/draft-conference')).toHaveLength(1);
    expect(await deliveries(draftHook.webhook.id)).toHaveLength(1);
    expect(JSON.stringify(receiver.received.map((request) => request.body))).not.toMatch(/hemmelig|Ola/i);
  });

  it('retries a failing receiver with backoff until it answers, and the mutation is not held up', async () => {
    const { secret, webhook } = await register('/flaky', ['SESSION_CANCELLED', 'SESSION_RETITLED']);
    receiver.plan('/flaky', [503, 500], 200);
    const cancelled = await lectern.graphql(
      `mutation ($id: ID!) { cancelSession(id: $id) { id status } }`,
      { id: sessionId },
      { as: 'organiser' },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelSession).toEqual({ id: sessionId, status: 'CANCELLED' });

    const [delivery] = await eventually(async () => {
      const log = await deliveries(webhook.id);
      return log[0]?.status === 'DELIVERED' && log;
    }, 'the cancellation to be delivered after the retries');
    expect(delivery).toMatchObject({ event: 'SESSION_CANCELLED', attempts: 3, responseStatus: 200, error: null });
    expect(delivery.attemptLog.map((attempt: any) => [attempt.responseStatus, attempt.error])).toEqual([
      [503, 'answered 503'],
      [500, 'answered 500'],
      [200, null],
    ]);
    const times = delivery.attemptLog.map((attempt: any) => Date.parse(attempt.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // The same delivery each time: same id, same body, same signature.
    const requests = receiver.at('/flaky');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.headers['x-lectern-delivery']))).toEqual(new Set([delivery.id]));
    expect(new Set(requests.map((request) => request.body)).size).toBe(1);
    for (const request of requests) expect(signed(request.body, secret, request.headers['x-lectern-signature'])).toBe(true);
    const { session } = await lectern.ok(`{ session(id: "${sessionId}") { status } }`);
    expect(session.status).toBe('CANCELLED');
  });

  it('answers mutations while a receiver hangs, gives up waiting on it, and delivers on a later attempt', async () => {
    const { webhook } = await register('/hanging', ['SESSION_RETITLED']);
    receiver.plan('/hanging', ['hang'], 200);
    await retitle(sessionId, 'Åpning igjen');
    await eventually(async () => receiver.hanging('/hanging'), 'the receiver to hold the first request');

    const answered = await lectern.graphql(
      `mutation ($id: ID!) { updateSession(id: $id, input: { notes: "Dørene åpner 09.30" }) { notes } }`,
      { id: sessionId },
      { as: 'organiser' },
    );
    expect(answered.data?.updateSession.notes).toBe('Dørene åpner 09.30');

    const [delivery] = await eventually(async () => {
      const log = await deliveries(webhook.id);
      return log[0]?.status === 'DELIVERED' && log;
    }, 'the new title to be delivered');
    expect(delivery.attempts).toBe(2);
    expect(delivery.attemptLog[0]).toMatchObject({ responseStatus: null, error: 'no answer within 1000 ms' });
    expect(delivery.attemptLog[1]).toMatchObject({ responseStatus: 200, error: null });
  });

  it('gives up after the last attempt, and at once on an answer that says no', async () => {
    const refusing = await register('/gone', ['SESSION_RETITLED']);
    const failing = await register('/down', ['SESSION_RETITLED']);
    receiver.plan('/gone', [], 410);
    receiver.plan('/down', [], 502);
    await retitle(sessionId, 'Siste forsøk');

    const [gone] = await eventually(async () => {
      const log = await deliveries(refusing.webhook.id);
      return log[0]?.status === 'FAILED' && log;
    }, 'the refused delivery to fail');
    expect(gone).toMatchObject({ attempts: 1, responseStatus: 410, error: 'answered 410', nextAttemptAt: null });

    const [down] = await eventually(async () => {
      const log = await deliveries(failing.webhook.id);
      return log[0]?.status === 'FAILED' && log;
    }, 'the failing delivery to be given up');
    expect(down).toMatchObject({ attempts: 4, responseStatus: 502, nextAttemptAt: null, deliveredAt: null });
    expect(receiver.at('/down')).toHaveLength(4);
  });

  it('sends a failed delivery once more when an organiser retries it, the same delivery, and refuses to retry others', async () => {
    const flaky = await register('/retried', ['SESSION_RETITLED']);
    receiver.plan('/retried', [], 410);
    await retitle(sessionId, 'Nytt forsøk');
    const [failed] = await eventually(async () => {
      const log = await deliveries(flaky.webhook.id);
      return log[0]?.status === 'FAILED' && log;
    }, 'the delivery to fail');
    const RETRY = `mutation ($id: ID!) { retryWebhookDelivery(input: { id: $id }) { id status attempts } }`;

    // Another conference's organiser may not.
    const other = await build.conference();
    const outsider = await lectern.organiserToken([rowId(other.id)]);
    const refused = await lectern.graphql(RETRY, { id: failed.id }, { token: outsider });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    receiver.plan('/retried', [], 200);
    const retried = await organiser(RETRY, { id: failed.id });
    expect(retried.retryWebhookDelivery).toEqual({ id: failed.id, status: 'PENDING', attempts: 1 });
    const [delivered] = await eventually(async () => {
      const log = await deliveries(flaky.webhook.id);
      return log[0]?.status === 'DELIVERED' && log;
    }, 'the retried delivery to arrive');
    expect(delivered).toMatchObject({ id: failed.id, attempts: 2, responseStatus: 200, error: null, body: failed.body });
    expect(delivered.attemptLog.map((attempt: any) => attempt.responseStatus)).toEqual([410, 200]);
    // The receiver got the same delivery twice: the same webhook-id, the same body.
    const sent = receiver.at('/retried').filter((request) => request.headers['webhook-id'] === failed.id);
    expect(sent).toHaveLength(2);
    expect(sent[1].body).toBe(sent[0].body);

    const again = await lectern.graphql(RETRY, { id: failed.id }, { as: 'organiser' });
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^id: .*was delivered/), extensions: { code: 'CONFLICT' } });
    expect((await deliveries(flaky.webhook.id))[0].attempts).toBe(2);
    const missing = await lectern.graphql(RETRY, { id: '987654' }, { as: 'organiser' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('signs with a rotated secret at once, and sends nothing to a deleted webhook', async () => {
    const first = await register('/rotated', ['SESSION_RETITLED']);
    const gone = await register('/deleted', ['SESSION_RETITLED']);
    const rotated = await organiser(`mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id } } }`, {
      id: first.webhook.id,
    });
    expect(rotated.rotateWebhookSecret.secret).not.toBe(first.secret);
    await organiser(`mutation ($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: gone.webhook.id });
    const listed = await organiser(`{ webhooks(conferenceSlug: "${conference.slug}") { id } }`);
    expect(listed.webhooks.map((hook: any) => hook.id)).not.toContain(gone.webhook.id);

    await retitle(sessionId, 'Ny nøkkel');
    const [request] = await eventually(
      async () => receiver.at('/rotated').length > 0 && receiver.at('/rotated'),
      'the delivery after the rotation',
    );
    expect(signed(request.body, rotated.rotateWebhookSecret.secret, request.headers['x-lectern-signature'])).toBe(true);
    expect(signed(request.body, first.secret, request.headers['x-lectern-signature'])).toBe(false);
    expect(receiver.at('/deleted')).toEqual([]);
  });

  it("changes a webhook's address and events, naming the field at fault when refused", async () => {
    const { webhook } = await register('/before', ['SESSION_MOVED']);
    const updated = await organiser(
      `mutation ($id: ID!) { updateWebhook(id: $id, input: { url: "${receiver.url}/after", events: [SESSION_RETITLED, SESSION_RETITLED], description: null }) { url events description } }`,
      {
        id: webhook.id,
      },
    );
    expect(updated.updateWebhook).toEqual({ url: `${receiver.url}/after`, events: ['SESSION_RETITLED'], description: null });
    for (const [input, field] of [
      [{ url: 'ftp://example.org/hook' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: 'https://user:password@example.org/hook' }, 'url'],
      [{ events: [] }, 'events'],
      [{ description: 'x'.repeat(501) }, 'description'],
    ] as const) {
      const refused = await lectern.graphql(
        `mutation ($id: ID!, $input: UpdateWebhookInput!) { updateWebhook(id: $id, input: $input) { id } }`,
        { id: webhook.id, input },
        { as: 'organiser' },
      );
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unchanged = await organiser(`{ webhooks(conferenceSlug: "${conference.slug}") { id url events } }`);
    expect(unchanged.webhooks).toContainEqual({ id: webhook.id, url: `${receiver.url}/after`, events: ['SESSION_RETITLED'] });
  });

  it('tells of a published schedule release', async () => {
    const { secret, webhook } = await register('/releases', ['RELEASE_PUBLISHED']);
    const released = await organiser(`mutation { releaseSchedule(conferenceSlug: "${conference.slug}", name: "v1") { version } }`);
    expect(released.releaseSchedule.version).toBe(1);
    const [request] = await eventually(async () => receiver.at('/releases').length > 0 && receiver.at('/releases'), 'the release');
    expect(signed(request.body, secret, request.headers['x-lectern-signature'])).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      event: 'RELEASE_PUBLISHED',
      conference: { slug: conference.slug },
      release: { version: 1 },
    });
    expect((await deliveries(webhook.id)).map((delivery) => delivery.event)).toEqual(['RELEASE_PUBLISHED']);
  });

  it('tells the changes of a conference that follows its releases with its next release, as its feeds show them', async () => {
    const follower = await build.conference({ slug: 'folger-utgivelser-2030', published: true });
    const session = await build.session(follower, {
      format: 'BREAK',
      startsAt: '2030-05-01T10:00:00+02:00',
      endsAt: '2030-05-01T10:30:00+02:00',
      published: true,
    });
    await organiser(`mutation { releaseSchedule(conferenceSlug: "${follower.slug}", name: "v1") { version } }`);
    await organiser(`mutation { updateConference(id: "${follower.id}", input: { programmeFollows: LATEST_RELEASE }) { id } }`);
    const { webhook } = await register('/follower', ['SESSION_MOVED', 'SESSION_RETITLED', 'RELEASE_PUBLISHED'], follower.id);

    await move(session.id);
    await retitle(session.id, 'Ikke ute ennå');
    await organiser(`mutation { releaseSchedule(conferenceSlug: "${follower.slug}", name: "v2") { version } }`);
    await eventually(async () => receiver.at('/follower').length > 0, 'the release');
    // The outbox writes in commit order: once the release is told, the edits before it were decided.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.at('/follower').map((request) => JSON.parse(request.body).event)).toEqual(['RELEASE_PUBLISHED']);
    expect((await deliveries(webhook.id)).map((delivery) => delivery.event)).toEqual(['RELEASE_PUBLISHED']);

    // Following its live programme again, its edits are told as they are made.
    await organiser(`mutation { updateConference(id: "${follower.id}", input: { programmeFollows: LIVE }) { id } }`);
    await move(session.id);
    await eventually(async () => receiver.at('/follower').length > 1, 'the move');
    expect(JSON.parse(receiver.at('/follower')[1].body)).toMatchObject({
      event: 'SESSION_MOVED',
      session: { id: String(rowId(session.id)) },
    });
  });

  it('pages through the delivery log, newest first', async () => {
    const { webhook } = await register('/paged', ['SESSION_RETITLED']);
    for (const title of ['En', 'To', 'Tre']) await retitle(sessionId, title);
    await eventually(async () => receiver.at('/paged').length === 3, 'three deliveries');
    const first = (await organiser(DELIVERIES, { id: webhook.id, first: 2 })).webhookDeliveries;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await organiser(DELIVERIES, { id: webhook.id, first: 2, after: first.pageInfo.endCursor })).webhookDeliveries;
    const titles = [...first.edges, ...rest.edges].map((edge: any) => JSON.parse(edge.node.body).details.to.nb);
    expect(titles).toEqual(['Tre', 'To', 'En']);
  });

  it('is for the organisers of the conference only', async () => {
    const { webhook } = await register('/scoped', ['SESSION_MOVED']);
    const other = await build.conference(CONFERENCE);
    const outsider = (await build.organiser({ conferences: [other], name: 'Other organiser' })).token;
    const insider = (await build.organiser({ conferences: [conference], name: 'Own organiser' })).token;

    const attempts = [
      [CREATE_WEBHOOK, { input: { conferenceId, url: `${receiver.url}/sneaky`, events: ['SESSION_MOVED'] } }],
      [`{ webhooks(conferenceSlug: "${conference.slug}") { id url } }`, {}],
      [DELIVERIES, { id: webhook.id }],
      [`mutation ($id: ID!) { updateWebhook(id: $id, input: { url: "${receiver.url}/sneaky" }) { id } }`, { id: webhook.id }],
      [`mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id: webhook.id }],
      [`mutation ($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: webhook.id }],
    ] as const;
    for (const [query, variables] of attempts) {
      const refused = await lectern.graphql(query, variables, { token: outsider });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused)).not.toContain('whsec_');
      const anonymous = await lectern.graphql(query, variables);
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const own = await lectern.ok(`{ webhooks(conferenceSlug: "${conference.slug}") { id url } }`, {}, { token: insider });
    expect(own.webhooks).toContainEqual({ id: webhook.id, url: `${receiver.url}/scoped` });
    expect(own.webhooks.map((hook: any) => hook.url)).not.toContain(`${receiver.url}/sneaky`);
    const ownLog = await lectern.ok(DELIVERIES, { id: webhook.id }, { token: insider });
    expect(ownLog.webhookDeliveries.totalCount).toBeGreaterThanOrEqual(0);
    const created = await lectern.ok(
      CREATE_WEBHOOK,
      { input: { conferenceId, url: `${receiver.url}/own`, events: ['SESSION_MOVED'] } },
      { token: insider },
    );
    expect(created.createWebhook.secret).toMatch(/^whsec_/);
  });
});

describe('webhook targets, when private addresses are not allowed', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  let conferenceId: string;

  beforeAll(async () => {
    lectern = await startLectern({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'off' });
    conference = await programmeBuilder(lectern).conference(CONFERENCE);
    conferenceId = conference.id;
  });
  afterAll(() => lectern?.close());

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://10.0.0.1/hook',
    'http://192.168.1.20/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[fd00::1]/hook',
    'http://0.0.0.0/hook',
    'http://2130706433/hook',
    'http://localhost:3000/hook',
    'ftp://example.org/hook',
    'file:///etc/passwd',
  ])('refuses %s, naming the url', async (url) => {
    const refused = await lectern.graphql(CREATE_WEBHOOK, { input: { conferenceId, url, events: ['SESSION_MOVED'] } }, { as: 'organiser' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const { webhooks } = await lectern.ok(`{ webhooks(conferenceSlug: "${conference.slug}") { id } }`, {}, { as: 'organiser' });
    expect(webhooks).toEqual([]);
  });

  it('accepts a public address', async () => {
    const created = await lectern.ok(
      CREATE_WEBHOOK,
      { input: { conferenceId, url: 'https://93.184.215.14/hook', events: ['SESSION_MOVED'] } },
      { as: 'organiser' },
    );
    expect(created.createWebhook.webhook.url).toBe('https://93.184.215.14/hook');
  });
});
