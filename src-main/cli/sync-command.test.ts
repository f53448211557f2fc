import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCommand } from './sync-command';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await syncCommand(argv, { appRoot: resolve(__dirname, '../../out/main'), version: 't', stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('bancada sync', () => {
  it('pulls from the embedded demo store on a fresh data folder and reports it as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bancada-cli-sync-'));
    dirs.push(dir);
    const now = await run('now', '--data-dir', dir, '--json');
    expect(now.code).toBe(0);
    expect(JSON.parse(now.out[0]!)).toMatchObject({ pulled: 86, delivered: 0, rejected: 0, failure: null });
    const status = await run('status', '--data-dir', dir, '--json');
    expect(JSON.parse(status.out[0]!)).toMatchObject({ settings: { platform: 'demo' }, outbox: { pending: 0, rejected: 0 }, cursors: [{ resource: 'orders' }, { resource: 'returns' }] });
  });

  it('saves a Shopify store with credentials from a file, never echoing them, and refuses bad settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bancada-cli-sync-'));
    dirs.push(dir);
    const creds = join(dir, 'creds.json');
    writeFileSync(creds, JSON.stringify({ kind: 'shopify-token', accessToken: 'shpat_aaaaaaaaaaaaaaaaaaaa' }));
    const saved = await run('config', '--data-dir', dir, '--platform', 'shopify', '--shop-domain', 'mi-tienda.myshopify.com', '--credentials-file', creds);
    expect(saved.code).toBe(0);
    const shown = await run('config', '--data-dir', dir, '--json');
    expect(JSON.parse(shown.out[0]!)).toEqual({ settings: { platform: 'shopify', shopDomain: 'mi-tienda.myshopify.com', authKind: 'token', locationId: null }, hasCredentials: true, secretStore: 'file' });
    expect([...saved.out, ...shown.out].join('\n')).not.toContain('shpat_');
    const bad = await run('config', '--data-dir', dir, '--platform', 'shopify', '--shop-domain', 'evil.example.com');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/shopDomain/);
  });

  it('prints its usage for an unknown subcommand', async () => {
    const result = await run('teleport');
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(/bancada sync status\|now\|config/);
  });
});
