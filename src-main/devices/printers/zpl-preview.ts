/**
 * ZPL to PNG for the Devices tab's "last label" preview when the label went to a real printer (in
 * demo the printer sink renders what it received). zpl-renderer-js is ~8 MB of inlined WASM, so it
 * is loaded on the first preview only, through Node's require (its ESM build names a source map it
 * does not ship).
 */
import { createRequire } from 'node:module';
import type * as ZplRenderer from 'zpl-renderer-js';

type ZplApi = Awaited<(typeof ZplRenderer)['ready']>;
let renderer: Promise<ZplApi> | undefined;

function loadRenderer(): Promise<ZplApi> {
  renderer ??= Promise.resolve().then(() => (createRequire(import.meta.url)('zpl-renderer-js') as typeof ZplRenderer).ready);
  return renderer;
}

export interface PreviewMedia {
  readonly size: '4x6' | '4x4' | '2x1';
  readonly dpi: 203 | 300;
}

const INCHES = { '4x6': [4, 6], '4x4': [4, 4], '2x1': [2, 1] } as const;

/** The first label of a ZPL job as PNG bytes, at the printer's media size and resolution. */
export async function renderZplPreview(zpl: string, media: PreviewMedia): Promise<Buffer> {
  const { api } = await loadRenderer();
  const [w, h] = INCHES[media.size];
  const dotsPerMm = media.dpi === 300 ? 12 : 8;
  const pngs = await api.zplToBase64MultipleAsync(zpl, w * 25.4, h * 25.4, dotsPerMm);
  const first = pngs[0];
  if (!first) throw new Error('the ZPL job holds no label');
  return Buffer.from(first, 'base64');
}
