// Layanan as a resident and the village and kecamatan staff use it on a phone: Siti requests an SKTM with
// a visit slot, the operator asks for a revision, Siti corrects it, the kades approves, the operator
// forwards it, the camat signs from his phone, the operator issues the letter, Siti downloads the PDF and
// the verification page opens from the letter's QR address. Every test runs with JavaScript on and off.
import type { Page } from '@playwright/test';
import { expect, test, open, paperPhoto, settled, signedIn } from './support';

const RESIDENT = '0812-3000-0001'; // Siti, Kemiren
const OPERATOR = '0812-3000-0004'; // Dewi, operator Kemiren
const KADES = '0812-3000-0006'; // Slamet, kades Kemiren
const CAMAT = '0812-3000-0008'; // Yusuf, camat staff Glagah


async function act(page: Page, javaScriptEnabled: boolean, path: string, button: string) {
  await open(page, path, javaScriptEnabled);
  await page.getByRole('button', { name: button }).click();
  // The page that answers, not a "Tersimpan." still on screen from the step before.
  await settled(page);
  await expect(page.getByText('Tersimpan.')).toBeVisible();
}

/// Selects the `nth` slot of the `dayIndex`-th day the select offers (labels start with the date).
async function pickSlot(page: Page, label: string, dayIndex: number, nth: number) {
  const select = page.getByLabel(label);
  const labels = await select.locator('option').allTextContents();
  const dayOf = (text: string) => text.split(/ \d{1,2}[.:]\d{2}/)[0];
  const days = [...new Set(labels.map(dayOf))];
  const onDay = labels.map((text, index) => ({ text, index })).filter(({ text }) => dayOf(text) === days[dayIndex]);
  await select.selectOption({ index: onDay[Math.min(nth, onDay.length - 1)].index });
}

