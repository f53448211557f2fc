/**
 * Zebra `~HS` host status (ZPL II Programming Guide, ~HS; device-protocols.md §5.3). Pure: the
 * printer's answer in, a status out. The answer is three strings, each `<STX>…<ETX><CR><LF>`:
 *
 *   1  aaa,b,c,dddd,eee,f,g,h,iii,j,k,l      communications, paper out, pause, label length,
 *                                            formats in buffer, buffer full, diagnostic mode,
 *                                            partial format, unused, corrupt RAM, under/over temp.
 *   2  mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www      function settings, unused, head up, ribbon out,
 *                                            thermal transfer, print mode, width mode, label
 *                                            waiting, labels remaining, always 1, graphics stored.
 *   3  xxxx,y                                password, static RAM installed.
 *
 * Field widths vary with firmware, so a field is read by position, never by column; later firmware
 * may append fields, which are ignored.
 */

export const STX = 0x02;
export const ETX = 0x03;

/** The command: `~` commands act at once, even behind a job in the buffer (ZPL guide, command prefixes). */
export const HOST_STATUS_COMMAND = '~HS';

export interface HostStatus {
  /** aaa: the serial-port settings bit field (meaningless over TCP). */
  readonly communications: number;
  readonly paperOut: boolean;
  readonly paused: boolean;
  readonly labelLengthDots: number;
  readonly formatsInBuffer: number;
  readonly bufferFull: boolean;
  /** Communications diagnostic mode: the printer dumps what it receives instead of printing it. */
  readonly diagnosticMode: boolean;
  readonly partialFormat: boolean;
  readonly ramCorrupt: boolean;
  readonly underTemperature: boolean;
  readonly overTemperature: boolean;
  readonly functionSettings: number;
  readonly headOpen: boolean;
  readonly ribbonOut: boolean;
  readonly thermalTransfer: boolean;
  /** r: `0` rewind, `1` peel-off, `2` tear-off, `3` cutter, `4` applicator, … (one character). */
  readonly printMode: string;
  readonly printWidthMode: number;
  readonly labelWaiting: boolean;
  readonly labelsRemaining: number;
  readonly graphicsStored: number;
  readonly password: string;
  readonly staticRam: boolean;
}

/** Why a printer cannot print now, each with the error code a refused job carries. */
export const PRINTER_PROBLEMS = {
  'head-open': 'printer.head-open',
  'paper-out': 'printer.paper-out',
  'ribbon-out': 'printer.ribbon-out',
  'head-too-hot': 'printer.head-temperature',
  'head-too-cold': 'printer.head-temperature',
  'ram-corrupt': 'printer.fault',
  'diagnostic-mode': 'printer.fault',
  paused: 'printer.paused',
  'buffer-full': 'printer.buffer-full',
} as const;

export type PrinterProblem = keyof typeof PRINTER_PROBLEMS;

export type HostStatusResult = { readonly ok: true; readonly value: HostStatus } | { readonly ok: false; readonly problem: string };

const STRING_FIELDS = [12, 11, 2] as const;

/** True once `bytes` holds the three strings of an answer (what a reader waits for). */
export function isCompleteHostStatus(bytes: Uint8Array): boolean {
  let frames = 0;
  for (const b of bytes) if (b === ETX) frames++;
  return frames >= STRING_FIELDS.length;
}

/** Parses a `~HS` answer. Bytes outside STX…ETX (CR LF, stray noise) are ignored; anything malformed is refused. */
export function parseHostStatus(answer: Uint8Array | string): HostStatusResult {
  const text = typeof answer === 'string' ? answer : Buffer.from(answer).toString('latin1');
  const strings = frames(text);
  if (strings.length < STRING_FIELDS.length) return bad(`expected 3 STX…ETX strings, got ${strings.length}`);
  const fields = strings.slice(0, 3).map((s) => s.split(','));
  for (const [i, expected] of STRING_FIELDS.entries()) {
    const got = fields[i]?.length ?? 0;
    if (got < expected) return bad(`string ${i + 1} has ${got} fields, expected ${expected}`);
  }
  try {
    return { ok: true, value: readFields(fields[0]!, fields[1]!, fields[2]!) };
  } catch (error) {
    return bad(error instanceof Error ? error.message : String(error));
  }
}

