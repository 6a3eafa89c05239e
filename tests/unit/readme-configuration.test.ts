import { readConfiguration } from '../../src/config/configuration';
import { README } from '../support/readme';

/** Every setting Lectern reads, by asking the configuration itself which names it looks up. */
function settingsRead(): string[] {
  const read = new Set<string>();
  const environment = new Proxy({} as NodeJS.ProcessEnv, {
    get(_, name) {
      if (typeof name === 'string') read.add(name);
      return undefined;
    },
  });
  readConfiguration(environment);
  return [...read].sort();
}

describe("the README's Configuration", () => {
  const section = README.slice(README.indexOf('## Configuration'), README.indexOf('\n## ', README.indexOf('## Configuration') + 1));

  it('names every environment variable Lectern reads', () => {
    const settings = settingsRead();
    expect(settings).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'SMTP_URL']));
    expect(settings.filter((name) => !section.includes(`\`${name}\``))).toEqual([]);
  });
});
