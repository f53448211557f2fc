import { parseArgs } from 'node:util';
import type { HidCandidate, SerialCandidate } from '../devices/discovery/classify';
import { discoverDevices, type DiscoveryListers, type DiscoveryReport } from '../devices/discovery/discover';

export const DEVICES_USAGE = `bancada devices [--json] [--all]

Lists the scales, barcode scanners and label printers this station can see: HID devices (usage page
0x8D scales, 0x8C HID POS scanners, known scale VID:PIDs), serial ports, and CUPS queues (lpstat -v).
Each device says why it was recognised. A source that can't be read (no CUPS scheduler, no hidraw
access…) is listed under "Problems"; the exit code is 0 even when nothing is found.
  --json   one JSON object: {scales, scanners, serialPorts, printers, otherHid, problems}
  --all    also list HID devices that are neither scale nor scanner (keyboards, mice…)
Scanners in keyboard-wedge mode look like keyboards and can't be told apart here.`;

interface Output {
  stdout(line: string): void;
  stderr(line: string): void;
}

type Candidate = HidCandidate | SerialCandidate;

export interface DevicesView {
  readonly scales: readonly Candidate[];
  readonly scanners: readonly Candidate[];
  /** Serial ports that are neither a known scale nor scanner: a serial scale or scanner may be one of them. */
  readonly serialPorts: readonly SerialCandidate[];
  readonly printers: DiscoveryReport['printers'];
  readonly otherHid: readonly HidCandidate[];
  readonly problems: DiscoveryReport['problems'];
}

export function groupDevices(report: DiscoveryReport): DevicesView {
  const all: Candidate[] = [...report.hid, ...report.serial];
  return {
    scales: all.filter((d) => d.kind === 'scale'),
    scanners: all.filter((d) => d.kind === 'scanner'),
    serialPorts: report.serial.filter((d) => d.kind === 'unknown'),
    printers: report.printers,
    otherHid: report.hid.filter((d) => d.kind === 'unknown'),
    problems: report.problems,
  };
}

/** Device names, paths and URIs come from outside; keep terminal control bytes out of the table. */
const printable = (s: string) => s.replace(/\p{Cc}/gu, '?');

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, printable(cell).length)));
  return rows.map((row) => `  ${row.map((cell, i) => (i === row.length - 1 ? printable(cell) : printable(cell).padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd());
}

const deviceRow = (d: Candidate) => [d.name, d.transport, d.vidPid ?? '-', d.path ?? '-', d.why];

function section(title: string, rows: readonly (readonly string[])[], empty = 'none found'): string[] {
  return [title, ...(rows.length === 0 ? [`  ${empty}`] : table(rows))];
}

export function formatDevicesTable(view: DevicesView, showAll: boolean): string[] {
  const lines = [
    ...section('Scales', view.scales.map(deviceRow)),
    '',
    ...section('Scanners', view.scanners.map(deviceRow)),
    '',
    ...section('Label printers (CUPS queues)', view.printers.map((p) => [p.queue, p.uri])),
    '',
    ...section('Other serial ports (a serial scale or scanner may be on one)', view.serialPorts.map(deviceRow)),
  ];
  if (showAll) lines.push('', ...section('Other HID devices', view.otherHid.map(deviceRow)));
  else if (view.otherHid.length > 0) lines.push('', `${view.otherHid.length} other HID device${view.otherHid.length === 1 ? '' : 's'} not shown (--all lists them)`);
  if (view.problems.length > 0) lines.push('', 'Problems', ...table(view.problems.map((p) => [`${p.source}:`, p.message])));
  return lines;
}

/** `bancada devices`: the scanners, scales and printers this station can see (issue #3). */
export async function devicesCommand(argv: readonly string[], ctx: Output, deps?: DiscoveryListers): Promise<number> {
  let values: { json?: boolean; all?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { json: { type: 'boolean' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    ctx.stderr(`bancada devices: ${error instanceof Error ? error.message : String(error)}\n\n${DEVICES_USAGE}`);
    return 2;
  }
  if (values.help) {
    ctx.stdout(DEVICES_USAGE);
    return 0;
  }
  const view = groupDevices(await discoverDevices(deps));
  if (values.json) ctx.stdout(JSON.stringify(view));
  else for (const line of formatDevicesTable(view, values.all === true)) ctx.stdout(line);
  return 0;
}
