// Layanan as a resident and the village and kecamatan staff use it on a phone: Siti requests an SKTM with
// a visit slot, the operator asks for a revision, Siti corrects it, the kades approves, the operator
// forwards it, the camat signs from his phone, the operator issues the letter, Siti downloads the PDF and
// the verification page opens from the letter's QR address. Every test runs with JavaScript on and off.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { open } from './support';

const DEMO_PASSWORD = 'demo-kampung-2026';
const RESIDENT = '0812-3000-0001'; // Siti, Kemiren
const OPERATOR = '0812-3000-0004'; // Dewi, operator Kemiren
const KADES = '0812-3000-0006'; // Slamet, kades Kemiren
const CAMAT = '0812-3000-0008'; // Yusuf, camat staff Glagah

async function signedIn(browser: Browser, baseURL: string | undefined, javaScriptEnabled: boolean, phone: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled, baseURL });
  const page = await context.newPage();
  await page.context().addCookies([{ name: 'i18n_pref_locale', value: 'id', url: baseURL ?? 'http://127.0.0.1:3000' }]);
  await open(page, '/akun/masuk', javaScriptEnabled);
  await page.getByLabel('Nomor HP').fill(phone);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
  return page;
}

async function act(page: Page, javaScriptEnabled: boolean, path: string, button: string) {
  await open(page, path, javaScriptEnabled);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByText('Tersimpan.')).toBeVisible();
}

test('an SKTM goes from the phone to a signed, verifiable letter without a trip to the kecamatan', async ({ browser, baseURL, javaScriptEnabled }) => {
  // --- The resident fills the form and picks a visit slot.
  const siti = await signedIn(browser, baseURL, javaScriptEnabled, RESIDENT);
  await open(siti, '/layanan/kemiren/sktm', javaScriptEnabled);
  await expect(siti.getByRole('heading', { level: 1 })).toContainText('SKTM');
  await expect(siti.getByText('Ditandatangani camat').first()).toBeVisible();
  await siti.getByLabel('Alamat (dusun, RT/RW)').fill('Dusun Krajan RT 01 RW 02');
  await siti.getByLabel('Pekerjaan').fill('Petani kopi');
  await siti.getByLabel('Penghasilan keluarga per bulan (Rp)').fill('9000000');
  await siti.getByLabel('Keperluan').selectOption('Beasiswa sekolah');
  await siti.getByLabel('Jadwal datang ke balai desa').selectOption({ index: 1 });
  await siti.getByRole('button', { name: 'Ajukan permohonan' }).click();
  await expect(siti.getByText('Tersimpan.')).toBeVisible();
  await expect(siti.getByText(/antrean no\. \d+/)).toBeVisible();
  const requestPath = new URL(siti.url()).pathname;

  // --- The operator checks it and asks for a correction.
  const dewi = await signedIn(browser, baseURL, javaScriptEnabled, OPERATOR);
  await open(dewi, '/desa/kemiren/layanan', javaScriptEnabled);
  await expect(dewi.getByRole('link', { name: /Surat Keterangan Tidak Mampu/ }).first()).toBeVisible();
  await act(dewi, javaScriptEnabled, requestPath, 'Mulai periksa');
  await dewi.locator('summary', { hasText: 'Minta perbaikan' }).click();
  await dewi.getByLabel('Apa yang perlu diperbaiki? (dibaca pemohon)').fill('Penghasilan ditulis per tahun, mohon isi per bulan.');
  await dewi.getByRole('button', { name: 'Minta perbaikan' }).click();
  await expect(dewi.getByText('Tersimpan.')).toBeVisible();

  // --- The resident reads the note, fixes the income and submits again.
  await open(siti, requestPath, javaScriptEnabled);
  await expect(siti.getByText('Penghasilan ditulis per tahun, mohon isi per bulan.')).toBeVisible();
  await siti.getByLabel('Penghasilan keluarga per bulan (Rp)').fill('750000');
  await siti.getByRole('button', { name: 'Ajukan lagi' }).click();
  await expect(siti.getByText('Tersimpan.')).toBeVisible();

  // --- Checked again, approved by the kades, forwarded to the kecamatan.
  await act(dewi, javaScriptEnabled, requestPath, 'Mulai periksa');
  await open(dewi, requestPath, javaScriptEnabled);
  await expect(dewi.getByRole('button', { name: 'Setujui (kades)' })).toHaveCount(0);
  const slamet = await signedIn(browser, baseURL, javaScriptEnabled, KADES);
  await act(slamet, javaScriptEnabled, requestPath, 'Setujui (kades)');
  await act(dewi, javaScriptEnabled, requestPath, 'Teruskan ke kecamatan');

  // --- The camat signs from his phone (from the kecamatan inbox).
  const yusuf = await signedIn(browser, baseURL, javaScriptEnabled, CAMAT);
  await open(yusuf, '/kecamatan/35.10.16/layanan', javaScriptEnabled);
  await yusuf.locator(`a[href="${requestPath}"]`).click();
  await yusuf.getByRole('button', { name: 'Tandatangani (camat)' }).click();
  await expect(yusuf.getByText('Tersimpan.')).toBeVisible();

  // --- The operator issues the letter; the resident downloads it and checks the verification page.
  await act(dewi, javaScriptEnabled, requestPath, 'Terbitkan surat');
  await open(siti, requestPath, javaScriptEnabled);
  await expect(siti.getByText(/^470\/\d{3}\/35\.10\.16\.2005\/\d{4}$/)).toBeVisible();
  const pdfHref = await siti.getByRole('link', { name: 'Unduh surat (PDF)' }).getAttribute('href');
  const pdf = await siti.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const body = (await pdf.body()).toString('latin1');
  expect(body.startsWith('%PDF-')).toBe(true);
  // The QR's address is also printed under it: open that address as anyone holding the paper would.
  const verificationUrl = body.match(/\((https?:\/\/[^)]+\/verifikasi\/[A-Z2-9]{12})\) Tj/)![1];
  const visitor = await browser.newPage({ javaScriptEnabled });
  await visitor.goto(new URL(verificationUrl).pathname);
  await expect(visitor.getByText('Surat ini asli dan berlaku.')).toBeVisible();
  await expect(visitor.getByText('S*** R*****')).toBeVisible();
  await expect(visitor.getByText('Siti Rahayu')).toHaveCount(0);
  for (const page of [siti, dewi, slamet, yusuf, visitor]) await page.context().close();
});
