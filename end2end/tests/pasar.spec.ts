// Pasar as a batik maker and a tourist use it on a phone: the seller lists a scarf with a photo, a tourist
// in English searches, filters, adds it to the cart (signing up on the way), checks out with pickup and
// cash; the seller confirms, marks it ready and completes it; the buyer reviews it. Every test runs with
// JavaScript on and off.
import type { Page } from '@playwright/test';
import { expect, test, open, pixelsOf, portraitPhonePhoto, type NewPhone } from './support';

const DEMO_PASSWORD = 'demo-kampung-2026';
const SELLER = '0812-3000-0003'; // Sulastri, Batik Sekar Osing (Kemiren)

function freshPhone(): string {
  return `0816${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

async function inEnglish(page: Page, baseURL: string | undefined) {
  await page.context().addCookies([{ name: 'i18n_pref_locale', value: 'en', url: baseURL ?? 'http://127.0.0.1:3000' }]);
}

async function signedInSeller(newPhone: NewPhone, baseURL: string | undefined, javaScriptEnabled: boolean) {
  const page = await newPhone({ javaScriptEnabled });
  await inEnglish(page, baseURL);
  await open(page, '/akun/masuk', javaScriptEnabled);
  await page.getByLabel('Mobile number').fill(SELLER);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My activity');
  return page;
}

test('a seller lists a scarf with a photo; a tourist finds it, orders it for pickup with cash, and reviews it once completed', async ({ page, newPhone, baseURL, javaScriptEnabled }) => {
  // A word no other product has, so the search finds exactly this scarf.
  const motif = `kawung${Math.floor(Math.random() * 1e6)}`;
  const title = `Selendang uji ${motif}`;

  // --- The seller lists the scarf from her phone.
  const seller = await signedInSeller(newPhone, baseURL, javaScriptEnabled);
  await open(seller, '/pasar/saya', javaScriptEnabled);
  await expect(seller.getByRole('heading', { level: 1 })).toHaveText('Batik Sekar Osing');
  await seller.getByRole('link', { name: 'New product' }).click();
  await seller.getByLabel('Product name (Indonesian)').fill(title);
  await seller.getByLabel('Product name (English, optional)').fill(`Test scarf ${motif}`);
  await seller.getByLabel('Description (Indonesian)').fill('Selendang katun dibatik tulis dengan motif kawung, 2 × 0,5 m.');
  await seller.getByLabel('Category').selectOption('batik_kain');
  await seller.getByLabel('Price (Rp)').fill('150.000');
  await seller.getByLabel('Unit').fill('lembar');
  await seller.getByLabel('Stock', { exact: true }).fill('3');
  await seller.getByRole('button', { name: 'Save' }).click();
  await expect(seller.getByText('Product saved.')).toBeVisible();

  // A photo from the gallery: a demo product's picture, as a phone would have it.
  const demo = await seller.request.get('/pasar/produk/selendang-gajah-oling');
  const src = (await demo.text()).match(/src="(\/media\/[0-9a-f]+-\d+\.webp)"/)![1];
  const picture = await (await seller.request.get(src)).body();
  const photos = seller.getByRole('region', { name: /^Photos/ });
  await photos.getByLabel('Add photos').setInputFiles({ name: 'IMG_2210.webp', mimeType: 'image/webp', buffer: picture });
  await photos.getByRole('button', { name: 'Upload' }).click();
  await expect(seller.getByRole('region', { name: /^Photos \(1\/6\)/ }).locator('img')).toBeVisible();

  // --- A tourist in English searches, filters, and opens it.
  await inEnglish(page, baseURL);
  await open(page, '/pasar', javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Village market');
  await page.getByRole('searchbox', { name: 'Search products' }).fill(motif.slice(0, 9));
  await page.getByLabel('Category', { exact: true }).selectOption('batik_kain');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/category=batik_kain/);
  const card = page.getByRole('link', { name: new RegExp(`Test scarf ${motif}`) });
  await expect(card).toBeVisible();
  // The small file on a phone; wider screens choose from every width.
  await expect(card.locator('img')).toHaveAttribute('src', /-320\.webp$/);
  await expect(card.locator('source')).toHaveAttribute('srcset', /320w.*640w/);
  await card.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Test scarf ${motif}`);
  await expect(page.getByText('Rp 150.000').or(page.getByText('IDR 150,000')).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Chat via WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/62\d+\?text=.+pasar%2Fproduk/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /^https?:\/\/.+\.webp$/);
  const productUrl = new URL(page.url()).pathname;

  // Add two to the cart as a visitor: sign up on the way, as a tourist without a home village, and the
  // scarves are in the cart when the account exists (no second search for the product).
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('link', { name: 'No account yet? Sign up' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Anneke de Vries');
  await page.getByLabel('Mobile number').fill(freshPhone());
  await page.getByLabel('Home village').selectOption({ label: "I'm visiting / a tourist (no village)" });
  await page.getByLabel('New password').fill('kawung-canting-2026');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/pasar\/keranjang\?disimpan=keranjang$/);

  // The cart: pickup at the seller and cash are the shop's first options.
  await expect(page.getByText('Added to your cart.')).toBeVisible();
  await expect(page.getByLabel(/Quantity/).first()).toHaveValue('2');
  await expect(page.getByRole('link', { name: `Test scarf ${motif}` })).toBeVisible();
  await page.getByRole('radio', { name: /Pickup at the seller/ }).check();
  await page.getByRole('radio', { name: /Cash on pickup or delivery/ }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByText('Your order was sent to the seller.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Waiting for the seller');
  await expect(page.getByText('Rp 300.000').or(page.getByText('IDR 300,000')).last()).toBeVisible();
  const orderUrl = new URL(page.url()).pathname;
  const code = orderUrl.split('/').pop()!;

  // --- The seller confirms, marks it ready, and completes it from the dashboard's quick actions.
  await open(seller, '/pasar/saya', javaScriptEnabled);
  // "Saved." stays on the page from one quick action to the next, so each step waits for what it changed:
  // the next action's button, and at the end the order leaving the open orders.
  const order = seller.getByRole('listitem').filter({ hasText: `${code.slice(0, 4)}-${code.slice(4)}` });
  await order.getByRole('button', { name: 'Confirm order' }).click();
  await expect(seller.getByText('Saved.')).toBeVisible();
  await order.getByRole('button', { name: 'Ready for pickup' }).click();
  await expect(order.getByRole('button', { name: 'Complete (handed over)' })).toBeVisible();
  await order.getByRole('button', { name: 'Complete (handed over)' }).click();
  await expect(order).toHaveCount(0);
  await seller.context().close();

  // --- The buyer sees the whole timeline and reviews the order.
  await open(page, orderUrl, javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Completed');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  for (const step of ['Waiting for the seller', 'Confirmed', 'Ready for pickup', 'Completed']) {
    await expect(timeline.getByText(step, { exact: true })).toBeVisible();
  }
  await page.getByLabel('Your review').fill('Beautiful indigo, exactly like the photo.');
  await page.getByRole('button', { name: 'Send review' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await open(page, productUrl, javaScriptEnabled);
  await expect(page.getByText('Beautiful indigo, exactly like the photo.')).toBeVisible();
});

test('a buyer browses sixty products by page, sorts by price, and gets help when nothing matches', async ({ page, baseURL, javaScriptEnabled }) => {
  await inEnglish(page, baseURL);
  await open(page, '/pasar', javaScriptEnabled);
  await expect(page.getByText(/^\d+ products$/)).toBeVisible();
  await page.getByRole('link', { name: 'Next', exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();

  await page.getByLabel('Sort').selectOption('termurah');
  await page.getByText('More filters').click();
  await page.getByLabel('In stock only').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/sort=termurah/);
  const prices = await page.locator('a[href^="/pasar/produk/"] p.font-bold').allInnerTexts();
  const amounts = prices.map((text) => Number(text.replace(/[^0-9]/g, '').slice(0, 7)));
  expect(amounts.length).toBeGreaterThan(3);
  expect(amounts[0]).toBeLessThanOrEqual(amounts[amounts.length - 1]);
  await expect(page.getByText('Sold out')).toHaveCount(0);

  await open(page, '/pasar?q=zzzz-tidak-ada', javaScriptEnabled);
  await expect(page.getByText('No products for those words.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear all filters' }).click();
  await expect(page).toHaveURL(/\/pasar$/);

  // A product with options shows them; one without English is marked and shown in Indonesian.
  await open(page, '/pasar/produk/kemeja-batik-osing', javaScriptEnabled);
  await expect(page.getByRole('radio', { name: /^S / })).toBeDisabled();
  await expect(page.getByRole('radio', { name: /^M / })).toBeChecked();
  await open(page, '/pasar/produk/jenang-bedil', javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('not yet translated');
});

async function signedUpBuyer(newPhone: NewPhone, baseURL: string | undefined, javaScriptEnabled: boolean, name: string) {
  const page = await newPhone({ javaScriptEnabled });
  await inEnglish(page, baseURL);
  await open(page, '/akun/daftar', javaScriptEnabled);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Mobile number').fill(freshPhone());
  await page.getByLabel('Home village').selectOption('kemiren');
  await page.getByLabel('New password').fill('kopi-osing-2026');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My activity');
  return page;
}

test('a portrait phone photo keeps its whole picture, and a buyer who lost the last scarf reads "sold out"', async ({ newPhone, baseURL, javaScriptEnabled }) => {
  test.setTimeout(90_000);
  const motif = `parang${Math.floor(Math.random() * 1e6)}`;
  const seller = await signedInSeller(newPhone, baseURL, javaScriptEnabled);
  await open(seller, '/pasar/saya', javaScriptEnabled);
  await seller.getByRole('link', { name: 'New product' }).click();
  await seller.getByLabel('Product name (Indonesian)').fill(`Selendang tegak ${motif}`);
  await seller.getByLabel('Description (Indonesian)').fill('Selendang panjang motif parang, difoto tegak dari ujung ke ujung.');
  await seller.getByLabel('Category').selectOption('batik_kain');
  await seller.getByLabel('Price (Rp)').fill('95.000');
  await seller.getByLabel('Unit').fill('lembar');
  await seller.getByLabel('Stock', { exact: true }).fill('1');
  await seller.getByRole('button', { name: 'Save' }).click();
  await expect(seller.getByText('Product saved.')).toBeVisible();
  const productPath = new URL(seller.url()).pathname.replace('/pasar/saya/produk/', '/pasar/produk/');

  // The scarf photographed upright: the phone stores it sideways with a rotation tag.
  const photo = await portraitPhonePhoto(newPhone);
  expect(photo.length).toBeGreaterThan(2_000_000);
  await seller.getByRole('region', { name: /^Photos/ }).getByLabel('Add photos').setInputFiles({ name: 'IMG_3001.jpg', mimeType: 'image/jpeg', buffer: photo });
  await seller.getByRole('region', { name: /^Photos/ }).getByRole('button', { name: 'Upload' }).click();
  const stored = seller.getByRole('region', { name: /^Photos \(1\/6\)/ }).locator('img');
  await expect(stored).toBeVisible();
  // Served in its 4:3 frame, whole: the green top and the black bottom are both there, the page's
  // background beside it (it used to be cut to the middle, losing both ends).
  const src = (await stored.getAttribute('src'))!.replace(/-\d+\.webp$/, '-640.webp');
  const seen = await pixelsOf(newPhone, src, [[320, 6], [320, 474], [40, 240], [320, 240]]);
  expect([seen.width, seen.height]).toEqual([640, 480]);
  const [top, bottom, side, middle] = seen.colours;
  expect(top[1]).toBeGreaterThan(150);
  expect(top[0]).toBeLessThan(100);
  expect(Math.max(...bottom)).toBeLessThan(60);
  expect(Math.min(...side)).toBeGreaterThan(235);
  expect(middle[0]).toBeGreaterThan(150);

  // Two buyers want the one scarf: both put it in their carts, the second checks out first.
  const slow = await signedUpBuyer(newPhone, baseURL, javaScriptEnabled, 'Maya Lestari');
  await open(slow, productPath, javaScriptEnabled);
  await slow.getByRole('button', { name: 'Add to cart' }).click();
  await expect(slow.getByText('Added to your cart.')).toBeVisible();
  const quick = await signedUpBuyer(newPhone, baseURL, javaScriptEnabled, 'Dina Putri');
  await open(quick, productPath, javaScriptEnabled);
  await quick.getByRole('button', { name: 'Add to cart' }).click();
  // Without JavaScript the cart opens; with it the product page stays and says so, with a link there.
  await expect(quick.getByText('Added to your cart.')).toBeVisible();
  if (javaScriptEnabled) await quick.getByRole('link', { name: 'View cart' }).click();
  await quick.getByRole('radio', { name: /Pickup at the seller/ }).check();
  await quick.getByRole('radio', { name: /Cash on pickup or delivery/ }).check();
  await quick.getByRole('button', { name: 'Place order' }).click();
  await expect(quick.getByText('Your order was sent to the seller.')).toBeVisible();

  await open(slow, '/pasar/keranjang', javaScriptEnabled);
  await expect(slow.getByText('Sold out: someone else bought the last ones. Remove it from your cart.')).toBeVisible();
  await expect(slow.getByText(/0 left/)).toHaveCount(0);
});
