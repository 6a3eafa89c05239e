/**
 * Unit, end-to-end and services tests; every end-to-end test starts its own server on a fresh
 * database. Suites are transpiled one file at a time (no type-checking here: `npm run typecheck`
 * is the type gate, and CI runs it first), which makes a cold suite several times faster.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/console/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
};
