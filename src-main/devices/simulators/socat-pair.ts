/**
 * A virtual serial cable: socat joins two pseudo-terminals and links them at fixed paths, one for the
 * simulated device and one for the app. Killing socat is a device that vanished (both links go, as
 * /dev/ttyUSB0 goes when an adapter is pulled); starting it again on the same paths brings it back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const READY_TIMEOUT_MS = 5_000;
/** socat -d -d prints this once both ptys exist and it relays. */
const READY_LINE = 'starting data transfer loop';

export class SocatMissingError extends Error {
  constructor() {
    super('socat is not installed (apt-get install socat): the serial simulators need it for a virtual serial pair');
    this.name = 'SocatMissingError';
  }
}

export class SocatPair {
  /** The end the simulated device opens. */
  readonly devicePath: string;
  /** The end the app opens, as it would open /dev/ttyUSB0. */
  readonly appPath: string;
  private child: ChildProcess | null = null;
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  private constructor(private readonly dir: string, private readonly ownsDir: boolean) {
    this.devicePath = join(dir, 'device');
    this.appPath = join(dir, 'app');
  }

  /** Starts socat in `dir` (default: a new temp folder, removed by `close()`). Rejects with SocatMissingError when socat is absent. */
  static async start(dir?: string): Promise<SocatPair> {
    const pair = new SocatPair(dir ?? mkdtempSync(join(tmpdir(), 'bancada-socat-')), dir === undefined);
    await pair.spawn();
    return pair;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** The device vanishes: socat ends and its links are gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    process.off('exit', this.killOnExit);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    // socat unlinks its links on a clean exit; make sure, in case it was killed harder.
    for (const path of [this.devicePath, this.appPath]) if (existsSync(path)) unlinkSync(path);
  }

  /** The device comes back on the same paths. */
  async restart(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  async close(): Promise<void> {
    await this.kill();
    if (this.ownsDir) rmSync(this.dir, { recursive: true, force: true });
  }

  private spawn(): Promise<void> {
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.devicePath}`, `pty,raw,echo=0,link=${this.appPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    process.on('exit', this.killOnExit);
    return new Promise<void>((resolve, reject) => {
      let log = '';
      const fail = (error: Error) => {
        clearTimeout(timer);
        if (this.child === child) this.child = null;
        process.off('exit', this.killOnExit);
        child.kill('SIGKILL');
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`socat did not link ${this.appPath} within ${READY_TIMEOUT_MS} ms: ${log.trim()}`)), READY_TIMEOUT_MS);
      child.once('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? new SocatMissingError() : error));
      child.once('exit', (code) => {
        if (this.child === child) this.child = null;
        fail(new Error(`socat exited (${String(code)}) before linking: ${log.trim()}`));
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString('latin1');
        if (log.includes(READY_LINE) && existsSync(this.devicePath) && existsSync(this.appPath)) {
          clearTimeout(timer);
          // Keep draining socat's log so a chatty socat never blocks on a full pipe.
          child.stderr?.removeAllListeners('data');
          child.stderr?.resume();
          child.removeAllListeners('exit');
          child.once('exit', () => {
            if (this.child === child) this.child = null;
          });
          resolve();
        }
      });
    });
  }
}
