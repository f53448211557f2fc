/**
 * The test label `bancada print test` and the Devices screen send. It fits a 2×1 in label at
 * 203 dpi, the smallest the station supports, so it prints on whatever media is loaded; it sets no
 * label size (^PW/^LL, SIZE), so the printer's own media settings stay as they are.
 */
import { tsplString } from '../../documents/labels/tspl';
import { zplField } from '../../documents/labels/zpl';

export const TEST_LABEL_BARCODE = 'BANCADA-TEST';

export interface TestLabelInfo {
  /** The printer's URI, printed so a person can tell which of several printers this came from. */
  readonly printer: string;
  readonly at: Date;
}

export function zplTestLabel(info: TestLabelInfo): string {
  return [
    '^XA',
    '^CI28',
    '^LH0,0',
    `^FO20,15^A0N,34,34${zplField('Bancada test label')}`,
    `^FO20,55^A0N,22,22${zplField(info.printer)}`,
    `^FO20,80^A0N,22,22${zplField(info.at.toISOString())}`,
    `^FO20,108^BY2^BCN,45,Y,N,N${zplField(TEST_LABEL_BARCODE)}`,
    '^PQ1',
    '^XZ',
  ].join('\n') + '\n';
}

/** TSPL (TSC and the 4×6 clones that speak nothing else, device-protocols.md §5.4). */
export function tsplTestLabel(info: TestLabelInfo): string {
  return [
    'CODEPAGE UTF-8',
    'CLS',
    `TEXT 20,15,"3",0,1,1,${tsplString('Bancada test label')}`,
    `TEXT 20,55,"2",0,1,1,${tsplString(info.printer)}`,
    `TEXT 20,80,"2",0,1,1,${tsplString(info.at.toISOString())}`,
    `BARCODE 20,108,"128",45,1,0,2,2,${tsplString(TEST_LABEL_BARCODE)}`,
    'PRINT 1,1',
  ].join('\r\n') + '\r\n';
}
