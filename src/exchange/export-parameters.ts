import { canonicalLocale, Validation } from '../common/validation';
import { ReleaseChoice, readReleaseChoice } from '../releases/release-choice';

export type QueryParameters = Record<string, string | string[] | undefined>;

/** What an export's query string may ask for: `?locale=` and `?release=live|latest|N`. */
export interface ExportOptions {
  locale?: string;
  release?: string;
}

/**
 * Reads and checks an export's query parameters; a mistake fails with BAD_USER_INPUT naming the
 * parameter (400), and so does a parameter exports do not take.
 */
export function readExportParameters(query: QueryParameters): ExportOptions {
  const v = new Validation();
  for (const name of Object.keys(query)) if (name !== 'locale' && name !== 'release') v.fail(name, 'is not a parameter of this export');
  const one = (name: string) => {
    const values = [query[name] ?? []].flat().map((value) => value.trim());
    if (values.length > 1) v.fail(name, 'give it once');
    return values[0] || undefined;
  };
  const locale = one('locale');
  v.locale(locale, 'locale');
  const release = one('release')?.toLowerCase();
  v.throwIfFailed();
  readReleaseChoice(release);
  return { ...(locale ? { locale: canonicalLocale(locale) } : {}), ...(release ? { release } : {}) };
}

export function releaseOf(options: ExportOptions): ReleaseChoice | undefined {
  return readReleaseChoice(options.release);
}

/** The canonical query string (sorted, defaults left out): part of the address and the cache key. */
export function exportQueryString({ locale, release }: ExportOptions): string {
  const parameters = new URLSearchParams();
  if (locale) parameters.set('locale', locale);
  if (release) parameters.set('release', release);
  const query = parameters.toString();
  return query ? `?${query}` : '';
}
