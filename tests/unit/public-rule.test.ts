import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * "What the public may see" is written once, in src/published/public-rule.ts; every other reader
 * calls it. This looks through the source for the rule spelled out again: a published flag or a
 * PUBLISHED status compared in SQL or in code.
 */
const SOURCE = join(__dirname, '..', '..', 'src');
const RULE = 'published/public-rule.ts';

/** Where a publish flag is a fact of the domain's own rules rather than the public's view: named, with why. */
const ALLOWED: Record<string, string> = {
  'conflicts/conflict-queries.ts': 'a conflict is about what will be public once published, drafts included',
  'conflicts/conflict.service.ts': 'a conflict is about what will be public once published, drafts included',
};

const SPELLED_OUT = [
  /"?published"?\s*=\s*(:|\$\d|TRUE\b|true\b)/,
  /\.published\s*(&&|\|\||\)|\?)/,
  /!\s*\w+(\?)?\.published\b/,
  /status"\s*(=|<>)\s*'PUBLISHED'/,
  /\.status\s*(===|!==)\s*ConferenceStatus\.PUBLISHED/,
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('the public rule', () => {
  it('is spelled out in src/published/public-rule.ts alone', () => {
    const found: string[] = [];
    for (const path of sourceFiles(SOURCE)) {
      const file = relative(SOURCE, path);
      if (file === RULE || file in ALLOWED) continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (SPELLED_OUT.some((pattern) => pattern.test(line))) found.push(`${file}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('is found by this test where it is written', () => {
    const rule = readFileSync(join(SOURCE, RULE), 'utf8').split('\n');
    expect(rule.filter((line) => SPELLED_OUT.some((pattern) => pattern.test(line))).length).toBeGreaterThan(3);
  });
});
