import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';
import boundaries from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': true, 'ts-ignore': true }],
    },
  },
  {
    // The walls of the house (eslint.boundaries.js) and no import cycles.
    files: ['kiosk-agent/**/*.ts', 'kiosk-ui/**/*.{ts,tsx}', 'shared/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The store is async (docs/ARCHITECTURE.md "The store port"): a promise nobody awaits is a write that may not
    // have happened, or an error nobody hears. Type-aware, so only on the agent's own code.
    files: ['kiosk-agent/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
      // The installed agent runs with --jitless (scripts/release/agent-node-flags.json): no WebAssembly, so Node's
      // fetch throws from inside undici and takes the process down.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The agent runs without WebAssembly (--jitless), where fetch crashes: use core/http-client httpCall.' }, { name: 'WebAssembly', message: 'The agent runs with --jitless: no WebAssembly.' }],
    },
  },
  {
    // Domain code knows nothing of HTTP.
    files: ['kiosk-agent/src/{queue,pickup,diagnostics,stats,feedback,notify,upstream,privacy,slips,demo,devices,store,core,monitoring}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'express', message: 'Only api/ speaks HTTP (express).' }] }],
    },
  },
  {
    // shared/ and the UI run in the browser: no Node built-ins there.
    files: ['shared/**/*.ts', 'kiosk-ui/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        // With or without the node: prefix ('fs' is as much Node as 'node:fs').
        { patterns: [{ group: ['node:*', ...builtinModules], message: 'shared/ and kiosk-ui/ are browser code: no Node built-ins.' }] },
      ],
    },
  },
  {
    // Components read state; only the agent client and actors talk to the agent.
    files: ['kiosk-ui/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Components never call the agent: use a machine actor.' }],
    },
  },
);
