import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/errors/codes';
import { en } from './en';
import { CATALOGUES, translate, translateError } from './translate';

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
    const names = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const [key, text] of Object.entries(en)) {
      for (const [locale, catalogue] of Object.entries(CATALOGUES)) expect(names(catalogue[key as keyof typeof en]), `${locale} ${key}`).toEqual(names(text));
    }
  });

  it('actually differ from English where a person reads them', () => {
    const same = Object.entries(CATALOGUES.es).filter(([key, text]) => text === en[key as keyof typeof en] && !/^(app\.name|demo\.badge|priority\.0|role\.supervisor|home\.items)$/.test(key));
    expect(same).toEqual([]);
  });

  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('es', 'home.ordersWaiting', { count: 1234 })).toBe('Pedidos en espera: 1234'.replace('1234', new Intl.NumberFormat('es').format(1234)));
    expect(translate('pt-BR', 'error.auth.locked-out', { seconds: 30 })).toContain('30 s');
  });

  it('says something useful for an error code this screen does not know', () => {
    expect(translateError('en', { code: 'future.code' as never, message: 'x' })).toBe('Something went wrong (future.code).');
  });
});
