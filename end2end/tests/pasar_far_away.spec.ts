// The market for buyers far away, on phones: a tourist back home in Amsterdam orders a scarf by courier,
// the seller ships it with a tracking number, she marks it received and reviews it; another buyer pays
// with QRIS; "membatik" finds batik; the shop directory filters by village. JavaScript on and off.
import type { Page } from '@playwright/test';
import { expect, test, open, paperPhoto, type NewPhone } from './support';

const DEMO_PASSWORD = 'demo-kampung-2026';
const SELLER = '0812-3000-0003'; // Sulastri, Batik Sekar Osing (Kemiren): ships by JNE, J&T, Pos; has QRIS

function freshPhone(): string {
  return `0817${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

async function inEnglish(page: Page, baseURL: string | undefined) {
  await page.context().addCookies([{ name: 'i18n_pref_locale', value: 'en', url: baseURL ?? 'http://127.0.0.1:3000' }]);
}

async function seller(newPhone: NewPhone, baseURL: string | undefined, javaScriptEnabled: boolean) {
  const page = await newPhone({ javaScriptEnabled });
  await inEnglish(page, baseURL);
  await open(page, '/akun/masuk', javaScriptEnabled);
  await page.getByLabel('Mobile number').fill(SELLER);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My activity');
  return page;
}

async function newBuyer(newPhone: NewPhone, baseURL: string | undefined, javaScriptEnabled: boolean, name: string) {
  const page = await newPhone({ javaScriptEnabled });
  await inEnglish(page, baseURL);
  await open(page, '/akun/daftar', javaScriptEnabled);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Mobile number').fill(freshPhone());
  await page.getByLabel('Home village').selectOption({ label: "I'm visiting / a tourist (no village)" });
  await page.getByLabel('New password').fill('gajah-oling-2026');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My activity');
  return page;
}

/** Adds the product on the page to the cart and opens the cart: without JavaScript the cart opens; with
 * it the product page stays and says so, with a link there. */
async function toCart(page: Page, javaScriptEnabled: boolean) {
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Added to your cart.')).toBeVisible();
  if (javaScriptEnabled) await page.getByRole('link', { name: 'View cart' }).click();
  await expect(page).toHaveURL(/\/pasar\/keranjang/);
}

test('a tourist in Amsterdam orders a scarf by courier; the seller ships it with a tracking number; she marks it received and reviews it', async ({ newPhone, baseURL, javaScriptEnabled }) => {
  test.setTimeout(120_000);
  const motif = `sekar${Math.floor(Math.random() * 1e6)}`;

  // --- The seller lists a scarf with its weight (postage abroad is by the kilogram).
  const shop = await seller(newPhone, baseURL, javaScriptEnabled);
  await open(shop, '/pasar/saya', javaScriptEnabled);
  await expect(shop.getByRole('checkbox', { name: 'JNE' })).toBeChecked();
  await shop.getByRole('link', { name: 'New product' }).click();
  await shop.getByLabel('Product name (Indonesian)').fill(`Selendang batik ${motif}`);
  await shop.getByLabel('Product name (English, optional)').fill(`Batik scarf ${motif}`);
  await shop.getByLabel('Description (Indonesian)').fill('Selendang sutra dibatik tulis dengan canting, 2 × 0,5 m.');
  await shop.getByLabel('Category').selectOption('batik_kain');
  await shop.getByLabel('Price (Rp)').fill('300.000');
  await shop.getByLabel('Unit').fill('lembar');
  await shop.getByLabel('Stock', { exact: true }).fill('3');
  await shop.getByLabel('Packed weight (grams)').fill('1.200');
  await shop.getByRole('button', { name: 'Save' }).click();
  await expect(shop.getByText('Product saved.')).toBeVisible();
  // With a photo, as a seller lists it (a demo product's picture, as a phone would have it).
  const demo = await shop.request.get('/pasar/produk/selendang-gajah-oling');
  const src = (await demo.text()).match(/src="(\/media\/[0-9a-f]+-\d+\.webp)"/)![1];
  const picture = await (await shop.request.get(src)).body();
  const photos = shop.getByRole('region', { name: /^Photos/ });
  await photos.getByLabel('Add photos').setInputFiles({ name: 'IMG_4410.webp', mimeType: 'image/webp', buffer: picture });
  await photos.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(shop.getByRole('region', { name: /^Photos \(1\/6\)/ }).locator('img')).toBeVisible();

  // --- From home, the tourist searches with the Indonesian verb ("membatik": to make batik).
  const buyer = await newBuyer(newPhone, baseURL, javaScriptEnabled, 'Anneke de Vries');
  await open(buyer, `/pasar?q=${encodeURIComponent(`membatik ${motif}`)}`, javaScriptEnabled);
  await buyer.getByRole('link', { name: new RegExp(`Batik scarf ${motif}`) }).click();
  await toCart(buyer, javaScriptEnabled);

  // Postage is shown before ordering: 1.2 kg is two started kilograms abroad.
  const courier = buyer.getByRole('radio', { name: /Send by courier/ });
  await expect(buyer.getByText(/Abroad: IDR 500,000/)).toBeVisible();
  await expect(buyer.getByText(/Within Indonesia: IDR 35,000/)).toBeVisible();
  await courier.check();
  await buyer.getByLabel('Delivery address').fill('Anneke de Vries, Keizersgracht 123, 1015 CJ Amsterdam');
  await buyer.getByLabel('Country').fill('Netherlands');
  await buyer.getByLabel('Courier', { exact: true }).selectOption('jne');
  await buyer.getByRole('radio', { name: /Bank transfer/ }).check();
  await buyer.getByRole('button', { name: 'Place order' }).click();
  await expect(buyer.getByText('Your order was sent to the seller.')).toBeVisible();
  await expect(buyer.getByText('IDR 800,000').last()).toBeVisible();
  await expect(buyer.getByText(/Keizersgracht 123.*Netherlands/)).toBeVisible();
  const orderUrl = new URL(buyer.url()).pathname;
  await buyer.getByLabel('Upload a photo of the transfer receipt').setInputFiles({ name: 'transfer.png', mimeType: 'image/png', buffer: paperPhoto() });
  await buyer.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(buyer.getByText('A payment proof was uploaded.')).toBeVisible();

  // --- The seller confirms, checks the payment, and ships with the tracking number from the receipt.
  await open(shop, orderUrl, javaScriptEnabled);
  await shop.getByRole('button', { name: 'Confirm order' }).click();
  await expect(shop.getByRole('button', { name: 'Payment received' })).toBeVisible();
  await shop.getByRole('button', { name: 'Payment received' }).click();
  const ship = shop.getByTestId('ship-form');
  await expect(ship).toBeVisible();
  await expect(ship.getByLabel('Courier')).toHaveValue('jne');
  await ship.getByLabel('Courier').selectOption('pos');
  // Without a number the parcel is not marked shipped, and the reason is next to the field.
  await ship.getByLabel('Tracking number').fill(' ');
  await ship.getByRole('button', { name: 'Send the parcel' }).click();
  await expect(shop.getByTestId('ship-form').getByText("Enter the courier's tracking number.")).toBeVisible();
  await expect(shop.getByRole('heading', { level: 1 })).toContainText('Paid');
  // Without JavaScript the form came back from the server: the courier is chosen again.
  await shop.getByTestId('ship-form').getByLabel('Courier').selectOption('pos');
  await shop.getByTestId('ship-form').getByLabel('Tracking number').fill('ee123456789id');
  await shop.getByTestId('ship-form').getByRole('button', { name: 'Send the parcel' }).click();
  await expect(shop.getByRole('heading', { level: 1 })).toContainText('Shipped');
  await shop.context().close();

  // --- The buyer follows the parcel, says it arrived, and reviews.
  await open(buyer, orderUrl, javaScriptEnabled);
  const shipment = buyer.getByTestId('shipment');
  await expect(shipment.getByText('EE123456789ID')).toBeVisible();
  await expect(shipment.getByText('Pos Indonesia')).toBeVisible();
  await expect(shipment.getByText(/counts as received on/)).toBeVisible();
  await buyer.getByRole('button', { name: 'I received it' }).click();
  await expect(buyer.getByRole('heading', { level: 1 })).toContainText('Received');
  await buyer.getByLabel('Your review').fill('Arrived in Amsterdam in twelve days, beautifully packed.');
  await buyer.getByRole('button', { name: 'Send review' }).click();
  await expect(buyer.getByText('Arrived in Amsterdam in twelve days, beautifully packed.')).toBeVisible();
  const timeline = buyer.getByRole('region', { name: 'Timeline' });
  for (const step of ['Waiting for the seller', 'Confirmed', 'Paid', 'Shipped', 'Received']) {
    await expect(timeline.getByText(step, { exact: true })).toBeVisible();
  }
});

test('a buyer pays with QRIS: the shop\'s code with the exact amount, then the proof', async ({ newPhone, baseURL, javaScriptEnabled }) => {
  const buyer = await newBuyer(newPhone, baseURL, javaScriptEnabled, 'Dewi Lestari');
  await open(buyer, '/pasar/produk/masker-batik-kawung', javaScriptEnabled);
  await buyer.getByLabel('Quantity').fill('3');
  await toCart(buyer, javaScriptEnabled);
  await buyer.getByRole('radio', { name: /Pickup at the seller/ }).check();
  await buyer.getByRole('radio', { name: /QRIS/ }).check();
  await buyer.getByRole('button', { name: 'Place order' }).click();
  await expect(buyer.getByText('Your order was sent to the seller.')).toBeVisible();

  const pay = buyer.getByRole('region', { name: 'Pay with QRIS' });
  await expect(pay.getByText('IDR 75,000')).toBeVisible();
  const code = pay.getByRole('img', { name: "The shop's QRIS code" });
  await expect(code).toBeVisible();
  // The code is served to this buyer (a square WebP), and to nobody signed out.
  const src = await code.getAttribute('src');
  const image = await buyer.request.get(src!);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/webp');
  const stranger = await newPhone({ javaScriptEnabled });
  expect((await stranger.request.get(src!, { maxRedirects: 0 })).status()).not.toBe(200);
  if (javaScriptEnabled) {
    const size = await code.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size[0]).toBe(size[1]);
  }

  await pay.getByLabel('Upload the QRIS payment proof').setInputFiles({ name: 'qris-bayar.png', mimeType: 'image/png', buffer: paperPhoto(400, 800) });
  await pay.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(buyer.getByText('A payment proof was uploaded.')).toBeVisible();
});

test('"membatik" finds batik, and the shop directory filters by village', async ({ page, baseURL, javaScriptEnabled }) => {
  await inEnglish(page, baseURL);
  await open(page, '/pasar?q=membatik', javaScriptEnabled);
  await expect(page.getByRole('link', { name: /Hand-drawn Gajah Oling batik scarf/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Peaberry coffee/ })).toHaveCount(0);

  await page.getByRole('link', { name: 'Shop directory' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shop directory');
  await page.getByLabel('Village').selectOption('kemiren');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/village=kemiren/);
  // Kemiren's shops only (other tests may have opened more there).
  const shops = page.locator('[data-shop]');
  await expect(shops.first()).toBeVisible();
  expect(await shops.count()).toBeGreaterThanOrEqual(3);
  for (const village of await shops.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-village')))) {
    expect(village).toBe('kemiren');
  }
  // Each with its picture (the demo shops show their first product's).
  await expect(page.locator('[data-shop="kue-bu-yati"] img')).toBeVisible();
  await page.locator('[data-shop="batik-sekar-osing"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Batik Sekar Osing');
});
