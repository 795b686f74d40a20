import { defineConfig } from 'vitest/config';

// Unit tests: no database, no browser. Integration tests have their own config.
export default defineConfig({
  test: {
    include: [
      'domain/**/*.test.ts',
      'server/**/*.test.ts',
      'seed/**/*.test.ts',
      'web/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'server/integration/**'],
    environment: 'node',
  },
});
