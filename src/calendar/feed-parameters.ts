import { registerEnumType } from '@nestjs/graphql';
import { withinListLimit } from '../common/query-limits';
import { canonicalLocale, Validation } from '../common/validation';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';
import { SessionFilter } from '../sessions/session.inputs';

export enum MultidayDisplay {
  TIMED = 'timed',
  ALLDAY = 'allday',
}
registerEnumType(MultidayDisplay, {
  name: 'MultidayDisplay',
  description: 'How a feed shows a session over several days: as one timed entry (default), or as all-day entries.',
  valuesMap: {
    TIMED: { description: 'One entry from its start to its end.' },
    ALLDAY: { description: 'One all-day entry for each day it spans.' },
  },
});

/** What a feed's query string may ask for. The programme feeds also take the `sessions` query's filter. */
export interface FeedOptions {
  locale?: string;
  multiday: MultidayDisplay;
  filter: SessionFilter;
  /** "live", "latest" or a release number; empty: what the conference follows. Conference, track and room feeds only. */
  release?: string;
}

export type QueryParameters = Record<string, string | string[] | undefined>;

/** The filter's list fields, in the order a canonical query string gives them. */
const LIST_FILTERS = ['track', 'room', 'speaker', 'day', 'format', 'language', 'status'] as const;
const TEXT_MAX = 200;

/**
 * Reads and checks a feed's query parameters (`?track=a&track=b&format=TALK&locale=en`).
 * A mistake fails with BAD_USER_INPUT naming the parameter; an unknown parameter is a mistake too,
 * since a misspelt filter would otherwise subscribe the reader to more than they chose.
 * `withDownload` lets the request carry `download=1` (see `isDownload`), checked here with the rest
 * but kept out of the options: the file is the feed itself, under the feed's own cache key.
 */
export function readFeedParameters(
  query: QueryParameters,
  { withFilter, withRelease = withFilter, withDownload = false }: { withFilter: boolean; withRelease?: boolean; withDownload?: boolean },
): FeedOptions {
  const v = new Validation();
  const known = new Set<string>([
    'locale',
    'multiday',
    ...(withFilter ? [...LIST_FILTERS, 'text'] : []),
    ...(withRelease ? ['release'] : []),
    ...(withDownload ? ['download'] : []),
  ]);
  for (const name of Object.keys(query)) if (!known.has(name)) v.fail(name, 'is not a parameter of this feed');

  const all = (name: string) => [query[name] ?? []].flat().map((value) => value.trim());
  const one = (name: string) => {
    const values = all(name);
    if (values.length > 1) v.fail(name, 'give it once');
    return values[0] || undefined;
  };

  const filter: SessionFilter = {};
  if (withFilter) {
    for (const name of LIST_FILTERS) {
      const given = all(name);
      if (!withinListLimit(v, given, name)) continue;
      given.forEach((value) => checkFilterValue(v, name, value));
      const values = [...new Set(given.map((value) => normalise(name, value)))].sort();
      if (values.length) Object.assign(filter, { [name]: values });
    }
    const text = one('text');
    v.maxLength(text, TEXT_MAX, 'text');
    if (text) filter.text = text;
  }

  const locale = one('locale');
  v.locale(locale, 'locale');
  const multiday = one('multiday') ?? MultidayDisplay.TIMED;
  v.check(
    Object.values<string>(MultidayDisplay).includes(multiday),
    'multiday',
    `"${multiday}" is not one of ${Object.values(MultidayDisplay).join(', ')}`,
  );
  if (withDownload && query.download !== undefined) {
    // One spelling only, so that a download address is never two addresses (and two remembered validators).
    const given = [query.download].flat();
    if (given.length > 1) v.fail('download', 'give it once');
    else v.check(given[0] === '1', 'download', `"${given[0]}" is not 1: give download=1 for a file to save, or leave it out to subscribe`);
  }
  const release = one('release')?.toLowerCase();
  if (release) v.check(/^(live|latest|[1-9]\d{0,8})$/.test(release), 'release', `"${release}" is not "live", "latest" or a release number`);
  v.throwIfFailed();
  return { locale: locale && canonicalLocale(locale), multiday: multiday as MultidayDisplay, filter, ...(release ? { release } : {}) };
}

/** Whether a feed request, already read by `readFeedParameters` with `withDownload`, asks for a file to save. */
export function isDownload(query: QueryParameters): boolean {
  return query.download === '1';
}

/** The canonical query string of a feed (sorted, defaults left out): the feed's URL and its cache key. */
export function feedQueryString({ locale, multiday, filter, release }: Partial<FeedOptions>): string {
  const parameters = new URLSearchParams();
  for (const name of LIST_FILTERS) for (const value of filter?.[name] ?? []) parameters.append(name, value);
  if (filter?.text) parameters.set('text', filter.text);
  if (locale) parameters.set('locale', locale);
  if (multiday === MultidayDisplay.ALLDAY) parameters.set('multiday', multiday);
  if (release) parameters.set('release', release);
  const query = parameters.toString();
  return query ? `?${query}` : '';
}

/** The query-parameter form of options given through GraphQL, to be read (and checked) like a request's. */
export function asQueryParameters({ locale, multiday, filter, release }: Partial<FeedOptions>): QueryParameters {
  const parameters: QueryParameters = {};
  for (const name of LIST_FILTERS) if (filter?.[name]?.length) parameters[name] = filter[name]!.map(String);
  if (filter?.text?.trim()) parameters.text = filter.text;
  if (locale) parameters.locale = locale;
  if (multiday) parameters.multiday = multiday;
  if (release) parameters.release = release;
  return parameters;
}

function checkFilterValue(v: Validation, name: (typeof LIST_FILTERS)[number], value: string): void {
  if (name === 'track' || name === 'room' || name === 'speaker') v.slug(value, name);
  else if (name === 'day') v.date(value, name);
  else if (name === 'language') v.locale(value, name);
  else {
    const allowed: string[] = Object.values(name === 'format' ? SessionFormat : SessionStatus);
    v.check(allowed.includes(value.toUpperCase()), name, `"${value}" is not one of ${allowed.join(', ')}`);
  }
}

function normalise(name: (typeof LIST_FILTERS)[number], value: string): string {
  if (name === 'format' || name === 'status') return value.toUpperCase();
  if (name === 'language') return canonicalLocale(value) ?? value;
  return value;
}
