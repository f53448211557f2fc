import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, formatScaled, type Rounding } from './decimal';
import {
  decimalToMg,
  formatPoundsOunces,
  formatWeight,
  MG_PER_UNIT,
  mgToDecimalString,
  mgToGrams,
  parseDecimal,
  parseWeight,
  parseWeightUnit,
  WEIGHT_UNITS,
  type WeightUnit,
} from './weight';

const mgOf = (text: string, unit?: WeightUnit): number => {
  const parsed = parseWeight(text, unit);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.mg;
};

describe('reading a scale decimal', () => {
  it('keeps the digits and the implied decimal exponent', () => {
    expect(parseDecimal('12.340')).toEqual({ coefficient: 12340n, exponent: -3 });
    expect(parseDecimal('-0.150')).toEqual({ coefficient: -150n, exponent: -3 });
    expect(parseDecimal('+ 1')).toEqual({ coefficient: 1n, exponent: 0 });
    expect(parseDecimal('.5')).toEqual({ coefficient: 5n, exponent: -1 });
    expect(parseDecimal('5.')).toEqual({ coefficient: 5n, exponent: 0 });
  });

  it('refuses what is not a number', () => {
    for (const text of ['', '.', '-', '1.2.3', '1e3', '12a', '^^^^^^', '______', '------', ' 1']) expect(parseDecimal(text)).toBeNull();
  });

  it('parses the weights the protocols print, with their units', () => {
    expect(parseWeight('100.00 g')).toEqual({ ok: true, mg: 100_000, unit: 'g' });
    expect(parseWeight('1.50lb')).toEqual({ ok: true, mg: 680_389, unit: 'lb' }); // 680388.555
    expect(parseWeight('  -0.150 kg ')).toEqual({ ok: true, mg: -150_000, unit: 'kg' });
    expect(parseWeight('2.48600 g')).toEqual({ ok: true, mg: 2_486, unit: 'g' });
    expect(parseWeight('535.141 GN')).toEqual({ ok: true, mg: 34_677, unit: 'gr' }); // 34676.78 mg
    expect(parseWeight('12.5', 'oz')).toEqual({ ok: true, mg: 354_369, unit: 'oz' }); // 354369.0390625
  });

  it('says why a weight could not be read', () => {
    expect(parseWeight('12.5')).toEqual({ ok: false, reason: 'unit' });
    expect(parseWeight('12.5 tael')).toEqual({ ok: false, reason: 'unit' });
    expect(parseWeight('abc g')).toEqual({ ok: false, reason: 'syntax' });
    expect(parseWeight('99999999999999 kg')).toEqual({ ok: false, reason: 'range' });
  });

  it('knows the unit spellings scales use', () => {
    expect(parseWeightUnit('LB')).toBe('lb');
    expect(parseWeightUnit('lbs')).toBe('lb');
    expect(parseWeightUnit('GN')).toBe('gr');
    expect(parseWeightUnit('Kg')).toBe('kg');
    expect(parseWeightUnit('stone')).toBeNull();
  });

  it('applies implied decimals (HID exponent, Toledo decimal point) exactly', () => {
    expect(decimalToMg({ coefficient: 6452n, exponent: -1 }, 'oz')).toBe(18_291_112); // 645.2 oz = 18291112.32 mg
    expect(decimalToMg({ coefficient: 1250n, exponent: -3 }, 'kg')).toBe(1_250_000);
    expect(decimalToMg({ coefficient: 123n, exponent: -2 }, 'lb')).toBe(557_919); // 557918.6151 mg
    expect(decimalToMg({ coefficient: 20n, exponent: 2 }, 'g')).toBe(2_000_000);
    expect(decimalToMg({ coefficient: 1n, exponent: 127 }, 'g')).toBeNull();
    expect(decimalToMg({ coefficient: 1n, exponent: 10_000 }, 'g')).toBeNull();
  });
});

describe('the exact unit definitions', () => {
  it('makes 16 ounces exactly one pound and 1 lb exactly 453.59237 g', () => {
    expect(MG_PER_UNIT.oz.numerator * 16n * MG_PER_UNIT.lb.denominator).toBe(MG_PER_UNIT.lb.numerator * MG_PER_UNIT.oz.denominator);
    expect(mgOf('1000 lb')).toBe(453_592_370);
    expect(mgOf('1000000 oz')).toBe(28_349_523_125);
  });

  it('has no float drift: 0.1 kg + 0.2 kg is 0.3 kg', () => {
    expect(mgOf('0.1 kg') + mgOf('0.2 kg')).toBe(mgOf('0.3 kg'));
  });
});

