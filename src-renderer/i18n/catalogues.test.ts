import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/errors/codes';
import { en } from './en';
import { CATALOGUES, placeholderNames, translate, translateError } from './translate';

describe('the message catalogues', () => {
  it('have the same keys in Spanish, Portuguese and English, none empty', () => {
    const keys = Object.keys(en).sort();
    for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
      expect(Object.keys(catalogue).sort(), locale).toEqual(keys);
      expect(Object.entries(catalogue).filter(([, text]) => text.trim() === ''), locale).toEqual([]);
    }
  });

  it('translate every error code the station can send', () => {
    for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
      const missing = ERROR_CODES.filter((code) => !(`error.${code}` in catalogue));
      expect(missing, locale).toEqual([]);
    }
  });

  it('keep the same placeholders in every language', () => {
    for (const [key, text] of Object.entries(en)) {
      for (const [locale, catalogue] of Object.entries(CATALOGUES)) expect(placeholderNames(catalogue[key as keyof typeof en]), `${locale} ${key}`).toEqual(placeholderNames(text));
    }
  });

  it('actually differ from English where a person reads them', () => {
    const same = Object.entries(CATALOGUES.es).filter(([key, text]) => text === en[key as keyof typeof en] && !/^(app\.name|demo\.badge|priority\.0|role\.supervisor|home\.items|status\.devicesProblem|sync\.platform\.(shopify|medusa))$/.test(key));
    expect(same).toEqual([]);
  });

  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('es', 'home.greeting', { name: 'Lucía' })).toBe('Hola, Lucía');
    expect(translate('pt-BR', 'status.sync.pending', { count: 1234 })).toBe(`Para enviar: ${new Intl.NumberFormat('pt-BR').format(1234)}`);
  });

  it('choose the plural form by the language\'s rules', () => {
    expect(translate('en', 'home.ordersWaiting', { count: 1 })).toBe('order waiting');
    expect(translate('en', 'home.ordersWaiting', { count: 0 })).toBe('orders waiting');
    expect(translate('es', 'home.returnsWaiting', { count: 1 })).toBe('devolución en espera');
    expect(translate('pt-BR', 'home.packedToday', { count: 2 })).toBe('pedidos embalados hoje');
    // CLDR puts 0 with 1 in Portuguese; under a big 0 a Brazilian reads the plural.
    expect(translate('pt-BR', 'home.packedToday', { count: 0 })).toBe('pedidos embalados hoje');
    expect(translate('pt-BR', 'home.packedToday', { count: 1 })).toBe('pedido embalado hoje');
    // Every Portuguese plural, not only those written with an `=0` form: an empty box has "0 unidades".
    expect(translate('pt-BR', 'pack.package.units', { count: 0 })).toBe('0 unidades');
    expect(translate('pt-BR', 'pack.package.units', { count: 1 })).toBe('1 unidade');
  });

  it('say how long a locked-out operator waits, or that it is a while when the station does not say', () => {
    expect(translateError('en', { code: 'auth.locked-out', message: 'x', detail: { seconds: 30 } })).toBe('Too many wrong PINs. Try again in 30 sec or ask a supervisor.');
    expect(translateError('es', { code: 'auth.locked-out', message: 'x', detail: { seconds: 300 } })).toContain('5 min');
    expect(translateError('pt-BR', { code: 'auth.locked-out', message: 'x' })).toBe('PIN errado vezes demais. Espere alguns minutos ou chame um supervisor.');
  });

  it('says something useful for an error code this screen does not know', () => {
    expect(translateError('en', { code: 'future.code' as never, message: 'x' })).toBe('Something went wrong (future.code).');
  });
});
