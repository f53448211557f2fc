/**
 * `bancada serve` device flags → the station's device overrides for this run. Pure, so every
 * spelling is tested without starting a station.
 *
 *   --scale sics:/dev/ttyUSB0 | nci:PATH | cas:PATH | toledo:PATH | hid:0922:8003
 *   --scanner serial:/dev/ttyACM0 | hid:0c2e:0b61        (repeatable)
 *   --label-printer tcp://10.0.0.5:9100 | usb:/dev/usb/lp0 | cups://QUEUE | file:/path
 *   --label-language zpl|tspl   --label-size 4x6|4x4|2x1   --label-dpi 203|300
 *   --document-printer cups://QUEUE
 *   --simulate / --no-simulate  (default: simulate in demo mode)
 */
import type { DeviceAssignments, ScaleAssignment, ScannerAssignment } from '../../src-shared/domain/devices';
import { LABEL_LANGUAGES, LABEL_SIZES } from '../../src-shared/domain/devices';
import { parsePrinterUri } from '../devices/printers/printer-uri';

export interface DeviceFlagValues {
  readonly scale?: string | undefined;
  readonly scanner?: readonly string[] | undefined;
  readonly 'label-printer'?: string | undefined;
  readonly 'label-language'?: string | undefined;
  readonly 'label-size'?: string | undefined;
  readonly 'label-dpi'?: string | undefined;
  readonly 'document-printer'?: string | undefined;
  readonly simulate?: boolean | undefined;
  readonly 'no-simulate'?: boolean | undefined;
}

export interface DeviceFlags {
  readonly overrides: Partial<DeviceAssignments>;
  /** undefined: the station decides (simulate in demo mode). */
  readonly simulate: boolean | undefined;
}

export const DEVICE_FLAG_OPTIONS = {
  scale: { type: 'string' },
  scanner: { type: 'string', multiple: true },
  'label-printer': { type: 'string' },
  'label-language': { type: 'string' },
  'label-size': { type: 'string' },
  'label-dpi': { type: 'string' },
  'document-printer': { type: 'string' },
  simulate: { type: 'boolean' },
  'no-simulate': { type: 'boolean' },
} as const;

export function parseDeviceFlags(values: DeviceFlagValues): DeviceFlags | { readonly error: string } {
  try {
    const overrides: { -readonly [K in keyof DeviceAssignments]?: DeviceAssignments[K] } = {};
    if (values.scale !== undefined) overrides.scale = parseScale(values.scale);
    if (values.scanner !== undefined) overrides.scanners = values.scanner.map(parseScanner);
    if (values['label-printer'] !== undefined) {
      parsePrinterUri(values['label-printer']);
      overrides.labelPrinter = {
        uri: values['label-printer'],
        language: oneOf(values['label-language'] ?? 'zpl', LABEL_LANGUAGES, '--label-language'),
        size: oneOf(values['label-size'] ?? '4x6', LABEL_SIZES, '--label-size'),
        dpi: oneOf(values['label-dpi'] ?? '203', ['203', '300'] as const, '--label-dpi') === '300' ? 300 : 203,
      };
    } else if (values['label-language'] || values['label-size'] || values['label-dpi']) {
      throw new Error('--label-language, --label-size and --label-dpi go with --label-printer');
    }
    if (values['document-printer'] !== undefined) {
      parsePrinterUri(values['document-printer']);
      overrides.documentPrinter = { uri: values['document-printer'] };
    }
    if (values.simulate && values['no-simulate']) throw new Error('--simulate and --no-simulate contradict each other');
    return { overrides, simulate: values.simulate ? true : values['no-simulate'] ? false : undefined };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function parseScale(flag: string): ScaleAssignment {
  const [kind = '', ...rest] = flag.split(':');
  const value = rest.join(':');
  if (kind === 'hid') return { kind: 'hid', ...parseVidPid(value, '--scale hid:VID:PID') };
  if (kind === 'sics' || kind === 'nci' || kind === 'cas' || kind === 'toledo') {
    if (!value.startsWith('/')) throw new Error(`--scale ${kind}: takes an absolute device path, e.g. ${kind}:/dev/ttyUSB0`);
    return { kind: 'serial', protocol: kind, path: value };
  }
  throw new Error(`--scale is sics:PATH, nci:PATH, cas:PATH, toledo:PATH or hid:VID:PID, got "${flag}"`);
}

function parseScanner(flag: string): ScannerAssignment {
  const [kind = '', ...rest] = flag.split(':');
  const value = rest.join(':');
  if (kind === 'hid') return { kind: 'hid', ...parseVidPid(value, '--scanner hid:VID:PID') };
  if (kind === 'serial' && value.startsWith('/')) return { kind: 'serial', path: value };
  throw new Error(`--scanner is serial:PATH or hid:VID:PID, got "${flag}"`);
}

function parseVidPid(value: string, usage: string): { vendorId: number; productId: number } {
  const match = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(value);
  if (!match) throw new Error(`${usage}: two hex ids, e.g. 0922:8003; got "${value}"`);
  return { vendorId: parseInt(match[1]!, 16), productId: parseInt(match[2]!, 16) };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${flag} is one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}
