import { IncomingHttpHeaders } from 'node:http';

/** A cookie's value from a request's Cookie header; undefined when it is not there or empty. */
export function readCookie(request: { headers: IncomingHttpHeaders }, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}
