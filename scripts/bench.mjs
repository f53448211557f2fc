#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ one after the other (never in parallel: the
// machines have two cores) and lets each print its own figures.
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', file)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`${file} failed with exit code ${run.status}`);
  }
}
// TypeScript micro-benchmarks (bench/*.bench.ts) run through vitest with their own config.
if (only.length === 0 || only.some((o) => 'devices'.includes(o))) {
  console.log('\n=== bench/*.bench.ts (vitest) ===');
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'bench/vitest.bench.config.mts', '--reporter', 'verbose'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
// `npm run bench pack`: only the packing bench's benchmarks (main alone, then scan to DOM in Chromium).
if (only.length > 0 && only.some((o) => 'pack'.includes(o))) {
  console.log('\n=== bench/pack-*.bench.ts (vitest) ===');
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'bench/vitest.bench.config.mts', '--reporter', 'verbose', 'bench/pack-main.bench.ts', 'bench/pack-chromium.bench.ts'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
// `npm run bench shopify`: only the Shopify first-pull benchmark (it runs with the others above when no filter is given).
if (only.length > 0 && only.some((o) => 'shopify-pull'.includes(o))) {
  console.log('\n=== bench/shopify-pull.bench.ts (vitest) ===');
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'bench/vitest.bench.config.mts', '--reporter', 'verbose', 'bench/shopify-pull.bench.ts'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
