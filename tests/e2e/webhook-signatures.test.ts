import { createHmac, randomBytes } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { WebhookClock } from '../../src/webhooks/webhook-clock';
import { Webhook as StoredWebhook } from '../../src/webhooks/webhook.entity';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { programmeBuilder } from '../support/programme';
import { CREATE_WEBHOOK, DELIVERIES, eventually, Received, Receiver } from '../support/webhook-receiver';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ROTATE = `mutation ($id: ID!, $revokePrevious: Boolean) {
  rotateWebhookSecret(id: $id, revokePrevious: $revokePrevious) { secret webhook { id previousSecretExpiresAt } }
}`;

/** A request as a receiver hands it to the library: the raw body and the headers. */
interface Request {
  body: string;
  headers: IncomingHttpHeaders;
}

/**
 * Lectern's webhook clock, and the receiver's (the library reads Date.now): both stand still
 * unless a test moves them, so what is checked is the signed timestamps, not how long a run takes.
 */
let clock = Date.parse('2030-04-20T08:00:00.000Z');
const seconds = (at: number) => String(Math.floor(at / 1000));

/** What the standardwebhooks library makes of a request at `at` (the receiver's clock). */
function verify(secret: string, request: Request, at = clock): unknown {
  const now = jest.spyOn(Date, 'now').mockReturnValue(at);
  try {
    return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
  } finally {
    now.mockRestore();
  }
}

