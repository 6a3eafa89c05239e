import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { requireSpeakerOwner, Viewer } from '../auth/viewer';
import { parseId, stamped } from '../common/entities';
import { badInput } from '../common/errors';
import { searchable } from '../common/localisation';
import { Transactions } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
import { SearchService } from '../search/search.service';
import { SpeakerSlug } from './speaker-slug.entity';
import { Speaker } from './speaker.entity';
import { SpeakerService } from './speaker.service';

/** Two records of one person, as a merge names them. */
export interface SpeakersToMerge {
  keepId: string;
  mergeId: string;
}

/**
 * The tables that name a speaker in a column of their own, moved to the kept person by one
 * UPDATE each. The programme's and the speaker's page's tables are read here by name, as
 * `SpeakerService.conferencesOf` reads them: the speakers module comes before the modules that
 * own them, and a merge must move every row at once. Tables whose rows may clash once they name
 * the kept person (appearances, interview speakers, questionnaire assignments) are moved by
 * `mergeRows` first; sign-in sessions simply end (the speaker signs in again with a link).
 */
const MOVED: readonly { table: string; column: string; where?: string }[] = [
  { table: 'interview_items', column: 'answeredById' },
  { table: 'speaker_invitations', column: 'speakerId' },
  { table: 'profile_changes', column: 'speakerId' },
  { table: 'profile_changes', column: 'proposedBySpeakerId' },
  { table: 'speaker_unavailability', column: 'speakerId' },
  { table: 'speaker_photos', column: 'speakerId' },
  { table: 'mail_outbox', column: 'speakerId' },
  { table: 'speaker_slugs', column: 'speakerId' },
  // What an import remembers of a source's person: a second import finds the kept one.
  { table: 'import_sources', column: 'entityId', where: `"kind" = 'speaker'` },
];

/** How far a questionnaire's answers have come: of two assignments of one questionnaire, the further one stays. */
const ASSIGNMENT_PROGRESS: Record<string, number> = { DRAFT: 0, RETURNED: 1, SUBMITTED: 2, APPROVED: 3 };

interface AssignmentRow {
  id: number | string;
  questionnaireId: number | string;
  speakerId: number | string;
  status: string;
  answers: string;
}

/** Its status first; between two of one status, one with answers is further than one without. */
const progressOf = (row: AssignmentRow) => (ASSIGNMENT_PROGRESS[row.status] ?? 0) * 2 + (/^\s*\{\s*\}\s*$/.test(row.answers) ? 0 : 1);

/**
 * Merges two records of the same person into one: everything that names the merged record moves
 * to the kept one, which takes the names, bio locales, links and photo it lacks, and answers for
 * the merged record's slugs from then on; the merged record is deleted.
 */
@Injectable()
export class SpeakerMerge {
  constructor(
    private readonly speakers: SpeakerService,
    private readonly transactions: Transactions,
    private readonly events: ProgrammeEvents,
    private readonly search: SearchService,
  ) {}

  /** Whoever merges must own both profiles (`ownsSpeaker`); a refusal changes nothing. */
  merge(input: SpeakersToMerge, actor: Viewer, within?: EntityManager): Promise<Speaker> {
    const keepId = parseId(input.keepId, 'speaker', 'input.keepId');
    const mergeId = parseId(input.mergeId, 'speaker', 'input.mergeId');
    if (keepId === mergeId) throw badInput('input.mergeId', 'is the speaker to keep: name another record of the same person');
    return this.transactions.run(async (manager) => {
      const keep = await this.speakers.require(manager, keepId, 'input.keepId');
      const merged = await this.speakers.require(manager, mergeId, 'input.mergeId');
      requireSpeakerOwner(actor, keep, 'input.keepId');
      requireSpeakerOwner(actor, merged, 'input.mergeId');

      const conferences = new Set([
        ...(await this.speakers.conferencesOf(manager, keepId)),
        ...(await this.speakers.conferencesOf(manager, mergeId)),
      ]);
      const sessionIds = await this.search.sessionsOfSpeaker(manager, mergeId);
      await this.mergeRows(manager, keep, mergeId);
      await this.touchSessions(manager, sessionIds, keepId);
      await manager.save(manager.create(SpeakerSlug, { slug: merged.slug, speakerId: keepId }));
      this.takeProfile(keep, merged);
      await this.requireNothingLeft(manager, mergeId);
      await manager.delete(Speaker, { id: mergeId });
      const saved = await manager.save(stamped(keep));

      await this.search.speakerRemoved(manager, mergeId, []);
      await this.search.indexSpeakers(manager, [keepId]);
      for (const conferenceId of conferences)
        this.events.record(manager, {
          kind: 'SPEAKER_CHANGED',
          conferenceId,
          speakerId: keepId,
          details: { merged: { id: mergeId, slug: merged.slug } },
        });
      return saved;
    }, within);
  }

