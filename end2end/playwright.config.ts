import { defineConfig } from '@playwright/test';

// The server under test: the debug build made by `cargo leptos build`, on its own port with a
// fresh database and the demo group, so these tests never touch a developer's data.
// E2E_PORT lets several checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT || 3100);
export const DEMO_PASSWORD = 'end-to-end demo password';

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `rm -rf .data && mkdir -p .data && "${process.env.CONVENE_BIN || '../target/debug/convene'}" serve --demo`,
    url: `http://127.0.0.1:${port}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      CONVENE_DATABASE_URL: 'sqlite://.data/e2e.db',
      CONVENE_ADDR: `127.0.0.1:${port}`,
      CONVENE_DEMO_PASSWORD: DEMO_PASSWORD,
      CONVENE_SIGN_IN_PER_MINUTE: '1000',
      LEPTOS_SITE_ROOT: '../target/site',
    },
  },
});
