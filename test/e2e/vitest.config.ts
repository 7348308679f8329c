import { defineConfig } from 'vitest/config';

// Real-browser tests: run by `npm run test:e2e` after both builds. One browser at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
