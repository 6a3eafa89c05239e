import { chooseLocale, localise, searchable } from '../../src/common/localisation';

describe('choosing a locale for a reader', () => {
  const text = { nb: 'Innovasjon', en: 'Innovation' };

  it.each([
    ['en', 'nb', 'Innovation'],
    ['en-GB', 'nb', 'Innovation'],
    ['no', 'en', 'Innovasjon'],
    ['nn', 'en', 'Innovasjon'],
    ['de', 'nb', 'Innovasjon'],
    ['de', 'en', 'Innovation'],
    [undefined, 'en', 'Innovation'],
    [undefined, undefined, 'Innovasjon'],
  ])('asked for %s with fallback %s gives %s', (wanted, fallback, expected) => {
    expect(localise(text, wanted, fallback)).toBe(expected);
  });

  it('prefers the exact regional variant over the bare language', () => {
    expect(chooseLocale(['en', 'en-GB'], 'en-GB')).toBe('en-GB');
    expect(chooseLocale(['en-US', 'sv'], 'en-GB', 'sv')).toBe('en-US');
  });

  it('has nothing to give for an empty text', () => {
    expect(localise({}, 'sv', 'sv')).toBeNull();
    expect(localise(null, 'sv')).toBeNull();
  });
});

describe('search text', () => {
  it('folds case and accents alike on every engine', () => {
    expect(searchable('Innovation i samhällets TJÄNST', { en: 'Erik Sandström' })).toBe('innovation i samhallets tjanst erik sandstrom');
  });
});
