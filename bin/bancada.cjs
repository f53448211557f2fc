#!/usr/bin/env node
// `npx bancada …`: runs the built command line (out/main/cli.js). `npm install` builds it (the
// `prepare` script); if it is missing, build it once here so a support person is never stuck.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const cli = join(root, 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('bancada: first run, building the app (npm run build)…\n');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(cli)) {
    process.stderr.write('bancada: the build failed; run "npm run build" and read its errors.\n');
    process.exit(1);
  }
}
require(cli).main(join(root, 'out', 'main'));
