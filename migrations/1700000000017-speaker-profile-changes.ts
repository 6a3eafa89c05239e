import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { instant, references } from './support/table-parts';

/**
 * Changes speakers propose to their own profile and appearances, reviewed by the organisers of a
 * conference unless it lets them publish at once; and the times a speaker cannot speak.
 */
export class SpeakerProfileChanges1700000000017 implements MigrationInterface {
  name = 'SpeakerProfileChanges1700000000017';

  async up(runner: QueryRunner): Promise<void> {
    // SQLite keeps booleans as 0/1 and compares defaults in that form (no drift against the entities).
    const yes = runner.connection.options.type === 'sqlite' ? 1 : true;
    await runner.addColumn('conferences', new TableColumn({ name: 'speakerChangesNeedReview', type: 'boolean', default: yes }));
    await runner.createTable(
      new Table({
        name: 'profile_changes',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'speakerId', type: 'integer' },
          { name: 'appearanceId', type: 'integer', isNullable: true },
          { name: 'conferenceId', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'changes', type: 'text' },
          { name: 'before', type: 'text' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'proposedBySpeakerId', type: 'integer', isNullable: true },
          { name: 'proposedByOrganiserId', type: 'integer', isNullable: true },
          { name: 'reviewedByOrganiserId', type: 'integer', isNullable: true },
          instant('createdAt'),
          instant('updatedAt'),
          instant('reviewedAt', true),
        ],
        indices: [
          { name: 'IDX_profile_changes_speaker', columnNames: ['speakerId'] },
          { name: 'IDX_profile_changes_conference_status', columnNames: ['conferenceId', 'status'] },
        ],
        foreignKeys: [
          references('FK_profile_changes_speaker', 'speakerId', 'speakers'),
          references('FK_profile_changes_appearance', 'appearanceId', 'appearances'),
          references('FK_profile_changes_conference', 'conferenceId', 'conferences'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'speaker_unavailability',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'speakerId', type: 'integer' },
          instant('startsAt'),
          instant('endsAt'),
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          instant('createdAt'),
        ],
        indices: [{ name: 'IDX_speaker_unavailability_speaker', columnNames: ['speakerId'] }],
        foreignKeys: [references('FK_speaker_unavailability_speaker', 'speakerId', 'speakers')],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('speaker_unavailability');
    await runner.dropTable('profile_changes');
    await runner.dropColumn('conferences', 'speakerChangesNeedReview');
  }
}
