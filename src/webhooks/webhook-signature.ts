import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** How long a secret replaced by a rotation still signs deliveries, beside the new one. */
export const ROTATED_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * 256 random bits, as Standard Webhooks writes a secret: `whsec_` and the key in base64. (Secrets
 * made before Standard Webhooks signatures were written in base64url; they sign with the same key.)
 */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The key a secret stands for: Node reads base64 and base64url alike. */
function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** What one attempt of a delivery is signed with: the delivery's id, the attempt's time, the body. */
export interface SignedContent {
  id: string;
  /** When this attempt is sent; signed as whole unix seconds. */
  at: Date;
  body: string;
}

/** The webhook-timestamp header: unix seconds. */
export function timestampOf(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}

/**
 * The webhook-signature header (Standard Webhooks): `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
 * for each secret, separated by spaces, so a receiver holding either secret can check it.
 */
export function standardSignatureOf(content: SignedContent, secrets: readonly string[]): string {
  const signed = `${content.id}.${timestampOf(content.at)}.${content.body}`;
  return secrets.map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(signed, 'utf8').digest('base64')}`).join(' ');
}

/**
 * The deprecated X-Lectern-Signature value: HMAC-SHA256 of the body alone, keyed with the secret's
 * text, hex. It has no timestamp, so it cannot stop a replay; sent for one more version only.
 */
export function legacySignatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
