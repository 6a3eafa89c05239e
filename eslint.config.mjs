// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/*.generated.ts', 'node_modules/', 'dist/', 'dist-bench/', 'dist-test/', 'coverage/', 'test-output/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A destructuring that reassigns some of its names stays one statement.
      'prefer-const': ['error', { destructuring: 'all' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read answers whose shape the assertions themselves check.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The site's one script runs in the reader's browser, as a classic script.
    files: ['src/site/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
        localStorage: 'readonly',
        URLSearchParams: 'readonly',
        FormData: 'readonly',
        Intl: 'readonly',
      },
    },
  },
  {
    // The script that mounts GraphiQL, in the browser, as a classic script after GraphiQL's UMD build.
    files: ['src/graphiql/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { document: 'readonly', window: 'readonly', URL: 'readonly', URLSearchParams: 'readonly' },
    },
  },
  {
    // The organiser console runs in the browser as ES modules (console/tsconfig.json types it against the DOM).
    files: ['console/**/*.ts', 'console/**/*.tsx'],
    rules: { 'no-undef': 'off' },
  },
  prettier,
);
