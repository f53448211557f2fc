import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { barcodeCommand, BARCODE_USAGE } from './barcode-command';
import { demoCommand, DEMO_USAGE } from './demo-command';
import { devicesCommand, DEVICES_USAGE } from './devices-command';
import { labelCommand, LABEL_USAGE } from './label-command';
import { printCommand, PRINT_USAGE } from './print-command';
import { scaleCommand, SCALE_USAGE } from './scale-command';
import { SCALE_WATCH_USAGE, scaleWatchCommand } from './scale-watch-command';
import { SCALE_SIM_USAGE, scaleSimCommand } from './scale-sim-command';
import { serveCommand, SERVE_USAGE, type CliContext } from './serve-command';
import { syncCommand, SYNC_USAGE } from './sync-command';

const USAGE = `Usage: bancada <command> [options]

Commands:
  serve     start station server mode (UI in a browser on this machine)
  demo      demo and load-test data (bancada demo synthetic …)
  barcode   decode a barcode as the station would (bancada barcode parse <data>)
  devices   list the scales, scanners and printers this machine can see
  print     send a test label to a printer (bancada print test --printer tcp://host:9100)
  label     render a shipping label to ZPL, TSPL or PDF (bancada label render …)
  scale     decode raw scale output, watch a live serial scale, or simulate one (bancada scale decode|watch|simulate …)
  sync      store sync: status, pull and deliver now, configure the store (bancada sync status|now|config)
  help      this text

${SERVE_USAGE}

${DEMO_USAGE}

${BARCODE_USAGE}

${SCALE_USAGE}

${SCALE_WATCH_USAGE}

${SCALE_SIM_USAGE}

${LABEL_USAGE}

${PRINT_USAGE}

${DEVICES_USAGE}

${SYNC_USAGE}`;

type Command = (argv: readonly string[], ctx: CliContext) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  serve: serveCommand,
  demo: demoCommand,
  devices: (argv, ctx) => devicesCommand(argv, ctx),
  print: (argv, ctx) => printCommand(argv, ctx),
  label: (argv, ctx) => labelCommand(argv, { stdout: ctx.stdout, stderr: ctx.stderr, resourcesDir: resolve(ctx.appRoot, '../../resources') }),
  barcode: (argv, ctx) => barcodeCommand(argv, ctx),
  sync: (argv, ctx) => syncCommand(argv, ctx),
  scale: (argv, ctx) =>
    argv[0] === 'watch'
      ? scaleWatchCommand(argv.slice(1), { stdout: ctx.stdout, stderr: ctx.stderr })
      : argv[0] === 'simulate'
        ? scaleSimCommand(argv.slice(1), { stdin: process.stdin, stdout: ctx.stdout, stderr: ctx.stderr })
        : scaleCommand(argv, { stdin: process.stdin, stdout: ctx.stdout, stderr: ctx.stderr }),
};

/** Entry of `bancada` (bin/bancada.cjs loads the built copy of this file, out/main/cli.js). */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    ctx.stdout(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.stderr(`bancada: unknown command "${name}". Run "bancada help".`);
    return 2;
  }
  try {
    return await command(rest, ctx);
  } catch (error) {
    ctx.stderr(`bancada ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function readVersion(appRoot: string): string {
  try {
    return (JSON.parse(readFileSync(resolve(appRoot, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0-dev';
  }
}

/** Called by bin/bancada.cjs with the folder of the built file. */
export function main(appRoot: string): void {
  const ctx: CliContext = {
    appRoot,
    version: readVersion(appRoot),
    stdout: (line) => process.stdout.write(line + '\n'),
    stderr: (line) => process.stderr.write(line + '\n'),
  };
  void runCli(process.argv.slice(2), ctx).then((code) => {
    process.exitCode = code;
  });
}
