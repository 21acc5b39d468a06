/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// One file for the UI build (root kiosk-ui, output dist/ui, served by the agent) and the vitest projects.
// The UI is written against React's API (react, react-dom/client, @xstate/react) and type-checked with React's
// types; the browser build runs it on preact/compat. Measured with `npm run bench` (4× CPU throttling, a cold
// load): react-dom's 200 KB took about 150 ms to compile and evaluate, the largest single cost before the kiosk's
// first screen answers a touch, against the 1 s. Every browser test runs on this build, so a React
// behaviour Preact does not share shows up there. Departure from the first design ("React + XState"): React's API kept,
// not its runtime.
const preactRuntime = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig(({ command }) => ({
  root: `${repoRoot}kiosk-ui`,
  plugins: [react()],
  // Only in the build: `npm run dev:ui` keeps React for its fast refresh; vitest runs machines, no views.
  resolve: command === 'build' ? { alias: preactRuntime } : {},
  build: {
    outDir: `${repoRoot}dist/ui`,
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // `npm run dev:ui` proxies the API to a running agent.
    proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } },
  },
  test: {
    root: repoRoot,
    projects: [
      { extends: true, test: { name: 'shared', root: repoRoot, include: ['tests/shared/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'agent', root: repoRoot, include: ['tests/agent/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'ui', root: repoRoot, include: ['tests/ui/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'integration',
          root: repoRoot,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: repoRoot,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // One worker, its modules shared by the files: one Chromium for them all (tests/e2e/browser.ts).
          isolate: false,
        },
      },
    ],
  },
}));
