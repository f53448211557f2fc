import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the station log', () => {
  it('writes one JSON line per entry with time, level and scope', async () => {
    const dir = tempDir();
    const log = createLogger({ dir, clock: () => new Date('2026-11-23T10:00:00Z') });
    log.child('auth').info('operator logged in', { operatorId: 'op-1' });
    await log.close();
    const [line] = readFileSync(join(dir, 'bancada.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(line!)).toEqual({ at: '2026-11-23T10:00:00.000Z', level: 'info', scope: 'station.auth', msg: 'operator logged in', operatorId: 'op-1' });
  });

  it('never writes a PIN, a token or a password, however deep', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    log.warn('login attempt', { pin: '4821', input: { operatorId: 'x', pin: '4821' }, headers: { Authorization: 'Bearer abc.def' }, accessToken: 'shpat_0123456789abcdef', note: 'sent Bearer eyJhbGciOi.xyz and shpat_deadbeef99' });
    log.error('failed', { error: new Error('token shpat_feedface11 rejected') });
    await log.close();
    const text = readFileSync(join(dir, 'bancada.log'), 'utf8');
    for (const secret of ['4821', 'abc.def', 'shpat_', 'eyJhbGciOi']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
    expect(text).toContain('"operatorId":"x"');
  });

  it('serialises errors with their message and survives circular fields', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    log.error('boom', { error: new TypeError('bad thing'), loop, big: 10n });
    await log.close();
    const entry = JSON.parse(readFileSync(join(dir, 'bancada.log'), 'utf8').trim());
    expect(entry.error).toMatchObject({ name: 'TypeError', message: 'bad thing' });
    expect(entry.loop.self).toBe('[circular]');
    expect(entry.big).toBe('10');
  });

  it('rotates by size and keeps only the newest files', async () => {
    const dir = tempDir();
    const log = createLogger({ dir, maxBytes: 2000, maxFiles: 3 });
    for (let i = 0; i < 200; i++) log.info('line', { i });
    await log.close();
    expect(readdirSync(dir).sort()).toEqual(['bancada.log', 'bancada.log.1', 'bancada.log.2']);
    const newest = readFileSync(join(dir, 'bancada.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).i as number);
    expect(newest.at(-1)).toBe(199);
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(2000);
  });

  it('drops entries below the configured level', async () => {
    const dir = tempDir();
    const log = createLogger({ dir, level: 'warn' });
    log.info('quiet');
    log.warn('loud');
    await log.close();
    expect(readFileSync(join(dir, 'bancada.log'), 'utf8')).not.toContain('quiet');
  });
});
