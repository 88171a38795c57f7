// The other Smart Kampung criteria as people use them on a phone: a visitor sees where Kemiren stands
// on the scorecard and finds its regulations; the operator publishes one with its PDF (a photo is
// refused); a mother who receives PKH sees it on her account page while the bansos page shows only
// numbers; a batik seller's training certificate is checked from its QR page and shows on her shop.
// Every test runs with JavaScript on and off.
import { expect, test, open, paperPhoto, signedIn } from './support';

const SITI = '0812-3000-0001';
const SULASTRI = '0812-3000-0003';
const OPERATOR = '0812-3000-0004';


/// A small but real PDF (one empty page).
function tinyPdf(): Buffer {
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += `${object}\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test('a visitor sees where Kemiren stands and finds its regulations', async ({ page, javaScriptEnabled }) => {
  await open(page, '/desa/kemiren', javaScriptEnabled);
  await page.getByRole('link', { name: 'Skor Smart Kampung' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Skor Smart Kampung');
  await expect(page.getByText('Smart Kampung penuh', { exact: true }).first()).toBeVisible();
  for (const criterion of ['Pelayanan publik', 'Pemberdayaan ekonomi', 'Kesehatan', 'Pendidikan dan seni budaya',
    'Peningkatan kapasitas SDM', 'Pengentasan kemiskinan', 'Informasi hukum']) {
    await expect(page.getByRole('heading', { level: 2, name: criterion })).toBeVisible();
  }
  // The kecamatan's roll-up lists its villages at their levels.
  await page.getByRole('link', { name: 'Kecamatan Glagah' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skor Kecamatan Glagah');
  await expect(page.getByRole('link', { name: /Olehsari.*Berkembang/ })).toBeVisible();

  // The regulations: filter by type, then search.
  await open(page, '/desa/kemiren', javaScriptEnabled);
  await page.getByRole('link', { name: 'Produk hukum desa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Produk hukum desa');
  await page.getByLabel('Jenis').selectOption({ label: 'Peraturan Desa' });
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(/jenis=perdes/);
  await expect(page.getByText('Keputusan Kepala Desa ·')).toHaveCount(0);
  const budget = page.getByRole('listitem').filter({ hasText: 'Perdes 1/2025' });
  await expect(budget.getByText('Diubah', { exact: true })).toBeVisible();
  await budget.getByRole('link', { name: 'Perdes 4/2025' }).click();
  await page.getByLabel('Cari judul atau nomor').fill('osing');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pelestarian Adat Osing dan Rumah Adat Kemiren' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Perdes 1/2025' })).toHaveCount(0);
  const pdfHref = await page.getByRole('link', { name: /Buka PDF/ }).first().getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the operator publishes a regulation with its PDF, after a photo is refused', async ({ page, newPhone, baseURL, javaScriptEnabled }) => {
  const dewi = await signedIn(newPhone, baseURL, javaScriptEnabled, OPERATOR);
  await open(dewi, '/desa/kemiren/hukum', javaScriptEnabled);
  const number = `${javaScriptEnabled ? 1 : 2}${Math.floor(Math.random() * 90000 + 10000)}`;
  const title = `Jadwal ronda malam ${number}`;
  await dewi.getByLabel('Jenis').last().selectOption({ label: 'Peraturan Kepala Desa' });
  await dewi.getByLabel('Nomor', { exact: true }).fill(number);
  await dewi.getByLabel('Tahun').last().fill('2026');
  await dewi.getByLabel('Judul (bahasa Indonesia)').fill(title);
  await dewi.getByLabel('Judul (bahasa Inggris)').fill(`Night watch schedule ${number}`);
  await dewi.getByRole('button', { name: 'Tambah produk hukum' }).click();
  const item = dewi.getByRole('listitem').filter({ hasText: title });
  await expect(item.getByText('Belum publik: lampirkan PDF-nya.')).toBeVisible();
  // Visitors do not see it yet.
  await open(page, '/desa/kemiren/hukum', javaScriptEnabled);
  await expect(page.getByText(title)).toHaveCount(0);

  await item.getByLabel('PDF dokumen').setInputFiles({ name: 'ronda.pdf', mimeType: 'application/pdf', buffer: paperPhoto(300, 400) });
  await item.getByRole('button', { name: 'Unggah PDF' }).click();
  const refused = dewi.getByRole('listitem').filter({ hasText: title });
  await expect(refused.getByText('Berkas ini bukan PDF.')).toBeVisible();
  await refused.getByLabel('PDF dokumen').setInputFiles({ name: 'ronda.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await refused.getByRole('button', { name: 'Unggah PDF' }).click();
  await expect(dewi.getByRole('listitem').filter({ hasText: title }).getByRole('link', { name: /Buka PDF/ })).toBeVisible();

  await open(page, '/desa/kemiren/hukum', javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await dewi.context().close();
});

test('a mother who receives PKH sees it on her account, and the bansos page shows only numbers', async ({ page, newPhone, baseURL, javaScriptEnabled }) => {
  await open(page, '/desa/kemiren', javaScriptEnabled);
  await page.getByRole('link', { name: 'Bantuan sosial', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bantuan sosial');
  const pkh = page.getByRole('region', { name: 'PKH (Program Keluarga Harapan)' });
  await expect(pkh.getByText('Siapa yang berhak')).toBeVisible();
  await expect(pkh.getByRole('table')).toContainText('84');
  await expect(page.getByText('Siti')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Usulkan keluarga masuk DTKS' })).toHaveAttribute('href', '/layanan/kemiren/usulan-dtks');

  const siti = await signedIn(newPhone, baseURL, javaScriptEnabled, SITI);
  const card = siti.getByRole('region', { name: 'Bantuan sosial saya' });
  await expect(card).toContainText('PKH (Program Keluarga Harapan)');
  await expect(card).toContainText('sejak 2024');
  await siti.context().close();
});

test('a batik seller shows her training on her shop, and its certificate checks out', async ({ page, newPhone, baseURL, javaScriptEnabled }) => {
  const sulastri = await signedIn(newPhone, baseURL, javaScriptEnabled, SULASTRI);
  const card = sulastri.getByRole('region', { name: 'Sertifikat saya' });
  await expect(card).toContainText('Foto produk dan jualan daring');
  const pdfHref = await card.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
  const pdf = await sulastri.request.get(pdfHref!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await card.getByRole('link', { name: 'Cek sertifikat' }).click();
  await expect(sulastri.getByText('Sertifikat ini asli: diterbitkan lewat Smart Kampung.')).toBeVisible();
  await expect(sulastri.getByText('S*******', { exact: true })).toBeVisible();
  await sulastri.context().close();
  // Someone else may not download it.
  expect((await page.request.get(pdfHref!)).status()).toBe(401);

  await open(page, '/pasar/toko/batik-sekar-osing', javaScriptEnabled);
  await expect(page.getByText('Terlatih:')).toBeVisible();
  await expect(page.getByText('Foto produk dan jualan daring')).toBeVisible();
});

test('the Layanan pillar leads to every village\'s scorecard', async ({ page, javaScriptEnabled }) => {
  await open(page, '/layanan', javaScriptEnabled);
  await page.getByRole('link', { name: 'Skor semua desa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skor Kabupaten Banyuwangi');
  await page.getByRole('link', { name: /Glagah/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skor Kecamatan Glagah');
  await page.getByRole('link', { name: /Kemiren/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kemiren');
});
