import { expect, type Page } from '@playwright/test';

/** Waits until the wasm has hydrated the page (only meaningful with JavaScript on). */
export async function waitForHydration(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

/** Opens a page the way a person would arrive: and, with JavaScript, waits until it is interactive. */
export async function open(page: Page, path: string, javaScriptEnabled: boolean) {
  const response = await page.goto(path);
  if (javaScriptEnabled) await waitForHydration(page);
  return response;
}
