import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Organiser } from '../auth/organiser.entity';
import { requireOrganiserOf, Viewer } from '../auth/viewer';
import { isUniqueViolation } from '../common/entities';
import { conflict, notFound, UserError } from '../common/errors';
import { Validation } from '../common/validation';
import { Conference, ProgrammeFollows } from '../conferences/conference.entity';
import { ConflictService } from '../conflicts/conflict.service';
import { Transactions } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
import { changedAfter, compareProgrammes } from './changelog';
import { PublishedProgramme, readLiveProgramme } from '../published/published-programme';
import { isPublicConference } from '../published/public-rule';
import { ReleaseChoice } from './release-choice';
import { Changelog } from './release.types';
import { ScheduleRelease } from './schedule-release.entity';

const NAME_MAX = 200;
const NOTE_MAX = 5000;
/** Parsed release programmes kept in memory, by release id: enough for every conference's latest few. */
const PARSED_RELEASES_KEPT = 32;

/** A version of the programme a reader follows: a release, or the live published programme (release null). */
export interface FollowedProgramme {
  release: ScheduleRelease | null;
  programme: PublishedProgramme;
}

/**
 * Schedule releases: the published programme frozen as numbered versions, their changelogs
 * (computed by comparing the stored versions), and which version a reader follows.
 */
