#!/usr/bin/env node
// Writes resources/demo/{catalog,orders,returns,operators}.json. `--check` regenerates in memory and
// exits 1 if the committed files differ or fail validation.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll, validate } from './demo-data-lib.mjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'demo');
const data = generateAll();
const problems = validate(data);
if (problems.length) {
  console.error(`demo data is unsound:\n${problems.join('\n')}`);
  process.exit(1);
}
const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(dir, { recursive: true });
for (const [name, content] of Object.entries(data)) {
  const file = join(dir, `${name}.json`);
  const text = JSON.stringify(content, null, 2) + '\n';
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`${file} differs from what the generator makes; run node scripts/generate-demo-data.mjs`);
      stale++;
    }
  } else writeFileSync(file, text);
}
if (!check) console.log(`wrote ${data.catalog.products.length} products, ${data.orders.orders.length} orders, ${data.returns.returns.length} returns, ${data.operators.operators.length} operators to ${dir}`);
process.exit(stale ? 1 : 0);