describe('rounding to the milligram and to the displayed digit', () => {
  const cases: Array<[bigint, bigint, Rounding, bigint]> = [
    [5n, 2n, 'half-away-from-zero', 3n],
    [-5n, 2n, 'half-away-from-zero', -3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [-5n, 2n, 'half-even', -2n],
    [5n, 2n, 'ceil', 3n],
    [-5n, 2n, 'ceil', -2n],
    [5n, 2n, 'floor', 2n],
    [-5n, 2n, 'floor', -3n],
    [4n, 3n, 'half-away-from-zero', 1n],
    [5n, 3n, 'half-even', 2n],
    [6n, 3n, 'floor', 2n],
  ];
  it.each(cases)('%s / %s by %s is %s', (n, d, rounding, expected) => {
    expect(divideRounded(n, d, rounding)).toBe(expected);
  });

  it('rounds half a milligram away from zero by default and by the named rule otherwise', () => {
    expect(mgOf('0.0005 g')).toBe(1);
    expect(mgOf('-0.0005 g')).toBe(-1);
    expect(parseWeight('0.0025 g', undefined, 'half-even')).toEqual({ ok: true, mg: 2, unit: 'g' });
  });

  it('writes a scaled integer as a decimal', () => {
    expect(formatScaled(-1234n, 2)).toBe('-12.34');
    expect(formatScaled(5n, 3)).toBe('0.005');
    expect(formatScaled(0n, 0)).toBe('0');
  });
});

describe('showing a weight in the unit the station uses', () => {
  it('formats with the precision asked for', () => {
    expect(formatWeight(1_250_000, 'kg', { precision: 3 })).toBe('1.250 kg');
    expect(formatWeight(557_919, 'lb', { precision: 2 })).toBe('1.23 lb');
    expect(formatWeight(18_291_112, 'oz', { precision: 1 })).toBe('645.2 oz');
    expect(formatWeight(-150_000, 'kg', { precision: 3 })).toBe('-0.150 kg');
    expect(formatWeight(20_000, 'g', { precision: 0 })).toBe('20 g');
    expect(formatWeight(100, 'g', { precision: 0 })).toBe('0 g');
  });

  it('rounds a billable weight up when asked', () => {
    expect(mgToDecimalString(453_593, 'lb', 0, 'ceil')).toBe('2');
    expect(mgToDecimalString(453_593, 'lb', 0)).toBe('1');
  });

  it('shows pounds and ounces the way US packers read them', () => {
    expect(formatPoundsOunces(18_291_112)).toBe('40 lb 5.2 oz');
    expect(formatPoundsOunces(453_592)).toBe('1 lb 0.0 oz');
    expect(formatPoundsOunces(453_000)).toBe('1 lb 0.0 oz'); // 15.98 oz rounds to 16.0, shown as the next pound
    expect(formatPoundsOunces(-42_524, 2)).toBe('-0 lb 1.50 oz');
  });

  it('gives grams for JSON', () => {
    expect(mgToGrams(1_234)).toBe(1.234);
    expect(mgToGrams(18_291_112)).toBe(18291.112);
  });

  it('refuses a weight that is not a whole number of milligrams, and a silly precision', () => {
    expect(() => mgToDecimalString(1.5, 'g', 3)).toThrow(RangeError);
    expect(() => mgToDecimalString(1, 'g', 13)).toThrow(RangeError);
  });
});

describe('conversion properties', () => {
  const safeMg = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

  it('round-trips any milligram count through grams, kilograms, tonnes and carats exactly', () => {
    fc.assert(
      fc.property(safeMg, (mg) => {
        expect(mgOf(mgToDecimalString(mg, 'g', 3), 'g')).toBe(mg);
        expect(mgOf(mgToDecimalString(mg, 'kg', 6), 'kg')).toBe(mg);
        expect(mgOf(mgToDecimalString(mg, 't', 9), 't')).toBe(mg);
        expect(mgOf(mgToDecimalString(mg, 'ct', 3), 'ct')).toBe(mg);
      }),
    );
  });

  const decimal = (maxFractionDigits: number) =>
    fc.record({ coefficient: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), exponent: fc.integer({ min: -maxFractionDigits, max: 0 }) });

  it('gives back the decimal the scale printed in lb (up to 5 decimals), oz (up to 4) and grains (1)', () => {
    const check = (unit: WeightUnit, digits: number) =>
      fc.assert(
        fc.property(decimal(digits), (value) => {
          const mg = decimalToMg(value, unit);
          if (mg === null) return;
          const printed = mgToDecimalString(mg, unit, -value.exponent);
          expect(printed).toBe(formatScaled(value.coefficient, -value.exponent));
        }),
      );
    check('lb', 5);
    check('oz', 4);
    check('gr', 1); // 0.01 gr is 0.65 mg: finer than a milligram, so not every 2-decimal grain survives
  });

  it('makes n×16 oz the same milligrams as n lb, for any decimal n', () => {
    fc.assert(
      fc.property(decimal(6), (value) => {
        expect(decimalToMg({ coefficient: value.coefficient * 16n, exponent: value.exponent }, 'oz')).toBe(decimalToMg(value, 'lb'));
      }),
    );
  });

  it('lands within half a milligram of the true value in every unit', () => {
    fc.assert(
      fc.property(decimal(6), fc.constantFrom(...WEIGHT_UNITS), (value, unit) => {
        const mg = decimalToMg(value, unit);
        if (mg === null) return;
        const { numerator, denominator } = MG_PER_UNIT[unit];
        // |mg − exact| ≤ ½  ⇔  |2·mg·den·10^k − 2·coef·num| ≤ den·10^k (exponent = −k)
        const scale = denominator * 10n ** BigInt(-value.exponent);
        const difference = 2n * BigInt(mg) * scale - 2n * value.coefficient * numerator;
        expect(difference <= scale && difference >= -scale).toBe(true);
      }),
    );
  });

  it('adds up metric weights without drift', () => {
    fc.assert(
      fc.property(decimal(6), decimal(6), (a, b) => {
        const exponent = Math.min(a.exponent, b.exponent);
        const aligned = (v: typeof a) => v.coefficient * 10n ** BigInt(v.exponent - exponent);
        const sum = { coefficient: aligned(a) + aligned(b), exponent };
        const [mgA, mgB, mgSum] = [decimalToMg(a, 'kg'), decimalToMg(b, 'kg'), decimalToMg(sum, 'kg')];
        if (mgA === null || mgB === null || mgSum === null) return;
        expect(mgA + mgB).toBe(mgSum);
      }),
    );
  });
});
