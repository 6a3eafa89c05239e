import { canonicalLocale, isHttpUrl, isIanaZone, isIsoDate, Validation } from '../../src/common/validation';

describe('validation rules', () => {
  it('knows IANA zones, and refuses offsets and inventions', () => {
    expect(isIanaZone('Europe/Stockholm')).toBe(true);
    expect(isIanaZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaZone('UTC')).toBe(true);
    for (const zone of ['UTC+1', '+01:00', 'Europe/Atlantis', '', 'europe stockholm']) expect(isIanaZone(zone)).toBe(false);
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

  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    for (const date of ['2021-02-29', '2020-13-01', '2020-1-1', '24/11/2020']) expect(isIsoDate(date)).toBe(false);
  });

  it('reports every problem at once, the first one as the field', () => {
    const v = new Validation().slug('Bad Slug').timeZone('Nowhere/Here').url('ftp://x', 'websiteUrl');
    expect(() => v.throwIfFailed()).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'slug' }));
  });
});
