// Browser tests in Debian's Chromium (never a downloaded browser), on a phone-sized screen, with
// JavaScript on (hydrated) and off (server-rendered HTML and plain form posts only).
import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';

const phone = {
  ...devices['Pixel 5'],
  viewport: { width: 360, height: 740 },
  launchOptions: {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // The site's service worker is blocked except in the tests about it (installable.spec.ts, the offline
  // ticket in budaya.spec.ts): requests it makes escape `page.route`, and a page it serves is revalidated
  // differently on reload, which other tests measure.
  use: { baseURL, trace: 'off', serviceWorkers: 'block' },
  projects: [
    { name: 'hydrated', use: { ...phone, javaScriptEnabled: true } },
    { name: 'no-js', use: { ...phone, javaScriptEnabled: false } },
  ],
});
