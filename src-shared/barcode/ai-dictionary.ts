import { AI_TABLE } from './ai-table';

export type AiCharset = 'N' | 'X' | 'Y' | 'Z';

export const AI_CHECKS = [
  'csum',
  'yymmd0',
  'yymmdd',
  'yymmddhh',
  'hhmm',
  'mmoptss',
  'yesno',
  'zero',
  'nonzero',
  'winding',
  'hyphen',
  'pieceoftotal',
  'pcenc',
  'latitude',
  'longitude',
  'nozeroprefix',
] as const;
export type AiCheck = (typeof AI_CHECKS)[number];

export interface AiComponent {
  readonly charset: AiCharset;
  readonly min: number;
  readonly max: number;
  /** May be left out (only ever the last component). */
  readonly optional: boolean;
  readonly checks: readonly AiCheck[];
}

export interface AiSpec {
  readonly ai: string;
  readonly title: string;
  /** Predefined length: never followed by FNC1/GS, so the next AI starts right after it. */
  readonly predefined: boolean;
  readonly components: readonly AiComponent[];
  readonly minLength: number;
  readonly maxLength: number;
  /**
   * Implied decimal point for measures and amounts (310n…369n, 39nn): how many trailing digits
   * follow the point. In 391n and 393n the first three digits are the ISO 4217 currency.
   */
  readonly decimals?: number;
}

const SPECS = new Map<number, AiSpec>();
for (const line of AI_TABLE.split('\n')) {
  if (line.trim() !== '') for (const spec of parseTableLine(line)) SPECS.set(aiKey(spec.ai, 0, spec.ai.length), spec);
}

/** Every AI the parser knows, in table order. */
export const KNOWN_AIS: readonly AiSpec[] = [...SPECS.values()];

/** The spec of the AI that starts at `data[at]`, or undefined. AIs are prefix-free, so at most one matches. */
export function findAi(data: string, at: number): AiSpec | undefined {
  for (let length = 2; length <= 4 && at + length <= data.length; length++) {
    const key = aiKey(data, at, length);
    if (key < 0) return undefined;
    const spec = SPECS.get(key);
    if (spec) return spec;
  }
  return undefined;
}

/** The spec of an AI given as a string (`'01'`, `'3103'`), or undefined. */
export function aiSpec(ai: string): AiSpec | undefined {
  const key = aiKey(ai, 0, ai.length);
  return key < 0 || ai.length < 2 || ai.length > 4 ? undefined : SPECS.get(key);
}

/** A number naming `text[at, at+length)` as an AI without allocating a string; −1 if not digits. */
function aiKey(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return length * 10_000 + value;
}

function parseTableLine(line: string): AiSpec[] {
  const hash = line.indexOf('#');
  const title = line.slice(hash + 1).trim();
  const words = line.slice(0, hash).trim().split(/\s+/);
  const range = words.shift() ?? '';
  const predefined = words[0] === '*';
  if (predefined) words.shift();
  const components = words.map(parseComponent);
  const minLength = components.reduce((sum, c) => sum + (c.optional ? 0 : c.min), 0);
  const maxLength = components.reduce((sum, c) => sum + c.max, 0);
  const [first, last = first] = range.split('-') as [string, string?];
  const specs: AiSpec[] = [];
  for (let n = Number(first); n <= Number(last); n++) {
    const ai = String(n).padStart(first.length, '0');
    const decimals = hasImpliedDecimal(ai) ? Number(ai[3]) : undefined;
    specs.push({ ai, title, predefined, components, minLength, maxLength, ...(decimals === undefined ? {} : { decimals }) });
  }
  return specs;
}

function hasImpliedDecimal(ai: string): boolean {
  return ai.length === 4 && ai[0] === '3' && ((ai[1]! >= '1' && ai[1]! <= '6') || ai[1] === '9');
}

function parseComponent(word: string): AiComponent {
  const [type = '', ...checks] = word.split(',');
  const optional = type.startsWith('[');
  const body = optional ? type.slice(1, -1) : type;
  const charset = body[0] as AiCharset;
  const variable = body.startsWith('..', 1);
  const max = Number(body.slice(variable ? 3 : 1));
  if (!'NXYZ'.includes(charset) || !Number.isInteger(max) || max < 1) throw new Error(`AI table: bad component "${word}"`);
  for (const check of checks) {
    if (!(AI_CHECKS as readonly string[]).includes(check)) throw new Error(`AI table: unknown check "${check}"`);
  }
  return { charset, min: variable ? 1 : max, max, optional, checks: checks as AiCheck[] };
}
