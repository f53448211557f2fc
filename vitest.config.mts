import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, real SQLite files in temp dirs, faked `electron`) runs in
// parallel; `e2e` drives the built app in Debian's Chromium through station server mode and runs
// one file at a time so two Chromiums never fight over two cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/peers/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
