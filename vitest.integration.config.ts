import { defineConfig } from 'vitest/config';

// Integration: every endpoint against a real Neo4j that the global setup starts on its own
// port and store (never the data of `npm start`), one file at a time.
export default defineConfig({
  test: {
    include: ['server/integration/**/*.test.ts'],
    globalSetup: ['server/integration/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    environment: 'node',
  },
});
