#!/usr/bin/env node
// `npm run security`: Electronegativity as a gate (reference/electron-style-security.md B5).
//
// The CLI exits 0 even when it finds something, so this calls its `run()` directly and fails on
// any finding and on any file it could not parse (an unparsed file is an unchecked file). Offline
// and deterministic: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (which asks GitHub for the release list)
// is the one check left out (with the atomic check that only feeds it), and the translation download the tool attempts at start-up is
// answered locally (see `offlineGot`), so the gate never touches the network.
//
// Scanned: the repository root, so the global checks see src-main and src-renderer/index.html
// together. Not scanned: what does not ship or is generated — node_modules, out/ (the build of the
// very sources scanned here), test/ and *.test.ts(x) files, caches.
//
// An `eng-disable CHECK_ID` comment in the code must sit next to a comment saying why it is safe.
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// AvailableSecurityFixesGlobalCheck needs the network. ElectronVersionJSONCheck only feeds it (it
// reports the Electron version found in package.json for that check to look up), so it goes too.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];
const SKIPPED_DIRS = ['node_modules', 'out', 'test', 'test-results', '.git', '.data', '.cache', join('bench', '.tmp')];
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

const require = createRequire(import.meta.url);
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

/** True for a path the scan leaves out (relative to the repository root). */
function isSkipped(file) {
  const rel = relative(ROOT, file);
  if (rel.startsWith('..') || rel.split(sep).includes('node_modules')) return true;
  if (SKIPPED_DIRS.some((dir) => rel === dir || rel.startsWith(dir + sep))) return true;
  return TEST_FILE.test(rel);
}

// The tool fetches translations from S3 before every run (src/locales/i18n.js) and uses whatever
// comes back as message text. Answer "not found" so it keeps its bundled en-US messages.
function installOfflineGot() {
  const i18nFile = join(toolDir, 'dist', 'locales', 'i18n.js');
  const gotPath = createRequire(i18nFile).resolve('got');
  const offlineGot = () => Promise.resolve({ statusCode: 404, body: '', headers: {} });
  offlineGot.head = offlineGot;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offlineGot;
  require.cache[gotPath] = stub;
}

// The directory loader lists every js/ts/html file under the input; drop the skipped ones before
// parsing, so generated bundles and test fakes neither slow the scan nor feed the global checks.
function installFileFilter() {
  const { LoaderDirectory } = require(join(toolDir, 'dist', 'loader'));
  const load = LoaderDirectory.prototype.load;
  LoaderDirectory.prototype.load = async function loadWithoutSkipped(dir) {
    await load.call(this, dir);
    for (const file of [...this._loaded]) if (isSkipped(file)) this._loaded.delete(file);
  };
}

function where(issue) {
  const file = issue.file === 'N/A' ? '(whole project)' : relative(ROOT, issue.file);
  return issue.location && issue.file !== 'N/A' ? `${file}:${issue.location.line}:${issue.location.column}` : file;
}

async function main() {
  installOfflineGot();
  installFileFilter();
  const run = require(join(toolDir, 'dist', 'runner.js'));
  const result = await run({ input: ROOT, excludeFromScan: EXCLUDED_CHECKS }, false);

  // Belt and braces: a finding in a skipped file (should the loader patch stop working) still doesn't count.
  const findings = result.issues.filter((issue) => issue.file === 'N/A' || !isSkipped(issue.file));
  const unparsed = result.errors.filter((error) => !error.tolerable && !isSkipped(error.file));

  for (const issue of findings) {
    console.log(`${issue.severity.name} ${issue.id} ${where(issue)}`);
    console.log(`  ${issue.description}${issue.manualReview ? ' (review required)' : ''} ${issue.shortenedURL ?? ''}`.trimEnd());
    if (issue.sample) console.log(`  > ${issue.sample}`);
  }
  for (const error of unparsed) console.log(`PARSE-ERROR ${relative(ROOT, error.file)}: ${error.message}`);

  const checks = `${result.atomicChecks} atomic + ${result.globalChecks} global checks`;
  if (findings.length > 0 || unparsed.length > 0) {
    console.log(`Electronegativity: ${findings.length} finding(s), ${unparsed.length} unparsed file(s) (${checks}). Fix them, or add an eng-disable with a reason.`);
    return 1;
  }
  console.log(`Electronegativity: no findings (${checks}; AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK and its ELECTRON_VERSION_JSON_CHECK input excluded: they need the network).`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`Electronegativity failed to run: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  },
);
