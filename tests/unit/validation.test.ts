import {
  canonicalLocale,
  canonicalZone,
  EMAIL_MAX,
  hasText,
  isEmailAddress,
  isHttpUrl,
  isIanaZone,
  isIsoDate,
  knownLocale,
  Validation,
} from '../../src/common/validation';

describe('validation rules', () => {
  it('knows IANA zones, and refuses offsets and inventions', () => {
    expect(isIanaZone('Europe/Stockholm')).toBe(true);
    expect(isIanaZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaZone('UTC')).toBe(true);
    for (const zone of ['UTC+1', '+01:00', 'Europe/Atlantis', '', 'europe stockholm']) expect(isIanaZone(zone)).toBe(false);
  });

  it('canonicalises zones to the name tzdata spells, so that feeds find their VTIMEZONE', () => {
    expect(canonicalZone('europe/oslo')).toBe('Europe/Oslo');
    expect(canonicalZone('EUROPE/STOCKHOLM')).toBe('Europe/Stockholm');
    expect(canonicalZone('america/argentina/buenos_aires')).toBe('America/Buenos_Aires');
    expect(canonicalZone('utc')).toBe('UTC');
    expect(canonicalZone('Europe/Helsinki')).toBe('Europe/Helsinki');
    for (const zone of ['UTC+1', '+01:00', 'Europe/Atlantis', '', 'europe oslo']) expect(canonicalZone(zone)).toBeUndefined();
    expect(isIanaZone('europe/oslo')).toBe(true);
  });

  it('knows real languages, Nordic ones included, and refuses inventions', () => {
    for (const tag of ['sv', 'nb', 'nn', 'en', 'se', 'fi', 'da', 'is', 'fo', 'kl', 'smj', 'sma', 'fit', 'fkv', 'en-GB', 'zh-Hant-TW'])
      expect(knownLocale(tag)).toBe(canonicalLocale(tag));
    expect(knownLocale('nob')).toBe('nb');
    expect(knownLocale('EN-gb')).toBe('en-GB');
    for (const tag of ['norsk', 'xx', 'und', 'qaa', 'xx-SE', 'not a locale', '']) expect(knownLocale(tag)).toBeUndefined();
    expect(() => new Validation().locale('norsk', 'defaultLocale').throwIfFailed()).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'defaultLocale' }),
    );
  });

  it('canonicalises BCP 47 tags and refuses what is none', () => {
    expect(canonicalLocale('sv')).toBe('sv');
    expect(canonicalLocale('en-gb')).toBe('en-GB');
    expect(canonicalLocale('nb-NO')).toBe('nb-NO');
    for (const tag of ['', 'not a locale', '12', 'en_GB!']) expect(canonicalLocale(tag)).toBeUndefined();
  });

  it('accepts absolute http(s) URLs only', () => {
    expect(isHttpUrl('https://internetdagarna.se/program/')).toBe(true);
    for (const url of ['javascript:alert(1)', 'ftp://x.org', '/relative', 'data:text/html,x', 'https://'])
      expect(isHttpUrl(url)).toBe(false);
  });

  it('takes a URL as typed: scheme://host, with a real host', () => {
    for (const url of [
      'http://localhost:3000/x',
      'https://127.0.0.1/',
      'https://[::1]/',
      'https://xn--bcher-kva.example/',
      'HTTPS://Example.ORG',
    ])
      expect(isHttpUrl(url)).toBe(true);
    // Each of these parses in WHATWG URL, most of them as "http://x/".
    for (const url of [
      'http:/x',
      'http:x',
      'http:\\\\x',
      'http:/\\x',
      ' https://example.org',
      'https://example.org/a b',
      'http://x',
      'https://example.',
    ])
      expect(isHttpUrl(url)).toBe(false);
  });

  it('accepts e-mail addresses of everyday shape, at most 254 characters', () => {
    for (const email of ['anna@example.org', 'anna.berg+lectern@mail.example.se', 'anna@bücher.example'])
      expect(isEmailAddress(email)).toBe(true);
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.se`;
    expect(longest).toHaveLength(EMAIL_MAX);
    expect(isEmailAddress(longest)).toBe(true);
    expect(isEmailAddress(`${'a'.repeat(494)}@example.org`)).toBe(false);
    for (const email of [
      'anna',
      'anna@',
      '@example.org',
      'anna@example',
      'an na@example.org',
      'anna@@example.org',
      '.anna@example.org',
      'an..na@example.org',
      'anna@exa mple.org',
      `${'a'.repeat(65)}@example.org`,
    ])
      expect(isEmailAddress(email)).toBe(false);
    expect(() => new Validation().email(`${'a'.repeat(494)}@example.org`).throwIfFailed()).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'email', message: 'email: must be at most 254 characters' }),
    );
  });

  it('knows a localised text that says nothing', () => {
    expect(hasText({ sv: 'Hej' })).toBe(true);
    for (const text of [{}, { sv: '' }, { sv: '  ', en: '' }, null, undefined] as (Record<string, string> | null | undefined)[])
      expect(hasText(text)).toBe(false);
    expect(() => new Validation().someText({ sv: ' ' }, 'items[0].question').throwIfFailed()).toThrow(
      expect.objectContaining({ field: 'items[0].question' }),
    );
  });

  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    for (const date of ['2021-02-29', '2020-13-01', '2020-1-1', '24/11/2020']) expect(isIsoDate(date)).toBe(false);
  });

  it('reports every problem at once, the first one as the field', () => {
    const v = new Validation().slug('Bad Slug').timeZone('Nowhere/Here').url('ftp://x', 'websiteUrl');
    expect(() => v.throwIfFailed()).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'slug' }));
  });
});