test('an SKTM goes from the phone to a signed, verifiable letter without a trip to the kecamatan', async ({ newPhone, baseURL, javaScriptEnabled }) => {
  // Five people on five phones and a dozen steps: longer than one person's errand.
  test.setTimeout(90_000);
  // --- The resident fills the form and picks a visit slot.
  const siti = await signedIn(newPhone, baseURL, javaScriptEnabled, RESIDENT);
  await open(siti, '/layanan/kemiren/sktm', javaScriptEnabled);
  await expect(siti.getByRole('heading', { level: 1 })).toContainText('SKTM');
  await expect(siti.getByText('Ditandatangani camat').first()).toBeVisible();
  await siti.getByLabel('Alamat (dusun, RT/RW)').fill('Dusun Krajan RT 01 RW 02');
  await siti.getByLabel('Pekerjaan').fill('Petani kopi');
  await siti.getByLabel('Penghasilan keluarga per bulan (Rp)').fill('9000000');
  await siti.getByLabel('Keperluan').selectOption('Beasiswa sekolah');
  // One visit per person, service and day: the runs with JavaScript on and off book different days.
  const visitDay = javaScriptEnabled ? 0 : 1;
  await pickSlot(siti, 'Jadwal datang ke balai desa', visitDay, 1);
  await siti.getByRole('button', { name: 'Ajukan permohonan' }).click();
  await expect(siti.getByText('Tersimpan.')).toBeVisible();
  await expect(siti.getByText(/antrean no\. \d+/)).toBeVisible();
  const requestPath = new URL(siti.url()).pathname;

  // --- She photographs the RT's introduction letter and attaches it (kept private).
  await expect(siti.getByText('Langkah berikutnya: lampirkan foto dokumen di bawah.')).toBeVisible();
  // Each document's picker is named after it (a screen reader lists them apart).
  const letterPicker = siti.getByLabel('Tambah foto: Foto surat pengantar RT/RW');
  await letterPicker.setInputFiles({ name: 'IMG_0412.png', mimeType: 'image/png', buffer: paperPhoto(1200, 1600) });
  await siti.locator('form', { has: letterPicker }).getByRole('button', { name: 'Unggah' }).click();
  await expect(siti.getByRole('img', { name: 'Foto surat pengantar RT/RW' })).toBeVisible();
  // A thumbnail in the list; the whole photo opens on tap.
  const documentSrc = await siti.getByRole('img', { name: 'Foto surat pengantar RT/RW' }).getAttribute('src');
  expect(documentSrc).toMatch(/^\/layanan\/permohonan\/[A-Z2-9]{8}\/dokumen\/pengantar_rt\/\d+\?ukuran=kecil$/);
  const fullHref = await siti.getByRole('link', { name: 'Buka foto' }).first().getAttribute('href');
  expect(documentSrc!.startsWith(`${fullHref}?`)).toBe(true);
  const thumbnail = await siti.request.get(documentSrc!);
  const full = await siti.request.get(fullHref!);
  expect(thumbnail.headers()['cache-control']).toBe('private, no-cache');
  expect((await thumbnail.body()).length * 3).toBeLessThan((await full.body()).length);
  // The next visit does not download the photo again: the browser asks, the server answers 304.
  const revisited = siti.waitForResponse((response) => response.url().endsWith(documentSrc!));
  await siti.reload();
  expect((await revisited).status()).toBe(304);

  // --- The morning does not suit her after all: she moves the visit to another time.
  await siti.locator('summary', { hasText: 'Pindah jadwal kunjungan' }).click();
  await pickSlot(siti, 'Jadwal baru', visitDay, 0);
  await siti.getByRole('button', { name: 'Pindahkan jadwal' }).click();
  await expect(siti.getByText('Tersimpan.')).toBeVisible();
  await expect(siti.getByText('Jadwal kunjungan dipindah', { exact: true })).toBeVisible();

  // --- The operator checks it and asks for a correction.
  const dewi = await signedIn(newPhone, baseURL, javaScriptEnabled, OPERATOR);
  await open(dewi, '/desa/kemiren/layanan', javaScriptEnabled);
  await expect(dewi.getByRole('link', { name: /Surat Keterangan Tidak Mampu/ }).first()).toBeVisible();
  await act(dewi, javaScriptEnabled, requestPath, 'Mulai periksa');
  // She sees the attached letter; a stranger's browser does not.
  await expect(dewi.getByRole('img', { name: 'Foto surat pengantar RT/RW' })).toBeVisible();
  const stranger = await newPhone();
  expect((await stranger.request.get(documentSrc!)).status()).toBe(401);
  await stranger.context().close();
  await dewi.locator('summary', { hasText: 'Minta perbaikan' }).click();
  await dewi.getByLabel('Apa yang perlu diperbaiki? (dibaca pemohon)').fill('Penghasilan ditulis per tahun, mohon isi per bulan.');
  await dewi.getByRole('button', { name: 'Minta perbaikan' }).click();
  await settled(dewi);
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
  const slamet = await signedIn(newPhone, baseURL, javaScriptEnabled, KADES);
  await act(slamet, javaScriptEnabled, requestPath, 'Setujui (kades)');
  await act(dewi, javaScriptEnabled, requestPath, 'Teruskan ke kecamatan');

  // --- The camat signs from his phone (from the kecamatan inbox).
  const yusuf = await signedIn(newPhone, baseURL, javaScriptEnabled, CAMAT);
  await expect(yusuf.getByRole('link', { name: 'Buka panel kecamatan' })).toBeVisible();
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
  const visitor = await newPhone();
  await visitor.goto(new URL(verificationUrl).pathname);
  await expect(visitor.getByText('Surat ini asli dan berlaku.')).toBeVisible();
  await expect(visitor.getByText('S*** R*****')).toBeVisible();
  await expect(visitor.getByText('Siti Rahayu')).toHaveCount(0);
  for (const page of [siti, dewi, slamet, yusuf, visitor]) await page.context().close();
});

