import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers of src/, by folder, so that a file moved between folders is checked where it lands. */
const elements = [
  { type: 'kernel', pattern: 'src/kernel', partialMatch: false },
  // One element per subgraph: the captured name tells a subgraph's own files from another's.
  { type: 'subgraph', pattern: 'src/subgraphs/*', partialMatch: false, capture: ['subgraph'] },
  // The files beside the subgraphs: the contract each one implements, and the lists of all of them.
  { type: 'subgraphs', pattern: 'src/subgraphs', partialMatch: false },
  { type: 'gateway', pattern: 'src/gateway', partialMatch: false },
  { type: 'relay', pattern: 'src/relay', partialMatch: false },
  { type: 'demo-data', pattern: 'src/demo-data', partialMatch: false },
  { type: 'platform', pattern: ['src/platform', 'src/cli'], partialMatch: false },
  // The rest of src/: main.ts, and any new top folder until it is given a layer of its own here.
  { type: 'platform', pattern: 'src', partialMatch: false },
  { type: 'migrations', pattern: 'migrations', partialMatch: false },
];

const to = (type, more = {}) => ({ to: { element: { type, ...more } } });
const allow = (fromType, targets) => ({ from: { element: { type: fromType } }, allow: targets });

/**
 * Who may import whom (anything not allowed here is refused). The kernel imports no feature; a subgraph imports the
 * kernel, itself and the SubgraphDefinition contract; another subgraph only from its `<name>.ports.ts` adapter.
 */
const policies = [
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  allow('kernel', [to('kernel')]),
  // The relay (outbox → NATS, webhooks) is infrastructure below the subgraphs: it imports only the kernel.
  allow('subgraph', [to('kernel'), to('relay'), to('subgraph', { captured: { subgraph: '{{ from.element.captured.subgraph }}' } })]),
  { from: { element: { type: 'subgraph' } }, allow: { to: { element: { type: 'subgraphs' }, file: { categories: 'subgraph-contract' } } } },
  { from: { element: { type: 'subgraph' }, file: { categories: 'ports' } }, allow: to('subgraph') },
  allow('subgraphs', [to('kernel'), to('relay'), to('subgraph'), to('subgraphs')]),
  allow('gateway', [to('kernel'), to('gateway'), { to: { element: { type: 'subgraphs' }, file: { categories: 'subgraph-contract' } } }]),
  allow('relay', [to('kernel'), to('relay')]),
  allow('demo-data', [to('kernel'), to('demo-data'), to('subgraph')]),
  allow('platform', [to('*')]),
];

export default defineConfig(
  { ignores: ['dist/**', 'schema/**', 'data/**', 'migrations/**', '.data/**', 'coverage/**', 'explorer/dist/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: ['tsconfig.json'] } },
      'boundaries/include': ['src/**/*.ts', 'migrations/**/*.ts'],
      'boundaries/elements': elements,
      'boundaries/files': [
        { category: 'ports', pattern: 'src/subgraphs/*/*.ports.ts' },
        { category: 'subgraph-contract', pattern: 'src/subgraphs/subgraph-definition.ts' },
      ],
      'boundaries/legacy-templates': false,
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module', globals: { ...globals.node } } },
  {
    files: ['explorer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two rules of hooks; the React Compiler's rules (also in the plugin's presets) would ask for a rewrite of the views.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  prettier,
);
