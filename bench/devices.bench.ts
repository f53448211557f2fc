// Decoder throughput per scale protocol, scan normalisation latency and label build times
// (issue #3). Prints figures; asserts only that the work was real.
import { it, expect } from 'vitest';
import { parseScan } from '../src-shared/barcode';
import { decodeHidScaleReport } from '../src-main/devices/scales/hid-pos';
import { serialScaleCodec, ScaleStream, type SerialScaleProtocol } from '../src-main/devices/scales/scale-stream';
import { casEcrFrame, concatBytes, hidScaleReport, nciFrame, sicsLine, toledoFrame } from '../src-main/devices/scales/simulated-frames';
import { buildZplLabel } from '../src-main/documents/labels/zpl';
import { buildPdfLabel, loadLabelFonts } from '../src-main/documents/labels/pdf-label';
import { exampleRequest, RESOURCES_DIR } from '../src-main/documents/labels/testing/fixtures';
import { measure, print } from './measure';

const FRAMES_PER_CHUNK = 64;
const SAMPLE: Record<SerialScaleProtocol, Uint8Array> = {
  sics: sicsLine('S', 'S', '1.250', 'kg'),
  nci: nciFrame('  1.25kg', '00'),
  cas: casEcrFrame('S', ' ', '01.250', 'kg'),
  toledo: toledoFrame({ swa: 0x31, swb: 0x20, swc: 0x20, weight: '001250', checksum: true }),
};

it('decodes scale output', async () => {
  for (const protocol of Object.keys(SAMPLE) as SerialScaleProtocol[]) {
    const chunk = concatBytes(...Array.from({ length: FRAMES_PER_CHUNK }, () => SAMPLE[protocol]));
    const stream = new ScaleStream(serialScaleCodec(protocol));
    let readings = 0;
    const f = await measure(2000, () => {
      readings += stream.push(chunk).filter((d) => d.kind === 'reading').length;
    });
    expect(readings, protocol).toBeGreaterThan(0);
    console.log(`scale ${protocol}: ${Math.round(f.perSecond * FRAMES_PER_CHUNK).toLocaleString('en')} readings/s`);
  }
  const report = hidScaleReport(0x04, 2, -1, 12500);
  const hid = await measure(100_000, () => decodeHidScaleReport(report));
  console.log(`scale hid: ${Math.round(hid.perSecond).toLocaleString('en')} readings/s`);
});

it('normalises scans', async () => {
  const scans = [']E09501101530003', ']C101095060001343521710123110ABC\x1d21XYZ', 'https://id.gs1.org/01/09506000134352/10/ABC', 'ORD-1001'];
  for (const raw of scans) {
    const f = await measure(50_000, () => parseScan(raw));
    expect(parseScan(raw).ok || raw === 'ORD-1001').toBe(true);
    print(`scan ${JSON.stringify(raw.slice(0, 24))}`, f, 'scan');
  }
});

it('builds shipping labels', async () => {
  const request = exampleRequest();
  print('label ZPL 4x6', await measure(1000, () => buildZplLabel(request)), 'label');
  const fonts = await loadLabelFonts(RESOURCES_DIR);
  const pdf = await measure(100, () => buildPdfLabel(request, fonts));
  print('label PDF 4x6', pdf, 'label');
  expect((await buildPdfLabel(request, fonts)).subarray(0, 4).toString()).toBe('%PDF');
});
