import { parseId } from '../../common/entities';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ownsSpeaker, requireOrganiserOf, Viewer } from '../../auth/viewer';
import { badInput, notFound, UserError } from '../../common/errors';
import { LocalisedText, LocalisedTextInput } from '../../common/localisation';
import { ConferenceService } from '../../conferences/conference.service';
import { Room } from '../../conferences/room.entity';
import { RoomService } from '../../conferences/room.service';
import { Track } from '../../conferences/track.entity';
import { TrackService } from '../../conferences/track.service';
import { Transactions } from '../../database/transactions';
import { Appearance } from '../../sessions/appearance.entity';
import { AppearanceService } from '../../sessions/appearance.service';
import { Session, SessionStatus } from '../../sessions/session.entity';
import { UpdateSessionInput } from '../../sessions/session.inputs';
import { SessionService } from '../../sessions/session.service';
import { SpeakerDirectory } from '../../sessions/speaker-directory.service';
import { Speaker } from '../../speakers/speaker.entity';
import { SpeakerService } from '../../speakers/speaker.service';
import { slugOf } from '../../common/slugs';
import { ColumnMapping } from './csv-parser';
import { ImportReport, MissingSessions, SpeakerMatch } from './import-report.types';
import { ImportSource, ImportSourceKind } from './import-source.entity';
import { ImportedPerson, ImportedProgramme, ImportedSession, ImportFormat } from './imported-programme';
import { parseProgramme } from './parse-programme';
import { IMPORT_DOCUMENT_MAX } from './import-limits';

export interface ImportOptions {
  dryRun?: boolean;
  missing?: MissingSessions;
  /** For CSV: which column holds which field. */
  mapping?: ColumnMapping[];
  /** People of the document the organiser confirmed are these speakers (each checked with `requireLinkable`). */
  speakerMatches?: SpeakerMatch[];
  /** Told after each session: how many are done of how many. */
  progress?: (done: number, total: number) => void;
}

/** Thrown inside a dry run's transaction once its report is complete, so nothing it wrote stays. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

const texts = (text: LocalisedText): LocalisedTextInput[] => Object.entries(text).map(([locale, value]) => ({ locale, text: value }));

/**
 * Applies a schedule document to a conference the actor organises, through the domain services
 * (every rule of theirs holds), in one transaction. What each source id became is remembered in
 * `import_sources`, so a second import of the same document changes nothing and an updated one
 * updates in place.
 */
