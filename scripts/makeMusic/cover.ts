/** Cover art: a small shader per song, rendered to PNG. */
import { PNG } from 'pngjs';
import type { Rng } from './random';
import type { Rgb } from './song';

export const COVER_SIZE = 128;

export function rgb(hex: number): Rgb {
  return { r: (hex >> 16) & 255, g: (hex >> 8) & 255, b: hex & 255 };
}

export function lerp(a: Rgb, b: Rgb, t: number): Rgb {
  const k = Math.min(1, Math.max(0, t));
  return { r: a.r + (b.r - a.r) * k, g: a.g + (b.g - a.g) * k, b: a.b + (b.b - a.b) * k };
}

/** 0 outside, 1 inside, with a one-pixel soft edge (cheap antialiasing). */
export function coverage(distanceInside: number): number {
  return Math.min(1, Math.max(0, distanceInside + 0.5));
}

/** Dusk over a harbour: gradient sky, half-set sun and its rippling reflection. */
export function harborCover(): (x: number, y: number) => Rgb {
  const horizon = 80;
  const sky = [rgb(0x1b1f4a), rgb(0xb24a6b), rgb(0xf29a52)];
  const sun = rgb(0xffd98a);
  return (x, y) => {
    if (y < horizon) {
      const t = y / horizon;
      const base =
        t < 0.55 ? lerp(sky[0], sky[1], t / 0.55) : lerp(sky[1], sky[2], (t - 0.55) / 0.45);
      return lerp(base, sun, coverage(26 - Math.hypot(x - 64, y - horizon)));
    }
    const depth = (y - horizon) / (COVER_SIZE - horizon);
    const water = lerp(rgb(0x35305e), rgb(0x10122e), depth);
    const halfWidth = 24 * (1 - depth * 0.7);
    const ripple = Math.sin(y * 1.4) > 0.1 ? 1 : 0;
    return lerp(water, sun, 0.75 * ripple * coverage(halfWidth - Math.abs(x - 64)) * (1 - depth));
  };
}

/** Faceted glass: a teal-to-violet diagonal gradient cut into diamonds with bright seams. */
export function glassCover(): (x: number, y: number) => Rgb {
  const from = rgb(0x12b8a6);
  const to = rgb(0x5a3fa6);
  const white = rgb(0xffffff);
  return (x, y) => {
    const base = lerp(from, to, (x + y) / (2 * COVER_SIZE));
    const u = (x + y) / 18;
    const v = (x - y + COVER_SIZE) / 18;
    const parity = (Math.floor(u) + Math.floor(v)) % 2 === 0;
    const faceted = lerp(base, parity ? white : rgb(0x0b1030), parity ? 0.1 : 0.12);
    const seam = Math.min(u % 1, 1 - (u % 1), v % 1, 1 - (v % 1));
    const ring = Math.abs(Math.abs(x - 64) + Math.abs(y - 64) - 40);
    const glow = Math.max(coverage(0.9 - seam * 18) * 0.3, coverage(2 - ring) * 0.7);
    return lerp(faceted, white, glow);
  };
}

/** Night crossing: starry sky, crescent moon and a small lit ferry on dark waves. */
export function ferryCover(rng: Rng): (x: number, y: number) => Rgb {
  const stars = Array.from({ length: 45 }, () => ({
    x: rng() * COVER_SIZE,
    y: rng() * 88,
    size: 0.4 + rng() * 0.8,
  }));
  const waterline = 96;
  const night = [rgb(0x050921), rgb(0x22346a)];
  const lamp = rgb(0xffd36b);
  return (x, y) => {
    if (y >= waterline) {
      const wave = Math.sin(x / 7 + y * 0.9) * 1.5;
      const crest = (y + wave) % 7 < 1.2 ? 0.35 : 0;
      return lerp(rgb(0x0a1230), rgb(0x4a6cb0), crest * (1 - (y - waterline) / 40));
    }
    let colour = lerp(night[0], night[1], y / waterline);
    for (const star of stars) {
      colour = lerp(
        colour,
        rgb(0xf4f1dc),
        coverage(star.size - Math.hypot(x - star.x, y - star.y)),
      );
    }
    const moon = Math.min(15 - Math.hypot(x - 92, y - 30), Math.hypot(x - 99, y - 25) - 13);
    colour = lerp(colour, rgb(0xf6efc9), coverage(moon));
    const hull = y >= 88 && Math.abs(x - 46) <= 20 - (y - 88);
    const cabin = y >= 80 && y < 88 && x >= 36 && x <= 54;
    const window = y >= 82 && y < 85 && x >= 38 && x <= 52 && (x - 38) % 5 < 3;
    if (window) return lamp;
    if (hull || cabin) return rgb(0x03040b);
    return colour;
  };
}

export function renderCover(shader: (x: number, y: number) => Rgb): Buffer {
  const png = new PNG({ width: COVER_SIZE, height: COVER_SIZE });
  for (let y = 0; y < COVER_SIZE; y++) {
    for (let x = 0; x < COVER_SIZE; x++) {
      // Sample the pixel centre so shapes stay symmetric.
      const { r, g, b } = shader(x + 0.5, y + 0.5);
      const offset = (y * COVER_SIZE + x) * 4;
      png.data[offset] = Math.round(r);
      png.data[offset + 1] = Math.round(g);
      png.data[offset + 2] = Math.round(b);
      png.data[offset + 3] = 255;
    }
  }
  // Opaque art: store as RGB to keep the tag small.
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true });
}
