import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';

/**
 * Who owns a speaker's profile: the conference that brought the person in. Linking a person to a
 * session no longer makes their profile (and e-mail) yours. Existing speakers go to the conference
 * of their first appearance (the lowest appearance id), else of their first interview; a person in
 * neither stays with the admins (null).
 */
export class SpeakerOwners1700000000008 implements MigrationInterface {
  name = 'SpeakerOwners1700000000008';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('speakers', new TableColumn({ name: 'ownerConferenceId', type: 'integer', isNullable: true }));
    await runner.createIndex('speakers', new TableIndex({ name: 'IDX_speakers_owner_conference', columnNames: ['ownerConferenceId'] }));
    await runner.createForeignKey(
      'speakers',
      new TableForeignKey({
        name: 'FK_speakers_owner_conference',
        columnNames: ['ownerConferenceId'],
        referencedTableName: 'conferences',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
      }),
    );
    await runner.query(
      `UPDATE "speakers" SET "ownerConferenceId" = COALESCE(
         (SELECT "s"."conferenceId" FROM "appearances" "a" INNER JOIN "sessions" "s" ON "s"."id" = "a"."sessionId"
          WHERE "a"."speakerId" = "speakers"."id" ORDER BY "a"."id" ASC LIMIT 1),
         (SELECT "i"."conferenceId" FROM "interview_speakers" "iv" INNER JOIN "interviews" "i" ON "i"."id" = "iv"."interviewId"
          WHERE "iv"."speakerId" = "speakers"."id" AND "i"."conferenceId" IS NOT NULL ORDER BY "i"."id" ASC LIMIT 1))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropForeignKey('speakers', 'FK_speakers_owner_conference');
    await runner.dropIndex('speakers', 'IDX_speakers_owner_conference');
    await runner.dropColumn('speakers', 'ownerConferenceId');
  }
}
