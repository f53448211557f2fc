#!/usr/bin/env node
// Writes resources/demo/{catalog,orders,returns,operators}.json from scripts/demo-data-lib.mjs.
// `--check` writes nothing: it regenerates in memory and exits 1 when the committed files differ
// from what the generator makes or fail validation, so CI catches a hand edit or a stale file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSizes, generateAll, selfTestCheckDigits, toFiles, validate } from './demo-data-lib.mjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'demo');
const check = process.argv.includes('--check');

function fail(title, problems) {
  console.error(`${title}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

selfTestCheckDigits();
const data = generateAll();
const files = toFiles(data);
const unsound = [...validate(data), ...checkSizes(files)];
if (unsound.length) fail('the generator makes an unsound data set', unsound);

if (!check) {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const { catalog, orders, returns, operators } = data;
  console.log(`wrote ${catalog.products.length} products, ${orders.orders.length} orders, ${returns.returns.length} returns, ${operators.operators.length} operators to ${dir}`);
  process.exit(0);
}

const committed = {};
const stale = [];
for (const [name, content] of Object.entries(files)) {
  let current = null;
  try {
    current = readFileSync(join(dir, name), 'utf8');
    committed[name.replace(/\.json$/, '')] = JSON.parse(current);
  } catch (error) {
    stale.push(`${name}: ${error.code === 'ENOENT' ? 'missing' : error.message}`);
  }
  if (current !== null && current !== content) stale.push(`${name} differs from what the generator makes`);
}
// Validate what is committed too: a broken file is reported by its own problems, not only "differs".
const broken = stale.length && Object.keys(committed).length === 4 ? validate(committed) : [];
if (stale.length) fail('resources/demo is stale; run node scripts/generate-demo-data.mjs', [...stale, ...broken]);
