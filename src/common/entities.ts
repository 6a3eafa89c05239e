import { UserError } from './errors';
import { readGlobalId } from './global-id';

/** Ids are 32-bit integer columns on both engines; a larger number is no id of ours. */
const MAX_ID = 2_147_483_647;

/**
 * GraphQL IDs arrive as strings: the global id of a `what` (the type it names must be that one:
 * `what` "interview item" is an InterviewItem), or, deprecated, the bare number. Anything that is
 * not one of ours, another type's id included, is simply not found.
 */
export function parseId(value: string | number, what: string, field = 'id'): number {
  const id = typeof value === 'number' ? value : numberOf(value, what);
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID)
    throw new UserError('NOT_FOUND', `${field}: no ${what} "${String(value)}"`, field);
  return id;
}

function numberOf(value: string, what: string): number {
  const global = /^\d+$/.test(value) ? undefined : readGlobalId(value);
  const key = global ? (global.type === typeNameOf(what) ? global.key : '') : value;
  return /^\d{1,10}$/.test(key) ? Number(key) : NaN;
}

/** "interview item" → "InterviewItem": the GraphQL type a noun of parseId's names. */
function typeNameOf(what: string): string {
  return what.replace(/(?:^|\s+)([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Copies the fields an update names; `undefined` leaves a field alone, `null` clears it. */
export function applyChanges<T extends object>(target: T, changes: Partial<T>): T {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

export function stamped<T extends { createdAt?: Date; updatedAt?: Date }>(entity: T, now = new Date()): T {
  entity.createdAt ??= now;
  entity.updatedAt = now;
  return entity;
}

/** Turns a unique-index violation into a CONFLICT on the field the index guards. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return code === 'SQLITE_CONSTRAINT' || code === '23505';
}
