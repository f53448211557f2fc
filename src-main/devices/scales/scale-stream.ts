/**
 * One serial scale protocol = a splitter (bytes → frames) + a frame decoder (frame → reading, reply
 * or rejection). `ScaleStream` joins them for a port or a pipe: chunks in, decoded frames out, with
 * garbage and a truncated last frame turned into coded rejections the caller counts.
 */
import { createCasSplitter, decodeCasFrame } from './cas';
import type { FrameSplitter, SplitItem } from './frame-splitter';
import { createSicsSplitter, decodeSicsLine } from './mt-sics';
import { createNciSplitter, decodeNciFrame } from './nci';
import { createToledoSplitter, decodeToledoFrame, type ToledoOptions } from './toledo-continuous';
import { rejected, type ScaleDecoded } from './types';

export const SERIAL_SCALE_PROTOCOLS = ['sics', 'nci', 'cas', 'toledo'] as const;
export type SerialScaleProtocol = (typeof SERIAL_SCALE_PROTOCOLS)[number];

export interface SerialScaleCodec {
  createSplitter(): FrameSplitter;
  decode(frame: Uint8Array): ScaleDecoded;
}

export interface SerialScaleOptions {
  readonly toledo?: ToledoOptions;
}

export function serialScaleCodec(protocol: SerialScaleProtocol, options: SerialScaleOptions = {}): SerialScaleCodec {
  switch (protocol) {
    case 'sics':
      return { createSplitter: createSicsSplitter, decode: decodeSicsLine };
    case 'nci':
      return { createSplitter: createNciSplitter, decode: decodeNciFrame };
    case 'cas':
      return { createSplitter: createCasSplitter, decode: decodeCasFrame };
    case 'toledo': {
      const toledo = options.toledo ?? {};
      return { createSplitter: () => createToledoSplitter(toledo), decode: (frame) => decodeToledoFrame(frame, toledo) };
    }
    default: {
      const never: never = protocol;
      throw new Error(`unknown scale protocol ${String(never)}`);
    }
  }
}

export class ScaleStream {
  private readonly splitter: FrameSplitter;

  constructor(private readonly codec: SerialScaleCodec) {
    this.splitter = codec.createSplitter();
  }

  /** Bytes as the port delivered them. */
  push(chunk: Uint8Array): ScaleDecoded[] {
    return this.decodeAll(this.splitter.push(chunk));
  }

  /** The port closed or the input ended. */
  flush(): ScaleDecoded[] {
    return this.decodeAll(this.splitter.flush());
  }

  private decodeAll(items: readonly SplitItem[]): ScaleDecoded[] {
    const out: ScaleDecoded[] = new Array<ScaleDecoded>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as SplitItem;
      switch (item.kind) {
        case 'frame':
          out[i] = this.codec.decode(item.bytes);
          break;
        case 'garbage':
          out[i] = rejected('scale.garbage', `${item.bytes.length} bytes between frames`, item.bytes);
          break;
        case 'incomplete':
          out[i] = rejected('scale.incomplete-frame', `the input ended inside a frame (${item.bytes.length} bytes)`, item.bytes);
          break;
        default: {
          const never: never = item;
          throw new Error(`unknown split item ${String(never)}`);
        }
      }
    }
    return out;
  }
}
