/**
 * The registry as the station builds it: a real SQLite file, the in-memory MT-SICS simulator driven
 * through the real SerialScale, a real TCP 9100 printer sink, and the contract handlers on top.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE, WedgeConfigSchema, type DeviceAssignments, type DeviceStatus } from '../../../src-shared/domain/devices';
import { FakeHid } from '../hid/fake-hid';
import type { LiveScale } from '../../../src-shared/domain/scale';
import type { ScanEvent } from '../../../src-shared/domain/scan';
import type { Session } from '../../../src-shared/domain/types';
import type { Database } from '../../db/database';
import { getPrintJobDocument, type PrintJob } from '../../db/repos/print-jobs';
import { getSetting } from '../../db/repos/settings';
import { sql } from '../../db/sql';
import { tempDatabases } from '../../db/test-db';
import { MemoryScaleSim } from '../simulators/memory-scale';
import { PrinterSink } from '../simulators/printer-sink';
import { ASSIGNMENT_KEYS } from './assignments';
import { deviceHandlers } from './device-handlers';
import { DeviceRegistry, type Simulation } from './device-registry';

const openDatabase = tempDatabases();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const SUPERVISOR = { session: { operator: { id: 'op-9', name: 'Marta', role: 'supervisor' } } as unknown as Session };

async function until<T>(what: string, read: () => T | undefined | null | false, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function station(options: { db?: Database; sim?: boolean; hid?: FakeHid; overrides?: Partial<DeviceAssignments> } = {}) {
  const db = options.db ?? (await openDatabase());
  const memory = new MemoryScaleSim('sics');
  const sink = await PrinterSink.start();
  closers.push(() => sink.close());
  const simulation: Simulation | null = options.sim === false ? null : { scale: { via: 'memory', path: 'memory:scale', openPort: memory.openPort, control: memory }, sink };
  const heard = { status: [] as DeviceStatus[][], live: [] as LiveScale[], scans: [] as ScanEvent[], unclaimed: [] as ScanEvent[], jobs: [] as PrintJob[] };
  const unclaimed: ScanEvent[] = [];
  const registry = await DeviceRegistry.start({
    db,
    simulation,
    unclaimed: async (scan) => void unclaimed.push(scan),
    publish: { status: (s) => heard.status.push(s), live: (l) => heard.live.push(l), scan: (s) => heard.scans.push(s), unclaimed: (s) => heard.unclaimed.push(s), job: (j) => heard.jobs.push(j) },
    hid: async () => options.hid ?? new FakeHid(),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    log: () => undefined,
    printTimeoutMs: 2_000,
  });
  closers.push(() => registry.close());
  const handlers = deviceHandlers({ db, registry, stationId: () => 'station-1', now: () => new Date() });
  return { db, registry, handlers, memory, sink, heard, unclaimed };
}

describe('the device registry at a demo station', () => {
  it('publishes the simulated scale live, numbers each settled weight, and zeroes it through the driver', async () => {
    const { registry, handlers, memory, heard } = await station();
    await until('the scale to read zero', () => registry.scale.current().status === 'zero');
    expect(registry.scale.current()).toMatchObject({ deviceId: 'scale', simulated: true, settled: null });
    memory.setWeight(1250);
    const first = await until('a settled weight', () => registry.scale.current().settled);
    expect(first).toMatchObject({ mg: 1_250_000, seq: 1 });
    memory.setWeight(3000);
    const second = await until('the next box', () => (registry.scale.current().settled?.seq === 2 ? registry.scale.current().settled : null));
    expect(second.mg).toBe(3_000_000);
    await handlers['scale:zero']({}, SUPERVISOR);
    await until('zero after zeroing with the box on', () => registry.scale.current().status === 'zero');
    expect(registry.scale.current().settled).toBeNull();
    expect(memory.scaleState.zeroMg).toBe(3_000_000);
    expect(heard.live.some((l) => l.settled?.seq === 2)).toBe(true);
    expect(heard.live.every((l) => l.settled === null || l.settled.mg > 0)).toBe(true);
  });

  it('says the scale is disconnected when its cable is pulled, and reads again once it is back, by itself', async () => {
    const { registry, memory, heard } = await station();
    memory.setWeight(900);
    await until('a settled weight', () => registry.scale.current().settled);
    memory.unplug();
    await until('disconnected', () => registry.scale.current().status === 'disconnected');
    expect(registry.scale.current()).toMatchObject({ mg: null, settled: null });
    const down = await until('health says so', () => heard.status.at(-1)?.find((d) => d.id === 'scale' && !d.connected));
    expect(down.lastErrorCode).toBe('device.disconnected');
    // The driver retries by itself (100 ms, doubling to 1 s); the memory port opens again at once.
    await until('reading again', () => registry.scale.current().status === 'stable');
    expect(registry.status().find((d) => d.id === 'scale')?.connected).toBe(true);
  });

  it('takes a scripted weight only on the simulated scale', async () => {
    const { registry, handlers, memory } = await station();
    await handlers['scale:simulate']({ grams: 480, motion: false }, SUPERVISOR);
    expect(memory.scaleState.loadMg).toBe(480_000);
    await until('480 g', () => registry.scale.current().mg === 480_000);
    await handlers['devices:assign']({ scale: { kind: 'serial', protocol: 'nci', path: '/dev/does-not-exist' }, scanners: [], labelPrinter: null, documentPrinter: null }, SUPERVISOR);
    await expect(handlers['scale:simulate']({ grams: 1 }, SUPERVISOR)).rejects.toMatchObject({ code: 'device.not-simulated' });
    const down = await until('health of the missing port', () => registry.status().find((d) => d.id === 'scale' && d.lastErrorCode));
    expect(down).toMatchObject({ connected: false, lastErrorCode: 'device.open-failed', address: '/dev/does-not-exist' });
    await expect(handlers['scale:zero']({}, SUPERVISOR)).rejects.toMatchObject({ code: 'device.not-connected' });
  });

  it('test-prints to the label printer, lists the job, and previews what the printer received', async () => {
    const { handlers, sink, heard } = await station();
    const job = await handlers['print:test']({ role: 'label' }, SUPERVISOR);
    expect(job).toMatchObject({ kind: 'test', status: 'done', printer: sink.uri });
    expect(sink.jobs).toHaveLength(1);
    expect(sink.jobs[0]!.bytes.toString()).toContain('^FDBancada test label');
    expect(heard.jobs.map((j) => j.status)).toEqual(['queued', 'queued', 'sent', 'done']);
    expect((await handlers['print:jobs']({}, SUPERVISOR)).map((j) => j.id)).toEqual([job.id]);
    const preview = await handlers['print:preview']({}, SUPERVISOR);
    expect(preview).toMatchObject({ source: 'sink', jobId: job.id });
    const png = Buffer.from(preview!.png.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await expect(handlers['print:test']({ role: 'document' }, SUPERVISOR)).rejects.toMatchObject({ code: 'printer.not-assigned' });
  });

  it('keeps a failed label in SQLite with its reason; a retry after a restart prints exactly it', async () => {
    const db = await openDatabase();
    const first = await station({ db });
    await first.sink.setBehaviour('refuse');
    await expect(first.handlers['print:test']({ role: 'label' }, SUPERVISOR)).rejects.toMatchObject({ code: 'printer.connection-refused' });
    const [failed] = await first.handlers['print:jobs']({ status: 'failed' }, SUPERVISOR);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'printer.connection-refused', attempts: 1 });
    const printer = await until('printer health', () => first.registry.status().find((d) => d.id === 'printer:label'));
    expect(printer).toMatchObject({ connected: false, lastErrorCode: 'printer.connection-refused' });
    const stored = await getPrintJobDocument(db, failed!.id);
    await first.registry.close();

    // The station restarts; the printer is back. The job's printer is its own URI, not the new assignment.
    const second = await station({ db });
    await first.sink.setBehaviour('accept');
    const retried = await second.handlers['print:retry']({ jobId: failed!.id }, SUPERVISOR);
    expect(retried).toMatchObject({ status: 'done', attempts: 2 });
    expect(first.sink.jobs.map((j) => new Uint8Array(j.bytes))).toEqual([stored!.bytes]);
    expect(await getPrintJobDocument(db, failed!.id)).toBeNull();
    const audit = await db.all<{ action: string; operator_id: string }>(sql`SELECT action, operator_id FROM audit_log WHERE action = 'print.retry'`);
    expect(audit).toEqual([{ action: 'print.retry', operator_id: 'op-9' }]);
  });

  it('saves assignments per role with an audit row, and an unreadable row counts as unassigned', async () => {
    const { db, registry, handlers, sink } = await station();
    await handlers['print:test']({ role: 'label' }, SUPERVISOR); // ZPL to the demo sink first: there is a preview
    expect(await handlers['print:preview']({}, SUPERVISOR)).not.toBeNull();
    const assigned = await handlers['devices:assign'](
      { scale: { kind: 'simulated' }, scanners: [], labelPrinter: { uri: sink.uri, language: 'tspl', size: '2x1', dpi: 300 }, documentPrinter: { uri: 'cups://Office' } },
      SUPERVISOR,
    );
    expect(assigned.labelPrinter).toEqual({ uri: sink.uri, language: 'tspl', size: '2x1', dpi: 300 });
    expect(registry.printer('label')).toEqual({ language: 'tspl', size: '2x1', dpi: 300 });
    expect(await getSetting(db, ASSIGNMENT_KEYS.documentPrinter)).toEqual({ uri: 'cups://Office' });
    const job = await handlers['print:test']({ role: 'label' }, SUPERVISOR);
    expect(job.status).toBe('done');
    expect(sink.jobs.at(-1)!.bytes.toString()).toMatch(/^CODEPAGE UTF-8\r\nCLS/);
    // Nothing draws TSPL: no preview rather than an older label's.
    expect(await handlers['print:preview']({}, SUPERVISOR)).toBeNull();
    expect(await db.get(sql`SELECT action, subject_type FROM audit_log WHERE action = 'devices.assign'`)).toEqual({ action: 'devices.assign', subject_type: 'station' });

    await db.run(sql`UPDATE settings SET value = '{"kind":"serial"}' WHERE key = ${ASSIGNMENT_KEYS.scale}`);
    const problems: string[] = [];
    const { loadAssignments } = await import('./assignments');
    expect((await loadAssignments(db, (key) => problems.push(key))).scale).toBeNull();
    expect(problems).toEqual([ASSIGNMENT_KEYS.scale]);
  });

  it('restarts only what an assignment changed: a new label printer keeps the scale and its settled weight', async () => {
    const { registry, handlers, memory, sink } = await station();
    memory.setWeight(700);
    const settled = await until('a settled weight', () => registry.scale.current().settled);
    const scaleBefore = registry.scale;
    await handlers['devices:assign']({ scale: { kind: 'simulated' }, scanners: [], labelPrinter: { uri: sink.uri, language: 'zpl', size: '4x4', dpi: 203 }, documentPrinter: null }, SUPERVISOR);
    expect(registry.scale).toBe(scaleBefore);
    expect(registry.scale.current().settled).toEqual(settled);
    await handlers['devices:assign']({ scale: null, scanners: [], labelPrinter: null, documentPrinter: null }, SUPERVISOR);
    // A different scale, then back: the next settled weight is numbered after the last one, never from 1 again.
    await handlers['devices:assign']({ scale: { kind: 'serial', protocol: 'sics', path: '/dev/nonexistent-scale' }, scanners: [], labelPrinter: null, documentPrinter: null }, SUPERVISOR);
    await handlers['devices:assign']({ scale: { kind: 'simulated' }, scanners: [], labelPrinter: null, documentPrinter: null }, SUPERVISOR);
    memory.setWeight(1900);
    const next = await until('a settled weight on the new driver', () => registry.scale.current().settled);
    expect(next.seq).toBeGreaterThan(settled.seq);
    // Unassigned in demo mode: the simulated scale and the sink fill the roles again, as at start.
    expect(registry.assignments.scale).toEqual({ kind: 'simulated' });
    expect(registry.assignments.labelPrinter?.uri).toBe(sink.uri);
  });

  it('routes scans: every one is published, a workflow that claims the router gets them, the rest go to unclaimed', async () => {
    const { registry, handlers, heard, unclaimed } = await station();
    const scan = { raw: 'ORD-1001', symbology: null, source: 'keyboard' as const, deviceId: null, at: '2026-11-23T10:00:00.000Z' };
    expect(await handlers['scans:submit'](scan, SUPERVISOR)).toEqual({ claimed: false });
    expect(unclaimed).toEqual([scan]);
    const taken: ScanEvent[] = [];
    const release = registry.scans.claim(async (s) => void taken.push(s));
    expect(await handlers['scans:submit']({ ...scan, raw: '0109506000134352', symbology: ']C1' }, SUPERVISOR)).toEqual({ claimed: true });
    release();
    expect(taken.map((s) => s.raw)).toEqual(['0109506000134352']);
    expect(heard.scans).toHaveLength(2);
    expect(registry.status().find((d) => d.id === 'scanner:keyboard')).toMatchObject({ connected: true, lastSeenAt: scan.at });
    const published = await until('health published after the scan', () => heard.status.at(-1)?.find((d) => d.id === 'scanner:keyboard' && d.lastSeenAt));
    expect(published.lastSeenAt).toBe(scan.at);
  });

  it('keeps the keyboard-wedge settings a supervisor saves (audited), and refuses a badge pattern that is not a regular expression', async () => {
    const { db, handlers } = await station();
    expect(await handlers['devices:wedge-config']({}, { session: null })).toEqual(DEFAULT_WEDGE);
    const custom = { ...DEFAULT_WEDGE, avgMsPerChar: 45, prefix: '@@', badgePattern: '^BADGE-\\d+$' };
    expect(await handlers['devices:set-wedge-config'](custom, SUPERVISOR)).toEqual(custom);
    expect(await handlers['devices:wedge-config']({}, { session: null })).toEqual(custom);
    expect(await db.get(sql`SELECT action FROM audit_log WHERE action = 'devices.wedge-config'`)).toEqual({ action: 'devices.wedge-config' });
    expect(WedgeConfigSchema.safeParse({ ...DEFAULT_WEDGE, badgePattern: '^(OP-' }).success).toBe(false);
  });

  it('sends an HID POS scanner\'s badge to the renderer as a badge even while a workflow holds the scanner; other scans to the workflow', async () => {
    const hid = new FakeHid();
    hid.plug({ vendorId: 0x05e0, productId: 0x1200, usagePage: 0x8c, usage: 0x02, path: '/dev/hidraw7' });
    const { registry, heard } = await station({ hid, overrides: { scanners: [{ kind: 'hid', vendorId: 0x05e0, productId: 0x1200 }] } });
    await until('the scanner to open', () => registry.status().find((d) => d.id === 'scanner:1')?.connected);
    const report = (data: string): number[] => {
      const bytes = new Array<number>(64).fill(0);
      bytes[0] = 0x02;
      bytes[1] = data.length;
      [...data].forEach((c, i) => (bytes[5 + i] = c.charCodeAt(0)));
      return bytes;
    };
    const taken: ScanEvent[] = [];
    const release = registry.scans.claim(async (s) => void taken.push(s));
    hid.report(report('OP-0009'));
    hid.report(report('ORD-1001'));
    await until('the order scan to reach the workflow', () => taken.length === 1);
    expect(taken.map((s) => s.raw)).toEqual(['ORD-1001']);
    expect(heard.unclaimed.map((s) => [s.raw, s.source])).toEqual([['OP-0009', 'hid']]);
    release();
    hid.report(report('TOTE-7'));
    await until('an unclaimed scan', () => heard.unclaimed.length === 2);
    expect(heard.unclaimed[1]!.raw).toBe('TOTE-7');
    expect(heard.scans.map((s) => s.raw)).toEqual(['OP-0009', 'ORD-1001', 'TOTE-7']);
  });

  it('without simulators nothing is assigned, and the scale says so', async () => {
    const { registry, handlers } = await station({ sim: false });
    expect(registry.assignments).toEqual({ scale: null, scanners: [], labelPrinter: null, documentPrinter: null });
    expect(registry.scale.current()).toMatchObject({ deviceId: null, status: 'disconnected' });
    expect(registry.status().map((d) => d.id)).toEqual(['scanner:keyboard']);
    await expect(handlers['print:test']({ role: 'label' }, SUPERVISOR)).rejects.toMatchObject({ code: 'printer.not-assigned' });
  });
});
