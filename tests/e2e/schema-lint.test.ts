import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { Lectern, startLectern } from '../support/lectern';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const LINTER = join(ROOT, 'node_modules/.bin/graphql-schema-linter');

/** The served schema passes graphql-schema-linter with the rules of .graphql-schema-linterrc. */
describe('schema lint', () => {
  let lectern: Lectern;
  let directory: string;

  beforeAll(async () => {
    lectern = await startLectern();
    directory = mkdtempSync(join(tmpdir(), 'lectern-schema-lint-'));
  });

  afterAll(async () => {
    await lectern.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('has no errors: every type, field, argument, input field and enum value is described', async () => {
    const file = join(directory, 'schema.graphql');
    writeFileSync(file, printSchema(lectern.app.get(GraphQLSchemaHost).schema));
    const result = await run(LINTER, ['--config-directory', ROOT, '--format', 'text', file]).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? 1,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    if (result.code !== 0) console.error(`graphql-schema-linter:\n${result.output}`);
    expect(result).toEqual({ code: 0, output: expect.any(String) });
  });
});
