import { badInput } from '../common/errors';

/** Which version of a programme a reader asks for: the live published one, the latest release, or one release. */
export type ReleaseChoice = { kind: 'live' } | { kind: 'latest' } | { kind: 'version'; version: number };

/** Reads `live`, `latest` or a version number; empty means the conference's own choice. */
export function readReleaseChoice(value: string | null | undefined, field = 'release'): ReleaseChoice | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const given = value.trim().toLowerCase();
  if (given === 'live') return { kind: 'live' };
  if (given === 'latest') return { kind: 'latest' };
  if (/^[1-9]\d{0,8}$/.test(given)) return { kind: 'version', version: Number(given) };
  throw badInput(field, `"${value}" is not "live", "latest" or a release number`);
}
