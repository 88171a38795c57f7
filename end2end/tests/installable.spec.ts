// The site installs on a phone's home screen (manifest, icons) and, once visited, answers a page asked
// for without signal with its own offline page rather than the browser's error.
import { expect, test } from './support';

test.use({ serviceWorkers: 'allow' });

test('the manifest and its icons are there for installing', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = await (await request.get(href!)).json();
  expect(manifest.name).toBe('Smart Kampung');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  for (const icon of manifest.icons) {
    const answer = await request.get(icon.src);
    expect(answer.headers()['content-type']).toBe('image/png');
    const bytes = await answer.body();
    // PNG signature, then the IHDR width: the size the manifest promises.
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(String(bytes.readUInt32BE(16))).toBe(icon.sizes.split('x')[0]);
  }
});

test('without signal a page asked for shows the offline page', async ({ page, context, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'a service worker needs JavaScript');
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match('/offline'))), { timeout: 15_000 })
    .toBe(true);
  await context.setOffline(true);
  try {
    await page.goto('/budaya/kalender');
    await expect(page.getByRole('heading', { name: 'Tidak ada sinyal' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Coba lagi/ })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});