@Injectable()
export class ReleaseService {
  private readonly parsed = new Map<number, PublishedProgramme>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly conflicts: ConflictService,
    private readonly events: ProgrammeEvents,
  ) {}

  /** Freezes what the public sees now as the next version; refused while ERROR conflicts touch it. */
  release(
    conferenceSlug: string,
    name: string,
    note: string | null | undefined,
    actor: Viewer,
    within?: EntityManager,
  ): Promise<ScheduleRelease> {
    return this.transactions.run(async (manager) => {
      const conference = await manager.findOneBy(Conference, { slug: conferenceSlug });
      if (!conference) throw notFound('conference', 'conferenceSlug', conferenceSlug);
      requireOrganiserOf(actor, conference.id, 'conferenceSlug');
      new Validation()
        .required(name?.trim() || undefined, 'name')
        .maxLength(name, NAME_MAX, 'name')
        .maxLength(note, NOTE_MAX, 'note')
        .throwIfFailed();
      if (!isPublicConference(conference)) throw conflict('conferenceSlug', 'publish the conference before releasing its schedule');
      const blocking = (await this.conflicts.detect(conference, actor, manager)).filter((c) => c.blocksRelease);
      if (blocking.length) {
        throw new UserError(
          'CONFLICT',
          `conferenceSlug: ${blocking.length} conflict${blocking.length === 1 ? '' : 's'} must be solved before a release: ${blocking.map((c) => c.message).join(' ')}`,
          'conferenceSlug',
          blocking.map((c) => ({ field: `conflicts.${c.code}`, message: c.message })),
        );
      }
      const latest = await this.latestIn(manager, conference.id);
      const releasedBy = actor.organiserId === null ? null : await manager.findOneBy(Organiser, { id: actor.organiserId });
      const programme = await readLiveProgramme(manager, conference);
      const release = manager.create(ScheduleRelease, {
        conferenceId: conference.id,
        version: (latest?.version ?? 0) + 1,
        name: name.trim(),
        note: note?.trim() || null,
        releasedAt: new Date(),
        releasedById: releasedBy?.id ?? null,
        releasedByName: releasedBy?.name ?? null,
        programme: JSON.stringify(programme),
      });
      try {
        await manager.save(ScheduleRelease, release);
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('conferenceSlug', 'another release of this conference was made at the same moment; try again');
        throw error;
      }
      this.events.record(manager, { kind: 'RELEASE_PUBLISHED', conferenceId: conference.id, version: release.version });
      return release;
    }, within);
  }

  /** Newest first. */
  list(conferenceId: number): Promise<ScheduleRelease[]> {
    return this.dataSource.getRepository(ScheduleRelease).find({ where: { conferenceId }, order: { version: 'DESC' } });
  }

  async byVersion(conferenceId: number, version: number, field = 'version'): Promise<ScheduleRelease> {
    const release = await this.dataSource.getRepository(ScheduleRelease).findOneBy({ conferenceId, version });
    if (!release) throw notFound('release', field, version);
    return release;
  }

  /** A release never changes: its programme is parsed once and kept (the few most recently read). */
  async programmeOf(release: ScheduleRelease): Promise<PublishedProgramme> {
    const kept = this.parsed.get(release.id);
    if (kept) {
      this.parsed.delete(release.id);
      this.parsed.set(release.id, kept);
      return kept;
    }
    const row = await this.dataSource
      .getRepository(ScheduleRelease)
      .createQueryBuilder('release')
      .select('release.programme', 'programme')
      .where('release.id = :id', { id: release.id })
      .getRawOne<{ programme: string }>();
    const programme = JSON.parse(row!.programme) as PublishedProgramme;
    this.parsed.set(release.id, programme);
    if (this.parsed.size > PARSED_RELEASES_KEPT) this.parsed.delete(this.parsed.keys().next().value!);
    return programme;
  }

  /** The release against the one before it (the first release: everything added). */
  async changelogOf(release: ScheduleRelease): Promise<Changelog> {
    const previous = await this.dataSource
      .getRepository(ScheduleRelease)
      .createQueryBuilder('release')
      .where('release.conferenceId = :conferenceId AND release.version < :version', {
        conferenceId: release.conferenceId,
        version: release.version,
      })
      .orderBy('release.version', 'DESC')
      .getOne();
    const [before, after] = await Promise.all([previous ? this.programmeOf(previous) : null, this.programmeOf(release)]);
    return compareProgrammes(before, after, { fromVersion: previous?.version ?? null, toVersion: release.version });
  }

  /**
   * What changed since a release (to the programme the reader follows), or since a moment: then
   * from the last release made by that moment, narrowed to sessions changed after it.
   */
  async changesSince(
    conference: Conference,
    from: { version?: number | null; since?: Date | null },
    to: ReleaseChoice | undefined,
  ): Promise<Changelog> {
    const v = new Validation();
    v.check(
      (from.version == null) !== (from.since == null),
      from.version == null ? 'version' : 'since',
      'give either a release version or a time, not both',
    );
    v.throwIfFailed();
    const target = await this.followed(conference, to);
    const toVersion = target.release?.version ?? null;
    if (from.version != null) {
      const base = await this.byVersion(conference.id, from.version);
      return compareProgrammes(await this.programmeOf(base), target.programme, { fromVersion: base.version, toVersion });
    }
    const since = from.since!;
    const base = await this.dataSource
      .getRepository(ScheduleRelease)
      .createQueryBuilder('release')
      .where('release.conferenceId = :conferenceId AND release.releasedAt <= :since', {
        conferenceId: conference.id,
        since: since.toISOString(),
      })
      .orderBy('release.version', 'DESC')
      .getOne();
    const log = compareProgrammes(base ? await this.programmeOf(base) : null, target.programme, {
      fromVersion: base?.version ?? null,
      toVersion,
    });
    return changedAfter(log, since, target.programme);
  }

  /** The version a reader gets: the one asked for, else the one the conference follows. */
  async followed(conference: Conference, choice: ReleaseChoice | undefined): Promise<FollowedProgramme> {
    const release = await this.chosenRelease(conference, choice);
    if (release) return { release, programme: await this.programmeOf(release) };
    return { release: null, programme: await readLiveProgramme(this.dataSource.manager, conference) };
  }

  /**
   * The release a reader gets, or null for the live programme: the one asked for, else the latest
   * when the conference follows its releases (and has one; a reader who asked for the latest of
   * a conference with none is told). A conference that follows its live programme costs no statement.
   */
  async chosenRelease(conference: Conference, choice: ReleaseChoice | undefined): Promise<ScheduleRelease | null> {
    const wanted: ReleaseChoice =
      choice ?? (conference.programmeFollows === ProgrammeFollows.LATEST_RELEASE ? { kind: 'latest' } : { kind: 'live' });
    if (wanted.kind === 'version') return this.byVersion(conference.id, wanted.version, 'release');
    if (wanted.kind === 'live') return null;
    const release = await this.latestIn(this.dataSource.manager, conference.id);
    if (!release && choice) throw notFound('release', 'release', 'latest');
    return release;
  }

  private latestIn(manager: EntityManager, conferenceId: number): Promise<ScheduleRelease | null> {
    return manager.getRepository(ScheduleRelease).findOne({ where: { conferenceId }, order: { version: 'DESC' } });
  }
}
