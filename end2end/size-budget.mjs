// Size budget of the release bundle, as a phone on a slow link downloads it (brotli, as served).
// Sizes are deterministic for a given build, so this is a test, not a timing.
//   node end2end/size-budget.mjs <site>/pkg [base URL of a running server]
// With a server, the first load of a listing page is measured too: its HTML (with the inline loader
// and router script) plus the CSS.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const KIB = 1024;
const BUDGETS = [
  { name: 'wasm + JS', extensions: ['.wasm', '.js'], limit: 120 * KIB },
  { name: 'CSS', extensions: ['.css'], limit: 20 * KIB },
];

const pkg = process.argv[2];
const server = process.argv[3];
const LISTING_PAGES = ['/pasar', '/budaya'];
const FIRST_PAGE_LIMIT = 40 * KIB;
if (!pkg || !existsSync(pkg)) {
  console.error(`usage: node size-budget.mjs <site>/pkg (got ${pkg})`);
  process.exit(2);
}

// The brotli twin cargo-leptos wrote (what the server sends), or a fresh maximum-quality compression.
function brotliSize(path) {
  if (existsSync(`${path}.br`)) return readFileSync(`${path}.br`).length;
  return brotliCompressSync(readFileSync(path), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

const files = readdirSync(pkg).filter((file) => !file.endsWith('.br') && !file.endsWith('.gz'));
let failed = 0;
let passed = 0;
for (const budget of BUDGETS) {
  const members = files.filter((file) => budget.extensions.some((extension) => file.endsWith(extension)));
  if (members.length === 0) {
    console.error(`FAIL ${budget.name}: no ${budget.extensions.join('/')} file in ${pkg}`);
    failed++;
    continue;
  }
  let raw = 0;
  let brotli = 0;
  for (const file of members) {
    raw += readFileSync(join(pkg, file)).length;
    brotli += brotliSize(join(pkg, file));
  }
  const line = `${budget.name}: ${(raw / KIB).toFixed(1)} KiB raw, ${(brotli / KIB).toFixed(1)} KiB brotli ` +
    `(budget ${(budget.limit / KIB).toFixed(0)} KiB brotli) [${members.join(', ')}]`;
  if (brotli > budget.limit) {
    console.error(`FAIL ${line}`);
    failed++;
  } else {
    console.log(`ok   ${line}`);
    passed++;
  }
}
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
if (server) {
  const css = files.filter((file) => file.endsWith('.css')).reduce((sum, file) => sum + brotliSize(join(pkg, file)), 0);
  for (const path of LISTING_PAGES) {
    const html = Buffer.from(await (await fetch(new URL(path, server))).arrayBuffer());
    const total = brotli(html) + css;
    const line = `first load of ${path}: HTML ${(html.length / KIB).toFixed(1)} KiB raw, HTML + CSS ` +
      `${(total / KIB).toFixed(1)} KiB brotli (budget ${(FIRST_PAGE_LIMIT / KIB).toFixed(0)} KiB brotli)`;
    if (total > FIRST_PAGE_LIMIT) {
      console.error(`FAIL ${line}`);
      failed++;
    } else {
      console.log(`ok   ${line}`);
      passed++;
    }
  }
}
console.log(`budget: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