  private async mergeRows(manager: EntityManager, keep: Speaker, mergeId: number): Promise<void> {
    const keepId = keep.id;
    const run = (sql: string) => query(manager, sql, { keepId, mergeId });

    // A session with both keeps the kept person's appearance: its role, place in the line-up, title
    // and organisation win (they are what that session's organisers said of the person kept); only
    // a title or organisation it lacks is taken from the merged one. A change proposed to the
    // merged appearance moves to the one kept, so no pending review is lost.
    const both = `FROM "appearances" "m" WHERE "m"."speakerId" = :mergeId AND "m"."sessionId" = "appearances"."sessionId"`;
    await run(
      `UPDATE "appearances" SET
         "title" = COALESCE("title", (SELECT "m"."title" ${both})),
         "organisation" = COALESCE("organisation", (SELECT "m"."organisation" ${both}))
       WHERE "speakerId" = :keepId AND EXISTS (SELECT 1 ${both})`,
    );
    await run(
      `UPDATE "profile_changes" SET "appearanceId" = (
         SELECT "k"."id" FROM "appearances" "k" INNER JOIN "appearances" "m" ON "m"."sessionId" = "k"."sessionId"
         WHERE "k"."speakerId" = :keepId AND "m"."speakerId" = :mergeId AND "m"."id" = "profile_changes"."appearanceId")
       WHERE "appearanceId" IN (
         SELECT "m"."id" FROM "appearances" "m" INNER JOIN "appearances" "k" ON "k"."sessionId" = "m"."sessionId"
         WHERE "k"."speakerId" = :keepId AND "m"."speakerId" = :mergeId)`,
    );
    await run(
      `DELETE FROM "appearances" WHERE "speakerId" = :mergeId
         AND "sessionId" IN (SELECT "k"."sessionId" FROM "appearances" "k" WHERE "k"."speakerId" = :keepId)`,
    );
    await run(`UPDATE "appearances" SET "speakerId" = :keepId WHERE "speakerId" = :mergeId`);

    // An interview with both keeps the kept person's place in it.
    await run(
      `DELETE FROM "interview_speakers" WHERE "speakerId" = :mergeId
         AND "interviewId" IN (SELECT "k"."interviewId" FROM "interview_speakers" "k" WHERE "k"."speakerId" = :keepId)`,
    );
    await run(`UPDATE "interview_speakers" SET "speakerId" = :keepId WHERE "speakerId" = :mergeId`);

    // Changes proposed to the merged profile are reviewed by the conference that owns the kept one.
    await query(manager, `UPDATE "profile_changes" SET "conferenceId" = :owner WHERE "speakerId" = :mergeId AND "appearanceId" IS NULL`, {
      owner: keep.ownerConferenceId,
      mergeId,
    });
    await this.mergeAssignments(manager, keepId, mergeId);
    await query(manager, `DELETE FROM "speaker_sessions" WHERE "speakerId" = :mergeId`, { mergeId });
    for (const { table, column, where } of MOVED)
      await run(`UPDATE "${table}" SET "${column}" = :keepId WHERE "${column}" = :mergeId${where ? ` AND ${where}` : ''}`);
  }

