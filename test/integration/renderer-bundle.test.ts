import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What the build ships into renderer processes must not reach for Node: the page runs sandboxed with
// no Node, so a Node built-in in the bundle is either dead weight that throws at run time or a sign
// that main-process code leaked into the UI (reference/electron-style-security.md A6 #1, B1 #20).
// Reads the output of `npm run build` (npm test builds before running vitest).
//
// Two views of the bundle, because one is not enough: Vite replaces a Node built-in imported by
// browser code with an empty stub (`t.exports={}` once minified), which leaves no trace in the
// JavaScript text. The renderer's source maps list every module the bundle was built from, so the
// stub (`__vite-browser-external`) and any file from src-main or a native package show up there.
// The JavaScript text catches what survives as code (a `require("fs")` kept as an external).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const PRELOAD_FILE = join(ROOT, 'out', 'preload', 'preload.cjs');
const BUILD_HINT = 'run `npm run build` first (`npm test` does it before the tests)';

/** Modules that only exist in the main process: Node's built-ins, electron, the native device and DB modules. */
const MAIN_ONLY = [...builtinModules.filter((name) => !name.startsWith('_')), 'electron', 'sqlite3', 'serialport', 'node-hid', 'ws', 'pdfkit'];
const MODULES = [...MAIN_ONLY.map(escapeRegExp), '@serialport/[\\w-]+'].join('|');
const SPECIFIER = `(?:node:[\\w/]+|(?:${MODULES})(?:/[\\w./-]*)?)`;

