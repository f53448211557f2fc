/**
 * A faithful fake of the slice of node-hid 3 that HidLink uses, for tests: no HID device can be
 * attached to this machine (no /dev/hidraw*), so the transport is tested against this instead.
 * It behaves as node-hid does on Linux (hidraw backend): `devices()` lists what is plugged in with
 * `usagePage`/`usage`/`path`; `new HID(path)` throws "cannot open device with path …" for a path that
 * is not there; an open device emits each input report as a Buffer on `data` (report ID first, since
 * the descriptors use report IDs); pulling the cable makes the read thread emit `error`
 * ("could not read from HID device"); `write` returns the bytes written; `close` is idempotent.
 */
import { EventEmitter } from 'node:events';
import type { RawHidDevice } from '../discovery/classify';
import type { HidApi, HidDeviceLike } from './hid-link';

export class FakeHidDevice extends EventEmitter implements HidDeviceLike {
  readonly written: number[][] = [];
  readonly featureReports: number[][] = [];
  closed = false;

  write(data: number[]): number {
    if (this.closed) throw new Error('Cannot write to hid device');
    this.written.push([...data]);
    return data.length;
  }

  sendFeatureReport(data: number[]): number {
    this.featureReports.push([...data]);
    return data.length;
  }

  close(): void {
    this.closed = true;
  }
}

export class FakeHid implements HidApi {
  readonly plugged = new Map<string, RawHidDevice>();
  readonly opened: FakeHidDevice[] = [];

  plug(device: RawHidDevice & { readonly path: string }): void {
    this.plugged.set(device.path, device);
  }

  /** The cable is pulled: the device leaves the list and an open handle errors, as node-hid's read thread does. */
  unplug(path: string): void {
    this.plugged.delete(path);
    const open = this.opened.filter((d) => !d.closed).at(-1);
    open?.emit('error', new Error('could not read from HID device'));
  }

  /** An input report from the device that is open now. */
  report(bytes: readonly number[]): void {
    const open = this.opened.filter((d) => !d.closed).at(-1);
    if (!open) throw new Error('no HID device is open');
    open.emit('data', Buffer.from(bytes));
  }

  devices(): readonly RawHidDevice[] {
    return [...this.plugged.values()];
  }

  open(path: string): HidDeviceLike {
    if (!this.plugged.has(path)) throw new Error(`cannot open device with path ${path}`);
    const device = new FakeHidDevice();
    this.opened.push(device);
    return device;
  }
}
