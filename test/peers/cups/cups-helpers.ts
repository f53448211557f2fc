/**
 * Shared by the CUPS peer tests (not a test file itself): a real CUPS scheduler and a raw queue
 * whose device is a loopback TCP 9100 listener (device-protocols.md §5.5: a `socket://` device,
 * because a raw queue on a `file:` device completes jobs but writes nothing).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** English messages, and the sbin folders where Debian puts cupsd and lpadmin. */
const C_LOCALE = { ...process.env, LC_ALL: 'C', LANG: 'C', PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };

/** Fails (never skips) with one line when CUPS is absent: CI installs it, and this is the only check of the CUPS path. */
export function requireCups(): void {
  for (const [program, debianPackage] of [['cupsd', 'cups'], ['lpadmin', 'cups-client'], ['lp', 'cups-client'], ['lpstat', 'cups-client']] as const) {
    const probe = spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore', env: C_LOCALE });
    if (probe.status !== 0) throw new Error(`${program} is not installed (apt-get install ${debianPackage}; the CUPS peer tests need cups and cups-client)`);
  }
}

function schedulerRunning(): boolean {
  return /scheduler is running/.test(spawnSync('lpstat', ['-r'], { env: C_LOCALE, encoding: 'utf8' }).stdout ?? '');
}

/**
 * Uses the running scheduler, or starts one (`cupsd -f`, so this process owns it and stops it by
 * its pid afterwards). cupsd needs root; a developer without it runs `sudo cupsd` once.
 */
export async function ensureScheduler(): Promise<{ stop: () => Promise<void> }> {
  if (schedulerRunning()) return { stop: async () => undefined };
  if (process.getuid?.() !== 0) throw new Error('the CUPS scheduler is not running and only root can start it here: run "sudo cupsd" and try again');
  const cupsd: ChildProcess = spawn('cupsd', ['-f'], { stdio: 'ignore', env: C_LOCALE });
  const exited = new Promise<void>((resolve) => cupsd.once('exit', () => resolve()));
  const stop = async () => {
    if (cupsd.exitCode === null && cupsd.signalCode === null) cupsd.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 15_000;
  while (!schedulerRunning()) {
    if (cupsd.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`cupsd did not start (exit ${cupsd.exitCode}); try "cupsd -f" by hand to see why`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { stop };
}

/**
 * `lpadmin -p NAME -E -v socket://… -m raw`. CUPS 2.4 accepts `-m raw` with a deprecation warning;
 * a CUPS that refuses it gets the same queue without `-m`: a queue with no PPD is raw ("Local Raw
 * Printer", checked on CUPS 2.4.2).
 */
export function addRawQueue(name: string, deviceUri: string): void {
  const withModel = spawnSync('lpadmin', ['-p', name, '-E', '-v', deviceUri, '-m', 'raw'], { env: C_LOCALE, encoding: 'utf8' });
  if (withModel.status === 0) return;
  const withoutModel = spawnSync('lpadmin', ['-p', name, '-E', '-v', deviceUri], { env: C_LOCALE, encoding: 'utf8' });
  if (withoutModel.status !== 0) throw new Error(`lpadmin could not create the raw queue ${name}: ${withModel.stderr.trim()} / ${withoutModel.stderr.trim()}`);
}

export function removeQueue(name: string): void {
  spawnSync('lpadmin', ['-x', name], { env: C_LOCALE, stdio: 'ignore' });
}
