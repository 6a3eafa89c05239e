import { UserError } from '../../src/common/errors';
import { MAX_LIST_VALUES } from '../../src/common/query-limits';
import {
  asQueryParameters,
  feedQueryString,
  isDownload,
  MultidayDisplay,
  QueryParameters,
  readFeedParameters,
} from '../../src/calendar/feed-parameters';

function refusal(query: QueryParameters, withFilter = true): UserError {
  try {
    readFeedParameters(query, { withFilter });
  } catch (error) {
    return error as UserError;
  }
  throw new Error('expected the parameters to be refused');
}

describe('feed parameters', () => {
  it('reads repeated filters, normalises them, and gives them back as one canonical query string', () => {
    const options = readFeedParameters(
      {
        track: ['b', 'a', 'a'],
        format: 'talk',
        day: '2020-11-24',
        language: 'EN-gb',
        text: ' öppna data ',
        locale: 'sv-se',
        multiday: 'allday',
      },
      { withFilter: true },
    );
    expect(options).toEqual({
      locale: 'sv-SE',
      multiday: MultidayDisplay.ALLDAY,
      filter: { track: ['a', 'b'], format: ['TALK'], day: ['2020-11-24'], language: ['en-GB'], text: 'öppna data' },
    });
    const query = feedQueryString(options);
    expect(query).toBe('?track=a&track=b&day=2020-11-24&format=TALK&language=en-GB&text=%C3%B6ppna+data&locale=sv-SE&multiday=allday');
    expect(readFeedParameters(Object.fromEntries(new URLSearchParams(query)), { withFilter: true }).filter.text).toBe('öppna data');
    expect(readFeedParameters(asQueryParameters(options), { withFilter: true })).toEqual(options);
  });

  it('leaves the defaults out of the query string', () => {
    expect(feedQueryString(readFeedParameters({ multiday: 'timed' }, { withFilter: true }))).toBe('');
  });

  it.each<[string, QueryParameters, string]>([
    ['an impossible day', { day: '2020-02-30' }, 'day'],
    ['an unknown format', { format: 'SPEECH' }, 'format'],
    ['an unknown status', { status: 'DONE' }, 'status'],
    ['a slug with spaces', { track: 'Not A Slug' }, 'track'],
    ['a language that is no tag', { language: '!!' }, 'language'],
    ['a locale that is no tag', { locale: 'not a locale' }, 'locale'],
    ['an unknown multiday display', { multiday: 'stretched' }, 'multiday'],
    ['text given twice', { text: ['a', 'b'] }, 'text'],
    ['a misspelt parameter', { trak: 'a' }, 'trak'],
    ['too many values', { room: Array.from({ length: MAX_LIST_VALUES + 1 }, (_, i) => `room-${i}`) }, 'room'],
    ['one value too many times', { day: Array(MAX_LIST_VALUES + 1).fill('2020-11-24') }, 'day'],
  ])('refuses %s, naming the parameter', (_, query, parameter) => {
    const error = refusal(query);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: parameter });
    expect(error.message.startsWith(`${parameter}: `)).toBe(true);
  });

  it('refuses filters on a feed that takes none', () => {
    expect(refusal({ format: 'TALK' }, false)).toMatchObject({ field: 'format' });
  });

  it('takes download=1 where asked, keeping it out of the options and so out of the cache key', () => {
    const options = readFeedParameters({ download: '1', locale: 'en' }, { withFilter: true, withDownload: true });
    expect(options).toEqual(readFeedParameters({ locale: 'en' }, { withFilter: true }));
    expect(feedQueryString(options)).toBe('?locale=en');
    expect(isDownload({ download: '1' })).toBe(true);
    expect(isDownload({})).toBe(false);
    expect(refusal({ download: '1' })).toMatchObject({ field: 'download' });
    for (const download of ['2', 'yes', '', ['1', '1']]) {
      expect(() => readFeedParameters({ download }, { withFilter: false, withDownload: true })).toThrow(/^download: /);
    }
  });
});
