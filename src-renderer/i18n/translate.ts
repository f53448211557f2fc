import type { AppErrorShape } from '../../src-shared/errors/codes';
import type { Locale } from '../../src-shared/domain/types';
import { en, type Catalogue, type MessageKey } from './en';
import { es } from './es';
import { formatNumber, formatWait } from './format';
import { ptBR } from './pt-BR';

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, es, 'pt-BR': ptBR };
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { es: 'Español', 'pt-BR': 'Português', en: 'English' };

export type Params = Readonly<Record<string, string | number>>;

/**
 * The one ICU message shape we need, `{count, plural, one {# order} other {# orders}}`: forms are
 * `=N` (exact) or a CLDR category, `#` is the number. No nesting, so a regular expression will do
 * and we ship no i18n library.
 */
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=?\w+)\s*\{([^{}]*)\}/g;
const SIMPLE = /\{(\w+)\}/g;

/** Fills a template: plural blocks by the locale's plural rules, `{name}` from params, numbers formatted. */
export function format(locale: Locale, template: string, params: Params = {}): string {
  return template
    .replace(PLURAL, (whole, name: string, forms: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      const chosen = pluralForm(locale, forms, value);
      return chosen === null ? whole : chosen.replaceAll('#', formatNumber(locale, value));
    })
    .replace(SIMPLE, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(locale, value) : value;
    });
}

function pluralForm(locale: Locale, forms: string, value: number): string | null {
  const byName = new Map([...forms.matchAll(PLURAL_FORM)].map((m) => [m[1]!, m[2]!]));
  return byName.get(`=${value}`) ?? byName.get(pluralCategory(locale, value)) ?? byName.get('other') ?? null;
}

/**
 * CLDR puts 0 in Portuguese "one" (i = 0..1), which printed "0 unidade" and "0 pedido em espera"
 * on the bench; a screen in Brazil says "0 unidades", so zero takes the plural there.
 */
function pluralCategory(locale: Locale, value: number): string {
  if (locale === 'pt-BR' && value === 0) return 'other';
  return new Intl.PluralRules(locale).select(value);
}

/** Names a template expects, plural arguments included; the catalogue test compares them across languages. */
export function placeholderNames(template: string): string[] {
  const plural = [...template.matchAll(PLURAL)].map((m) => m[1]!);
  const simple = [...template.replace(PLURAL, '').matchAll(SIMPLE)].map((m) => m[1]!);
  return [...new Set([...plural, ...simple])].sort();
}

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return format(locale, CATALOGUES[locale][key], params);
}

/**
 * An error from the station in the person's language. Detail the station sends is offered to the
 * message (`seconds` also as a readable `{wait}`); a message whose detail did not come falls back
 * to its `.noDetail` variant, and an unknown code still says something useful.
 */
export function translateError(locale: Locale, error: AppErrorShape): string {
  const catalogue: Readonly<Record<string, string>> = CATALOGUES[locale];
  const key = `error.${error.code}`;
  const template = catalogue[key];
  if (template === undefined) return translate(locale, 'error.unknown', { code: error.code });
  const detail: Record<string, string | number> = { ...error.detail };
  if (typeof detail.seconds === 'number') detail.wait = formatWait(locale, detail.seconds);
  const missing = placeholderNames(template).some((name) => detail[name] === undefined);
  const fallback = catalogue[`${key}.noDetail`];
  return format(locale, missing && fallback !== undefined ? fallback : template, detail);
}
