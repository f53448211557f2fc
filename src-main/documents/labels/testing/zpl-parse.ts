/** How a printer reads a ZPL job, for tests: its commands, and `^FH` field data decoded. */

/**
 * ZPL as the printer parses it: a list of commands (`^XA`, `^FO40,40`…), field data kept whole.
 * `^FD` data runs to the next `^` or `~`, exactly as on the printer, so a command smuggled into
 * data would show up here as its own command.
 */
export function zplCommands(zpl: string): string[] {
  const commands: string[] = [];
  const re = /[\^~][^^~]*/g;
  for (const match of zpl.matchAll(re)) commands.push(match[0].replace(/\n$/, ''));
  return commands;
}

/** Undoes `^FH` (`_xx` → byte) and reads the bytes as UTF-8, as a printer under `^CI28` does. */
export function decodeFh(data: string, indicator = '_'): string {
  const bytes: number[] = [];
  const raw = Buffer.from(data, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === indicator.charCodeAt(0) && /^[0-9A-Fa-f]{2}$/.test(raw.subarray(i + 1, i + 3).toString('latin1'))) {
      bytes.push(Number.parseInt(raw.subarray(i + 1, i + 3).toString('latin1'), 16));
      i += 2;
    } else {
      bytes.push(raw[i]!);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Every field's text as printed: the data of each `^FH^FD…`, decoded. */
export function zplFieldTexts(zpl: string): string[] {
  const commands = zplCommands(zpl);
  const texts: string[] = [];
  commands.forEach((command, i) => {
    if (command.startsWith('^FD') && commands[i - 1] === '^FH') texts.push(decodeFh(command.slice(3)));
  });
  return texts;
}
