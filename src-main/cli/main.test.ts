import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';
import { runCli } from './main';

function ctx() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, ctx: { appRoot: '/nowhere/out/main', version: '1.2.3', stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) } };
}

describe('the bancada command line', () => {
  it('prints usage and exits 2 with no command', async () => {
    const c = ctx();
    expect(await runCli([], c.ctx)).toBe(2);
    expect(c.out.join('\n')).toContain('bancada serve');
  });

  it('names an unknown command and exits 2', async () => {
    const c = ctx();
    expect(await runCli(['frobnicate'], c.ctx)).toBe(2);
    expect(c.err.join('\n')).toContain('unknown command "frobnicate"');
  });

  it('refuses a port that is not a port', async () => {
    const c = ctx();
    expect(await runCli(['serve', '--port', '99999'], c.ctx)).toBe(2);
    expect(c.err.join('\n')).toContain('--port');
  });

  it('reports an unknown option as an error instead of ignoring it', async () => {
    const c = ctx();
    expect(await runCli(['serve', '--prot', '80'], c.ctx)).toBe(1);
    expect(c.err.join('\n')).toMatch(/prot/);
  });
});

describe('the default data folder', () => {
  it('is the folder Electron uses for userData, per platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Bancada');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Bancada');
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Bancada');
    expect(defaultDataDir({ BANCADA_DATA_DIR: '/srv/station' }, 'linux', '/home/ana')).toBe('/srv/station');
  });
});
