/** What a song is: its tempo grid, arrangement and cover. */
import type { Mix } from './mix';
import type { Rng } from './random';

export interface Timeline {
  beatSeconds: number;
  /** Start time in seconds of a beat position, optionally swinging off-beat 16ths. */
  at: (bar: number, beat: number) => number;
}

export function createTimeline(bpm: number, swing = 0): Timeline {
  const beatSeconds = 60 / bpm;
  return {
    beatSeconds,
    at: (bar, beat) => {
      const isOffSixteenth = Math.abs((beat % 0.5) - 0.25) < 1e-9;
      return (bar * 4 + beat + (isOffSixteenth ? swing * 0.25 : 0)) * beatSeconds;
    },
  };
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface Song {
  track: number;
  title: string;
  genre: string;
  seed: number;
  bpm: number;
  bars: number;
  /** Fraction of a 16th by which off-beat 16ths are delayed. */
  swing: number;
  tailSeconds: number;
  reverb: { room: number; damp: number; level: number };
  arrange: (mix: Mix, rng: Rng, timeline: Timeline, length: number) => void;
  cover: (rng: Rng) => (x: number, y: number) => Rgb;
}
