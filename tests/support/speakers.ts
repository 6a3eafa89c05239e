import { Transactions } from '../../src/database/transactions';
import { SPEAKER_COOKIE, SpeakerSessions } from '../../src/speaker-portal/invitations/speaker-sessions.service';
import { Lectern } from './lectern';

export interface SignedInSpeaker {
  /** The Cookie header's value a signed-in browser sends. */
  cookie: string;
  /** The session's CSRF token (form field `_csrf`, header `x-csrf-token`). */
  csrf: string;
  /** Both, as request headers: for `lectern.graphql(…, { headers })` and fetch. */
  headers: Record<string, string>;
}

/**
 * A session for a speaker as a sign-in link would open it, without the mail round trip (the
 * invitation tests walk that one). Everything after it goes over HTTP like a browser's requests.
 */
export async function signInSpeaker(lectern: Lectern, speakerId: number): Promise<SignedInSpeaker> {
  const opened = await lectern.app.get(Transactions).run((manager) => lectern.app.get(SpeakerSessions).open(manager, speakerId));
  const cookie = `${SPEAKER_COOKIE}=${opened.secret}`;
  return { cookie, csrf: opened.csrf, headers: { cookie, 'x-csrf-token': opened.csrf } };
}
