import { defineConfig } from 'vitest/config';

// Benchmarks run TypeScript through vitest's transform but are NOT part of `npm test`: each file
// prints its figures and asserts nothing about speed (these machines are noisy).
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