test('a resident reports a dead street light and the village answers and takes it on', async ({ newPhone, baseURL, javaScriptEnabled }) => {
  const siti = await signedIn(newPhone, baseURL, javaScriptEnabled, RESIDENT);
  await open(siti, '/layanan', javaScriptEnabled);
  await siti.getByRole('link', { name: 'Pengaduan & aspirasi' }).click();
  await expect(siti.getByRole('heading', { level: 1 })).toHaveText('Pengaduan & aspirasi');
  // Too short to act on: the reason shows next to the field.
  await siti.getByLabel('Tentang apa?').selectOption({ label: 'Jalan, jembatan & lampu' });
  await siti.getByLabel('Ceritakan apa yang terjadi').fill('Lampu mati');
  await siti.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await expect(siti.getByText('Terlalu pendek', { exact: false })).toBeVisible();
  const report = `Lampu jalan di depan masjid Dusun Krajan mati sejak ${javaScriptEnabled ? 'Senin' : 'Selasa'}, jalan gelap sekali.`;
  await siti.getByLabel('Tentang apa?').selectOption({ label: 'Jalan, jembatan & lampu' });
  await siti.getByLabel('Ceritakan apa yang terjadi').fill(report);
  await siti.getByLabel('Lokasi').fill('Depan masjid, RT 02');
  await siti.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await expect(siti.getByText('Tersimpan. Desa akan membalas di halaman ini')).toBeVisible();
  await expect(siti.getByText('Diterima', { exact: true })).toBeVisible();
  const complaintPath = new URL(siti.url()).pathname;

  // The operator finds it from the village console and answers, moving it to "being handled".
  const dewi = await signedIn(newPhone, baseURL, javaScriptEnabled, OPERATOR);
  await open(dewi, '/desa/kemiren/kelola', javaScriptEnabled);
  await dewi.getByRole('link', { name: 'Pengaduan warga' }).click();
  await dewi.locator(`a[href="${complaintPath}"]`).click();
  await expect(dewi.getByText(report)).toBeVisible();
  await dewi.getByLabel('Balasan Anda').fill('Terima kasih. Petugas listrik desa datang hari Kamis.');
  await dewi.getByLabel('Ubah status').selectOption({ label: 'Diproses' });
  await dewi.getByRole('button', { name: 'Kirim balasan' }).click();
  await expect(dewi.getByText('Tersimpan. Desa akan membalas di halaman ini')).toBeVisible();

  // The resident reads the answer on her complaint.
  await open(siti, complaintPath, javaScriptEnabled);
  await expect(siti.getByText('Terima kasih. Petugas listrik desa datang hari Kamis.')).toBeVisible();
  await expect(siti.getByText('Diproses', { exact: true }).first()).toBeVisible();
  for (const page of [siti, dewi]) await page.context().close();
});

test('the operator closes the balai desa for a day and changes how many people fit in a visit slot', async ({ newPhone, baseURL, javaScriptEnabled }) => {
  const dewi = await signedIn(newPhone, baseURL, javaScriptEnabled, OPERATOR);
  await open(dewi, '/desa/kemiren/kelola', javaScriptEnabled);
  await dewi.getByRole('link', { name: 'Katalog layanan' }).click();
  await expect(dewi.getByRole('heading', { level: 1 })).toContainText('Katalog layanan');
  const day = javaScriptEnabled ? '2099-08-17' : '2099-08-18';
  await dewi.getByLabel('Tanggal').fill(day);
  await dewi.getByLabel('Keterangan (misalnya Hari Raya Natal)').fill('Lomba tujuh belasan');
  await dewi.getByRole('button', { name: 'Tambah hari libur' }).click();
  await expect(dewi.getByText('Lomba tujuh belasan').first()).toBeVisible();

  await dewi.getByRole('link', { name: /Konsultasi/ }).first().click();
  await expect(dewi.getByLabel('Orang per jadwal')).toBeVisible();
  await dewi.getByLabel('Orang per jadwal').fill('4');
  await dewi.getByRole('button', { name: 'Simpan layanan' }).click();
  await expect(dewi.getByText('Tersimpan.')).toBeVisible();
  await expect(dewi.getByLabel('Orang per jadwal')).toHaveValue('4');
  await dewi.context().close();
});
