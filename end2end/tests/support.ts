import { deflateSync } from 'node:zlib';
import { test as base, devices, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { expect };

/** The phone every test holds: 360 × 740 CSS pixels, touch, the project's JavaScript setting. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

/**
 * Records every page a context loads that is wider than the phone's viewport. It compares the document's
 * scroll width with its client width (the viewport), not with `window.innerWidth`: on a phone the window
 * grows with content that overflows, so that comparison could never fail.
 */
class OverflowWatch {
  readonly wide: string[] = [];
  private readonly checks: Promise<void>[] = [];

  watchContext(context: BrowserContext) {
    for (const page of context.pages()) this.watchPage(page);
    context.on('page', (page) => this.watchPage(page));
  }

  watchPage(page: Page) {
    page.on('load', () => {
      this.checks.push(this.check(page));
    });
    // Pages the client-side router swaps in (the address changes once the new page is in place); a
    // full page load is measured at its `load`, not while it is still arriving.
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      this.checks.push(
        page
          .waitForLoadState('load')
          .then(() => this.check(page))
          .catch(() => undefined),
      );
    });
  }

  async check(page: Page) {
    const measured = await page
      .evaluate(() => ({
        path: location.pathname + location.search,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        contentType: document.contentType,
      }))
      .catch(() => null); // the page moved on or closed before it could be measured
    if (measured && measured.contentType === 'text/html' && measured.scrollWidth > measured.clientWidth) {
      this.wide.push(`${measured.path}: ${measured.scrollWidth} px wide in a ${measured.clientWidth} px viewport`);
    }
  }

  async settled() {
    await Promise.all(this.checks);
  }
}

export type NewPhone = (options?: { javaScriptEnabled?: boolean }) => Promise<Page>;

type PhoneFixtures = {
  overflowWatch: OverflowWatch;
  /** Another person's phone (a fresh context with the same settings), watched for overflow too. */
  newPhone: NewPhone;
};

/**
 * Playwright's `test` with every page of the suite checked for horizontal overflow against the viewport,
 * including the extra phones a test opens for other people.
 */
export const test = base.extend<PhoneFixtures>({
  page: async ({ page }, use) => {
    await use(patient(page));
  },
  overflowWatch: [
    async ({ context }, use) => {
      const watch = new OverflowWatch();
      watch.watchContext(context);
      await use(watch);
      await watch.settled();
      expect(watch.wide, 'pages wider than the phone').toEqual([]);
    },
    { auto: true },
  ],
  newPhone: async ({ browser, baseURL, javaScriptEnabled, serviceWorkers, overflowWatch }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await phoneContext(browser, baseURL, options?.javaScriptEnabled ?? javaScriptEnabled, serviceWorkers);
      overflowWatch.watchContext(context);
      contexts.push(context);
      return patient(await context.newPage());
    });
    for (const context of contexts) await context.close().catch(() => undefined);
  },
});

/**
 * Waits until the page a tap or a form asked for is shown: the client-side router marks `<html
 * data-navigating>` while it fetches. (With JavaScript off the browser's own navigation is awaited by
 * Playwright already.)
 */
export async function settled(page: Page) {
  await expect(page.locator('html[data-navigating]')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * A person who waits for the page they asked for before typing another address: `goto` first lets a
 * navigation still on its way (a form just sent through the router) finish, as a browser's own form
 * post would have before Playwright's click returned.
 */
function patient(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    await settled(page);
    return goto(url, options);
  };
  return page;
}

async function phoneContext(
  browser: Browser,
  baseURL: string | undefined,
  javaScriptEnabled: boolean,
  serviceWorkers: 'allow' | 'block' | undefined,
) {
  return browser.newContext({ ...devices['Pixel 5'], viewport: PHONE_VIEWPORT, javaScriptEnabled, baseURL, serviceWorkers });
}

/** Waits until the wasm has hydrated the page (only meaningful with JavaScript on). */
export async function waitForHydration(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

/** Opens a page the way a person would arrive: and, with JavaScript, waits until it is interactive. */
export async function open(page: Page, path: string, javaScriptEnabled: boolean) {
  const response = await page.goto(path);
  if (javaScriptEnabled) await waitForHydration(page);
  return response;
}

/**
 * A photo of a paper document as a phone would send it: a PNG of ruled lines, made here so that its bytes
 * match no public photo of the demo data.
 */
export function paperPhoto(width = 480, height = 640): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const ink = y % 24 < 2;
    for (let x = 0; x < width; x++) row.set(ink ? [30, 30, 90] : [246, 244, 236], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A portrait photo as a phone camera stores it: 4000×3000 sensor pixels (a real-size JPEG of a few MB,
 * noisy like a photo) with the EXIF tag "rotate 90° clockwise to view". Upright it is 3000×4000: the
 * stored left edge (a green band) is its top, the stored right edge (a black band) its bottom.
 */
export async function portraitPhonePhoto(newPhone: NewPhone): Promise<Buffer> {
  const drawing = await newPhone({ javaScriptEnabled: true });
  const dataUrl = await drawing.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(4000, 3000);
    for (let y = 0; y < 3000; y++) {
      for (let x = 0; x < 4000; x++) {
        const at = (y * 4000 + x) * 4;
        const noise = Math.floor(Math.random() * 40) - 20;
        const [r, g, b] = x < 200 ? [20, 200, 20] : x >= 3800 ? [10, 10, 10] : [200 + noise, 120 + noise, 40 + noise];
        image.data.set([r, g, b, 255], at);
      }
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/jpeg', 0.92));
    return new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsDataURL(blob);
    });
  });
  await drawing.context().close();
  const jpeg = Buffer.from(dataUrl.split(',')[1], 'base64');
  // APP1 "Exif": a little-endian TIFF header and one IFD entry, Orientation (0x0112) = 6.
  const tiff = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffe1, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/** The RGB colours of a served image at the given points, decoded by the browser. */
export async function pixelsOf(newPhone: NewPhone, src: string, points: [number, number][]) {
  const viewer = await newPhone({ javaScriptEnabled: true });
  await viewer.goto('/healthz');
  const seen = await viewer.evaluate(
    async ({ src, points }) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return {
        width: image.naturalWidth,
        height: image.naturalHeight,
        colours: points.map(([x, y]) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3))),
      };
    },
    { src, points },
  );
  await viewer.context().close();
  return seen;
}

/** The demo accounts' password (README: demo data). */
export const DEMO_PASSWORD = 'demo-kampung-2026';

/** A new phone, in Indonesian, signed in as the demo account with this number. */
export async function signedIn(newPhone: NewPhone, baseURL: string | undefined, javaScriptEnabled: boolean, phone: string): Promise<Page> {
  const page = await newPhone({ javaScriptEnabled });
  await page.context().addCookies([{ name: 'i18n_pref_locale', value: 'id', url: baseURL ?? 'http://127.0.0.1:3000' }]);
  await open(page, '/akun/masuk', javaScriptEnabled);
  await page.getByLabel('Nomor HP').fill(phone);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aktivitas saya');
  return page;
}
