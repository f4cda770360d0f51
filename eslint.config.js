// Lint: recommended TypeScript rules, React hooks rules, and the import boundaries of the
// Structure issue: contract/ imports neither side, the server never imports src/, src/
// reaches the server side only through contract/, and no import cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Unused names prefixed with _ are deliberate (handler signatures, destructuring to omit).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', {
        zones: [
          { target: './contract', from: ['./server', './src'], message: 'contract/ imports neither side.' },
          { target: './server', from: './src', message: 'The server never imports the screen.' },
          { target: './src', from: './server', message: 'src/ imports the server side only through contract/.' },
          { target: './src/effects', from: './src/screen', message: 'Shared pieces live in src/shared.' },
          // WebphoneDock still opens the webphone window through WebphoneEffect (to move to src/shared).
          { target: './src/screen/panels', from: './src/effects', except: ['./WebphoneEffect.tsx'], message: 'Shared pieces live in src/shared.' },
        ],
      }],
    },
  },
  {
    // Playwright fixtures: `use` is Playwright's callback, not a React hook, and `{}` is how a fixture says it needs none.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'no-empty-pattern': 'off' },
  },
  {
    // Tests match byte-exact replies, where a literal run of spaces is the clearer spelling.
    files: ['**/*.test.ts'],
    rules: { 'no-regex-spaces': 'off' },
  },
  {
    // Column builders infer Kysely's select/insert/update types through `any` in type positions only.
    files: ['server/db/columns.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
