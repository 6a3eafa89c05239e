/** The attendee's agenda edit token, kept by their browser: never in an address, never readable by scripts. */
export const AGENDA_COOKIE = 'lectern_agenda';
const YEAR = 365 * 24 * 3600;

export function agendaCookie(token: string, secure: boolean): string {
  return `${AGENDA_COOKIE}=${token}; Path=/; Max-Age=${YEAR}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export { readCookie } from '../common/cookies';
