// Accounts, as a person with a phone uses them: sign up, sign in, reset a forgotten password with the
// code from the outbox, a village operator verifying a resident, and the language surviving sign-in.
// Every test runs with JavaScript on and off (see playwright.config.ts).
import type { Page } from '@playwright/test';
import { expect, test, open } from './support';

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

test('a forgotten password is reset with the code sent through the outbox', async ({ page, newPhone, javaScriptEnabled }) => {
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
  const adminPage = await newPhone();
  await signIn(adminPage, javaScriptEnabled, ADMIN, DEMO_PASSWORD);
  await adminPage.goto('/admin/outbox');
  const message = adminPage.getByRole('article').filter({ hasText: e164 }).first();
  await expect(message).toContainText('Kode Smart Kampung');
  const code = /Kode Smart Kampung: (\d{6})/.exec((await message.textContent()) ?? '')?.[1];
  expect(code).toMatch(/^\d{6}$/);
  await adminPage.context().close();

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

test('a tourist signs up as a visitor, without a village, and adds one after moving in', async ({ page, javaScriptEnabled }) => {
  await open(page, '/akun/daftar', javaScriptEnabled);
  await page.getByLabel('Nama', { exact: true }).fill('Tom Visser');
  await page.getByLabel('Nomor HP').fill(freshPhone());
  await page.getByLabel('Desa tempat tinggal').selectOption({ label: 'Saya pengunjung / wisatawan (tanpa desa)' });
  await page.getByLabel('Kata sandi baru').fill('ijen-blue-fire-2026');
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
  await expect(page.getByText('Pengunjung (tanpa desa asal)')).toBeVisible();
  // Verification is for residents of a village: not offered to a visitor.
  await expect(page.getByRole('heading', { name: 'Verifikasi warga' })).toHaveCount(0);

  await page.getByLabel('Tambahkan desa tempat tinggal').selectOption('kemiren');
  await page.getByRole('button', { name: 'Simpan desa' }).click();
  await expect(page.getByText('Pengunjung (tanpa desa asal)')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Verifikasi warga' })).toBeVisible();
  await expect(page.getByText(/ · Kemiren$/)).toBeVisible();
});

test('sign-up day behind one carrier address: every phone signs up; a shared phone is told at the top and keeps what was typed', async ({ page, newPhone, javaScriptEnabled }) => {
  test.setTimeout(180_000);
  // Thirty-one residents, each on their own phone, all behind one address (here 127.0.0.1): the old
  // limit refused the thirty-first.
  for (let n = 1; n <= 31; n++) {
    const phone = await newPhone();
    await signUp(phone, javaScriptEnabled, `Warga Kemiren ${n}`, freshPhone(), 'gandrung-sewu-2026');
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
    await phone.context().close();
  }
  // The operator's phone at the balai desa helps ten residents; the eleventh on that phone waits.
  for (let n = 1; n <= 10; n++) {
    await signUp(page, javaScriptEnabled, `Warga Balai ${n}`, freshPhone(), 'gandrung-sewu-2026');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
  }
  const eleventh = freshPhone();
  await signUp(page, javaScriptEnabled, 'Warga Balai Sebelas', eleventh, 'gandrung-sewu-2026');
  const reason = page.getByRole('alert').filter({ hasText: 'Terlalu banyak percobaan' });
  await expect(reason).toBeInViewport();
  await expect(page.getByLabel('Nama', { exact: true })).toHaveValue('Warga Balai Sebelas');
  await expect(page.getByLabel('Nomor HP')).toHaveValue(eleventh);
  await expect(page.getByLabel('Desa tempat tinggal')).toHaveValue('kemiren');
  await expect(page.getByLabel('Kata sandi baru')).toHaveValue('');
});

test('village staff approve a shop application and see that it took effect', async ({ page, newPhone, javaScriptEnabled }) => {
  const shopName = `Anyaman Rina ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, javaScriptEnabled, 'Rina Wati', freshPhone(), 'anyaman-bambu-2026');
  await open(page, '/pasar/saya', javaScriptEnabled);
  await page.getByLabel('Nama lapak').fill(shopName);
  await page.getByLabel('Cerita lapak: siapa pembuatnya, apa yang istimewa').fill('Tikar dan keranjang anyaman bambu buatan ibu-ibu Dusun Krajan.');
  await page.getByLabel('Nomor WhatsApp').fill(freshPhone());
  await page.getByLabel('Alamat ambil di tempat penjual').fill('Dusun Krajan RT 02 RW 01, Kemiren');
  await page.getByRole('button', { name: 'Ajukan lapak' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(shopName);

  const operator = await newPhone();
  await signIn(operator, javaScriptEnabled, OPERATOR_KEMIREN, DEMO_PASSWORD);
  await open(operator, '/desa/kemiren/kelola', javaScriptEnabled);
  await operator.getByRole('listitem').filter({ hasText: shopName }).getByRole('button', { name: 'Setujui' }).click();
  await expect(operator.getByText('Lapak disetujui dan sudah tampil di pasar.')).toBeVisible();
  await expect(operator.getByRole('listitem').filter({ hasText: shopName })).toHaveCount(0);
});