  /**
   * The sessions the merged record was in have a new line-up (another name, or one speaker
   * fewer): numbered 0, 1, 2… again, a revision higher and told as updated, as a change to a
   * line-up is (`SessionService.touch`, which the speakers module comes before).
   */
  private async touchSessions(manager: EntityManager, sessionIds: number[], keepId: number): Promise<void> {
    if (sessionIds.length === 0) return;
    const lineUps: { id: number | string; sessionId: number | string; position: number | string }[] = await query(
      manager,
      `SELECT "id", "sessionId", "position" FROM "appearances" WHERE "sessionId" IN (:...sessionIds) ORDER BY "sessionId", "position", "id"`,
      { sessionIds },
    );
    const next = new Map<number, number>();
    for (const appearance of lineUps) {
      const sessionId = Number(appearance.sessionId);
      const position = next.get(sessionId) ?? 0;
      next.set(sessionId, position + 1);
      if (Number(appearance.position) !== position)
        await query(manager, `UPDATE "appearances" SET "position" = :position WHERE "id" = :id`, { position, id: Number(appearance.id) });
    }
    await query(manager, `UPDATE "sessions" SET "revision" = "revision" + 1, "updatedAt" = :now WHERE "id" IN (:...sessionIds)`, {
      now: new Date().toISOString(),
      sessionIds,
    });
    const sessions: { id: number | string; conferenceId: number | string }[] = await query(
      manager,
      `SELECT "id", "conferenceId" FROM "sessions" WHERE "id" IN (:...sessionIds)`,
      { sessionIds },
    );
    for (const session of sessions)
      this.events.record(manager, {
        kind: 'SESSION_UPDATED',
        conferenceId: Number(session.conferenceId),
        sessionId: Number(session.id),
        speakerId: keepId,
        details: { speakers: true },
      });
  }

  /**
   * Deleting the merged record would take with it (or unlink) whatever still names it: a table
   * added later that `mergeRows` does not move fails the merge instead of losing its rows.
   */
  private async requireNothingLeft(manager: EntityManager, mergeId: number): Promise<void> {
    for (const entity of manager.connection.entityMetadatas) {
      for (const relation of entity.manyToOneRelations) {
        if (relation.inverseEntityMetadata.target !== Speaker) continue;
        for (const column of relation.joinColumns) {
          const left = await manager
            .createQueryBuilder()
            .from(entity.target, 'row')
            .where(`"row"."${column.databaseName}" = :mergeId`, { mergeId })
            .getExists();
          if (left)
            throw new Error(`${entity.tableName}.${column.databaseName} still names speaker ${mergeId}, which the merge does not move`);
        }
      }
    }
  }

  /**
   * Asked the same questionnaire twice, the person keeps the assignment whose answers have come
   * further (`progressOf`), the kept record's on a tie; the other goes.
   */
  private async mergeAssignments(manager: EntityManager, keepId: number, mergeId: number): Promise<void> {
    const rows: AssignmentRow[] = await query(
      manager,
      `SELECT "id", "questionnaireId", "speakerId", "status", "answers" FROM "questionnaire_assignments" WHERE "speakerId" IN (:keepId, :mergeId)`,
      { keepId, mergeId },
    );
    const kept = new Map(rows.filter((row) => Number(row.speakerId) === keepId).map((row) => [Number(row.questionnaireId), row]));
    for (const row of rows.filter((candidate) => Number(candidate.speakerId) === mergeId)) {
      const clash = kept.get(Number(row.questionnaireId));
      if (!clash) continue;
      const further = progressOf(row) > progressOf(clash);
      await query(manager, `DELETE FROM "questionnaire_assignments" WHERE "id" = :id`, { id: Number(further ? clash.id : row.id) });
    }
    await query(manager, `UPDATE "questionnaire_assignments" SET "speakerId" = :keepId WHERE "speakerId" = :mergeId`, { keepId, mergeId });
  }

  /**
   * The kept record's own values stay; it takes from the merged one only what it lacks: the
   * merged name and other spellings as other names, bio locales it has no text in, links to
   * addresses it does not link, and the photo and e-mail address when it has none.
   */
  private takeProfile(keep: Speaker, merged: Speaker): void {
    const names = [...keep.otherNames, merged.name, ...merged.otherNames];
    keep.otherNames = [...new Set(names.map((name) => name.trim()))].filter((name) => name && name !== keep.name);
    keep.bio = { ...merged.bio, ...keep.bio };
    const linked = new Set(keep.links.map((link) => link.url));
    keep.links = [...keep.links, ...merged.links.filter((link) => !linked.has(link.url))];
    if (!keep.photoUrl && merged.photoUrl) {
      keep.photoUrl = merged.photoUrl;
      keep.photoWidth = merged.photoWidth;
      keep.photoHeight = merged.photoHeight;
      keep.photoAlt = merged.photoAlt;
    }
    keep.email ??= merged.email;
    keep.searchText = searchable(keep.name, keep.otherNames.join(' '));
  }
}

/** Raw SQL with named parameters (`:keepId`), written in each engine's own placeholders by TypeORM's driver. */
function query<T = unknown>(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, number | number[] | string | null>,
): Promise<T> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters, {});
  return manager.query(text, values);
}
