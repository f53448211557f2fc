/**
 * Servers the peer starts must not outlive the test process (not a test file itself). vitest ends
 * its workers without running 'exit' handlers (measured: a peer left running after the worker
 * died), so each server gets a tiny watchdog process that polls the test process and, once it is
 * gone, signals the server and removes its temp folder. stop() releases the watchdog first.
 */
import { spawn } from 'node:child_process';

const SCRIPT = `
const [parent, spec] = process.argv.slice(1);
const { targets, dir } = JSON.parse(spec);
const timer = setInterval(() => {
  try { process.kill(Number(parent), 0); return; } catch {}
  clearInterval(timer);
  for (const [pid, signal] of targets) { try { process.kill(pid, signal); } catch {} }
  if (dir) setTimeout(() => { try { require('node:fs').rmSync(dir, { recursive: true, force: true }); } catch {} process.exit(0); }, 3000);
  else process.exit(0);
}, 500);
`;

export interface Watchdog {
  release(): void;
}

/** Signals each [pid, signal] and removes `dir` when this process dies without releasing it. */
export function watchdog(targets: readonly (readonly [number, NodeJS.Signals])[], dir?: string): Watchdog {
  const child = spawn(process.execPath, ['-e', SCRIPT, String(process.pid), JSON.stringify({ targets, dir: dir ?? null })], { stdio: 'ignore', detached: true });
  child.unref();
  return {
    release: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
