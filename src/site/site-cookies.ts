import { FastifyRequest } from 'fastify';

/** The attendee's agenda edit token, kept by their browser: never in an address, never readable by scripts. */
export const AGENDA_COOKIE = 'lectern_agenda';
const YEAR = 365 * 24 * 3600;

export function agendaCookie(token: string, secure: boolean): string {
  return `${AGENDA_COOKIE}=${token}; Path=/; Max-Age=${YEAR}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}
