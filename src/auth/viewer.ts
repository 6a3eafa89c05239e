import { Brackets } from 'typeorm';
import { UserError } from '../common/errors';

/**
 * Who is asking. The public sees published content only; an organiser also sees the drafts of
 * the conferences in their scope, and an admin sees everything.
 */
export interface Viewer {
  /** Authenticated with a valid organiser token. */
  organiser: boolean;
  admin: boolean;
  organiserId: number | null;
  /** The conferences an ORGANISER may change and see drafts of (empty for admins: they have all). */
  conferenceIds: readonly number[];
  /**
   * A speaker signed in on their own page (a speaker session cookie, src/speaker-portal/): they
   * reach their own person, appearances, invitations and questionnaires, and nothing an organiser
   * may. Never set together with `organiser`.
   */
  speakerId: number | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({
  organiser: false,
  admin: false,
  organiserId: null,
  conferenceIds: [],
  speakerId: null,
});

/** The command line and the demo loader act with every right. */
export const SYSTEM_ACTOR: Viewer = Object.freeze({ organiser: true, admin: true, organiserId: null, conferenceIds: [], speakerId: null });

/** A signed-in speaker's rights: their own things only (see `requireSpeaker`). */
export function speakerViewer(speakerId: number): Viewer {
  return Object.freeze({ organiser: false, admin: false, organiserId: null, conferenceIds: Object.freeze([]), speakerId });
}

/** Refuses unless a speaker is signed in; answers whose things they may reach. */
export function requireSpeaker(actor: Viewer): number {
  if (actor.speakerId !== null) return actor.speakerId;
  throw new UserError('UNAUTHENTICATED', 'Sign in with the link in your invitation first.');
}

export function organises(viewer: Viewer, conferenceId: number | null): boolean {
  return viewer.admin || (conferenceId !== null && viewer.conferenceIds.includes(conferenceId));
}

/** Refuses unless the actor may change this conference and what is in it. */
export function requireOrganiserOf(actor: Viewer, conferenceId: number | null, field?: string): void {
  if (organises(actor, conferenceId)) return;
  throw new UserError('FORBIDDEN', 'You do not organise the conference this belongs to.', field);
}

/** Who owns a person's profile: the organisers of the conference that brought the person in (none: admins only). */
export interface OwnedProfile {
  ownerConferenceId: number | null;
}

/**
 * Whether the viewer may change a speaker's profile (name, slugs, bio, photo, links, e-mail) and
 * read its private fields: admins, and the organisers of the speaker's owner conference. Linking
 * a person to a session or interview does not make them yours.
 */
export function ownsSpeaker(viewer: Viewer, speaker: OwnedProfile): boolean {
  return viewer.admin || (speaker.ownerConferenceId !== null && organises(viewer, speaker.ownerConferenceId));
}

/** Refuses unless the actor may change this speaker's profile (see `ownsSpeaker`). */
export function requireSpeakerOwner(actor: Viewer, speaker: OwnedProfile, field?: string): void {
  if (ownsSpeaker(actor, speaker)) return;
  throw new UserError('FORBIDDEN', "Only the organisers of the conference that owns this speaker's profile may change it.", field);
}

export function requireAdmin(actor: Viewer, what: string): void {
  if (!actor.admin) throw new UserError('FORBIDDEN', `Only an admin may ${what}.`);
}

/**
 * What a reader may see of a query: what `published` lets through, and for an organiser also
 * whatever belongs to a conference in their scope (`conferenceColumn`). Admins see everything.
 */
export function visibleTo(viewer: Viewer, conferenceColumn: string, published: string): Brackets | undefined {
  if (viewer.admin) return undefined;
  return new Brackets((visible) => {
    visible.where(published);
    if (viewer.conferenceIds.length) visible.orWhere(`${conferenceColumn} IN (:...draftScope)`, { draftScope: viewer.conferenceIds });
  });
}
