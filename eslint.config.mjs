// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'util', 'stream', 'events', 'worker_threads', 'zlib', 'tty', 'dgram', 'dns', 'module', 'readline', 'process', 'buffer', 'timers', 'v8', 'vm', 'cluster', 'assert'];
const DEVICE_AND_NATIVE = ['sqlite3', 'serialport', '@serialport/*', 'node-hid', 'ws', 'pdfkit'];

/** Paths that are allowed to import `electron`: the shell and the preload (DESIGN.md "Process model"). */
const ELECTRON_FILES = ['src-main/index.ts', 'src-main/preload.ts', 'src-main/shell/**/*.ts'];

const noOpenExternal = {
  selector: "MemberExpression[property.name='openExternal']",
  message: 'Call safeOpenExternal() (src-main/shell/external-links.ts), never shell.openExternal directly.',
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', '.data/**', 'bench/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-syntax': ['error', noOpenExternal],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'bin/**/*.{js,cjs}', 'bench/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // src-shared: runtime-free. No electron, no Node, no DOM, no device modules.
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', ...NODE_BUILTINS, ...DEVICE_AND_NATIVE, 'react', 'react-dom'], message: 'src-shared is runtime-free: no Electron, Node, DOM or devices.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname', 'localStorage'],
    },
  },
  // src-renderer: a browser page. No Node, no devices, no electron.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', ...NODE_BUILTINS, ...DEVICE_AND_NATIVE], message: 'The renderer has no Node and no devices; go through the contract client.' }] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  // src-main: plain Node. Only the shell and the preload may import electron.
  {
    files: ['src-main/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ELECTRON_FILES,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/index.ts, src-main/preload.ts and src-main/shell/ import electron; everything else runs under plain Node.' }] }],
    },
  },
  {
    files: ELECTRON_FILES,
    languageOptions: { globals: { ...globals.node } },
  },
  // Tests that fake `electron` with vi.mock may name it; they never load the real module.
  {
    files: ['src-main/shell/**/*.test.ts', 'src-main/preload.test.ts', 'test/unit/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