@Injectable()
export class ProgrammeImporter {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceService,
    private readonly rooms: RoomService,
    private readonly tracks: TrackService,
    private readonly speakers: SpeakerService,
    private readonly directory: SpeakerDirectory,
    private readonly sessions: SessionService,
    private readonly appearances: AppearanceService,
  ) {}

  async importDocument(
    conferenceId: string | number,
    format: ImportFormat,
    document: string,
    actor: Viewer,
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    if (document.length > IMPORT_DOCUMENT_MAX) {
      throw badInput('document', `is ${document.length} characters long, more than the ${IMPORT_DOCUMENT_MAX} an import reads`);
    }
    try {
      return await this.transactions.run(async (manager) => {
        const conference = await this.conferences.require(manager, parseId(conferenceId, 'conference', 'conferenceId'), 'conferenceId');
        requireOrganiserOf(actor, conference.id, 'conferenceId');
        const programme = parseProgramme(format, document, conference, options.mapping);
        const report = await this.apply(manager, conference, programme, actor, options);
        if (options.dryRun) throw new DryRunRollback(report);
        return report;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.report;
      throw error;
    }
  }

  private async apply(
    manager: EntityManager,
    conference: { id: number; timeZone: string; defaultLocale: string },
    programme: ImportedProgramme,
    actor: Viewer,
    options: ImportOptions,
  ): Promise<ImportReport> {
    const report = new ImportReport();
    report.format = programme.format;
    report.warnings = [...programme.warnings];
    const known = await this.sources(manager, conference.id);
    const remember = async (kind: ImportSourceKind, sourceKey: string, entityId: number) => {
      if (known[kind].get(sourceKey) === entityId) return;
      await manager.delete(ImportSource, { conferenceId: conference.id, kind, sourceKey });
      await manager.insert(ImportSource, { conferenceId: conference.id, kind, sourceKey, entityId });
      known[kind].set(sourceKey, entityId);
    };

    // Rooms: remembered by source id, else the conference's room of the same slug, else a new one.
    const roomIds = new Map<string, number>();
    const rooms = await manager.find(Room, { where: { conferenceId: conference.id } });
    for (const room of programme.rooms) {
      const slug = slugOf(room.name) || 'room';
      const remembered = rooms.find((r) => r.id === known.room.get(room.key));
      const found = remembered ?? rooms.find((r) => r.slug === slug);
      const name = room.name.slice(0, 200);
      if (remembered && remembered.name !== name) {
        // Renamed in the source: the same room (and slug, so addresses hold), its new name.
        Object.assign(remembered, await this.rooms.update(remembered.id, { name }, actor, manager));
        report.updated.rooms++;
        roomIds.set(room.key, remembered.id);
      } else if (found) {
        report.unchanged.rooms++;
        roomIds.set(room.key, found.id);
      } else {
        const created = await this.rooms.create(
          conference.id,
          { slug, name: room.name.slice(0, 200), capacity: room.capacity, position: rooms.length },
          actor,
          manager,
        );
        rooms.push(created);
        report.created.rooms++;
        roomIds.set(room.key, created.id);
      }
      await remember('room', room.key, roomIds.get(room.key)!);
    }

    // Tracks: remembered by the source's id when it gives one, else by slug of the name.
    const trackIds = new Map<string, number>();
    const tracks = await manager.find(Track, { where: { conferenceId: conference.id } });
    for (const track of programme.tracks) {
      const slug = slugOf(track.name) || 'track';
      const remembered = track.key === undefined ? undefined : tracks.find((t) => t.id === known.track.get(track.key!));
      let found = remembered ?? tracks.find((t) => t.slug === slug);
      const name = track.name.slice(0, 200);
      const color = track.color ?? undefined;
      if (!found) {
        found = await this.tracks.create(conference.id, { slug, name, color: track.color, position: tracks.length }, actor, manager);
        tracks.push(found);
        report.created.tracks++;
      } else if (remembered && (remembered.name !== name || (color !== undefined && remembered.color !== color))) {
        // Renamed in the source: the same track (and slug), its new name.
        Object.assign(remembered, await this.tracks.update(remembered.id, { name, color }, actor, manager));
        report.updated.tracks++;
      } else report.unchanged.tracks++;
      trackIds.set(track.name, found.id);
      if (track.key !== undefined) await remember('track', track.key, found.id);
    }

    // Confirmed matches: each names a person of the document and a speaker the actor may link, else nothing is written.
    const confirmed = new Map<string, number>();
    for (const [index, match] of (options.speakerMatches ?? []).entries()) {
      const field = `speakerMatches[${index}]`;
      if (!programme.people.some((person) => person.key === match.sourceId)) {
        throw badInput(field, `names no person of the document (source id "${match.sourceId}")`);
      }
      // Someone the actor may not link is answered exactly as a slug nobody has.
      const speaker = await manager.findOneBy(Speaker, { slug: match.speakerSlug });
      const linkable = speaker && (await this.directory.requireLinkable(manager, speaker.id, actor, field).catch(() => null));
      if (!linkable) throw notFound('speaker', field, match.speakerSlug);
      confirmed.set(match.sourceId, linkable.id);
    }

    // People: as confirmed, else by source id, else by e-mail, among those the actor may link; else new, owned by the
    // conference, with a suggestion for each speaker the actor may link who has the same name.
    const speakerIds = new Map<string, number>();
    const createdIds = new Set<number>();
    for (const person of programme.people) {
      const matched = [confirmed.get(person.key), known.speaker.get(person.key)].filter((id): id is number => id !== undefined);
      const speaker = await this.person(manager, conference.id, person, matched, actor, report.warnings);
      if (speaker.result === 'created') {
        createdIds.add(speaker.id);
        for (const similar of await this.directory.linkableNamed(manager, person.name, actor)) {
          if (!createdIds.has(similar.id)) report.suggestions.push({ sourceId: person.key, name: person.name, speakerSlug: similar.slug });
        }
      }
      report[speaker.result].speakers++;
      speakerIds.set(person.key, speaker.id);
      await remember('speaker', person.key, speaker.id);
    }

    // Sessions.
    const total = programme.sessions.length;
    for (const [index, imported] of programme.sessions.entries()) {
      try {
        const outcome = await this.session(manager, conference, imported, known.session.get(imported.key), actor, {
          roomIds,
          trackIds,
          speakerIds,
          warnings: report.warnings,
        });
        report[outcome.result].sessions++;
        await remember('session', imported.key, outcome.id);
      } catch (error) {
        if (error instanceof UserError && error.field !== 'conferenceId') throw badInput('document', `${imported.path}: ${error.message}`);
        throw error;
      }
      options.progress?.(index + 1, total);
    }

    // What an earlier import brought that this document no longer has: reported, kept or cancelled, never deleted.
    const present = new Set(programme.sessions.map((session) => session.key));
    for (const [sourceKey, sessionId] of known.session) {
      if (present.has(sourceKey)) continue;
      const session = await manager.findOneBy(Session, { id: sessionId, conferenceId: conference.id });
      if (!session) continue;
      const cancel = options.missing === MissingSessions.CANCEL;
      if (cancel && session.status !== SessionStatus.CANCELLED) await this.sessions.cancel(String(session.id), actor, manager);
      report.removed.push({
        sourceKey,
        uid: session.uid,
        title: session.title[conference.defaultLocale] ?? Object.values(session.title)[0] ?? '',
        cancelled: cancel || session.status === SessionStatus.CANCELLED,
      });
    }
    report.removed.sort((a, b) => a.sourceKey.localeCompare(b.sourceKey));
    return report;
  }

  private async sources(manager: EntityManager, conferenceId: number): Promise<Record<ImportSourceKind, Map<string, number>>> {
    const known: Record<ImportSourceKind, Map<string, number>> = {
      session: new Map(),
      speaker: new Map(),
      room: new Map(),
      track: new Map(),
    };
    for (const row of await manager.find(ImportSource, { where: { conferenceId } })) known[row.kind].set(row.sourceKey, row.entityId);
    return known;
  }

  private async person(
    manager: EntityManager,
    conferenceId: number,
    person: ImportedPerson,
    matchedIds: number[],
    actor: Viewer,
    warnings: string[],
  ): Promise<{ id: number; result: 'created' | 'updated' | 'unchanged' }> {
    const candidates = [...matchedIds];
    if (person.email) {
      const byEmail = await manager.findOneBy(Speaker, { email: person.email });
      if (byEmail) candidates.push(byEmail.id);
    }
    for (const id of candidates) {
      const linkable = await this.directory.requireLinkable(manager, id, actor, 'speakerId').catch(() => null);
      if (linkable) return { id: linkable.id, result: await this.updatePerson(manager, linkable, person, actor, warnings) };
    }
    const created = await this.speakers.create(
      {
        slug: await this.speakers.freeSlug(manager, person.name),
        name: person.name.slice(0, 200),
        bio: texts(person.bio),
        email: person.email,
        conferenceId: String(conferenceId),
      },
      actor,
      manager,
    );
    return { id: created.id, result: 'created' };
  }

  /**
   * A person the document already brought, or met again by e-mail: their name and the bio's
   * locales the document gives, when they differ, and only if the conference owns the profile
   * (the speaker ownership rule); a profile another conference owns is kept, with a warning.
   */
  private async updatePerson(
    manager: EntityManager,
    speaker: Speaker,
    person: ImportedPerson,
    actor: Viewer,
    warnings: string[],
  ): Promise<'updated' | 'unchanged'> {
    const name = person.name.slice(0, 200);
    const bio = Object.entries(person.bio).filter(([locale, value]) => value && speaker.bio[locale] !== value);
    if (speaker.name === name && !bio.length) return 'unchanged';
    if (!ownsSpeaker(actor, speaker)) {
      warnings.push(`person[${person.key}]: ${speaker.name}'s profile belongs to another conference, name and bio kept`);
      return 'unchanged';
    }
    await this.speakers.update(
      speaker.id,
      { ...(speaker.name !== name ? { name } : {}), ...(bio.length ? { bio: bio.map(([locale, text]) => ({ locale, text })) } : {}) },
      actor,
      manager,
    );
    return 'updated';
  }

  private async session(
    manager: EntityManager,
    conference: { id: number; defaultLocale: string },
    imported: ImportedSession,
    rememberedId: number | undefined,
    actor: Viewer,
    parts: { roomIds: Map<string, number>; trackIds: Map<string, number>; speakerIds: Map<string, number>; warnings: string[] },
  ): Promise<{ id: number; result: 'created' | 'updated' | 'unchanged' }> {
    const startsAt = imported.startsAt;
    const endsAt = startsAt ? new Date(startsAt.getTime() + imported.minutes * 60_000) : null;
    const roomId = imported.room ? (parts.roomIds.get(imported.room) ?? null) : null;
    const trackId = imported.track ? (parts.trackIds.get(imported.track) ?? null) : null;
    const existing =
      rememberedId === undefined ? null : await manager.findOneBy(Session, { id: rememberedId, conferenceId: conference.id });
    const lineUp = imported.lineUp.map((entry) => ({ speakerId: parts.speakerIds.get(entry.person)!, role: entry.role }));

    if (!existing) {
      const created = await this.sessions.create(
        {
          conferenceId: String(conference.id),
          title: texts(imported.title),
          abstract: texts(imported.abstract),
          format: imported.format,
          language: imported.language ?? conference.defaultLocale,
          roomId: roomId === null ? null : String(roomId),
          trackId: trackId === null ? null : String(trackId),
          startsAt,
          endsAt,
        },
        actor,
        manager,
      );
      for (const entry of lineUp) {
        await this.appearances.add({ sessionId: String(created.id), speakerId: String(entry.speakerId), role: entry.role }, actor, manager);
      }
      await this.sessions.setPublished(String(created.id), true, actor, manager);
      if (imported.cancelled) await this.sessions.cancel(String(created.id), actor, manager);
      return { id: created.id, result: 'created' };
    }

    const changes: UpdateSessionInput = {};
    const changedTexts = (current: LocalisedText, given: LocalisedText) =>
      Object.entries(given).filter(([locale, value]) => current[locale] !== value);
    const title = changedTexts(existing.title, imported.title);
    if (title.length) changes.title = title.map(([locale, text]) => ({ locale, text }));
    const abstract = changedTexts(existing.abstract, imported.abstract);
    if (abstract.length) changes.abstract = abstract.map(([locale, text]) => ({ locale, text }));
    if (existing.format !== imported.format) changes.format = imported.format;
    if (imported.language && existing.language !== imported.language) changes.language = imported.language;
    if (existing.roomId !== roomId) changes.roomId = roomId === null ? null : String(roomId);
    if (existing.trackId !== trackId) changes.trackId = trackId === null ? null : String(trackId);
    if (
      (existing.startsAt?.getTime() ?? null) !== (startsAt?.getTime() ?? null) ||
      (existing.endsAt?.getTime() ?? null) !== (endsAt?.getTime() ?? null)
    ) {
      changes.startsAt = startsAt;
      changes.endsAt = endsAt;
    }
    if (!imported.cancelled && existing.status === SessionStatus.CANCELLED) changes.status = SessionStatus.CONFIRMED;
    let changed = false;
    if (Object.keys(changes).length) {
      await this.sessions.update(existing.id, changes, actor, manager);
      changed = true;
    }
    if (imported.cancelled && existing.status !== SessionStatus.CANCELLED) {
      await this.sessions.cancel(String(existing.id), actor, manager);
      changed = true;
    }
    const current = await manager.find(Appearance, { where: { sessionId: existing.id }, order: { position: 'ASC', id: 'ASC' } });
    // The line-up: who left it is taken out, whose role changed gets the new one, who is new is added.
    for (const appearance of current) {
      if (!lineUp.some((entry) => entry.speakerId === appearance.speakerId)) {
        await this.appearances.remove(String(appearance.id), actor, manager);
        changed = true;
      }
    }
    for (const entry of lineUp) {
      const already = current.find((appearance) => appearance.speakerId === entry.speakerId);
      if (!already) {
        await this.appearances.add(
          { sessionId: String(existing.id), speakerId: String(entry.speakerId), role: entry.role },
          actor,
          manager,
        );
        changed = true;
      } else if (already.role !== entry.role) {
        await this.appearances.update(String(already.id), { role: entry.role }, actor, manager);
        changed = true;
      }
    }
    return { id: existing.id, result: changed ? 'updated' : 'unchanged' };
  }
}
