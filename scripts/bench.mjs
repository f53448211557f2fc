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
// TypeScript benchmarks (bench/*.bench.ts) run through vitest with their own config, one file after
// the other; `npm run bench pack` (or devices, sync, shopify, medusa…) runs the files whose names match.
const tsBenches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (tsBenches.length > 0) {
  console.log(`\n=== ${tsBenches.join(', ')} (vitest) ===`);
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'bench/vitest.bench.config.mts', '--reporter', 'verbose', ...tsBenches.map((f) => `bench/${f}`)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
