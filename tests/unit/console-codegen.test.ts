import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The console's operation types are generated from the committed schema.graphql and its .graphql
 * documents and committed beside them: a schema change or a document edited without running
 * `npm run console:codegen` fails here (and a document the schema cannot answer fails codegen).
 */
it('has its generated operation types up to date with schema.graphql and its documents', () => {
  const script = join(__dirname, '..', '..', 'scripts', 'console-codegen.js');
  expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
});
