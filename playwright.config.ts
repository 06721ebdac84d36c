import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (`playwright install` cannot work here).
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1, // real ffmpeg and RTSP servers: two cores are shared by everything
  retries: 0,
  reporter: [['list'], ['./tests/skip-reasons.ts']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 760 },
    launchOptions: { executablePath: process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
    // A trace films every test while it runs (a screencast of moving walls): ~15% of the suite's
    // time on two cores (wall + keyboard specs: 90 s → 77 s without). CI prints its failures and
    // keeps no files, so it records none; a developer's machine keeps one for each failure.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
  },
  projects: [
    // The renderer and core in Debian's Chromium against the browser host.
    { name: 'chromium', testDir: 'tests/e2e' },
    // The Electron shell itself: runs where the Electron binary exists, reported as skipped elsewhere.
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
