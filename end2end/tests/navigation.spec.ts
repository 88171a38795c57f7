// The single-page app on a phone: links, back/forward and form posts swap pages in without a reload
// (a marker put on `window` survives them), islands that come alive in place (add to cart, live search,
// photo upload), and the same flows with JavaScript off (every other spec runs in the no-js project too).
import type { Page } from '@playwright/test';
import { expect, test, open, pixelsOf, portraitPhonePhoto } from './support';

const DEMO_PASSWORD = 'demo-kampung-2026';
const RESIDENT = '0812-3000-0001'; // Siti, Kemiren
const SELLER = '0812-3000-0003'; // Sulastri, Batik Sekar Osing (Kemiren)

/** Puts a marker on `window`: it is gone if the document ever reloads. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { skMarker: string }).skMarker = 'still here'));
}

async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { skMarker?: string }).skMarker)).toBe('still here');
}

async function inEnglish(page: Page, baseURL: string | undefined) {
  await page.context().addCookies([{ name: 'i18n_pref_locale', value: 'en', url: baseURL ?? 'http://127.0.0.1:3000' }]);
}

async function signIn(page: Page, phone: string) {
  await page.getByLabel('Mobile number').fill(phone);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My activity');
}

test.describe('with JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'client-side navigation needs JavaScript');

  test('the bottom bar moves between pillars without a reload, one link current, and back/forward restore the pages', async ({ page, baseURL }) => {
    await inEnglish(page, baseURL);
    await open(page, '/', true);
    await markDocument(page);
    const bottomBar = page.getByRole('navigation', { name: 'Bottom menu' });
    for (const [name, heading] of [['Market', 'Village market'], ['Services', 'Village services'], ['Culture', 'Culture & Learning'], ['Account', /Sign in|My activity/]] as const) {
      await bottomBar.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      // Exactly one current link in the bar (the stale one of the last page is gone), and it is the
      // one just tapped.
      await expect(bottomBar.locator('[aria-current="page"]')).toHaveCount(1);
      await expect(bottomBar.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
      // Focus moved to the new page's heading, so a screen reader announces it.
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    }
    await expect(page).toHaveURL(/\/akun$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/budaya$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Culture & Learning');
    await page.goBack();
    await expect(page).toHaveURL(/\/layanan$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Village services');
    await page.goForward();
    await expect(page).toHaveURL(/\/budaya$/);
    await expect(bottomBar.getByRole('link', { name: 'Culture' })).toHaveAttribute('aria-current', 'page');
    await expect(bottomBar.locator('[aria-current="page"]')).toHaveCount(1);
    await expectSameDocument(page);
  });

  test('the skip link scrolls to the content instead of fetching, and the language switches in place', async ({ page }) => {
    await open(page, '/pasar', true);
    await markDocument(page);
    let fetched = 0;
    page.on('request', (request) => {
      if (request.resourceType() === 'fetch' && new URL(request.url()).pathname === '/pasar') fetched++;
    });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/pasar#isi$/);
    expect(fetched).toBe(0);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Village market');
    await expect(page).toHaveTitle(/Village market/);
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Bahasa Indonesia' })).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pasar desa');
    await expectSameDocument(page);
  });

  test('a refused sign-in comes back with its message, and the corrected one signs in, all without a reload', async ({ page, baseURL }) => {
    await inEnglish(page, baseURL);
    await open(page, '/akun/masuk', true);
    await markDocument(page);
    await page.getByLabel('Mobile number').fill(RESIDENT);
    await page.getByLabel('Password').fill('not-my-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /password/i }).first()).toBeVisible();
    // The number typed before the refusal is still there.
    await expect(page.getByLabel('Mobile number')).toHaveValue(RESIDENT);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My activity');
    await expectSameDocument(page);

    // A redirect to a section of a page keeps its #fragment (fetch alone would drop it).
    await page.goto('/akun');
    await markDocument(page);
    const profile = page.locator('section[aria-labelledby="profil"]');
    await profile.getByRole('button', { name: /Save/ }).first().click();
    await expect(page).toHaveURL(/#profil$/);
    await expectSameDocument(page);
  });

  test('add to cart updates the header count in place', async ({ page, baseURL }) => {
    await inEnglish(page, baseURL);
    await open(page, '/akun/masuk', true);
    await signIn(page, RESIDENT);
    await open(page, '/pasar/produk/selendang-gajah-oling', true);
    await markDocument(page);
    const count = page.getByTestId('cart-count');
    const before = Number((await count.textContent()) || '0');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByTestId('added-to-cart')).toBeVisible();
    await expect(count).toHaveText(String(before + 1));
    await expect(page).toHaveURL(/\/pasar\/produk\/selendang-gajah-oling$/);
    // The next page the router shows agrees with the database.
    await page.getByTestId('added-to-cart').getByRole('link', { name: 'View cart' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cart');
    await expect(page.getByTestId('cart-count')).toHaveText(String(before + 1));
    await expectSameDocument(page);
  });

  test('market and agenda results follow the typing, the address follows, and the field keeps its focus', async ({ page, newPhone, baseURL }) => {
    await inEnglish(page, baseURL);
    await open(page, '/pasar', true);
    await markDocument(page);
    const unfiltered = await page.locator('[data-live="hasil"] ul[role="list"] li h3').allTextContents();
    const search = page.getByRole('searchbox').first();
    await search.pressSequentially('kopi', { delay: 60 });
    await expect(page).toHaveURL(/[?&]q=kopi/);
    // The results shown are what the server renders at the address the page now has (read on another
    // phone), and not the list before the search.
    const other = await newPhone();
    await inEnglish(other, baseURL);
    await other.goto(page.url());
    const expected = await other.locator('[data-live="hasil"] ul[role="list"] li h3').allTextContents();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected).not.toEqual(unfiltered);
    await expect(page.locator('[data-live="hasil"] ul[role="list"] li h3')).toHaveText(expected);
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('kopi');
    await search.pressSequentially('zzzqx', { delay: 60 });
    await expect(page.getByText('No products for those words.')).toBeVisible();
    await expectSameDocument(page);

    await page.getByRole('navigation', { name: 'Bottom menu' }).getByRole('link', { name: 'Culture' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Culture & Learning');
    const agendaSearch = page.getByRole('searchbox').first();
    await agendaSearch.pressSequentially('gandrung', { delay: 60 });
    await expect(page).toHaveURL(/\/budaya\?.*q=gandrung/);
    await expect(page.locator('[data-live="hasil"]').getByRole('link').first()).toContainText(/gandrung/i);
    await expect(agendaSearch).toBeFocused();
    await expectSameDocument(page);
  });

  test('a phone photo uploads before the wasm has loaded and after, shrunk in the browser the second time', async ({ page, newPhone, baseURL }) => {
    const photo = await portraitPhonePhoto(newPhone);
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    await inEnglish(page, baseURL);

    // Before hydration: the wasm never arrives, only the inline router runs.
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto('/akun/masuk');
    await signIn(page, SELLER);
    // A product of hers no other test looks at (a new one would push demo products off the home page).
    await page.goto('/pasar/saya/produk/masker-batik-kawung');
    const photoCount = async () =>
      Number(/\((\d)\/6\)/.exec((await page.getByRole('region', { name: /^Photos/ }).getByRole('heading').first().textContent()) ?? '')![1]);
    const before = await photoCount();
    await markDocument(page);
    // What each photo post weighed: its body as Playwright sees it, or (an XHR's FormData, which it
    // does not show) the Content-Length the browser sent.
    const sizes: number[] = [];
    page.on('request', async (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/foto')) return;
      const body = request.postDataBuffer();
      if (body) return sizes.push(body.length);
      await request.response();
      sizes.push(Number(await request.headerValue('content-length')));
    });
    let photos = page.getByRole('region', { name: /^Photos/ });
    await photos.getByLabel('Add photos').setInputFiles({ name: 'IMG_4001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await photos.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('region', { name: new RegExp(`^Photos \\(${before + 1}/6\\)`) })).toBeVisible();
    await expectSameDocument(page);
    expect(await page.evaluate(() => document.body.dataset.hydrated)).toBeUndefined();
    await expect.poll(() => sizes.length).toBe(1);
    expect(sizes[0]).toBeGreaterThan(photo.length);

    // After hydration: the island previews the photo, shrinks it to ≤ 1600 px and shows progress.
    await page.unroute(/\.wasm$/);
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
    await markDocument(page);
    photos = page.getByRole('region', { name: /^Photos/ });
    await photos.getByLabel('Add photos').setInputFiles({ name: 'IMG_4002.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect(page.getByTestId('photo-previews').locator('img')).toHaveCount(1);
    await photos.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('region', { name: new RegExp(`^Photos \\(${before + 2}/6\\)`) })).toBeVisible();
    await expectSameDocument(page);
    await expect.poll(() => sizes.length).toBe(2);
    expect(sizes[1]).toBeLessThan(photo.length / 4);
    // The shrunk photo is stored upright, as the full-size file was: in its 4:3 frame, the green edge
    // (the picture's top once the camera's rotation tag is applied) on top, the black one at the bottom.
    const src = (await page.getByRole('region', { name: /^Photos/ }).locator('li img').last().getAttribute('src'))!
      .replace(/-\d+\.webp$/, '-640.webp');
    const seen = await pixelsOf(newPhone, src, [[320, 6], [320, 474]]);
    const [top, bottom] = seen.colours;
    expect(top[1]).toBeGreaterThan(150);
    expect(Math.max(...bottom)).toBeLessThan(60);
  });
});

test.describe('visit slots with JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'the picker refreshes itself only with JavaScript');

  test('the slot picker shows a slot filling up while the form is open', async ({ newPhone }) => {
    const service = '/layanan/olehsari/konsultasi-adminduk';
    const signUp = async (name: string) => {
      const phone = await newPhone();
      await open(phone, '/akun/daftar', true);
      await phone.getByLabel('Nama', { exact: true }).fill(name);
      await phone.getByLabel('Nomor HP').fill(`0817${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
      await phone.getByLabel('Desa tempat tinggal').selectOption('olehsari');
      await phone.getByLabel('Kata sandi baru').fill('kopi-lanang-2026');
      await phone.getByRole('button', { name: 'Daftar' }).click();
      await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
      await open(phone, service, true);
      return phone;
    };
    const watching = await signUp('Wulan Sari');
    const booking = await signUp('Bayu Aji');

    // Wulan picks the last slot offered (the one other tests are least likely to book) and waits.
    const picker = watching.getByLabel('Jadwal datang ke balai desa');
    const options = picker.locator('option');
    const slot = await options.last().getAttribute('value');
    await picker.selectOption(slot!);
    const chosen = picker.locator(`option[value="${slot}"]`);
    const placesBefore = Number(/sisa (\d+) tempat/.exec((await chosen.textContent()) ?? '')![1]);

    // Bayu books the same slot from his phone.
    await booking.getByLabel('Topik konsultasi').selectOption('KTP');
    await booking.getByLabel('Jadwal datang ke balai desa').selectOption(slot!);
    await booking.getByRole('button', { name: 'Ajukan permohonan' }).click();
    await expect(booking.getByText('Tersimpan.')).toBeVisible();

    // Wulan's phone comes back to the page: the picker asks the server again.
    await watching.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    if (placesBefore > 1) {
      await expect(chosen).toHaveText(new RegExp(`sisa ${placesBefore - 1} tempat`));
    } else {
      await expect(chosen).toHaveCount(0);
      await expect(watching.getByTestId('slot-filled')).toBeVisible();
    }
  });
});
