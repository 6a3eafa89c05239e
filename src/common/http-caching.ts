import { createHash } from 'node:crypto';
import { FastifyReply, FastifyRequest } from 'fastify';

/** How long browsers and shared caches may keep a public read before asking again. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

const PUBLIC = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`;
/** An answer to a request with a token may hold what only that token may see: nobody keeps it. */
const PRIVATE = 'private, no-store';

/** A strong validator of exactly these bytes. */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** RFC 9110 §13.1.2: weak comparison, so a cache that marked our tag weak still revalidates. */
export function matchesIfNoneMatch(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Whether the request carries a token, which is what HTTP caches go by (RFC 9111 §3.5), or was
 * signed in by a session cookie (a speaker's or an organiser's). Nothing is verified here: by the
 * time an answer is made, the HTTP pipeline has admitted the token as an organiser's or turned the
 * request away, and admitted the cookie or ignored it (src/http/viewer.ts).
 */
export function isPrivateRequest(request: FastifyRequest): boolean {
  return request.headers.authorization !== undefined || request.speakerSession !== undefined || request.organiserSession !== undefined;
}

/** Adds header names to Vary, keeping what other plugins (CORS) put there. */
export function addVary(reply: FastifyReply, ...names: string[]): void {
  const current = String(reply.getHeader('vary') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const missing = names.filter((name) => !current.some((existing) => existing.toLowerCase() === name.toLowerCase()));
  if (missing.length) reply.header('vary', [...current, ...missing].join(', '));
}

/**
 * Cache headers for a public read and the decision to answer 304: true when the client's copy is
 * current and the body must not be sent. A request with a token is never cached nor revalidated.
 */
export function applyReadCaching(request: FastifyRequest, reply: FastifyReply, body: string | Buffer): boolean {
  if (isPrivateRequest(request)) {
    reply.header('cache-control', PRIVATE);
    return false;
  }
  const etag = strongEtag(body);
  reply.header('cache-control', PUBLIC).header('etag', etag);
  return matchesIfNoneMatch(request, etag);
}
