/**
 * Shared by the SIGKILL reliability tests (issue #5): configure a data folder for a store, pull its
 * orders once, commit a claim and a fulfilment per order as the bench would, then run the real
 * `bancada serve` and kill it (SIGKILL) at random points while it delivers, and finally let it finish.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { StoreCredentials } from '../../src-shared/domain/store';
import { syncCommand } from '../../src-main/cli/sync-command';
import { Database } from '../../src-main/db/database';
import { countOutbox, enqueueOutbox } from '../../src-main/db/repos/outbox';
import { sql } from '../../src-main/db/sql';
import { prng } from '../../src-main/demo/synthetic';
import { createStation, DATABASE_FILE } from '../../src-main/station';
import type { AdapterFactories } from '../../src-main/sync/sync-engine';

export const ROOT = resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function requireBuiltCli(): void {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` (npm test builds before it tests)');
}

/** `bancada sync config …` with the credentials in a file that is removed afterwards. */
export async function configureStore(dataDir: string, args: readonly string[], credentials: StoreCredentials): Promise<void> {
  const file = join(dataDir, 'creds.json');
  await writeFile(file, JSON.stringify(credentials));
  const err: string[] = [];
  const code = await syncCommand(['config', '--data-dir', dataDir, ...args, '--credentials-file', file], { appRoot: join(ROOT, 'out/main'), version: 't', stdout: () => undefined, stderr: (l) => err.push(l) });
  await rm(file);
  expect(code, err.join('\n')).toBe(0);
}

/** Pulls the store's orders into the station once and commits a claim and a fulfilment per order. Returns the order count. */
export async function pullAndComplete(dataDir: string, factories: AdapterFactories, trackingPrefix: string): Promise<number> {
  const station = await createStation({ dataDir, resourcesDir: join(ROOT, 'resources'), devices: { simulate: false }, sync: { factories, pullEverySeconds: 0 } });
  const run = await station.sync.syncNow();
  await station.close();
  expect(run.failure).toBeNull();
  const db = await Database.open(join(dataDir, DATABASE_FILE));
  try {
    const orders = await db.all<{ id: string; external_id: string; number: string }>(sql`SELECT id, external_id, number FROM orders WHERE platform <> 'demo' ORDER BY number`);
    await db.transaction(async (tx) => {
      for (const [i, o] of orders.entries()) {
        const lines = await tx.all<{ external_id: string; quantity: number }>(sql`SELECT external_id, quantity FROM order_lines WHERE order_id = ${o.id}`);
        const base = { destination: 'platform' as const, aggregateType: 'order' as const, aggregateId: o.id, stationId: 'st', operatorId: 'op', createdAt: new Date().toISOString() };
        await enqueueOutbox(tx, { ...base, payload: { kind: 'order.claim', orderExternalId: o.external_id, orderNumber: o.number }, idempotencyKey: `claim-${o.id}` });
        await enqueueOutbox(tx, {
          ...base,
          payload: { kind: 'order.fulfil', orderExternalId: o.external_id, orderNumber: o.number, notifyCustomer: false, packages: [{ tracking: `${trackingPrefix}${i}`, carrier: 'Correios', trackingUrl: null, weightMg: null, lines: lines.map((l) => ({ lineExternalId: l.external_id, quantity: l.quantity })) }] },
          idempotencyKey: `fulfil-${o.id}`,
        });
      }
    });
    return orders.length;
  } finally {
    await db.close();
  }
}

interface Serving {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;
}

export function serve(dataDir: string, env: NodeJS.ProcessEnv = {}): Serving {
  const child = spawn(process.execPath, [join(ROOT, 'bin/bancada.cjs'), 'serve', '--port', '0', '--data-dir', dataDir, '--no-simulate'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ready = new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`station not ready in 30 s:\n${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/ready: http/.test(out)) {
        clearTimeout(timer);
        res();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`station exited (${code}) before it was ready:\n${out}`));
    });
  });
  return { child, ready, exited };
}

export interface KillReport {
  readonly kills: number;
  /** Kills that landed before the store had everything (delivery still under way). */
  readonly midDelivery: number;
  /** Kills after which the store had more than before: the killed run was delivering. */
  readonly progressed: number;
}

/** Outbox rows the station has recorded as delivered: a cheap measure of progress between kills. */
export async function deliveredRows(dataDir: string): Promise<number> {
  const db = await Database.open(join(dataDir, DATABASE_FILE));
  try {
    return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE status = 'done'`))?.n ?? 0;
  } finally {
    await db.close();
  }
}

/**
 * Starts the station `kills` times and SIGKILLs it a random `minMs`–`maxMs` after it is ready (seeded,
 * so a failure can be replayed with the printed seed). `progress` reads how far delivery got, out of `total`.
 */
export async function killRepeatedly(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  kills: number,
  seed: number,
  progress: () => Promise<number> | number,
  total: number,
  window: { readonly minMs: number; readonly maxMs: number } = { minMs: 50, maxMs: 500 },
): Promise<KillReport> {
  const random = prng(seed);
  let midDelivery = 0;
  let progressed = 0;
  for (let k = 0; k < kills; k++) {
    const before = await progress();
    const run = serve(dataDir, env);
    await run.ready;
    await sleep(window.minMs + Math.floor(random() * (window.maxMs - window.minMs)));
    run.child.kill('SIGKILL');
    await run.exited;
    const after = await progress();
    if (after < total) midDelivery++;
    if (after > before) progressed++;
  }
  return { kills, midDelivery, progressed };
}

/** Runs the station until its outbox is empty, then stops it; fails on any rejected row. */
export async function runToCompletion(dataDir: string, env: NodeJS.ProcessEnv, limitMs = 180_000): Promise<void> {
  const last = serve(dataDir, env);
  await last.ready;
  const db = await Database.open(join(dataDir, DATABASE_FILE));
  try {
    for (let waited = 0; ; waited += 250) {
      const counts = await countOutbox(db);
      if (counts.pending === 0) {
        expect(counts).toMatchObject({ pending: 0, rejected: 0 });
        return;
      }
      if (waited > limitMs) throw new Error(`outbox still holds ${counts.pending} rows (${counts.rejected} rejected) after ${limitMs} ms`);
      await sleep(250);
    }
  } finally {
    await db.close();
    last.child.kill('SIGTERM');
    await last.exited;
  }
}
