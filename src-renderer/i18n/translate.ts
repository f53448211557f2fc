import type { AppErrorShape } from '../../src-shared/errors/codes';
import type { Locale } from '../../src-shared/domain/types';
import { en, type Catalogue, type MessageKey } from './en';
import { es } from './es';
import { ptBR } from './pt-BR';

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, es, 'pt-BR': ptBR };
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { es: 'Español', 'pt-BR': 'Português', en: 'English' };

export type Params = Readonly<Record<string, string | number>>;

/** `{name}` placeholders filled from params; numbers formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = CATALOGUES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** An error from the station in the person's language; an unknown code still says something useful. */
export function translateError(locale: Locale, error: AppErrorShape): string {
  const key = `error.${error.code}` as MessageKey;
  if (key in CATALOGUES[locale]) return translate(locale, key, error.detail ?? {});
  return translate(locale, 'error.unknown', { code: error.code });
}
