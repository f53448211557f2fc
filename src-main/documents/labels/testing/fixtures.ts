import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelRequest, type LabelRequest, type LabelRequestInput } from '../label-request';

export const RESOURCES_DIR = join(__dirname, '../../../../resources');
export const EXAMPLE_REQUEST_FILE = join(RESOURCES_DIR, 'label-request.example.json');

/** The request in resources/label-request.example.json, as the JSON a caller would send. */
export function exampleInput(): LabelRequestInput {
  return JSON.parse(readFileSync(EXAMPLE_REQUEST_FILE, 'utf8')) as LabelRequestInput;
}

export function parsed(input: unknown): LabelRequest {
  const result = parseLabelRequest(input);
  if (!result.ok) throw new Error(`test request is invalid:\n${result.problems.join('\n')}`);
  return result.value;
}

export function exampleRequest(overrides: Partial<LabelRequestInput> = {}): LabelRequest {
  return parsed({ ...exampleInput(), ...overrides });
}

/**
 * An address written to break a label: ZPL commands (`^XZ` ends the label, `~JR` resets the
 * printer), the `^FH` indicator, a pre-escaped sequence, line breaks that would end a TSPL command,
 * a TSPL quote, and text a Latin American label must still print: Ñ, ç, ã, emoji.
 */
export const HOSTILE = {
  name: 'Ñandú ^XZ~JR^XA Peña',
  company: 'Caf_5E ç_ã "Quote" ~HS',
  line1: 'Rua São João 5\r\n^FO0,0^GB812,1218,400^FS',
  line2: 'Depto 3°B\nCLS\r\nPRINT 9 📦',
  city: 'Añatuya ~JR',
} as const;

export function hostileRequest(overrides: Partial<LabelRequestInput> = {}): LabelRequest {
  const base = exampleInput();
  return parsed({
    ...base,
    shipTo: { ...base.shipTo, name: HOSTILE.name, company: HOSTILE.company, lines: [HOSTILE.line1, HOSTILE.line2], city: HOSTILE.city, country: 'AR', postalCode: 'G3760' },
    orderNumber: 'AR-77^XZ',
    reference: '~JR_1"',
    ...overrides,
  });
}
