/**
 * Device health rows for `devices:status`: what the status bar counts and the Devices tab lists.
 * Pure builders over each driver's own health.
 */
import type { DeviceStatus } from '../../../src-shared/domain/devices';
import type { PrintJob } from '../../db/repos/print-jobs';
import type { PrinterRole } from '../device-hub';
import type { ScannerDriver } from '../scanners/scanner-driver';
import { SCALE_ID, type ScaleSlot } from './scale-slot';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The keyboard wedge has no connection to lose: the OS owns it (device-protocols.md §3.1). */
export function keyboardStatus(lastScanAt: string | null): DeviceStatus {
  return { id: 'scanner:keyboard', kind: 'scanner', name: '', address: 'keyboard', connected: true, simulated: false, lastSeenAt: lastScanAt, lastError: null, lastErrorCode: null, badFrames: 0 };
}

export function scannerStatus(scanner: ScannerDriver): DeviceStatus {
  const h = scanner.health;
  return {
    id: scanner.id,
    kind: 'scanner',
    name: scanner.address.startsWith('/') ? 'serial' : 'HID POS',
    address: scanner.address,
    connected: h.connected,
    simulated: false,
    lastSeenAt: iso(h.lastScanAt),
    lastError: h.lastError?.message ?? null,
    lastErrorCode: h.lastError?.code ?? null,
    badFrames: h.badFrames,
  };
}

export function scaleStatus(slot: ScaleSlot): DeviceStatus {
  const h = slot.health;
  return {
    id: SCALE_ID,
    kind: 'scale',
    name: slot.name,
    address: slot.address,
    connected: h?.connected ?? false,
    simulated: slot.simulated,
    lastSeenAt: iso(h?.lastReadingAt ?? null),
    lastError: h?.lastError?.message ?? null,
    lastErrorCode: h?.lastError?.code ?? null,
    badFrames: h?.badFrames ?? 0,
  };
}

/** A printer is "connected" until a job to it fails; there is no line to watch between jobs. */
export function printerStatus(role: PrinterRole, uri: string, last: PrintJob | null, simulated: boolean, info: { language: string; size: string; dpi: number } | null = null): DeviceStatus {
  const failed = last?.status === 'failed';
  return {
    id: `printer:${role}`,
    kind: role === 'label' ? 'label-printer' : 'document-printer',
    name: info ? `${info.language.toUpperCase()} · ${info.size} · ${info.dpi} dpi` : 'PDF',
    address: uri,
    connected: !failed,
    simulated,
    lastSeenAt: last?.updatedAt ?? null,
    lastError: failed ? (last.errorCode ?? null) : null,
    lastErrorCode: failed ? last.errorCode : null,
    badFrames: 0,
  };
}
