import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { RotatingFile } from './rotating-file';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-rotate-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const numbers = (dir: string, file: string): number[] =>
  readFileSync(join(dir, file), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { i: number }).i);

describe('log rotation', () => {
  it('keeps maxFiles files, each under maxBytes, holding the newest lines without a gap', async () => {
    const dir = tempDir();
    const log = createLogger({ dir, maxBytes: 2000, maxFiles: 3 });
    for (let i = 0; i < 200; i++) log.info('line', { i });
    await log.close();
    expect(readdirSync(dir).sort()).toEqual(['bancada.log', 'bancada.log.1', 'bancada.log.2']);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(2000);
    const kept = [...numbers(dir, 'bancada.log.2'), ...numbers(dir, 'bancada.log.1'), ...numbers(dir, 'bancada.log')];
    expect(kept.at(-1)).toBe(199);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, k) => 200 - kept.length + k));
  });

  it('counts what an earlier run left in the file before deciding to rotate', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bancada.log'), `${JSON.stringify({ i: -1 })}\n`.padStart(1990, ' '));
    const log = createLogger({ dir, maxBytes: 2000, maxFiles: 2 });
    log.info('line', { i: 0 });
    await log.close();
    expect(numbers(dir, 'bancada.log')).toEqual([0]);
    expect(readFileSync(join(dir, 'bancada.log.1'), 'utf8')).toContain('"i":-1');
  });

  it('with maxFiles 1 keeps only the live file', () => {
    const dir = tempDir();
    const file = new RotatingFile({ dir, fileName: 'bancada.log', maxBytes: 100, maxFiles: 1 });
    for (let i = 0; i < 20; i++) file.append(`${'x'.repeat(40)} ${i}\n`);
    file.close();
    expect(readdirSync(dir)).toEqual(['bancada.log']);
    expect(readFileSync(join(dir, 'bancada.log'), 'utf8')).toMatch(/ 19\n$/);
  });

  it('writes a line longer than maxBytes alone in its own file rather than dropping it', () => {
    const dir = tempDir();
    const file = new RotatingFile({ dir, fileName: 'x.log', maxBytes: 50, maxFiles: 3 });
    file.append('short\n');
    file.append(`${'y'.repeat(80)}\n`);
    file.append('after\n');
    file.close();
    expect(readFileSync(join(dir, 'x.log.2'), 'utf8')).toBe('short\n');
    expect(readFileSync(join(dir, 'x.log.1'), 'utf8')).toBe(`${'y'.repeat(80)}\n`);
    expect(readFileSync(join(dir, 'x.log'), 'utf8')).toBe('after\n');
  });

  it('creates the file readable by its owner only', () => {
    const dir = tempDir();
    const file = new RotatingFile({ dir, fileName: 'bancada.log', maxBytes: 1000, maxFiles: 2 });
    file.append('hello\n');
    file.close();
    if (process.platform !== 'win32') expect(statSync(join(dir, 'bancada.log')).mode & 0o777).toBe(0o600);
  });

  it('refuses a size or a count that makes no sense', () => {
    expect(() => new RotatingFile({ dir: '/tmp', fileName: 'x', maxBytes: 0, maxFiles: 2 })).toThrow(RangeError);
    expect(() => new RotatingFile({ dir: '/tmp', fileName: 'x', maxBytes: 10, maxFiles: 1.5 })).toThrow(RangeError);
  });
});
