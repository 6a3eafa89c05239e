import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../src/site/catalogues/en.json';
import nb from '../../src/site/catalogues/nb.json';
import sv from '../../src/site/catalogues/sv.json';

/** The site's catalogues: the same keys in every language, and every key the pages use in English. */

const SITE = join(__dirname, '..', '..', 'src', 'site');

/** Every key of a catalogue, nested keys joined with dots, plural forms as written (`count_one`). */
function keys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(folder, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(folder, entry.name)] : [],
  );
}

/** The keys an i18next `t` finds for a key: itself, or its plural forms. */
function has(catalogue: string[], key: string): boolean {
  return catalogue.includes(key) || catalogue.some((candidate) => candidate.startsWith(`${key}_`));
}

describe('the site catalogues', () => {
  it('have exactly the same keys in en, sv and nb, plural forms included', () => {
    const english = keys(en).sort();
    expect(english.length).toBeGreaterThan(50);
    expect(keys(sv).sort()).toEqual(english);
    expect(keys(nb).sort()).toEqual(english);
  });

  it('have no empty text', () => {
    for (const catalogue of [en, sv, nb]) {
      const flat = keys(catalogue);
      for (const key of flat) {
        const value = key.split('.').reduce<any>((node, part) => node[part], catalogue);
        expect([key, typeof value === 'string' && value.trim() !== '']).toEqual([key, true]);
      }
    }
  });

  it('hold every key the pages use, and every key a template builds', () => {
    const english = keys(en);
    const used = new Set<string>();
    const templates = new Set<string>();
    for (const file of sources(SITE)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(match[1]);
      for (const match of source.matchAll(/\bt\(\s*`([^`]+)`/g)) templates.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect([key, has(english, key)]).toEqual([key, true]);
    // `format.${session.format}`, `role.${appearance.role}`, `programme.${layout}`, `filter.${field}`: their groups exist.
    for (const template of templates) {
      const group = template.split('${')[0];
      expect([template, english.some((key) => key.startsWith(group))]).toEqual([template, true]);
    }
  });

  it('name every session format and appearance role the API has', async () => {
    const { SessionFormat } = await import('../../src/sessions/session.entity');
    const { AppearanceRole } = await import('../../src/sessions/appearance.entity');
    for (const format of Object.values(SessionFormat)) expect(keys(en)).toContain(`format.${format}`);
    for (const role of Object.values(AppearanceRole)) expect(keys(en)).toContain(`role.${role}`);
  });
});
