import { defineConfig } from '@playwright/test';

// End-to-end in Debian's Chromium (never a downloaded browser), against `npm start`'s server
// on its own port and a fresh store under .data-test/e2e. E2E_PORT, E2E_BOLT_PORT and
// E2E_DATA_DIR move it elsewhere (two runs side by side); e2e/helpers.ts reads the same.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8096);
export const E2E_BOLT_PORT = Number(process.env.E2E_BOLT_PORT ?? 7696);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.data-test/e2e';
/** The e2e server's admin token (imports through the upload dialog). */
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1400, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && exec node --import tsx server/main.ts`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    env: {
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      EXIT_WITH_PARENT: '1',
      PORT: String(E2E_PORT),
      DATA_DIR: E2E_DATA_DIR,
      NEO4J_BOLT_PORT: String(E2E_BOLT_PORT),
      NEO4J_URI: '',
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '128m',
      LOG_LEVEL: 'warn',
      SKIP_WEB_BUILD: '1',
    },
  },
});
