/** Contract names of the device layer (scanners, scales, printers). Composed into names.ts. */
export const DEVICE_METHOD_NAMES = [
  'devices:status',
  'devices:assignments',
  'devices:assign',
  'devices:discover',
  'devices:wedge-config',
  'devices:set-wedge-config',
  'scale:current',
  'scale:zero',
  'scale:simulate',
  'scans:submit',
  'print:test',
  'print:jobs',
  'print:retry',
  'print:preview',
] as const;
export const DEVICE_EVENT_NAMES = ['devices:status', 'scale:live', 'scans:received', 'scans:unclaimed', 'print:job'] as const;
export type DeviceMethodName = (typeof DEVICE_METHOD_NAMES)[number];
export type DeviceEventName = (typeof DEVICE_EVENT_NAMES)[number];
