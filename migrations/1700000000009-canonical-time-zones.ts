import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conferences' time zones as tzdata spells them. Lectern once stored a zone as typed
 * ("europe/oslo"): valid to Intl and luxon, so times came out right, but feeds look a zone's
 * VTIMEZONE up by its exact name and wrote such a programme's events in UTC. New zones are stored
 * canonical; this turns the old ones so too. (Frozen: the canonical name is Intl's, as in
 * `canonicalZone` in src/common/validation.ts at the time.) Undoing keeps the canonical names:
 * they are the same zones.
 */
export class CanonicalTimeZones1700000000009 implements MigrationInterface {
  name = 'CanonicalTimeZones1700000000009';

  async up(runner: QueryRunner): Promise<void> {
    const rows: { id: number | string; timeZone: string }[] = await runner.query(`SELECT "id", "timeZone" FROM "conferences"`);
    for (const { id, timeZone } of rows) {
      const canonical = canonicalZone(timeZone);
      if (canonical !== undefined && canonical !== timeZone) {
        await runner.query(`UPDATE "conferences" SET "timeZone" = $1 WHERE "id" = $2`, [canonical, Number(id)]);
      }
    }
  }

  async down(): Promise<void> {}
}

function canonicalZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
