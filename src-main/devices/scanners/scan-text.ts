/**
 * From a scanner's decoded text to the fields of a ScanEvent: an AIM symbology identifier at the
 * start (`]C1`, `]d2`, `]E0`; device-protocols.md §3.4) is taken off into `symbology`, the rest is
 * `raw`. Pure; shared by the HID POS and serial scanners (the renderer's wedge does the same).
 */
const AIM = /^\][A-Za-z][0-9A-Za-z]/;

export interface ScanText {
  readonly raw: string;
  readonly symbology: string | null;
}

export function splitAim(text: string): ScanText {
  const match = AIM.exec(text);
  return match ? { raw: text.slice(3), symbology: match[0] } : { raw: text, symbology: null };
}
