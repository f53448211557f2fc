import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, type Logger } from './logger';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function entries(dir: string, file = 'bancada.log'): Record<string, unknown>[] {
  return readFileSync(join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the station log', () => {
  it('writes one JSON line per entry with time, level, scope and the fields', async () => {
    const dir = tempDir();
    const log = createLogger({ dir, clock: () => new Date('2026-11-23T10:00:00Z') });
    log.child('auth').info('operator logged in', { operatorId: 'op-1', demo: true });
    log.child('pack').child('scale').warn('weight unstable');
    await log.close();
    expect(entries(dir)).toEqual([
      { at: '2026-11-23T10:00:00.000Z', level: 'info', scope: 'station.auth', msg: 'operator logged in', operatorId: 'op-1', demo: true },
      { at: '2026-11-23T10:00:00.000Z', level: 'warn', scope: 'station.pack.scale', msg: 'weight unstable' },
    ]);
  });

  it('never writes a PIN, a token or a password to the file, however deep or however phrased', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    log.warn('login attempt', {
      pin: '4821',
      input: { operatorId: 'x', newPin: '7355', nested: [{ PASSWORD: 'hunter2' }] },
      headers: { Authorization: 'Bearer abc.def', cookie: 'sid=s3ss10n', 'x-api-key': 'k-998877' },
      accessToken: 'shpat_0123456789abcdef',
      note: 'sent Bearer eyJhbGciOi.xyz, shpat_deadbeef99 and shpca_cafebabe42',
      url: 'https://shop.example.com/admin/oauth?code=c0de55&access_token=t0k3n77&page=2',
    });
    log.error('platform refused token shpat_feedface11', { error: new Error('token shpss_badc0ffee rejected') });
    await log.close();
    const text = readFileSync(join(dir, 'bancada.log'), 'utf8');
    for (const secret of ['4821', '7355', 'hunter2', 'abc.def', 's3ss10n', 'k-998877', 'shpat_', 'shpca_', 'shpss_', 'eyJhbGciOi', 'c0de55', 't0k3n77']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
    expect(text).toContain('"operatorId":"x"');
    expect(text).toContain('page=2');
  });

  it('keeps shipping fields: a word ending in "ping" is not a PIN', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    log.info('label printed', { shippingMethod: 'SEDEX', mapping: 'zpl', shippingPin: '1234' });
    await log.close();
    expect(entries(dir)[0]).toMatchObject({ shippingMethod: 'SEDEX', mapping: 'zpl', shippingPin: '[redacted]' });
  });

  it('serialises errors with name, message, stack, code and cause', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9100'), { code: 'ECONNREFUSED' });
    log.error('label printer unreachable', { error: new TypeError('bad thing', { cause }) });
    log.error('passed the error itself as fields', new RangeError('out of range') as never);
    await log.close();
    const [first, second] = entries(dir);
    expect(first!.error).toMatchObject({ name: 'TypeError', message: 'bad thing', cause: { name: 'Error', code: 'ECONNREFUSED' } });
    expect((first!.error as { stack: string }).stack).toContain('logger.test.ts');
    expect(second!.error).toMatchObject({ name: 'RangeError', message: 'out of range' });
  });

  it('survives circular, hostile and malformed input without throwing and still writes the line', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    const shared = { sku: 'ROP-RMB-NEG-M' };
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('no keys for you'); } });
    const getter = Object.defineProperty({ ok: 1 }, 'boom', { enumerable: true, get: () => { throw new Error('getter'); } });
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 50; i++) deep = (deep.next = {}) as Record<string, unknown>;
    const calls: [unknown, unknown][] = [
      ['cycle', { loop, a: shared, b: shared, big: 10n, sym: Symbol('s'), fn: () => 1, when: new Date(Number.NaN) }],
      ['hostile', { hostile, getter, buffer: Buffer.alloc(1 << 20), map: new Map([['pin', '1234']]), set: new Set([1, 2]) }],
      ['huge', { text: 'x'.repeat(1 << 20), list: Array.from({ length: 10_000 }, (_, i) => i), root }],
      [{ not: 'a string' }, 'fields as a string'],
      [undefined, [1, 2, 3]],
      ['null fields', null],
    ];
    for (const [msg, fields] of calls) expect(() => (log.info as (m: unknown, f: unknown) => void)(msg, fields)).not.toThrow();
    await log.close();
    const [cycle, hostileLine, huge, odd, arrayFields] = entries(dir);
    expect(cycle).toMatchObject({ loop: { name: 'loop', self: '[circular]' }, a: shared, b: shared, big: '10', fn: '[function fn]', when: 'Invalid Date' });
    expect(hostileLine).toMatchObject({ hostile: '[unreadable]', getter: '[unreadable]', buffer: '[Buffer 1048576 bytes]', map: { pin: '[redacted]' }, set: [1, 2] });
    expect(JSON.stringify(huge).length).toBeLessThan(20_000);
    expect(odd).toMatchObject({ msg: '{"not":"a string"}', fields: 'fields as a string' });
    expect(arrayFields).toMatchObject({ msg: 'undefined', fields: [1, 2, 3] });
    expect(entries(dir)).toHaveLength(6);
  });

  it('does not let a field overwrite the time, level, scope or message', async () => {
    const dir = tempDir();
    const log = createLogger({ dir, clock: () => new Date('2026-11-23T10:00:00Z') });
    log.info('real message', { level: 'error', msg: 'fake', at: 'yesterday', scope: 'evil' });
    await log.close();
    expect(entries(dir)[0]).toEqual({
      at: '2026-11-23T10:00:00.000Z', level: 'info', scope: 'station', msg: 'real message',
      'field.level': 'error', 'field.msg': 'fake', 'field.at': 'yesterday', 'field.scope': 'evil',
    });
  });

  it('drops entries below the configured level', async () => {
    const dir = tempDir();
    const log = createLogger({ dir, level: 'warn' });
    log.debug('chatty');
    log.info('quiet');
    log.warn('loud');
    log.error('louder');
    await log.close();
    expect(entries(dir).map((e) => e.msg)).toEqual(['loud', 'louder']);
  });

  it('echoes the same redacted line to stderr when the console option is on', async () => {
    const dir = tempDir();
    const echoed: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => echoed.push(String(chunk)) > 0);
    const log = createLogger({ dir, console: true });
    log.info('station ready', { token: 'shpat_secret1' });
    await log.close();
    expect(echoed).toEqual([readFileSync(join(dir, 'bancada.log'), 'utf8')]);
    expect(echoed[0]).not.toContain('shpat_secret1');
  });

  it('keeps logging when the folder cannot be written, and says so once on stderr', async () => {
    const dir = tempDir();
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the log folder should be');
    const complaints: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => complaints.push(String(chunk)) > 0);
    const log: Logger = createLogger({ dir: blocked });
    expect(() => {
      log.error('first');
      log.error('second');
    }).not.toThrow();
    await log.close();
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatch(/cannot write the log/);
  });

  it('still writes a line logged after close (a late shutdown error) without keeping the file open', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    log.info('before');
    await log.close();
    log.error('after close');
    expect(entries(dir).map((e) => e.msg)).toEqual(['before', 'after close']);
    expect(readdirSync(dir)).toEqual(['bancada.log']);
  });
});
