/** Contract names of the device layer (scanners, scales, printers). Composed into names.ts. */
export const DEVICE_METHOD_NAMES = ['devices:status'] as const;
export const DEVICE_EVENT_NAMES = ['devices:status'] as const;
export type DeviceMethodName = (typeof DEVICE_METHOD_NAMES)[number];
export type DeviceEventName = (typeof DEVICE_EVENT_NAMES)[number];
