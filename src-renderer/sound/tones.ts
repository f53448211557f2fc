/**
 * Distinct feedback tones made with WebAudio (no sound files to ship). A packer hears the result
 * without looking: a bright blip for ok, a low double buzz for an error. Features with their own
 * vocabulary of sounds (the packing bench's scan outcomes) play their shapes through `playNotes`.
 */
export type Tone = 'ok' | 'error' | 'done';

/** Notes as [frequency in Hz (0: a rest), length in ms]. */
export type Notes = readonly (readonly [frequency: number, ms: number])[];

const SHAPES: Readonly<Record<Tone, { wave: OscillatorType; notes: Notes }>> = {
  ok: { wave: 'sine', notes: [[1320, 70]] },
  error: { wave: 'square', notes: [[220, 140], [0, 60], [220, 140]] },
  done: { wave: 'sine', notes: [[880, 90], [1175, 90], [1568, 140]] },
};

let context: AudioContext | null = null;

/** Plays `notes` on one oscillator wave, each note fading out; silent where there is no audio device. */
export function playNotes(wave: OscillatorType, notes: Notes): void {
  try {
    context ??= new AudioContext();
    let at = context.currentTime;
    for (const [frequency, ms] of notes) {
      if (frequency > 0) {
        const osc = context.createOscillator();
        const gain = context.createGain();
        osc.type = wave;
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

export function play(tone: Tone): void {
  playNotes(SHAPES[tone].wave, SHAPES[tone].notes);
}
