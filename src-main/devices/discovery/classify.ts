/**
 * Device discovery, the pure part: raw records from node-hid `devices()`, serialport
 * `SerialPort.list()` and `lpstat -v` output → what the station thinks each one is, with the reason.
 *
 * A HID device is a scale when it reports the Scales usage page 0x8D, a scanner when it reports the
 * Barcode Scanner usage page 0x8C, and a scale too when its VID:PID is a known scale's
 * (device-protocols.md §1.3), for scales that only show a vendor usage page. Everything else is
 * 'unknown': a scanner in keyboard-wedge mode looks exactly like a keyboard (§3.1) and node-hid can't
 * read keyboards anyway (§1.2).
 */

export type DeviceKind = 'scale' | 'scanner' | 'unknown';

/** The fields of a node-hid `Device` this module reads (all optional: the records come from outside). */
export interface RawHidDevice {
  readonly vendorId?: number;
  readonly productId?: number;
  readonly usagePage?: number;
  readonly usage?: number;
  readonly product?: string;
  readonly manufacturer?: string;
  readonly path?: string;
  readonly interface?: number;
}

/** The fields of a serialport `PortInfo` this module reads. vendorId/productId are hex strings. */
export interface RawSerialPort {
  readonly path: string;
  readonly manufacturer?: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly serialNumber?: string;
  readonly pnpId?: string;
}

export interface HidCandidate {
  readonly transport: 'hid';
  readonly kind: DeviceKind;
  readonly name: string;
  /** "0922:8003", lowercase hex. */
  readonly vidPid: string;
  readonly path: string | null;
  readonly why: string;
}

export interface SerialCandidate {
  readonly transport: 'serial';
  readonly kind: DeviceKind;
  readonly name: string;
  readonly vidPid: string | null;
  readonly manufacturer: string | null;
  readonly path: string;
  readonly why: string;
}

export interface PrinterQueue {
  readonly queue: string;
  readonly uri: string;
}

export const HID_USAGE_PAGE_SCANNER = 0x8c;
export const HID_USAGE_PAGE_SCALE = 0x8d;

/** Known HID POS scales by VID:PID, device-protocols.md §1.3 (from usbscale `scales.h` [S4]). */
export const KNOWN_HID_SCALES: Readonly<Record<string, string>> = {
  '0922:8003': 'DYMO M10',
  '0922:8004': 'DYMO M25',
  '0922:8009': 'DYMO S180',
  '6096:0158': 'SANFORD DYMO 10 lb',
  '1446:6a73': 'Stamps.com Model 510 5 lb',
  '1446:6a79': 'USPS DS25 25 lb',
  '2474:0550': 'Stamps.com stainless 5 lb',
  '2474:3550': 'Stamps.com stainless 35 lb',
  '0eb8:f000': 'Mettler Toledo scale',
  '0eb8:f001': 'Mettler Toledo scale',
  '0b67:555e': 'Fairbanks SCB-R9000',
  '0d8f:0200': 'Pitney Bowes 10 lb 397-B',
  '7b7c:0100': 'USPS (Elane) PS311',
};

/** Barcode scanner vendors, device-protocols.md §3.2 [S22]. */
const SCANNER_VENDORS: Readonly<Record<string, string>> = {
  '0c2e': 'Honeywell',
  '23d0': 'Youjie',
  '05e0': 'Symbol/Zebra',
  '05f9': 'Datalogic',
};

/** Scale vendors (the VIDs of §1.3) seen on a serial port: a Mettler Toledo USB-CDC indicator, say. */
const SCALE_VENDORS: Readonly<Record<string, string>> = {
  '0eb8': 'Mettler Toledo',
  '0b67': 'Fairbanks',
};

/** Common USB-to-serial bridges: a serial scale or scanner is usually behind one of these. */
const SERIAL_BRIDGES: Readonly<Record<string, string>> = {
  '0403': 'FTDI',
  '067b': 'Prolific',
  '10c4': 'Silicon Labs CP210x',
  '1a86': 'WCH CH340',
};

const hex4 = (n: number) => (n & 0xffff).toString(16).padStart(4, '0');
const hexPage = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;

/** A USB id as serialport gives it ("0403", "403", "0x0403", "0403 ") → "0403", or null. */
function normaliseHexId(id: string | undefined): string | null {
  const s = (id ?? '').trim().toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{1,4}$/.test(s) ? s.padStart(4, '0') : null;
}

const clean = (s: string | undefined) => {
  const t = (s ?? '').replace(/\p{Cc}/gu, '').trim();
  return t === '' ? null : t;
};

function hidName(raw: RawHidDevice, vidPid: string): string {
  const product = clean(raw.product);
  const manufacturer = clean(raw.manufacturer);
  if (product && manufacturer && !product.toLowerCase().includes(manufacturer.toLowerCase())) return `${manufacturer} ${product}`;
  return product ?? manufacturer ?? KNOWN_HID_SCALES[vidPid] ?? `HID device ${vidPid}`;
}

