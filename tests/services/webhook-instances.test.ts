import { Lectern, startLectern } from '../support/lectern';
import { requiringServices } from '../support/environment';
import { CREATE_WEBHOOK, DELIVERIES, eventually, Receiver } from '../support/webhook-receiver';

const CONFERENCE = {
  slug: 'webhooks-2030',
  name: 'Webhooks 2030',
  startDate: '2030-05-01',
  endDate: '2030-05-02',
  timeZone: 'Europe/Oslo',
  defaultLocale: 'nb',
};

/**
 * Several instances share PostgreSQL (on SQLite one instance writes at a time): two servers in
 * this process over the PostgreSQL database DATABASE_URL names.
 */
requiringServices('webhook deliveries across instances', () => {
  const receiver = new Receiver();
  let first: Lectern;
  let second: Lectern | undefined;
  let firstClosed = false;
  let conferenceId: string;
  let sessionId: string;

  const deliveriesOf = async (lectern: Lectern, webhookId: string) =>
    (await lectern.ok(DELIVERIES, { id: webhookId, first: 100 }, { as: 'organiser' })).webhookDeliveries.edges.map(
      (edge: any) => edge.node,
    ) as any[];
  const retitle = (lectern: Lectern, text: string) =>
    lectern.ok(
      `mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }`,
      { id: sessionId, title: [{ locale: 'nb', text }] },
      { as: 'organiser' },
    );
  const register = async (lectern: Lectern, path: string) =>
    (
      await lectern.ok(
        CREATE_WEBHOOK,
        { input: { conferenceId, url: `${receiver.url}${path}`, events: ['SESSION_RETITLED'] } },
        { as: 'organiser' },
      )
    ).createWebhook.webhook.id as string;

  beforeAll(async () => {
    await receiver.start();
    // A long timeout: the first instance must still be waiting on the receiver when it stops.
    first = await startLectern({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_TIMEOUT_MS: '60000' });
    const organiser = (query: string, variables?: Record<string, unknown>) => first.ok(query, variables, { as: 'organiser' });
    conferenceId = (
      await organiser(`mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`, {
        input: { ...CONFERENCE, slug: 'webhooks-shared' },
      })
    ).createConference.id;
    const speakerId = (await organiser(`mutation { createSpeaker(input: { slug: "delt-taler", name: "Delt Taler" }) { id } }`))
      .createSpeaker.id;
    sessionId = (
      await organiser(`mutation ($input: CreateSessionInput!) { createSession(input: $input) { id } }`, {
        input: {
          conferenceId,
          title: [{ locale: 'nb', text: 'Delt' }],
          format: 'TALK',
          language: 'nb',
          startsAt: '2030-05-01T10:00:00+02:00',
          endsAt: '2030-05-01T10:30:00+02:00',
        },
      })
    ).createSession.id;
    await organiser(
      `mutation ($sessionId: ID!, $speakerId: ID!) { addAppearance(input: { sessionId: $sessionId, speakerId: $speakerId }) { id } }`,
      { sessionId, speakerId },
    );
    await organiser(`mutation ($id: ID!) { publishSession(id: $id) { id } }`, { id: sessionId });
    await organiser(`mutation ($id: ID!) { publishConference(id: $id) { id } }`, { id: conferenceId });
  });
  afterAll(async () => {
    await second?.close();
    if (!firstClosed) await first?.close();
    await receiver.stop();
  });

  it('sends each delivery once from several instances, and hands over what a stopping instance was sending', async () => {
    const handover = await register(first, '/handover');
    receiver.plan('/handover', ['hang'], 200);
    await retitle(first, 'Før stopp');
    await eventually(async () => receiver.hanging('/handover'), 'the first instance to be waiting on the receiver');

    // A second instance over the same database (the first one still running keeps PostgreSQL from being emptied).
    second = await startLectern({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_TIMEOUT_MS: '5000' });
    const shared = await register(second, '/shared');
    for (let i = 1; i <= 6; i++) await retitle(i % 2 ? first : second, `Runde ${i}`);
    const log = await eventually(async () => {
      const logged = await deliveriesOf(second!, shared);
      return logged.length === 6 && logged.every((delivery) => delivery.status !== 'PENDING') && logged;
    }, 'six deliveries');
    expect(log.map((delivery) => [delivery.status, delivery.attempts])).toEqual(Array(6).fill(['DELIVERED', 1]));
    const ids = receiver.at('/shared').map((request) => request.headers['x-lectern-delivery']);
    expect(ids.sort()).toEqual(log.map((delivery) => delivery.id).sort());

    // Stopping gives up the attempt in flight without counting it; the other instance sends it.
    await first.close();
    firstClosed = true;
    const held = receiver.at('/handover')[0].headers['x-lectern-delivery'];
    const delivered = await eventually(async () => {
      const handed = (await deliveriesOf(second!, handover)).find((delivery) => delivery.id === held);
      return handed?.status === 'DELIVERED' && handed;
    }, 'the other instance to send what the first one was sending');
    expect(delivered).toMatchObject({ attempts: 1, responseStatus: 200 });
    expect(receiver.at('/handover').filter((request) => request.headers['x-lectern-delivery'] === held)).toHaveLength(2);
  });
});
