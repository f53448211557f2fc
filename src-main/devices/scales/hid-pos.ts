/**
 * USB HID POS scales (usage page 0x8D: Dymo, Stamps.com, Mettler Toledo PS60, Fairbanks, Pitney
 * Bowes…). Each input report is one reading; node-hid delivers the report ID as the first byte.
 * Layout and values: device-protocols.md §1.1 (HID POS Usage Tables 1.02, `usbscale`).
 *
 *   byte 0   report ID (3 = Scale Data Report)
 *   byte 1   status, array index 1..8 → usages 0x71..0x78
 *   byte 2   unit, array index 1..12 → usages 0x51..0x5C
 *   byte 3   data scaling: a signed power-of-ten exponent
 *   byte 4–5 weight, 16-bit little-endian
 */
import { decimalToMg, type WeightUnit } from '../../../src-shared/units/weight';
import { motionReading, rejected, settledReading, stateReading, type ScaleDecoded, type ScaleStatus } from './types';

/** Unit byte → unit. 5 (tael: 37.5 g, 37.8 g or 50 g by country) and 9 ("avoir ton": short or long?) are ambiguous, so refused. */
const HID_UNITS: ReadonlyArray<WeightUnit | undefined> = [undefined, 'mg', 'g', 'kg', 'ct', undefined, 'gr', 'dwt', 't', undefined, 'ozt', 'oz', 'lb'];

/** Status bytes that carry no weight, and the state each one is. */
const STATE_ONLY: Readonly<Record<number, ScaleStatus>> = {
  0x01: 'fault',
  0x02: 'zero',
  0x05: 'under',
  0x06: 'over',
  0x07: 'needs-calibration',
  0x08: 'needs-rezero',
};
const IN_MOTION = 0x03;
const WEIGHT_STABLE = 0x04;

/** Logical maximum of the weight field in the report descriptor (device-protocols.md §1.1, [S7]). */
const LOGICAL_MAX = 65_534;

export interface HidScaleOptions {
  /**
   * Report IDs that carry the Scale Data Report. `usbscale` accepts 3 and 4 ([S4]), so both by default.
   */
  readonly dataReportIds?: readonly number[];
  /**
   * How the weight field is encoded. The descriptors declare it unsigned (0..65534); some scales
   * (Stamps.com per `webscale` [S10]) send two's-complement after a tare. Per-model setting.
   */
  readonly weightEncoding?: 'unsigned' | 'int16';
}

const DEFAULT_REPORT_IDS = [0x03, 0x04] as const;

/** Decodes one input report (report ID first, as node-hid delivers it). Never throws. */
export function decodeHidScaleReport(report: Uint8Array, options: HidScaleOptions = {}): ScaleDecoded {
  const raw = report.slice();
  if (report.length < 6) return rejected('scale.bad-frame', `a scale data report has 6 bytes, got ${report.length}`, raw);
  const reportId = report[0] ?? 0;
  if (!(options.dataReportIds ?? DEFAULT_REPORT_IDS).includes(reportId)) {
    return rejected('scale.bad-frame', `report ${reportId} is not a scale data report`, raw);
  }
  const status = report[1] ?? 0;
  const unit = HID_UNITS[report[2] ?? 0];
  const state = STATE_ONLY[status];
  if (state) return stateReading(state, raw, { unit });
  if (status !== IN_MOTION && status !== WEIGHT_STABLE) return rejected('scale.unknown-status', `unknown scale status ${status}`, raw);
  if (!unit) return rejected('scale.unsupported-unit', `unit index ${report[2] ?? 0} is not a unit we convert exactly`, raw);

  const exponent = ((report[3] ?? 0) << 24) >> 24;
  const unsigned = (report[4] ?? 0) | ((report[5] ?? 0) << 8);
  let value = unsigned;
  if (options.weightEncoding === 'int16') value = (unsigned << 16) >> 16;
  else if (unsigned > LOGICAL_MAX) return rejected('scale.weight-out-of-range', `weight field ${unsigned} is above the logical maximum ${LOGICAL_MAX}`, raw);

  const mg = decimalToMg({ coefficient: BigInt(value), exponent }, unit);
  if (mg === null) return rejected('scale.weight-out-of-range', `${value}e${exponent} ${unit} is out of range`, raw);
  return status === WEIGHT_STABLE ? settledReading(mg, raw, { unit }) : motionReading(mg, raw, { unit });
}

/** Output report "Zero Scale" (control report ID 2, bit 1): `device.write([0x02, 0x02])`. Not every scale obeys it ([S4]). */
export function hidZeroScaleReport(): Uint8Array {
  return Uint8Array.of(0x02, 0x02);
}