/** The error verify throws, or undefined if it verified. */
function refusal(secret: string, request: Request, at = clock): Error | undefined {
  try {
    verify(secret, request, at);
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/** The README's receiver, as a function of the request: 400 for anything that does not verify, never a throw. */
function readmeAnswer(secret: string, request: Request, at = clock): number {
  try {
    verify(secret, request, at);
  } catch {
    return 400;
  }
  return 204;
}

const anotherSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const signatures = (request: Request) => String(request.headers['webhook-signature']).split(' ');

describe('Standard Webhooks signatures', () => {
  let lectern: Lectern;
  const receiver = new Receiver();
  let conferenceId: string;
  let conferenceSlug: string;
  let sessionId: string;
  let titles = 0;

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const register = async (path: string) =>
    (await organiser(CREATE_WEBHOOK, { input: { conferenceId, url: `${receiver.url}${path}`, events: ['SESSION_RETITLED'] } }))
      .createWebhook as { secret: string; webhook: { id: string } };
  const deliveries = async (webhookId: string) =>
    (await organiser(DELIVERIES, { id: webhookId, first: 100 })).webhookDeliveries.edges.map((edge: any) => edge.node) as any[];
  /** A real change each time, so each is delivered. */
  const retitle = () =>
    organiser(`mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }`, {
      id: sessionId,
      title: [{ locale: 'en', text: `Opening, take ${++titles}` }],
    });
  /** The `count`th request to `path`, once it has come. */
  const nth = async (path: string, count: number): Promise<Received> =>
    (await eventually(async () => receiver.at(path).length >= count && receiver.at(path), `request ${count} to ${path}`))[count - 1];
  const rotate = async (webhookId: string, revokePrevious?: boolean) =>
    (await organiser(ROTATE, { id: webhookId, revokePrevious })).rotateWebhookSecret as {
      secret: string;
      webhook: { id: string; previousSecretExpiresAt: string | null };
    };

  beforeAll(async () => {
    await receiver.start();
    lectern = await startLectern({
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on',
      WEBHOOK_RETRY_BASE_MS: '50',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_MAX_ATTEMPTS: '4',
    });
    jest.spyOn(lectern.app.get(WebhookClock), 'now').mockImplementation(() => new Date(clock));
    const build = programmeBuilder(lectern);
    const conference = await build.conference({ startDate: '2030-05-01', endDate: '2030-05-02', timeZone: 'UTC', defaultLocale: 'en' });
    conferenceId = conference.id;
    conferenceSlug = conference.slug;
    sessionId = (
      await build.session(conference, {
        title: 'Opening',
        startsAt: '2030-05-01T09:00:00Z',
        endsAt: '2030-05-01T09:30:00Z',
        published: true,
      })
    ).id;
    await build.publish(conference);
  });
  afterAll(async () => {
    await lectern?.close();
    await receiver.stop();
  });

  it('sends webhook-id, webhook-timestamp and webhook-signature, which the standardwebhooks library verifies', async () => {
    const { secret } = await register('/signed');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await retitle();
    const request = await nth('/signed', 1);

    const body = JSON.parse(request.body);
    expect(request.headers['webhook-id']).toBe(body.id);
    expect(request.headers['x-lectern-delivery']).toBe(body.id);
    expect(request.headers['webhook-timestamp']).toBe(seconds(clock));
    expect(signatures(request)).toEqual([expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/)]);
    expect(verify(secret, request)).toEqual(body);
    expect(readmeAnswer(secret, request)).toBe(204);

    // The deprecated header, for receivers that have not moved yet: the body's HMAC with the secret's text.
    expect(request.headers['x-lectern-signature']).toBe(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
  });

  it('fails verification for a tampered body, a wrong secret and a missing header, which the README answers 400', async () => {
    const { secret } = await register('/tampered');
    await retitle();
    const request = await nth('/tampered', 1);
    expect(verify(secret, request)).toBeTruthy();

    const tampered = { ...request, body: request.body.replace('Opening, take', 'Closing, take') };
    expect(tampered.body).not.toBe(request.body);
    const { 'webhook-signature': _signature, ...unsigned } = request.headers;
    const { 'webhook-timestamp': _timestamp, ...undated } = request.headers;
    const { 'webhook-id': _id, ...anonymous } = request.headers;
    const cases: [string, Request, RegExp][] = [
      [secret, tampered, /No matching signature/],
      [anotherSecret(), request, /No matching signature/],
      [secret, { ...request, headers: { ...request.headers, 'webhook-id': `${request.headers['webhook-id']}0` } }, /No matching signature/],
      [secret, { ...request, headers: unsigned }, /Missing required headers/],
      [secret, { ...request, headers: undated }, /Missing required headers/],
      [secret, { ...request, headers: anonymous }, /Missing required headers/],
      [secret, { body: request.body, headers: {} }, /Missing required headers/],
    ];
    for (const [key, candidate, why] of cases) {
      const error = refusal(key, candidate);
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error?.message).toMatch(why);
      expect(readmeAnswer(key, candidate)).toBe(400);
    }
  });

  it('fails verification outside the 5-minute tolerance, and for a replay with an old timestamp', async () => {
    const { secret } = await register('/replayed');
    await retitle();
    const request = await nth('/replayed', 1);
    const sentAt = clock;

    expect(verify(secret, request, sentAt + 4 * MINUTE)).toBeTruthy();
    expect(verify(secret, request, sentAt - 4 * MINUTE)).toBeTruthy();
    expect(refusal(secret, request, sentAt + 6 * MINUTE)?.message).toMatch(/too old/);
    expect(refusal(secret, request, sentAt - 6 * MINUTE)?.message).toMatch(/too new/);

    // Captured and sent again a day later, as it was: too old.
    expect(refusal(secret, request, sentAt + 24 * HOUR)?.message).toMatch(/too old/);
    expect(readmeAnswer(secret, request, sentAt + 24 * HOUR)).toBe(400);
    // ...with the timestamp made current: the signature no longer matches.
    const redated = { ...request, headers: { ...request.headers, 'webhook-timestamp': seconds(sentAt + 24 * HOUR) } };
    expect(refusal(secret, redated, sentAt + 24 * HOUR)?.message).toMatch(/No matching signature/);
    // Even signed with the right secret, an old timestamp is refused.
    const id = String(request.headers['webhook-id']);
    const resigned = {
      ...request,
      headers: {
        ...request.headers,
        'webhook-timestamp': seconds(sentAt - HOUR),
        'webhook-signature': new Webhook(secret).sign(id, new Date(sentAt - HOUR), request.body),
      },
    };
    expect(refusal(secret, resigned, sentAt)?.message).toMatch(/too old/);
    expect(verify(secret, resigned, sentAt - HOUR)).toBeTruthy();
  });

  it('keeps the webhook-id of a delivery on its retries and signs each attempt with its own timestamp', async () => {
    const { secret, webhook } = await register('/retried');
    receiver.plan('/retried', [503], 200);
    await retitle();
    const first = await nth('/retried', 1);
    const firstAt = clock;
    // The retry is due 50 ms after the first attempt was recorded, on Lectern's clock.
    await eventually(async () => (await deliveries(webhook.id))[0]?.attempts === 1, 'the first attempt to be recorded');
    clock += 10 * MINUTE;
    const second = await nth('/retried', 2);
    const [delivery] = await eventually(async () => {
      const log = await deliveries(webhook.id);
      return log[0]?.status === 'DELIVERED' && log;
    }, 'the retry to deliver');

    expect(delivery.attempts).toBe(2);
    expect(first.headers['webhook-id']).toBe(delivery.id);
    expect(second.headers['webhook-id']).toBe(delivery.id);
    expect(second.body).toBe(first.body);
    expect(first.headers['webhook-timestamp']).toBe(seconds(firstAt));
    expect(second.headers['webhook-timestamp']).toBe(seconds(firstAt + 10 * MINUTE));
    expect(second.headers['webhook-signature']).not.toBe(first.headers['webhook-signature']);
    expect(verify(secret, first, firstAt)).toBeTruthy();
    expect(verify(secret, second, clock)).toBeTruthy();
    // By the time of the retry, the first attempt is one to refuse.
    expect(refusal(secret, first, clock)?.message).toMatch(/too old/);
  });

  it('after a rotation signs with the new secret and, for 24 hours, the old one; then with the new one only', async () => {
    const created = await register('/rotated');
    const rotatedAt = clock;
    const rotated = await rotate(created.webhook.id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.webhook.previousSecretExpiresAt).toBe(new Date(rotatedAt + 24 * HOUR).toISOString());

    await retitle();
    const during = await nth('/rotated', 1);
    expect(signatures(during)).toHaveLength(2);
    expect(verify(rotated.secret, during)).toBeTruthy();
    expect(verify(created.secret, during)).toBeTruthy();
    expect(refusal(anotherSecret(), during)?.message).toMatch(/No matching signature/);
    expect(during.headers['x-lectern-signature']).toBe(`sha256=${createHmac('sha256', rotated.secret).update(during.body).digest('hex')}`);

    // Still within the grace period, a second before it ends.
    clock = rotatedAt + 24 * HOUR - 1000;
    await retitle();
    const last = await nth('/rotated', 2);
    expect(signatures(last)).toHaveLength(2);
    expect(verify(created.secret, last)).toBeTruthy();

    clock = rotatedAt + 24 * HOUR;
    const listed = await organiser(`query ($slug: String!) { webhooks(conferenceSlug: $slug) { id previousSecretExpiresAt } }`, {
      slug: conferenceSlug,
    });
    expect(listed.webhooks).toContainEqual({ id: created.webhook.id, previousSecretExpiresAt: null });
    await retitle();
    const after = await nth('/rotated', 3);
    expect(signatures(after)).toHaveLength(1);
    expect(after.headers['webhook-timestamp']).toBe(seconds(rotatedAt + 24 * HOUR));
    expect(verify(rotated.secret, after)).toBeTruthy();
    expect(refusal(created.secret, after)?.message).toMatch(/No matching signature/);
    expect(readmeAnswer(created.secret, after)).toBe(400);
  });

  it('keeps only the secret it replaces through a second rotation, and none with revokePrevious', async () => {
    const created = await register('/rotated-twice');
    const first = await rotate(created.webhook.id);
    const second = await rotate(created.webhook.id);
    await retitle();
    const request = await nth('/rotated-twice', 1);
    expect(signatures(request)).toHaveLength(2);
    expect(verify(second.secret, request)).toBeTruthy();
    expect(verify(first.secret, request)).toBeTruthy();
    expect(refusal(created.secret, request)?.message).toMatch(/No matching signature/);

    const revoked = await rotate(created.webhook.id, true);
    expect(revoked.webhook.previousSecretExpiresAt).toBeNull();
    await retitle();
    const next = await nth('/rotated-twice', 2);
    expect(signatures(next)).toHaveLength(1);
    expect(verify(revoked.secret, next)).toBeTruthy();
    expect(refusal(second.secret, next)?.message).toMatch(/No matching signature/);
  });

  it('signs with the key of a secret written in base64url, as Lectern wrote them before, which verifies as base64', async () => {
    const { secret, webhook } = await register('/older-secret');
    // As Lectern wrote secrets before: the same 32 random bytes, in base64url without padding.
    const key = randomBytes(32);
    const older = `whsec_${key.toString('base64url')}`;
    await lectern.app
      .get(DataSource)
      .getRepository(StoredWebhook)
      .update({ id: rowId(webhook.id) }, { secret: older });
    expect(older).not.toBe(secret);
    await retitle();
    const request = await nth('/older-secret', 1);
    expect(verify(`whsec_${key.toString('base64')}`, request)).toBeTruthy();
  });
});
