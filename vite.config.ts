/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// One file for the UI build (root kiosk-ui, output dist/ui, served by the agent) and the vitest projects.
export default defineConfig({
  root: `${repoRoot}kiosk-ui`,
  plugins: [react()],
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
        },
      },
    ],
  },
});
