/**
 * Distinct feedback tones made with WebAudio (no sound files to ship). A packer hears the result
 * without looking: a bright blip for ok, a low double buzz for an error.
 */
export type Tone = 'ok' | 'error' | 'done';

const SHAPES: Readonly<Record<Tone, readonly (readonly [frequency: number, ms: number])[]>> = {
  ok: [[1320, 70]],
  error: [[220, 140], [0, 60], [220, 140]],
  done: [[880, 90], [1175, 90], [1568, 140]],
};

let context: AudioContext | null = null;

export function play(tone: Tone): void {
  try {
    context ??= new AudioContext();
    let at = context.currentTime;
    for (const [frequency, ms] of SHAPES[tone]) {
      if (frequency > 0) {
        const osc = context.createOscillator();
        const gain = context.createGain();
        osc.type = tone === 'error' ? 'square' : 'sine';
        osc.frequency.value = frequency;
        gain.gain.setValueAtTime(0.2, at);
        gain.gain.exponentialRampToValueAtTime(0.001, at + ms / 1000);
        osc.connect(gain).connect(context.destination);
        osc.start(at);
        osc.stop(at + ms / 1000);
      }
      at += ms / 1000;
    }
  } catch {
    // No audio device (a kiosk without speakers): the screen still says everything.
  }
}
