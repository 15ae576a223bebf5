/**
 * Draws the Tidewave icon — a warm record-sun setting behind layered waves on a deep-sea tile —
 * as straight RGBA pixels at any size. Every size is drawn from the same vector description (not
 * scaled down from a large bitmap), with supersampling for smooth edges.
 */

type Rgba = [number, number, number, number];

interface Layer {
  /** Coverage of the point (u, v) in unit coordinates, 0..1 (hard-edged; supersampling smooths). */
  covers(u: number, v: number): boolean;
  color(u: number, v: number): Rgba;
}

const TILE_INSET = 0.06;
const TILE_RADIUS = 0.2;
const SUN = { cx: 0.5, cy: 0.44, r: 0.25 };

function hex(value: string, alpha = 1): Rgba {
  const n = Number.parseInt(value.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  const k = Math.min(1, Math.max(0, t));
  return [0, 1, 2, 3].map((i) => a[i] + (b[i] - a[i]) * k) as Rgba;
}

function insideTile(u: number, v: number): boolean {
  const lo = TILE_INSET + TILE_RADIUS;
  const hi = 1 - TILE_INSET - TILE_RADIUS;
  const dx = Math.max(lo - u, 0, u - hi);
  const dy = Math.max(lo - v, 0, v - hi);
  return dx * dx + dy * dy <= TILE_RADIUS * TILE_RADIUS;
}

function waveTop(u: number, base: number, amplitude: number, phase: number): number {
  return base + amplitude * Math.sin(2 * Math.PI * (u * 1.25 + phase));
}

const sky: Layer = {
  covers: insideTile,
  color: (_u, v) => mix(hex('#101a4a'), hex('#3b2f7a'), (v - TILE_INSET) / 0.6),
};

const sun: Layer = {
  covers: (u, v) => Math.hypot(u - SUN.cx, v - SUN.cy) <= SUN.r,
  color: (u, v) => {
    const d = Math.hypot(u - SUN.cx, v - SUN.cy) / SUN.r;
    const base = mix(hex('#ffe08a'), hex('#ff7a59'), (v - (SUN.cy - SUN.r)) / (2 * SUN.r));
    // Record grooves: faint darker rings, leaving a bright label in the middle.
    const groove = d > 0.36 && Math.sin(d * 70) > 0.55 ? 0.12 : 0;
    const label = d < 0.3 ? mix(base, hex('#fff4d6'), 0.55) : base;
    const hole = d < 0.06 ? hex('#3b2f7a') : label;
    return mix(hole, hex('#7a2e3a'), groove);
  },
};

function wave(base: number, amplitude: number, phase: number, top: string, bottom: string): Layer {
  return {
    covers: (u, v) => insideTile(u, v) && v >= waveTop(u, base, amplitude, phase),
    color: (u, v) => {
      const crest = waveTop(u, base, amplitude, phase);
      const foam = v - crest < 0.018 ? 0.35 : 0;
      return mix(mix(hex(top), hex(bottom), (v - crest) / 0.3), hex('#e9fbff'), foam);
    },
  };
}

const LAYERS: Layer[] = [
  sky,
  sun,
  wave(0.6, 0.035, 0.1, '#2bb3c9', '#136b94'),
  wave(0.7, 0.03, 0.55, '#1f8fb8', '#0d4c7a'),
  wave(0.8, 0.028, 0.3, '#15679e', '#0a2f5c'),
];

function over(below: Rgba, above: Rgba): Rgba {
  const a = above[3] + below[3] * (1 - above[3]);
  if (a === 0) return [0, 0, 0, 0];
  const channel = (i: number) => (above[i] * above[3] + below[i] * below[3] * (1 - above[3])) / a;
  return [channel(0), channel(1), channel(2), a];
}

function samplePoint(u: number, v: number): Rgba {
  let color: Rgba = [0, 0, 0, 0];
  for (const layer of LAYERS) {
    if (layer.covers(u, v)) color = over(color, layer.color(u, v));
  }
  // The sun is clipped to the tile like everything else.
  return insideTile(u, v) ? color : [0, 0, 0, 0];
}

/** RGBA bytes, row-major from the top-left, `size * size * 4` long. */
export function drawIcon(size: number): Buffer {
  const grid = size <= 64 ? 8 : size <= 256 ? 4 : 3;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Average premultiplied colour so transparent samples do not darken the edges.
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const [r, g, b, a] = samplePoint(
            (x + (sx + 0.5) / grid) / size,
            (y + (sy + 0.5) / grid) / size,
          );
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      }
      const offset = (y * size + x) * 4;
      const alpha = sum[3] / (grid * grid);
      for (let i = 0; i < 3; i++) pixels[offset + i] = sum[3] > 0 ? Math.round(sum[i] / sum[3]) : 0;
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}
