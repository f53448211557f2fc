import { describe, expect, it } from 'vitest';
import { aiSpec, findAi, KNOWN_AIS } from './ai-dictionary';

describe('the AI table', () => {
  it('holds every logistics AI of device-protocols.md §4.2 and the issue', () => {
    const wanted = ['00', '01', '02', '10', '11', '12', '13', '15', '16', '17', '20', '21', '22', '30', '37', '400', '401', '402', '403', '420', '421', '8003', '8004', '8020', '90', '99'];
    for (let ai = 410; ai <= 417; ai++) wanted.push(String(ai));
    for (let group = 310; group <= 369; group++) {
      if ([317, 318, 319, 338, 339, 358, 359].includes(group)) continue; // not defined by GS1
      for (let n = 0; n <= 5; n++) wanted.push(`${group}${n}`);
    }
    for (const ai of wanted) expect(aiSpec(ai), `AI ${ai}`).toBeDefined();
  });

  it('is prefix-free, so reading an AI off the front of the data is never ambiguous', () => {
    const ais = KNOWN_AIS.map((s) => s.ai);
    const clashes = ais.flatMap((a) => ais.filter((b) => b !== a && b.startsWith(a)).map((b) => `${a} < ${b}`));
    expect(clashes).toEqual([]);
  });

  it('marks predefined-length AIs as fixed length, as the FNC1 rule needs', () => {
    for (const spec of KNOWN_AIS.filter((s) => s.predefined)) expect(spec.minLength, spec.ai).toBe(spec.maxLength);
    expect(aiSpec('01')).toMatchObject({ predefined: true, maxLength: 14 });
    expect(aiSpec('00')).toMatchObject({ predefined: true, maxLength: 18 });
    expect(aiSpec('10')).toMatchObject({ predefined: false, minLength: 1, maxLength: 20 });
    // Fixed length but not predefined: still needs a GS when something follows.
    expect(aiSpec('402')).toMatchObject({ predefined: false, minLength: 17, maxLength: 17 });
  });

  it('only ever lets the last component vary or be left out', () => {
    for (const spec of KNOWN_AIS) {
      spec.components.slice(0, -1).forEach((c) => {
        expect(c.min === c.max && !c.optional, spec.ai).toBe(true);
      });
    }
  });

  it('gives measures and amounts their implied decimal places from the last AI digit', () => {
    expect(aiSpec('3103')?.decimals).toBe(3);
    expect(aiSpec('3300')?.decimals).toBe(0);
    expect(aiSpec('3925')?.decimals).toBe(5);
    expect(aiSpec('01')?.decimals).toBeUndefined();
    expect(aiSpec('37')?.decimals).toBeUndefined();
  });

  it('verifies check digits on SSCC, GTIN and GLN AIs', () => {
    for (const ai of ['00', '01', '02', '410', '411', '412', '413', '414', '415', '402', '8017']) {
      expect(aiSpec(ai)?.components[0]?.checks, ai).toContain('csum');
    }
  });

  it('finds an AI of 2, 3 or 4 digits at any position', () => {
    expect(findAi('xx01', 2)?.ai).toBe('01');
    expect(findAi('4211234', 0)?.ai).toBe('421');
    expect(findAi('3103001250', 0)?.ai).toBe('3103');
    expect(findAi('3106001250', 0)).toBeUndefined();
    expect(findAi('0', 0)).toBeUndefined();
    expect(findAi('A1', 0)).toBeUndefined();
  });
});
