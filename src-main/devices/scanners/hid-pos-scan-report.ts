/**
 * HID POS barcode scanner input reports (usage page 0x8C), pure: report bytes in, a piece of a scan
 * or a coded rejection out, and an assembler that joins multi-report scans.
 *
 * Layout (device-protocols.md §3.2, Honeywell/Access-IS 64-byte report [S21]), report ID first as
 * node-hid delivers it:
 *
 *   0  report ID 0x02        1  data length (max 56)     2–4  AIM id (`]`, code, modifier)
 *   5–60 data, zero padded   61 vendor symbology code   62 reserved   63 bit 0: more reports follow
 *
 * Some scanners put one extra byte before the length; [S22] finds them by the `]` one byte later,
 * and so does this decoder.
 */
import type { ErrorCode } from '../../../src-shared/errors/codes';

export const HID_POS_SCAN_REPORT_ID = 0x02;
const MAX_DATA = 56;
const AIM_START = 0x5d; // ']'

export interface ScanPiece {
  readonly kind: 'piece';
  /** `]C1`, or null when the scanner sends no AIM id (all zero). */
  readonly aim: string | null;
  readonly data: Uint8Array;
  readonly more: boolean;
}

export interface ScanReportRejection {
  readonly kind: 'rejected';
  readonly code: Extract<ErrorCode, `scanner.${string}`>;
  readonly message: string;
}

export function decodeHidPosScanReport(report: Uint8Array): ScanPiece | ScanReportRejection {
  if (report.length < 6) return reject('scanner.bad-report', `a scanned-data report is at least 6 bytes, got ${report.length}`);
  if (report[0] !== HID_POS_SCAN_REPORT_ID) return reject('scanner.bad-report', `report ${report[0] ?? 0} is not a scanned-data report`);
  // The extra leading byte some scanners send [S22]: the AIM id then starts at 3, not 2.
  const shift = report[2] !== AIM_START && report[3] === AIM_START ? 1 : 0;
  const length = report[1 + shift] ?? 0;
  const dataStart = 5 + shift;
  if (length > MAX_DATA || dataStart + length > report.length) return reject('scanner.bad-report', `data length ${length} does not fit the report`);
  const aimBytes = report.subarray(2 + shift, 5 + shift);
  const aim = aimBytes[0] === AIM_START ? String.fromCharCode(...aimBytes) : null;
  if (aim !== null && !/^\][A-Za-z][0-9A-Za-z]$/.test(aim)) return reject('scanner.bad-report', `${JSON.stringify(aim)} is not an AIM identifier`);
  const continuation = report.length >= 64 ? (report[63] ?? 0) & 0x01 : 0;
  return { kind: 'piece', aim, data: report.slice(dataStart, dataStart + length), more: continuation === 1 };
}

export interface AssembledScan {
  readonly kind: 'scan';
  readonly text: string;
  readonly symbology: string | null;
}

/** The longest scan kept (ScanEventSchema's limit); longer ones are refused, never cut. */
export const MAX_SCAN_BYTES = 4096;

/**
 * Joins the reports of one scan: pieces with "more" set are held until the last one. A rejected
 * report drops what was being assembled (half a barcode is worse than none).
 */
export class HidScanAssembler {
  #parts: Uint8Array[] = [];
  #size = 0;
  #aim: string | null = null;
  readonly #decoder = new TextDecoder('utf-8');

  push(report: Uint8Array): AssembledScan | ScanReportRejection | null {
    const piece = decodeHidPosScanReport(report);
    if (piece.kind === 'rejected') {
      this.#reset();
      return piece;
    }
    if (this.#parts.length === 0) this.#aim = piece.aim;
    this.#parts.push(piece.data);
    this.#size += piece.data.length;
    if (this.#size > MAX_SCAN_BYTES) {
      this.#reset();
      return reject('scanner.too-long', `a scan longer than ${MAX_SCAN_BYTES} bytes`);
    }
    if (piece.more) return null;
    const bytes = new Uint8Array(this.#size);
    let at = 0;
    for (const part of this.#parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const aim = this.#aim;
    this.#reset();
    if (bytes.length === 0) return reject('scanner.bad-report', 'a scan with no data');
    return { kind: 'scan', text: this.#decoder.decode(bytes), symbology: aim };
  }

  #reset(): void {
    this.#parts = [];
    this.#size = 0;
    this.#aim = null;
  }
}

function reject(code: ScanReportRejection['code'], message: string): ScanReportRejection {
  return { kind: 'rejected', code, message };
}
