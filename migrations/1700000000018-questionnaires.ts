import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Questionnaires organisers write for a conference and assign to speakers, who answer them on
 * their own page; published, they become an interview.
 */
export class Questionnaires1700000000018 implements MigrationInterface {
  name = 'Questionnaires1700000000018';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'questionnaires',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'conferenceId', type: 'integer' },
          { name: 'sessionId', type: 'integer', isNullable: true },
          { name: 'titlePattern', type: 'text' },
          { name: 'lead', type: 'text' },
          { name: 'locales', type: 'text' },
          { name: 'questions', type: 'text' },
          { name: 'dueAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'interviewId', type: 'integer', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
        indices: [
          { name: 'IDX_questionnaires_conference', columnNames: ['conferenceId', 'id'] },
          { name: 'IDX_questionnaires_due', columnNames: ['dueAt'] },
        ],
        foreignKeys: [
          {
            name: 'FK_questionnaires_conference',
            columnNames: ['conferenceId'],
            referencedTableName: 'conferences',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'FK_questionnaires_session',
            columnNames: ['sessionId'],
            referencedTableName: 'sessions',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          {
            name: 'FK_questionnaires_interview',
            columnNames: ['interviewId'],
            referencedTableName: 'interviews',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'questionnaire_assignments',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'questionnaireId', type: 'integer' },
          { name: 'speakerId', type: 'integer' },
          { name: 'questionKeys', type: 'text', isNullable: true },
          { name: 'answers', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '2000', isNullable: true },
          { name: 'submittedAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'remindedAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
        indices: [
          { name: 'UQ_questionnaire_assignments_speaker', columnNames: ['questionnaireId', 'speakerId'], isUnique: true },
          { name: 'IDX_questionnaire_assignments_speaker', columnNames: ['speakerId'] },
        ],
        foreignKeys: [
          {
            name: 'FK_questionnaire_assignments_questionnaire',
            columnNames: ['questionnaireId'],
            referencedTableName: 'questionnaires',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'FK_questionnaire_assignments_speaker',
            columnNames: ['speakerId'],
            referencedTableName: 'speakers',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('questionnaire_assignments');
    await runner.dropTable('questionnaires');
  }
}