/** What stops this printer from printing, worst first (an open head before a pause). */
export function printerProblems(s: HostStatus): PrinterProblem[] {
  const flags: readonly [PrinterProblem, boolean][] = [
    ['head-open', s.headOpen],
    ['paper-out', s.paperOut],
    ['ribbon-out', s.ribbonOut],
    ['head-too-hot', s.overTemperature],
    ['head-too-cold', s.underTemperature],
    ['ram-corrupt', s.ramCorrupt],
    ['diagnostic-mode', s.diagnosticMode],
    ['paused', s.paused],
    ['buffer-full', s.bufferFull],
  ];
  return flags.filter(([, on]) => on).map(([problem]) => problem);
}

/** The answer a printer in state `s` sends (for the printer simulator and the tests). */
export function formatHostStatus(s: HostStatus): string {
  const f = (on: boolean) => (on ? '1' : '0');
  const n = (value: number, width: number) => String(value).padStart(width, '0');
  const one = [n(s.communications, 3), f(s.paperOut), f(s.paused), n(s.labelLengthDots, 4), n(s.formatsInBuffer, 3), f(s.bufferFull), f(s.diagnosticMode), f(s.partialFormat), '000', f(s.ramCorrupt), f(s.underTemperature), f(s.overTemperature)];
  const two = [n(s.functionSettings, 3), '0', f(s.headOpen), f(s.ribbonOut), f(s.thermalTransfer), s.printMode, n(s.printWidthMode, 1), f(s.labelWaiting), n(s.labelsRemaining, 8), '1', n(s.graphicsStored, 3)];
  const three = [s.password, f(s.staticRam)];
  return [one, two, three].map((fields) => `\x02${fields.join(',')}\x03\r\n`).join('');
}

/** A printer with nothing wrong: 4×6 at 203 dpi, direct thermal, tear-off. */
export const IDLE_HOST_STATUS: HostStatus = {
  communications: 30,
  paperOut: false,
  paused: false,
  labelLengthDots: 1218,
  formatsInBuffer: 0,
  bufferFull: false,
  diagnosticMode: false,
  partialFormat: false,
  ramCorrupt: false,
  underTemperature: false,
  overTemperature: false,
  functionSettings: 1,
  headOpen: false,
  ribbonOut: false,
  thermalTransfer: false,
  printMode: '2',
  printWidthMode: 6,
  labelWaiting: false,
  labelsRemaining: 0,
  graphicsStored: 0,
  password: '1234',
  staticRam: false,
};

function frames(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === STX) start = i + 1;
    else if (c === ETX && start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
  }
  return out;
}

function readFields(one: readonly string[], two: readonly string[], three: readonly string[]): HostStatus {
  return {
    communications: num(one, 0, 'aaa'),
    paperOut: flag(one, 1, 'paper out'),
    paused: flag(one, 2, 'pause'),
    labelLengthDots: num(one, 3, 'label length'),
    formatsInBuffer: num(one, 4, 'formats in buffer'),
    bufferFull: flag(one, 5, 'buffer full'),
    diagnosticMode: flag(one, 6, 'diagnostic mode'),
    partialFormat: flag(one, 7, 'partial format'),
    ramCorrupt: flag(one, 9, 'corrupt RAM'),
    underTemperature: flag(one, 10, 'under temperature'),
    overTemperature: flag(one, 11, 'over temperature'),
    functionSettings: num(two, 0, 'function settings'),
    headOpen: flag(two, 2, 'head up'),
    ribbonOut: flag(two, 3, 'ribbon out'),
    thermalTransfer: flag(two, 4, 'thermal transfer'),
    printMode: printMode(two[5]),
    printWidthMode: num(two, 6, 'print width mode'),
    labelWaiting: flag(two, 7, 'label waiting'),
    labelsRemaining: num(two, 8, 'labels remaining'),
    graphicsStored: num(two, 10, 'graphics stored'),
    password: digits(three[0], 'password'),
    staticRam: flag(three, 1, 'static RAM'),
  };
}

function flag(fields: readonly string[], i: number, name: string): boolean {
  const v = fields[i]?.trim();
  if (v === '0') return false;
  if (v === '1') return true;
  throw new Error(`${name} is "${fields[i] ?? ''}", expected 0 or 1`);
}

function num(fields: readonly string[], i: number, name: string): number {
  return Number(digits(fields[i], name));
}

function digits(value: string | undefined, name: string): string {
  const v = value?.trim() ?? '';
  if (!/^\d{1,10}$/.test(v)) throw new Error(`${name} is "${value ?? ''}", expected digits`);
  return v;
}

function printMode(value: string | undefined): string {
  const v = value?.trim() ?? '';
  if (!/^[0-9A-Z]$/.test(v)) throw new Error(`print mode is "${value ?? ''}", expected one character`);
  return v;
}

function bad(problem: string): HostStatusResult {
  return { ok: false, problem };
}
