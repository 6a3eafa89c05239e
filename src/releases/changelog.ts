import { globalIdOf } from '../common/global-id';
import { DateTime } from 'luxon';
import { localise } from '../common/localisation';
import { SessionStatus } from '../sessions/session.entity';
import { PublishedAppearance, PublishedProgramme, PublishedSession } from '../published/published-programme';
import { Changelog, ReleasedAppearance, ReleasedSession, SessionSlot } from './release.types';

export interface ChangelogEnds {
  fromVersion: number | null;
  toVersion: number | null;
  since?: Date | null;
}

/**
 * The changes from one version of a programme to another, by session uid: nothing but the two
 * versions is read, so the changelog cannot drift from what was released.
 */
export function compareProgrammes(before: PublishedProgramme | null, after: PublishedProgramme, ends: ChangelogEnds): Changelog {
  const locale = after.conference.defaultLocale;
  const zone = after.conference.timeZone;
  const released = (session: PublishedSession) => toReleasedSession(session, locale);
  const previous = new Map((before?.sessions ?? []).map((session) => [session.uid, session]));
  const current = new Set(after.sessions.map((session) => session.uid));
  const log: Changelog = {
    fromVersion: ends.fromVersion,
    toVersion: ends.toVersion,
    since: ends.since ?? null,
    added: [],
    removed: [],
    cancelled: [],
    moved: [],
    retitled: [],
    speakersAdded: [],
    speakersRemoved: [],
    changed: [],
    summary: [],
    lines: [],
  };
  const note = (session: PublishedSession, text: string) => {
    log.lines.push({ uid: session.uid, text });
    log.summary.push(text);
  };
  const title = (session: PublishedSession) => `"${localise(session.title, undefined, locale) ?? ''}"`;

  for (const session of after.sessions) {
    const old = previous.get(session.uid);
    const shown = released(session);
    if (!old) {
      log.added.push(shown);
      log.changed.push(shown);
      note(session, `Added: ${title(session)}, ${slotInWords(slotOf(session), zone)}.`);
      continue;
    }
    if (!sameSession(old, session)) log.changed.push(shown);
    if (session.status === SessionStatus.CANCELLED && old.status !== SessionStatus.CANCELLED) {
      log.cancelled.push(shown);
      note(session, `Cancelled: ${title(session)}, ${slotInWords(slotOf(session), zone)}.`);
    }
    const from = slotOf(old);
    const to = slotOf(session);
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      log.moved.push({ session: shown, from, to });
      note(session, `Moved: ${title(session)}, from ${slotInWords(from, zone)} to ${slotInWords(to, zone)}.`);
    }
    const oldTitle = localise(old.title, undefined, locale) ?? '';
    const newTitle = localise(session.title, undefined, locale) ?? '';
    if (!sameText(old.title, session.title)) {
      log.retitled.push({ session: shown, from: oldTitle, to: newTitle });
      note(session, `Retitled: "${oldTitle}" is now "${newTitle}".`);
    }
    const oldSpeakers = new Map(old.lineUp.map((a) => [a.speakerId, a]));
    const newSpeakers = new Map(session.lineUp.map((a) => [a.speakerId, a]));
    for (const [id, appearance] of newSpeakers) {
      if (oldSpeakers.has(id)) continue;
      log.speakersAdded.push({ session: shown, speaker: toReleasedAppearance(appearance) });
      note(session, `Speaker added: ${appearance.speakerName} in ${title(session)}.`);
    }
    for (const [id, appearance] of oldSpeakers) {
      if (newSpeakers.has(id)) continue;
      log.speakersRemoved.push({ session: shown, speaker: toReleasedAppearance(appearance) });
      note(session, `Speaker removed: ${appearance.speakerName} from ${title(session)}.`);
    }
  }
  for (const old of before?.sessions ?? []) {
    if (current.has(old.uid)) continue;
    log.removed.push(released(old));
    note(old, `Removed: ${title(old)}, was ${slotInWords(slotOf(old), zone)}.`);
  }
  return log;
}

