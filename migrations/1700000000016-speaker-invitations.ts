import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { instant, references } from './support/table-parts';

/** Invitations to speak, their single-use sign-in links, and the speaker sessions those open. */
export class SpeakerInvitations1700000000016 implements MigrationInterface {
  name = 'SpeakerInvitations1700000000016';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'speaker_invitations',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'conferenceId', type: 'integer' },
          { name: 'speakerId', type: 'integer' },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'locale', type: 'varchar', length: '8' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'invitedBy', type: 'integer', isNullable: true },
          instant('createdAt'),
          instant('updatedAt'),
          instant('respondedAt', true),
          instant('lastSentAt', true),
        ],
        indices: [
          { name: 'IDX_speaker_invitations_conference', columnNames: ['conferenceId'] },
          { name: 'IDX_speaker_invitations_speaker', columnNames: ['speakerId'] },
        ],
        foreignKeys: [
          references('FK_speaker_invitations_conference', 'conferenceId', 'conferences'),
          references('FK_speaker_invitations_speaker', 'speakerId', 'speakers'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'speaker_sign_in_links',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'invitationId', type: 'integer' },
          { name: 'hash', type: 'varchar', length: '64' },
          instant('createdAt'),
          instant('expiresAt'),
          instant('usedAt', true),
          instant('revokedAt', true),
        ],
        indices: [
          { name: 'IDX_speaker_sign_in_links_invitation', columnNames: ['invitationId'] },
          { name: 'UQ_speaker_sign_in_links_hash', columnNames: ['hash'], isUnique: true },
        ],
        foreignKeys: [references('FK_speaker_sign_in_links_invitation', 'invitationId', 'speaker_invitations')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'speaker_sessions',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'speakerId', type: 'integer' },
          { name: 'hash', type: 'varchar', length: '64' },
          instant('createdAt'),
          instant('expiresAt'),
          instant('endedAt', true),
        ],
        indices: [
          { name: 'IDX_speaker_sessions_speaker', columnNames: ['speakerId'] },
          { name: 'UQ_speaker_sessions_hash', columnNames: ['hash'], isUnique: true },
        ],
        foreignKeys: [references('FK_speaker_sessions_speaker', 'speakerId', 'speakers')],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('speaker_sessions');
    await runner.dropTable('speaker_sign_in_links');
    await runner.dropTable('speaker_invitations');
  }
}
