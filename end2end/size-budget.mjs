// Size budget of the release bundle, as a phone on a slow link downloads it (brotli, as served).
// Sizes are deterministic for a given build, so this is a test, not a timing.
//   node end2end/size-budget.mjs <site>/pkg
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const KIB = 1024;
const BUDGETS = [
  { name: 'wasm + JS', extensions: ['.wasm', '.js'], limit: 250 * KIB },
  { name: 'CSS', extensions: ['.css'], limit: 20 * KIB },
];

const pkg = process.argv[2];
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
console.log(`budget: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