/** Each pattern names one way main-process code shows up in a browser bundle. */
const LEAK_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['require() of a Node module', new RegExp(`\\brequire\\s*\\(\\s*(['"\`])${SPECIFIER}\\1\\s*\\)`)],
  ['static import of a Node module', new RegExp(`(?:\\bfrom|\\bimport)\\s*(['"])${SPECIFIER}\\1`)],
  ['dynamic import() of a Node module', new RegExp(`\\bimport\\s*\\(\\s*(['"\`])${SPECIFIER}\\1\\s*\\)`)],
  ['a node: specifier', /(['"`])node:[\w/]+\1/],
  ['a Node-only process API', /\bprocess\s*\.\s*(?:binding|_linkedBinding|dlopen|mainModule)\b/],
  ['createRequire', /\bcreateRequire\s*\(/],
  ['a require reached through the global object', /\b(?:window|globalThis|self)\s*\.\s*require\b/],
  // Vite swaps a Node built-in imported by browser code for a stub that throws this at run time.
  ['a module Vite externalized for the browser', /__vite-browser-external|has been externalized for browser compatibility/],
];

function escapeRegExp(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The leaks found in one bundle's text, as "<what>: <matched text>". */
function findNodeLeaks(source: string): string[] {
  const leaks: string[] = [];
  for (const [what, pattern] of LEAK_PATTERNS) {
    const match = pattern.exec(source);
    if (match) leaks.push(`${what}: ${match[0].slice(0, 80)}`);
  }
  return leaks;
}

/** Modules in a source map's `sources` that must never be part of the UI. */
const LEAKED_SOURCE = /__vite-browser-external|(?:^|\/)src-main\/|(?:^|\/)node_modules\/(?:electron|sqlite3|serialport|@serialport\/[\w-]+|node-hid|ws|pdfkit)\//;

function findLeakedSources(sources: readonly string[]): string[] {
  return sources.filter((source) => LEAKED_SOURCE.test(source.replaceAll('\\', '/')));
}

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the leak detector', () => {
  it.each([
    ['const fs = require("fs");', 'require()'],
    ["var cp = require('child_process')", 'require()'],
    ['require(`node:path`)', 'require()'],
    ['require("fs/promises")', 'require()'],
    ['import { readFile } from "fs";', 'static import'],
    ["import {join} from'path'", 'static import'],
    ['import "sqlite3";', 'static import'],
    ['import x from "@serialport/bindings-cpp"', 'static import'],
    ['await import("node:os")', 'node: specifier'],
    ['import("electron")', 'dynamic import'],
    ['const { ipcRenderer } = require("electron")', 'require()'],
    ['process.binding("fs")', 'process API'],
    ['process.dlopen(m, f)', 'process API'],
    ['const r = createRequire(import.meta.url)', 'createRequire'],
    ['window.require("fs")', 'global object'],
    ['var __vite_browser_external = {}; // "__vite-browser-external"', 'externalized'],
    ['throw new Error(`Module "fs" has been externalized for browser compatibility.`)', 'externalized'],
  ])('catches %s', (sample, expected) => {
    const leaks = findNodeLeaks(sample);
    expect(leaks.join('\n')).toContain(expected);
  });

  it.each([
    'const path = "/assets/logo.svg"; export default path;',
    'function f(e){return e.require?e.require:null}',
    'const events = new EventTarget(); el.addEventListener("events", h)',
    'fetch("/api/fs"); const process = { status: "packed" }; process.status;',
    'console.log("node: 3 children"); const url = new URL(location.href);',
    'import("./chunk-abc.js"); import { a } from "./assets/index-1.js";',
    '"production" !== "production" && console.warn("fs")',
  ])('lets ordinary bundle code through: %s', (sample) => {
    expect(findNodeLeaks(sample)).toEqual([]);
  });
});

describe('the source-map check', () => {
  it('catches the stub Vite puts in place of a Node built-in, main-process code and native packages', () => {
    expect(
      findLeakedSources([
        '../../__vite-browser-external',
        '../../__vite-browser-external:node:fs',
        '../../src-main/station.ts',
        '../../node_modules/sqlite3/lib/sqlite3.js',
        '../../node_modules/@serialport/bindings-cpp/dist/index.js',
        '..\\..\\src-main\\db\\database.ts',
      ]),
    ).toHaveLength(6);
  });

  it('lets the renderer, the shared contract and browser packages through', () => {
    expect(
      findLeakedSources([
        '../../src-renderer/main.tsx',
        '../../src-shared/api/contract.ts',
        '../../node_modules/react-dom/cjs/react-dom-client.production.js',
        '../../node_modules/zod/v4/classic/schemas.js',
        '../../node_modules/zustand/esm/vanilla.mjs',
        '../../node_modules/wsx/index.js',
      ]),
    ).toEqual([]);
  });
});

describe('the built renderer bundle', () => {
  it('exists (the build ran)', () => {
    if (!existsSync(RENDERER_DIR)) throw new Error(`${relative(ROOT, RENDERER_DIR)} is missing: ${BUILD_HINT}.`);
    expect(filesUnder(RENDERER_DIR, '.js').length, `no .js under out/renderer: ${BUILD_HINT}`).toBeGreaterThan(0);
  });

  it('has no Node built-in, native module or electron left in its code', () => {
    if (!existsSync(RENDERER_DIR)) throw new Error(`${relative(ROOT, RENDERER_DIR)} is missing: ${BUILD_HINT}.`);
    const leaks = filesUnder(RENDERER_DIR, '.js').flatMap((file) => findNodeLeaks(readFileSync(file, 'utf8')).map((leak) => `${relative(ROOT, file)}: ${leak}`));
    expect(leaks).toEqual([]);
  });

  it('was built from no Node built-in, main-process file or native package (per its source maps)', () => {
    if (!existsSync(RENDERER_DIR)) throw new Error(`${relative(ROOT, RENDERER_DIR)} is missing: ${BUILD_HINT}.`);
    const scripts = filesUnder(RENDERER_DIR, '.js');
    const missing = scripts.filter((file) => !existsSync(`${file}.map`)).map((file) => relative(ROOT, file));
    // Without maps an externalized built-in is invisible (see the top of this file).
    expect(missing, 'the renderer build must write source maps: `build.sourcemap: \'hidden\'` in the renderer section of electron.vite.config.ts').toEqual([]);
    const leaks = scripts.flatMap((file) => {
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources?: string[] };
      return findLeakedSources(map.sources ?? []).map((source) => `${relative(ROOT, file)} was built from ${source}`);
    });
    expect(leaks).toEqual([]);
  });
});

describe('the built preload', () => {
  it('is one CommonJS file that requires electron and nothing else (no zod, no chunks)', () => {
    if (!existsSync(PRELOAD_FILE)) throw new Error(`${relative(ROOT, PRELOAD_FILE)} is missing: ${BUILD_HINT}.`);
    const source = readFileSync(PRELOAD_FILE, 'utf8');
    const required = [...source.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((match) => match[2]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    // No ES import (a sandboxed preload can't load ESM) and none of zod's internals.
    expect(source).not.toMatch(/\bimport\s*[({'"]|ZodError|\$ZodType|\b_zod\b/);
    expect(filesUnder(join(ROOT, 'out', 'preload'), '.cjs').map((file) => relative(ROOT, file))).toEqual([join('out', 'preload', 'preload.cjs')]);
  });
});
