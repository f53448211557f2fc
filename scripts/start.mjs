#!/usr/bin/env node
// `npm start [-- args]`: the desktop app, or station server mode where Electron can't run.
//
// 1. Build once if out/main/index.js is missing.
// 2. If Electron's binary is installed, run it on the project (`electron .`; package.json `main`
//    is out/main/index.js), passing the arguments through.
// 3. Otherwise try Electron's own installer once (it downloads from GitHub, so it fails fast on an
//    offline machine), unless ELECTRON_SKIP_BINARY_DOWNLOAD=1.
// 4. Still no binary: say so in one line and run `bancada serve` with the same arguments.
//
// `require('electron')` is never used here: without a binary it starts a download itself
// (node_modules/electron/index.js). The binary is found through path.txt, as that file does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 120_000;
const args = process.argv.slice(2);

/** The Electron executable, or a reason it is not there. */
function findElectron() {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(join(ELECTRON_DIR, 'package.json'))) return { reason: 'the electron package is not installed' };
  if (!existsSync(pathFile)) return { reason: 'its binary was never downloaded' };
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary } : { reason: `${binary} is missing` };
}

function buildIfNeeded() {
  if (existsSync(join(ROOT, 'out', 'main', 'index.js'))) return;
  console.log('Building the app first (electron-vite build)…');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; run "npm run build" and read its errors.');
    process.exit(build.status ?? 1);
  }
}

function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return 'ELECTRON_SKIP_BINARY_DOWNLOAD=1';
  const install = spawnSync(process.execPath, [join(ELECTRON_DIR, 'install.js')], { cwd: ELECTRON_DIR, stdio: ['ignore', 'ignore', 'pipe'], timeout: INSTALL_TIMEOUT_MS, encoding: 'utf8' });
  if (install.error) return `download failed: ${install.error.message}`;
  if (install.status !== 0) return 'download failed (offline or blocked?)';
  return null;
}

/**
 * Runs a child with our stdio and exits with its code. On POSIX the child gets its own process
 * group, so a Ctrl+C reaches it once, through us, instead of once from the terminal and again from
 * every parent that forwards it (npm does too): a second SIGINT would cut the station's close short.
 */
function runForwardingSignals(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit', detached: process.platform !== 'win32' });
  let forwarded = false;
  const forward = (signal) => {
    if (forwarded || child.exitCode !== null) return;
    forwarded = true;
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
  });
}

buildIfNeeded();
let electron = findElectron();
if (!electron.binary) {
  const failure = tryInstallElectron();
  electron = findElectron();
  if (!electron.binary && failure) electron = { reason: `${electron.reason}; ${failure}` };
}
if (electron.binary) {
  runForwardingSignals(electron.binary, ['.', ...args]);
} else {
  console.log(`Electron binary not available (${electron.reason}); starting station server mode instead.`);
  runForwardingSignals(process.execPath, [join(ROOT, 'bin', 'bancada.cjs'), 'serve', ...args]);
}
