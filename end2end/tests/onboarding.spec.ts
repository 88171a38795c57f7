// A regency starts from nothing: on a server with an empty database (no demo data; `./dev.sh test` starts
// it and invites its first administrator with the `invite-admin` command), the admin signs up with the
// invited number and enters the code, imports the village list, imports it again with a renamed village,
// invites a kades by phone, and the kades signs up, enters the code from the message and runs the
// village. Runs once, with JavaScript off (every step is a plain form), since it changes the database.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './support';

const ONBOARD_URL = process.env.ONBOARD_URL;
const ADMIN_PHONE = process.env.ONBOARD_ADMIN_PHONE ?? '';
const ADMIN_CODE = process.env.ONBOARD_ADMIN_CODE ?? '';
const PASSWORD = 'diskominfo-banyuwangi-26';
// The tests run from end2end/ (see dev.sh).
const DEMO_LIST = resolve(process.cwd(), '../app/src/demo/wilayah-banyuwangi.csv');

test.use({ baseURL: ONBOARD_URL });

test('from an empty database an admin imports the villages, appoints a kades by phone, and the kades runs the village', async ({ page, newPhone, javaScriptEnabled }, testInfo) => {
  test.skip(!ONBOARD_URL, 'needs the empty server that ./dev.sh test starts (ONBOARD_URL)');
  test.skip(javaScriptEnabled, 'runs once, in the no-JavaScript project: it changes the database');
  test.setTimeout(120_000);

  // The administrator signs up (no village exists yet: "I'm visiting") and takes up the invitation.
  await page.goto('/akun/undangan');
  await page.locator('main').getByRole('link', { name: 'Daftar' }).click();
  await page.getByLabel('Nama', { exact: true }).fill('Admin Diskominfo');
  await page.getByLabel('Nomor HP').fill(ADMIN_PHONE);
  await page.getByLabel('Desa tempat tinggal').selectOption('tamu');
  await page.getByLabel('Kata sandi baru').fill(PASSWORD);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await expect(page).toHaveURL(/\/akun\/undangan$/);
  await page.getByLabel('Kode undangan').fill('00000000');
  await page.getByRole('button', { name: 'Terima' }).click();
  await expect(page.getByText('Kode salah, kedaluwarsa, atau bukan untuk nomor akun ini.').first()).toBeVisible();
  await page.getByLabel('Kode undangan').fill(ADMIN_CODE);
  await page.getByRole('button', { name: 'Terima' }).click();
  await expect(page).toHaveURL(/\/admin\?diterima=1$/);
  await expect(page.getByText(/Belum ada desa/)).toBeVisible();

  // The village list: previewed, then applied with the regency's name.
  await page.getByRole('link', { name: 'Impor daftar desa' }).first().click();
  await page.getByLabel('Berkas CSV').setInputFiles(DEMO_LIST);
  await page.getByRole('button', { name: 'Unggah dan lihat pratinjau' }).click();
  await expect(page).toHaveURL(/\/admin\/wilayah\/impor\/\d+$/);
  await expect(page.locator('[data-count-new="6"]')).toBeVisible();
  await expect(page.locator('[data-count-problems="0"]')).toBeVisible();
  await page.getByLabel('Nama kabupaten (misalnya Banyuwangi)').fill('Banyuwangi');
  await page.getByRole('button', { name: 'Terapkan daftar desa' }).click();
  await expect(page).toHaveURL(/\/admin\?impor=selesai/);
  await expect(page.locator('[data-village]')).toHaveCount(6);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Banyuwangi');

  // A file with a mistake is refused whole, line by line.
  const broken = testInfo.outputPath('desa-salah.csv');
  writeFileSync(broken, `${readFileSync(DEMO_LIST, 'utf8')}35.10.16.1099,Salah Jenis,desa,Glagah\n`);
  await page.goto('/admin/wilayah');
  await page.getByLabel('Berkas CSV').setInputFiles(broken);
  await page.getByRole('button', { name: 'Unggah dan lihat pratinjau' }).click();
  await expect(page.locator('[data-problem="import_kind_mismatch"][data-problem-line="8"]')).toBeVisible();
  await expect(page.locator('[data-import-state="problems"]')).toBeVisible();

  // Importing again updates a name by its code, without duplicating anything.
  const renamed = testInfo.outputPath('desa-baru.csv');
  writeFileSync(renamed, readFileSync(DEMO_LIST, 'utf8').replace('Kemiren,desa', 'Kemiren Osing,desa'));
  await page.goto('/admin/wilayah');
  await page.getByLabel('Berkas CSV').setInputFiles(renamed);
  await page.getByRole('button', { name: 'Unggah dan lihat pratinjau' }).click();
  await expect(page.locator('[data-count-updated="1"]')).toBeVisible();
  await expect(page.locator('[data-count-new="0"]')).toBeVisible();
  await page.getByRole('button', { name: 'Terapkan daftar desa' }).click();
  await expect(page.locator('[data-village]')).toHaveCount(6);
  await expect(page.locator('[data-village="kemiren"]')).toContainText('Kemiren Osing');

  // The kades is invited by phone; the message with the code is in the outbox.
  const kadesPhone = `0813${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await page.goto('/admin/staf');
  await page.getByRole('textbox', { name: 'Nomor HP' }).fill(kadesPhone);
  await page.getByLabel('Jabatan').selectOption('kades');
  await page.getByLabel('Desa (untuk kades, sekdes, operator)').selectOption('kemiren');
  await page.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(page.getByText('Undangan terkirim.')).toBeVisible();
  await expect(page.locator('[data-invitation-state="open"]')).toHaveCount(1);
  await page.goto('/admin/outbox');
  const message = page.locator('article', { hasText: 'kepala desa Desa Kemiren Osing' }).first();
  await expect(message).toBeVisible();
  const code = /kode (\d{8})/.exec(await message.innerText())?.[1];
  expect(code, 'the invitation message holds an 8-digit code').toBeTruthy();

  // The kades signs up on their own phone, enters the code and lands in the village console.
  const kades = await newPhone();
  await kades.goto('/akun/daftar?next=%2Fakun%2Fundangan');
  await kades.getByLabel('Nama', { exact: true }).fill('Slamet Riyadi');
  await kades.getByLabel('Nomor HP').fill(kadesPhone);
  await kades.getByLabel('Desa tempat tinggal').selectOption('kemiren');
  await kades.getByLabel('Kata sandi baru').fill('barong-kemiren-2026');
  await kades.getByRole('button', { name: 'Daftar' }).click();
  await expect(kades).toHaveURL(/\/akun\/undangan$/);
  await kades.getByLabel('Kode undangan').fill(code!);
  await kades.getByRole('button', { name: 'Terima' }).click();
  await expect(kades).toHaveURL(/\/desa\/kemiren\/kelola\?diterima=1$/);
  await expect(kades.getByRole('heading', { level: 1 })).toContainText('Kemiren Osing');

  // … and runs it: the village profile residents read, and the request inbox.
  const description = 'Desa adat Osing di kaki Gunung Ijen: barong, kopi dan tari gandrung.';
  await kades.getByLabel('Deskripsi (Bahasa Indonesia)').fill(description);
  await kades.getByLabel('Alamat balai desa').fill('Jl. Barong No. 1, Kemiren');
  await kades.getByRole('button', { name: 'Simpan' }).first().click();
  await expect(kades).toHaveURL(/disimpan=profil/);
  await kades.goto('/desa/kemiren');
  await expect(kades.getByText(description)).toBeVisible();
  await kades.goto('/desa/kemiren/layanan');
  await expect(kades.getByRole('heading', { level: 1 })).toBeVisible();

  // The admin sees the kades in the overview and among the roles.
  await page.goto('/admin');
  await expect(page.locator('[data-village="kemiren"] [data-staff-count="1"]')).toBeVisible();
  await page.goto('/admin/staf');
  // Both invitations were taken up: the administrator's own and the kades'.
  await expect(page.locator(`[data-invitation="+62${kadesPhone.slice(1)}"][data-invitation-state="accepted"]`)).toHaveCount(1);
  await expect(page.locator('[data-invitation-state="accepted"]')).toHaveCount(2);
});
