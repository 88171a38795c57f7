// Budaya & Edukasi as a tourist and an organiser use them on a phone, in English: find a batik class
// this weekend in Kemiren, register (creating an account on the way without losing the choice), carry a
// QR ticket, and be checked in at the door. Every test runs with JavaScript on and off.
import type { Page } from '@playwright/test';
import { expect, test, open, type NewPhone } from './support';

// The offline ticket needs the site's service worker (blocked by default in playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const DEMO_PASSWORD = 'demo-kampung-2026';
const ORGANISER = '0812-3000-0003'; // Sulastri runs the batik class from her shop

function freshPhone(): string {
  return `0815${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

async function inEnglish(page: Page, baseURL: string | undefined) {
  await page.context().addCookies([{ name: 'i18n_pref_locale', value: 'en', url: baseURL ?? 'http://127.0.0.1:3000' }]);
}

async function seatsLeftOfFirstOpenSession(page: Page): Promise<number> {
  return Number(await page.locator('[data-seats-left]').first().getAttribute('data-seats-left'));
}

test('a tourist finds a batik class this weekend, registers on the way, and is checked in with the QR ticket', async ({ page, newPhone, baseURL, javaScriptEnabled }) => {
  await inEnglish(page, baseURL);
  await open(page, '/budaya', javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Culture & Learning');
  await page.getByRole('link', { name: 'This weekend' }).click();
  await expect(page).toHaveURL(/kapan=akhir-pekan/);

  // Narrow down to classes in Kemiren with the filter form (a plain GET form). Late on a Sunday this
  // weekend's classes are over, so the period goes back to everything coming up.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('combobox', { name: 'When' }).selectOption('');
  await page.getByLabel('Kind').selectOption('kelas');
  await page.getByLabel('Village').selectOption('kemiren');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/jenis=kelas/);
  await expect(page).toHaveURL(/desa=kemiren/);
  await expect(page.getByText('Osing traditional house')).toHaveCount(0);

  await page.getByRole('link', { name: /Gajah Oling batik class/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gajah Oling batik class');
  await expect(page.getByRole('link', { name: 'Open in OpenStreetMap' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add to calendar' })).toHaveAttribute('href', /\.ics/);
  const seatsBefore = await seatsLeftOfFirstOpenSession(page);
  expect(seatsBefore).toBeGreaterThan(0);
  const listingUrl = page.url();
  await page.getByRole('button', { name: 'Register', exact: true }).first().click();

  // Not signed in: the registration page offers sign-in, and sign-up keeps the chosen session.
  await expect(page.getByText('Sign in or create an account to register. Your choice is kept.')).toBeVisible();
  await page.getByRole('link', { name: 'No account yet? Sign up' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Anneke de Vries');
  await page.getByLabel('Mobile number').fill(freshPhone());
  await page.getByLabel('Home village').selectOption('kemiren');
  await page.getByLabel('New password').fill('gajah-oling-canting');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/daftar\?sesi=\d+/);
  await page.getByRole('button', { name: 'Register now' }).click();

  // The ticket: valid, with a QR code and a short code to read out.
  await expect(page).toHaveURL(/\/tiket\/[A-Z2-9]{8}$/);
  await expect(page.getByText('Valid ticket ✓')).toBeVisible();
  await expect(page.locator('[data-qr] svg')).toBeVisible();
  const code = (await page.locator('[data-ticket-code]').getAttribute('data-ticket-code'))!;
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  const ticketPath = new URL(page.url()).pathname;
  if (javaScriptEnabled) {
    // Once opened, the ticket opens again without signal (service worker + cache).
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(async (path) => !!(await caches.match(path)), ticketPath)).toBe(true);
    await page.context().setOffline(true);
    await page.goto(ticketPath);
    await expect(page.getByText('Valid ticket ✓')).toBeVisible();
    await expect(page.locator('[data-qr] svg')).toBeVisible();
    await page.context().setOffline(false);
  }

  // The seat count dropped (registrations in other tests can only lower it further).
  await open(page, listingUrl, javaScriptEnabled);
  await expect(page.getByRole('link', { name: 'See my ticket' }).first()).toBeVisible();
  expect(await seatsLeftOfFirstOpenSession(page)).toBeLessThan(seatsBefore);

  // At the door the organiser types the code on her phone.
  const organiser = await signedInOrganiser(newPhone, baseURL, javaScriptEnabled);
  await open(organiser, '/budaya/acara/kelas-batik-gajah-oling/kelola', javaScriptEnabled);
  await organiser.getByLabel('Ticket code').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await organiser.getByRole('button', { name: 'Check in' }).click();
  await expect(organiser.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const row = organiser.locator('details li', { hasText: `${code.slice(0, 4)}-${code.slice(4)}` });
  await expect(row).toContainText('checked in');
  // The same code again is refused next to the field.
  await organiser.getByLabel('Ticket code').fill(code);
  await organiser.getByRole('button', { name: 'Check in' }).click();
  await expect(organiser.getByText('This ticket has already been checked in.')).toBeVisible();
  await organiser.context().close();

  await open(page, ticketPath, javaScriptEnabled);
  await expect(page.getByText(/Checked in at \d\d:\d\d WIB/)).toBeVisible();
});

async function signedInOrganiser(newPhone: NewPhone, baseURL: string | undefined, javaScriptEnabled: boolean, phone = ORGANISER) {
  const page = await newPhone({ javaScriptEnabled });
  await inEnglish(page, baseURL);
  await open(page, '/akun/masuk', javaScriptEnabled);
  await page.getByLabel('Mobile number').fill(phone);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My activity');
  return page;
}

test('the month calendar works without JavaScript and leads to a day', async ({ page, baseURL, javaScriptEnabled }) => {
  await inEnglish(page, baseURL);
  await open(page, '/budaya/kalender', javaScriptEnabled);
  await page.getByRole('link', { name: 'Next month →' }).click();
  await expect(page).toHaveURL(/bulan=\d{4}-\d{2}/);
  await page.getByRole('link', { name: 'Next month →' }).click();
  await page.getByRole('link', { name: '← Previous month' }).click();
  const day = page.locator('a[role=gridcell]').first();
  await expect(day).toBeVisible();
  await day.click();
  await expect(page).toHaveURL(/kapan=tanggal/);
  await expect(page.locator('time').first()).toBeVisible();
});

test('a full class offers the waiting list, and searching finds rituals by name', async ({ page, baseURL, javaScriptEnabled }) => {
  await inEnglish(page, baseURL);
  await open(page, '/budaya?q=seblang', javaScriptEnabled);
  await expect(page.getByRole('link', { name: /Seblang Bakungan ritual/ })).toBeVisible();
  // Olehsari's ritual has no English text yet: shown in Indonesian, marked.
  const olehsari = page.getByRole('link', { name: /Ritual Seblang Olehsari/ });
  await expect(olehsari).toContainText('not yet translated');
  await open(page, '/budaya?q=zzzz-tidak-ada', javaScriptEnabled);
  await expect(page.getByText('No events match.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear all filters' }).click();
  await expect(page).toHaveURL(/\/budaya$/);
  await open(page, '/budaya/acara/kelas-sangrai-kopi', javaScriptEnabled);
  // The full session is the last one: later dates are one tap away.
  await page.getByText(/See all sessions \(\d+\)/).click();
  await expect(page.getByText(/Full · \d+ on the waiting list/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join the waiting list' }).first()).toBeVisible();
});

test('an organiser adds a photo from the phone, and a file that is not a photo is refused with a reason', async ({ page, newPhone, baseURL, javaScriptEnabled }) => {
  // A real picture to upload: one of the demo listing's photos, as a phone would have it in its gallery.
  await inEnglish(page, baseURL);
  await open(page, '/budaya/acara/kelas-batik-gajah-oling', javaScriptEnabled);
  const src = await page.locator('article img').first().getAttribute('src');
  expect(src).toMatch(/^\/media\/[0-9a-f]+-\d+\.webp$/);
  const picture = await (await page.request.get(src!)).body();

  const organiser = await signedInOrganiser(newPhone, baseURL, javaScriptEnabled, '0812-3000-0004');
  await open(organiser, '/budaya/acara/kelas-bahasa-osing/kelola', javaScriptEnabled);
  const photos = organiser.getByRole('region', { name: /^Photos/ });
  await photos.getByLabel('Add photos').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 minutes of the meeting') });
  await photos.getByRole('button', { name: 'Upload' }).click();
  await expect(organiser.getByText('This file is not a JPEG, PNG or WebP photo.')).toBeVisible();

  await organiser.getByRole('region', { name: /^Photos/ }).getByLabel('Add photos').setInputFiles({ name: 'IMG_0412.webp', mimeType: 'image/webp', buffer: picture });
  await organiser.getByRole('region', { name: /^Photos/ }).getByRole('button', { name: 'Upload' }).click();
  await expect(organiser.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(organiser.getByRole('region', { name: /^Photos \([1-6]\/6\)/ }).locator('img').first()).toBeVisible();
  await organiser.context().close();

  await open(page, '/budaya/acara/kelas-bahasa-osing', javaScriptEnabled);
  const photo = page.locator('article img').first();
  await expect(photo).toHaveAttribute('srcset', /320w/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /^https?:\/\/.+\.webp$/);
});

test('a class run by a seller links to the shop, and the shop shows its classes', async ({ page, baseURL, javaScriptEnabled }) => {
  await inEnglish(page, baseURL);
  await open(page, '/budaya/acara/kelas-batik-gajah-oling', javaScriptEnabled);
  await page.getByRole('link', { name: /Pasar shop: Batik Sekar Osing/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Batik Sekar Osing');
  const classes = page.getByRole('region', { name: 'Classes and events by this shop' });
  await expect(classes.getByRole('link', { name: /Gajah Oling batik class/ }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Products' })).toBeVisible();
});

test('a mother finds the posyandu on her village page and under Culture, with the midwife\'s hours and a calendar feed', async ({ page, baseURL, javaScriptEnabled }) => {
  await inEnglish(page, baseURL);
  await open(page, '/desa/kemiren', javaScriptEnabled);
  const health = page.locator('#kesehatan');
  await expect(health.getByRole('heading', { name: 'Health', exact: true })).toBeVisible();
  await expect(health.getByText('No personal health data is stored.')).toBeVisible();
  await expect(health.getByRole('link', { name: /Kemiren village maternity post \(midwife\)/ })).toBeVisible();
  await expect(health.getByRole('link', { name: 'Subscribe to health sessions (.ics)' })).toHaveAttribute('href', '/budaya/ics/jenis/kesehatan.ics');
  const posyandu = health.getByRole('link', { name: /Melati baby and toddler health day/ }).first();
  await expect(posyandu).toBeVisible();
  await posyandu.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Melati baby and toddler health day');
  await expect(page.getByText(/volunteers write in the KIA book, not in this app/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add to calendar' })).toHaveAttribute('href', /\.ics/);

  // From the bottom bar's Culture pillar: the health kind, with its facilities beside its sessions.
  await page.getByRole('navigation', { name: 'Bottom menu' }).getByRole('link', { name: 'Culture' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Culture & Learning');
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('combobox', { name: 'When' }).selectOption('');
  await page.getByLabel('Kind').selectOption('kesehatan');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/jenis=kesehatan/);
  await expect(page.getByRole('link', { name: /Olehsari health sub-centre \(pustu\)/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Tamansari health day for older people/ }).first()).toBeVisible();
  await expect(page.getByText('Gajah Oling batik class')).toHaveCount(0);
});
