// Accounts, as a person with a phone uses them: sign up, sign in, reset a forgotten password with the
// code from the outbox, a village operator verifying a resident, and the language surviving sign-in.
// Every test runs with JavaScript on and off (see playwright.config.ts).
import { expect, test, type Page } from '@playwright/test';
import { open } from './support';

const DEMO_PASSWORD = 'demo-kampung-2026';
const OPERATOR_KEMIREN = '0812-3000-0004';
const ADMIN = '0812 3000 0009';

/** A mobile number nobody else in this run uses (each test signs up its own person). */
function freshPhone(): string {
  return `0813${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

async function signUp(page: Page, js: boolean, name: string, phone: string, password: string) {
  await open(page, '/akun/daftar', js);
  await page.getByLabel('Nama', { exact: true }).fill(name);
  await page.getByLabel('Nomor HP').fill(phone);
  await page.getByLabel('Desa tempat tinggal').selectOption('kemiren');
  await page.getByLabel('Kata sandi baru').fill(password);
  await page.getByRole('button', { name: 'Daftar' }).click();
}

async function signIn(page: Page, js: boolean, phone: string, password: string) {
  await open(page, '/akun/masuk', js);
  await page.getByLabel('Nomor HP').fill(phone);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
}

async function signOut(page: Page) {
  await page.goto('/akun');
  await page.getByRole('button', { name: /^(Keluar|Sign out)$/ }).click();
  await expect(page).toHaveURL(/\/akun\/masuk$/);
}

test('a resident signs up, sees a clear message for a weak password, and lands on their activity', async ({ page, javaScriptEnabled }) => {
  const phone = freshPhone();
  await signUp(page, javaScriptEnabled, 'Wulan Sari', phone, 'password123');
  // Refused next to the field, in Indonesian; the account is not created.
  await expect(page.getByText('Kata sandi ini terlalu mudah ditebak. Pilih yang lain.')).toBeVisible();
  await expect(page.getByLabel('Kata sandi baru')).toHaveAttribute('aria-invalid', 'true');
  // With JavaScript, what was typed is put back (never the password); without it the form comes back empty.
  if (javaScriptEnabled) {
    await expect(page.getByLabel('Nama', { exact: true })).toHaveValue('Wulan Sari');
    await expect(page.getByLabel('Nomor HP')).toHaveValue(phone);
    await expect(page.getByLabel('Desa tempat tinggal')).toHaveValue('kemiren');
  }
  await expect(page.getByLabel('Kata sandi baru')).toHaveValue('');

  await signUp(page, javaScriptEnabled, 'Wulan Sari', phone, 'gandrung-sewu-2026');
  await expect(page).toHaveURL(/\/akun$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
  await expect(page.getByText('Wulan Sari').first()).toBeVisible();
  await expect(page.getByText('Belum ada pesanan. Lihat produk desa di Pasar.')).toBeVisible();
  // The header now shows the notification bell instead of "Masuk".
  await expect(page.getByRole('link', { name: /^Notifikasi/ })).toBeVisible();

  // The profile can be edited; the page confirms the save.
  const profile = page.getByRole('region', { name: 'Profil' });
  await profile.getByLabel('Nama', { exact: true }).fill('Wulan Sari Dewi');
  await profile.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Profil' }).getByLabel('Nama', { exact: true })).toHaveValue('Wulan Sari Dewi');

  await signOut(page);
  await open(page, '/akun', javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk');
});

test('a wrong password is refused and the right one signs in', async ({ page, javaScriptEnabled }) => {
  await signIn(page, javaScriptEnabled, '0812-3000-0001', 'not-my-password');
  await expect(page.getByText('Nomor HP atau kata sandi salah.')).toBeVisible();
  await signIn(page, javaScriptEnabled, '0812-3000-0001', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
  await expect(page.getByText('Siti Rahayu').first()).toBeVisible();
});

test('the chosen language stays English across sign-in', async ({ page, javaScriptEnabled }) => {
  await open(page, '/akun/masuk', javaScriptEnabled);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.getByLabel('Mobile number').fill('081230000003');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My activity');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Sulastri owns the approved batik shop: she is a seller.
  await expect(page.getByText('Seller', { exact: true })).toBeVisible();
});

test('a forgotten password is reset with the code sent through the outbox', async ({ page, browser, javaScriptEnabled }) => {
  const phone = freshPhone();
  const e164 = `+62${phone.slice(1)}`;
  await signUp(page, javaScriptEnabled, 'Agus Pratama', phone, 'kopi-lanang-2026');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
  await signOut(page);

  await open(page, '/akun/lupa-sandi', javaScriptEnabled);
  await page.getByLabel('Nomor HP').fill(phone);
  await page.getByRole('button', { name: 'Kirim kode' }).click();
  await expect(page).toHaveURL(/\/akun\/atur-ulang-sandi$/);

  // The administrator reads the message on the outbox page (no SMS gateway in the demo).
  const admin = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled });
  const adminPage = await admin.newPage();
  await signIn(adminPage, javaScriptEnabled, ADMIN, DEMO_PASSWORD);
  await adminPage.goto('/admin/outbox');
  const message = adminPage.getByRole('article').filter({ hasText: e164 }).first();
  await expect(message).toContainText('Kode Smart Kampung');
  const code = /Kode Smart Kampung: (\d{6})/.exec((await message.textContent()) ?? '')?.[1];
  expect(code).toMatch(/^\d{6}$/);
  await admin.close();

  await page.getByLabel('Nomor HP').fill(phone);
  await page.getByLabel('Kode dari SMS/WhatsApp').fill('000000' === code ? '111111' : '000000');
  await page.getByLabel('Kata sandi baru').fill('seblang-bakungan-7');
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByText('Kode salah. Periksa pesan di HP Anda.')).toBeVisible();

  await page.getByLabel('Nomor HP').fill(phone);
  await page.getByLabel('Kode dari SMS/WhatsApp').fill(code ?? '');
  await page.getByLabel('Kata sandi baru').fill('seblang-bakungan-7');
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');

  await signOut(page);
  await signIn(page, javaScriptEnabled, phone, 'kopi-lanang-2026');
  await expect(page.getByText('Nomor HP atau kata sandi salah.')).toBeVisible();
  await signIn(page, javaScriptEnabled, phone, 'seblang-bakungan-7');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
});

test('village staff verify a resident, who then carries the badge', async ({ page, javaScriptEnabled }) => {
  const phone = freshPhone();
  const fullName = `Ratna Dewi ${phone.slice(-4)}`;
  await signUp(page, javaScriptEnabled, 'Ratna', phone, 'barong-ider-bumi-1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
  await page.getByLabel('NIK', { exact: true }).fill('3510 1652 0890 0007');
  await page.getByLabel('Nama lengkap sesuai KTP').fill(fullName);
  await page.getByLabel('Alamat (dusun, RT/RW)').fill('Dusun Krajan RT 01 RW 02');
  await page.getByRole('button', { name: 'Kirim untuk diverifikasi' }).click();
  await expect(page.getByText('Menunggu pemeriksaan perangkat desa.')).toBeVisible();
  // The resident sees only the last four digits of their NIK.
  await expect(page.getByText('•••• •••• •••• 0007')).toBeVisible();
  await expect(page.getByText('3510165208900007')).toHaveCount(0);
  await signOut(page);

  await signIn(page, javaScriptEnabled, OPERATOR_KEMIREN, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Buka panel desa' }).click();
  await expect(page).toHaveURL(/\/desa\/kemiren\/kelola$/);
  const card = page.getByRole('listitem').filter({ hasText: fullName });
  await expect(card).toContainText('•••• •••• •••• 0007');
  await card.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: fullName })).toHaveCount(0);
  await signOut(page);

  await signIn(page, javaScriptEnabled, phone, 'barong-ider-bumi-1');
  await expect(page.getByText('Warga terverifikasi').first()).toBeVisible();
  // And a notification about it waits behind the bell.
  await expect(page.getByTestId('unread-count')).toHaveText('1');
  await page.getByRole('link', { name: /^Notifikasi/ }).click();
  await expect(page.getByText('Data Anda sudah diverifikasi: Anda warga terverifikasi.')).toBeVisible();
});

test('staff of another village cannot open Kemiren\'s console', async ({ page, javaScriptEnabled }) => {
  await signIn(page, javaScriptEnabled, '0812-3000-0007', DEMO_PASSWORD);
  const response = await page.goto('/desa/kemiren/kelola');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('Anda tidak berwenang melakukan ini.')).toBeVisible();
});
