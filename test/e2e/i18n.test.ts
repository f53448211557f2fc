import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../src-renderer/i18n/en';
import { es } from '../../src-renderer/i18n/es';
import { ptBR } from '../../src-renderer/i18n/pt-BR';
import { launchBrowser, startStation, type RunningStation } from './harness';

const shots = resolve(__dirname, '../../test-results/screens');
let station: RunningStation;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchBrowser();
});

// A fresh station per language, so one language's failure cannot leave the next one logged in.
beforeEach(async () => {
  station = await startStation();
});

afterEach(async () => {
  await station?.stop();
});

afterAll(async () => {
  await browser?.close();
});

const PLURAL = /\{\w+, plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/g;

/** The words a template puts on screen: its text around placeholders and inside each plural form. */
function literals(template: string): string[] {
  return template
    .replace(PLURAL, (_, forms: string) => `\n${[...forms.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).join('\n')}\n`)
    .split(/\{\w+\}|\n|#/)
    .map((text) => text.trim())
    .filter((text) => text.length >= 4);
}

/**
 * English catalogue texts long enough to be words, leaving out words the other language writes
 * the same way ("Supervisor", "Normal", "DEMO").
 */
function englishPhrases(target: Readonly<Record<string, string>>): string[] {
  const same = new Set(Object.values(target).flatMap(literals).map((text) => text.toLowerCase()));
  return [...new Set(Object.values(en).flatMap(literals))].filter((text) => !same.has(text.toLowerCase()));
}

async function visibleEnglish(page: Page, target: Readonly<Record<string, string>>): Promise<string[]> {
  const text = await page.locator('body').innerText();
  // Whole words only (Spanish "Urgente" is not the English "Urgent"), any case (headers are upper-cased by CSS).
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return englishPhrases(target).filter((phrase) => new RegExp(`(?<!\\p{L})${escape(phrase)}(?!\\p{L})`, 'iu').test(text));
}

async function choose(page: Page, language: string): Promise<void> {
  await page.getByRole('button', { name: language, exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language === 'Español' ? 'es' : 'pt-BR');
}

describe('the station in Spanish and Portuguese', () => {
  for (const [language, pinWord, catalogue] of [
    ['Español', 'PIN de prueba', es],
    ['Português', 'PIN de teste', ptBR],
  ] as const) {
    it(`shows no English on the login and home screens in ${language}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
      await page.goto(station.url);
      await page.getByTestId('login-screen').waitFor();
      expect(await visibleEnglish(page, catalogue)).not.toEqual([]); // the check can see English when it is there
      await choose(page, language);
      const tile = page.getByTestId('operator-tile').first();
      await tile.click();
      expect(await visibleEnglish(page, catalogue)).toEqual([]);
      await page.screenshot({ path: resolve(shots, `login-${language}.png`) });
      expect(await tile.innerText()).toContain(pinWord);
      const pin = await tile.getByTestId('demo-pin').innerText();
      await page.keyboard.type('0000', { delay: 90 });
      await page.keyboard.press('Enter');
      await page.getByRole('alert').waitFor();
      expect(await visibleEnglish(page, catalogue)).toEqual([]);
      await page.keyboard.type(pin, { delay: 90 });
      await page.keyboard.press('Enter');
      await page.getByTestId('queue-row').first().waitFor();
      expect(await visibleEnglish(page, catalogue)).toEqual([]);
      await page.screenshot({ path: resolve(shots, `home-${language}.png`) });
      await page.keyboard.press('1');
      await page.getByTestId('pack-queue').waitFor();
      expect(await visibleEnglish(page, catalogue)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('logout').click();
      await page.getByTestId('login-screen').waitFor();
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.close();
    });
  }
});
