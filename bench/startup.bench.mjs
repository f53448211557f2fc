// Start-up: time from process start to "station server ready" and the peak RSS of the station
// process, with the demo database and with a synthetic database of 100,000 orders.
// Figures are printed, never asserted: these machines are noisy.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'bancada.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function peakRssKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

function startOnce(dataDir) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no ready line in 120 s\n${out}\n${err}`)); }, 120_000);
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      out += d;
      if (/ready: http/.test(out)) {
        const ms = performance.now() - t0;
        const rss = peakRssKiB(child.pid);
        clearTimeout(timer);
        child.once('exit', () => resolve({ ms, rssMiB: rss / 1024 }));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => { if (!/ready: http/.test(out)) { clearTimeout(timer); reject(new Error(`exited ${code}\n${out}\n${err}`)); } });
  });
}

function summarise(label, samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const rss = samples.map((s) => s.rssMiB);
  const median = ms[Math.floor(ms.length / 2)];
  console.log(`${label}: ready in median ${median.toFixed(0)} ms (min ${ms[0].toFixed(0)}, max ${ms.at(-1).toFixed(0)}, n=${ms.length}); peak RSS max ${Math.max(...rss).toFixed(1)} MiB`);
}

async function scenario(label, prepare) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bancada-bench-'));
  try {
    const prep = prepare(dataDir);
    if (prep) console.log(`${label}: ${prep}`);
    const first = await startOnce(dataDir);
    console.log(`${label}: first start (creates/seeds the database) ${first.ms.toFixed(0)} ms, peak RSS ${first.rssMiB.toFixed(1)} MiB`);
    const samples = [];
    for (let i = 0; i < RUNS; i++) samples.push(await startOnce(dataDir));
    summarise(`${label}, warm`, samples);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await scenario('demo database', () => null);
await scenario('100,000 orders', (dataDir) => {
  const t0 = performance.now();
  const gen = spawnSync(process.execPath, [bin, 'demo', 'synthetic', '--orders', '100000', '--data-dir', dataDir], { cwd: root, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`synthetic generation failed: ${gen.stderr || gen.stdout}`);
  return `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (${gen.stdout.trim()})`;
});
