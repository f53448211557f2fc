import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabelFonts } from '../../documents/labels/pdf-label';
import { classifyScan, DEFAULT_PACK_SCAN_CONFIG } from './classify-scan';
import { buildCommandSheet, SHEET_COMMANDS } from './command-sheet';

describe('command sheet', () => {
  it('prints every command as a barcode that zbarimg reads back and the bench takes as that command', async () => {
    const pdf = await buildCommandSheet('es', await loadLabelFonts(resolve(__dirname, '../../../resources')));
    const dir = mkdtempSync(join(tmpdir(), 'bancada-sheet-'));
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    expect(execFileSync('pdftotext', [join(dir, 'sheet.pdf'), '-']).toString()).toContain('Siguiente bulto');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, 'sheet.pdf'), join(dir, 'sheet')]);
    const decoded = execFileSync('zbarimg', ['-q', '--raw', join(dir, 'sheet.png')]).toString().trim().split('\n').sort();
    expect(decoded).toHaveLength(SHEET_COMMANDS.length);
    const commands = decoded.map((code) => classifyScan(code, DEFAULT_PACK_SCAN_CONFIG)).map((c) => (c.kind === 'command' ? c.command : null));
    expect(commands.sort()).toEqual([...SHEET_COMMANDS].sort());
  });
});
