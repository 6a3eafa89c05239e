import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * What the two kinds of browser session (a speaker's on their page, an organiser's in the console)
 * share: a 256-bit secret kept in an HttpOnly cookie and stored only as its hash, and a CSRF token
 * that is a hash of the secret, which another site cannot compute without the cookie it cannot
 * read, so nothing more is stored for it.
 */

/** A new session's or sign-in link's secret: 256 random bits, URL-safe. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** How a secret is stored: SHA-256, hex (a secret that long needs no salt or slow hash). */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The CSRF token that goes with a session's secret. */
export function csrfTokenOf(secret: string): string {
  return createHash('sha256').update(`lectern-csrf:${secret}`).digest('base64url');
}

/** Whether a CSRF token sent with a request is the one of its session (compared in constant time). */
export function csrfTokenMatches(secret: string, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenOf(secret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type SameSite = 'Strict' | 'Lax';

/** The Set-Cookie value of a session's cookie, for the whole site, until the session expires. */
export function sessionCookie(name: string, secret: string, expiresAt: Date, sameSite: SameSite, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${name}=${secret}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=${sameSite}${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that makes a browser forget a session's cookie. */
export function clearedSessionCookie(name: string, sameSite: SameSite, secure: boolean): string {
  return `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=${sameSite}${secure ? '; Secure' : ''}`;
}