/**
 * Narrows a changelog to sessions changed after `since` (and every removal, which has no time of
 * its own): a copy made at `since` applies `changed` and `removed` and is current again.
 */
export function changedAfter(log: Changelog, since: Date, after: PublishedProgramme): Changelog {
  const recent = new Set(after.sessions.filter((s) => new Date(s.updatedAt).getTime() > since.getTime()).map((s) => s.uid));
  const keep = <T extends { session: ReleasedSession } | ReleasedSession>(items: T[]) =>
    items.filter((item) => recent.has('session' in item ? item.session.uid : item.uid));
  const removed = new Set(log.removed.map((session) => session.uid));
  const lines = log.lines.filter((line) => recent.has(line.uid) || removed.has(line.uid));
  return {
    ...log,
    since,
    added: keep(log.added),
    cancelled: keep(log.cancelled),
    moved: keep(log.moved),
    retitled: keep(log.retitled),
    speakersAdded: keep(log.speakersAdded),
    speakersRemoved: keep(log.speakersRemoved),
    changed: keep(log.changed),
    summary: lines.map((line) => line.text),
    lines,
  };
}

export function toReleasedSession(session: PublishedSession, defaultLocale: string): ReleasedSession {
  return {
    id: session.id,
    // A session's revision moves whenever its published shape changes (the calendar ledger's SEQUENCE).
    versionId: globalIdOf('ReleasedSession', `${session.id}:${session.revision}`),
    sessionId: globalIdOf('Session', session.id),
    uid: session.uid,
    format: session.format,
    language: session.language,
    status: session.status,
    startsAt: session.startsAt ? new Date(session.startsAt) : null,
    endsAt: session.endsAt ? new Date(session.endsAt) : null,
    revision: session.revision,
    room: session.room ? { slug: session.room.slug, name: session.room.name } : null,
    track: session.track ? { slug: session.track.slug, name: session.track.name } : null,
    appearances: session.lineUp.map(toReleasedAppearance),
    updatedAt: new Date(session.updatedAt),
    stored: session,
    defaultLocale,
  };
}

function toReleasedAppearance({ speakerSlug, speakerName, role, title, organisation }: PublishedAppearance): ReleasedAppearance {
  return { speakerSlug, speakerName, role, title, organisation };
}

function slotOf(session: PublishedSession): SessionSlot {
  return {
    startsAt: session.startsAt ? new Date(session.startsAt) : null,
    endsAt: session.endsAt ? new Date(session.endsAt) : null,
    room: session.room?.name ?? null,
  };
}

/**
 * Whether a session reads the same in both versions. A track colour counts only where both
 * versions keep one: releases made before colours were kept have none, and that is no change.
 */
function sameSession(a: PublishedSession, b: PublishedSession): boolean {
  const withoutColour = (session: PublishedSession) => ({
    ...session,
    track: session.track && { slug: session.track.slug, name: session.track.name },
  });
  const colours = [a.track?.color, b.track?.color];
  const colourChanged = colours.every((colour) => colour !== undefined) && colours[0] !== colours[1];
  return !colourChanged && JSON.stringify(withoutColour(a)) === JSON.stringify(withoutColour(b));
}

function sameText(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a).sort();
  return JSON.stringify(keys) === JSON.stringify(Object.keys(b).sort()) && keys.every((key) => a[key] === b[key]);
}

/** "Tue 19 Aug 2025 10:00–10:30 (Europe/Oslo), Sal A": local time, with its zone. */
export function slotInWords(slot: SessionSlot, zone: string): string {
  const where = slot.room ? `, ${slot.room}` : '';
  if (!slot.startsAt || !slot.endsAt) return `unscheduled${where}`;
  const starts = DateTime.fromJSDate(slot.startsAt, { zone }).setLocale('en-GB');
  const ends = DateTime.fromJSDate(slot.endsAt, { zone }).setLocale('en-GB');
  const end = starts.hasSame(ends, 'day') ? ends.toFormat('HH:mm') : ends.toFormat('EEE d LLL yyyy HH:mm');
  return `${starts.toFormat('EEE d LLL yyyy HH:mm')}–${end} (${zone})${where}`;
}