export function classifyHidDevice(raw: RawHidDevice): HidCandidate {
  const vidPid = `${hex4(raw.vendorId ?? 0)}:${hex4(raw.productId ?? 0)}`;
  const base = { transport: 'hid' as const, name: hidName(raw, vidPid), vidPid, path: clean(raw.path) };
  const page = raw.usagePage;
  if (page === HID_USAGE_PAGE_SCALE) return { ...base, kind: 'scale', why: `HID usage page 0x8D (Scales)` };
  if (page === HID_USAGE_PAGE_SCANNER) return { ...base, kind: 'scanner', why: `HID usage page 0x8C (Barcode Scanner)` };
  const known = KNOWN_HID_SCALES[vidPid];
  if (known) return { ...base, kind: 'scale', why: `known scale ${vidPid} ${known} (device-protocols.md §1.3)` };
  const pageText = page === undefined ? 'no usage page' : `usage page ${hexPage(page)}`;
  const scannerVendor = SCANNER_VENDORS[vidPid.slice(0, 4)];
  if (scannerVendor) {
    return { ...base, kind: 'unknown', why: `${scannerVendor} device with ${pageText}: a scanner in keyboard or vendor mode? Switch it to HID POS` };
  }
  const keyboard = page === 0x01 && raw.usage === 0x06;
  return { ...base, kind: 'unknown', why: keyboard ? 'keyboard (usage page 0x01, usage 0x06)' : `not a scale or scanner (${pageText})` };
}

const RANK: Readonly<Record<DeviceKind, number>> = { scale: 2, scanner: 2, unknown: 0 };

/**
 * Classifies every record; node-hid lists one record per interface or top-level collection, so
 * records that share a path collapse to one, keeping a scale or scanner over 'unknown'.
 */
export function classifyHidDevices(raws: readonly RawHidDevice[]): HidCandidate[] {
  const out: HidCandidate[] = [];
  const byPath = new Map<string, number>();
  for (const raw of raws) {
    const candidate = classifyHidDevice(raw);
    const at = candidate.path === null ? undefined : byPath.get(candidate.path);
    if (at === undefined) {
      if (candidate.path !== null) byPath.set(candidate.path, out.length);
      out.push(candidate);
    } else if (RANK[candidate.kind] > RANK[out[at]!.kind]) {
      out[at] = candidate;
    }
  }
  return out;
}

export function classifySerialPort(raw: RawSerialPort): SerialCandidate {
  const vid = normaliseHexId(raw.vendorId);
  const pid = normaliseHexId(raw.productId);
  const vidPid = vid && pid ? `${vid}:${pid}` : null;
  const manufacturer = clean(raw.manufacturer);
  const base = { transport: 'serial' as const, vidPid, manufacturer, path: raw.path, name: manufacturer ?? 'serial port' };
  if (vid && SCALE_VENDORS[vid]) return { ...base, kind: 'scale', why: `${SCALE_VENDORS[vid]} vendor id ${vid} (device-protocols.md §1.3)` };
  if (vid && SCANNER_VENDORS[vid]) return { ...base, kind: 'scanner', why: `${SCANNER_VENDORS[vid]} vendor id ${vid}: a scanner in USB serial mode (device-protocols.md §3.2, §3.3)` };
  if (vid && SERIAL_BRIDGES[vid]) return { ...base, kind: 'unknown', why: `${SERIAL_BRIDGES[vid]} USB-serial adapter: a serial scale or scanner may be behind it` };
  if (vid) return { ...base, kind: 'unknown', why: `USB serial device ${vidPid ?? vid}` };
  return { ...base, kind: 'unknown', why: 'no USB identity (built-in or virtual port)' };
}

export function classifySerialPorts(raws: readonly RawSerialPort[]): SerialCandidate[] {
  return raws.filter((raw) => typeof raw?.path === 'string' && raw.path !== '').map(classifySerialPort);
}

/**
 * `lpstat -v` → queues. The line is "device for QUEUE: URI" in the C locale; other locales translate
 * the words ("Gerät für QUEUE: URI", French "… QUEUE : URI"), so only the shape is used: the last word
 * before a colon, then a URI (`scheme:…`, or an old-style `/dev/…` path). Anything else is skipped.
 */
export function parseLpstatDevices(output: string): PrinterQueue[] {
  const queues: PrinterQueue[] = [];
  const seen = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    const match = /^(?:.*\s)?([^\s:/#]+)\s?:\s+([A-Za-z][A-Za-z0-9+.-]*:\S*|\/\S+)\s*$/.exec(line);
    if (!match) continue;
    const [, queue, uri] = match as unknown as [string, string, string];
    if (queue.toLowerCase() === 'lpstat' || seen.has(queue)) continue;
    seen.add(queue);
    queues.push({ queue, uri });
  }
  return queues;
}
