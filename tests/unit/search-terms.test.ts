import { MAX_QUERY_TOKENS, nameTokens, queryTokens, searchTokens, sessionDocument, speakerDocument } from '../../src/search/search-terms';

describe('search words', () => {
  it('folds case and accents like searchable, and splits at anything but letters and digits', () => {
    expect(searchTokens('Internetdagarna: Öppna DATA i e-förvaltningen (2020)!')).toEqual([
      'internetdagarna',
      'oppna',
      'data',
      'i',
      'e',
      'forvaltningen',
      '2020',
    ]);
    expect(searchTokens({ sv: 'Samhällets tjänst', en: 'IPv6 på lanér.se' })).toEqual([
      'samhallets',
      'tjanst',
      'ipv6',
      'pa',
      'laner',
      'se',
    ]);
    // ø and æ are letters of their own in Norwegian, as searchable keeps them.
    expect(searchTokens('Løkke Jøsendal')).toEqual(['løkke', 'jøsendal']);
  });

  it('cuts very long words, so that the same cut word finds itself', () => {
    const long = 'a'.repeat(5000);
    expect(searchTokens(long)[0]).toHaveLength(64);
    expect(queryTokens(long)).toEqual(searchTokens(long));
  });

  it('indexes every inner part of a name of two letters or more', () => {
    expect(nameTokens('Eirik Ek')).toEqual(['eirik', 'irik', 'rik', 'ik', 'ek']);
    expect(speakerDocument('carl-martin laner carl-magnus laner')).toEqual(
      expect.arrayContaining(['carl', 'arl', 'martin', 'tin', 'magnus', 'laner', 'aner', 'er']),
    );
    // Each word once.
    const document = speakerDocument('carl-martin laner carl-magnus laner');
    expect(new Set(document).size).toBe(document.length);
  });

  it("keeps a session's own words whole and its speakers' names in parts", () => {
    const document = sessionDocument('internetdagarna i kommunen', ['asa lindstrom']);
    expect(document).toEqual(expect.arrayContaining(['internetdagarna', 'kommunen', 'asa', 'lindstrom', 'strom']));
    expect(document).not.toContain('dagarna');
  });

  it('reads a search as words only: no operators, quotes or wildcards survive', () => {
    expect(queryTokens('"öppna data" -NEAR(x* AND y) OR \'z\'')).toEqual(['oppna', 'data', 'near', 'x', 'and', 'y', 'or', 'z']);
    expect(queryTokens('data data DATA')).toEqual(['data']);
    expect(queryTokens(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_QUERY_TOKENS);
  });

  it('tells a blank search (no narrowing) from one without any word (nothing matches)', () => {
    for (const blank of [undefined, null, '', '   ', '\t\n']) expect(queryTokens(blank)).toBeNull();
    for (const wordless of ['"', '*', '%', '-()', '…', '\\']) expect(queryTokens(wordless)).toEqual([]);
  });
});
