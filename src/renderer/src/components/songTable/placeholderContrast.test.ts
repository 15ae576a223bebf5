import { describe, expect, it } from 'vitest';
import { placeholderBackground } from './coverPlaceholder';

/** sRGB channels (0–1) of a CSS `hsl(H S% L%)`, by the CSS Color 4 formula. */
function rgbOf(css: string): [number, number, number] {
  const match = /^hsl\((\d+) (\d+)% (\d+)%\)$/.exec(css);
  if (!match) throw new Error(`not an hsl() colour: ${css}`);
  const [h, s, l] = [Number(match[1]), Number(match[2]) / 100, Number(match[3]) / 100];
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [channel(0), channel(8), channel(4)];
}

/** WCAG 2 contrast of white text on `css`. */
function contrastWithWhite(css: string): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = rgbOf(css).map(linear);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

describe('placeholderBackground', () => {
  it('gives white initials at least 4.5:1 on every hue a name can get', () => {
    // Names whose hues cover all 360 (hueOf is a hash): every background is checked.
    const hues = new Map<string, string>();
    for (let i = 0; hues.size < 360 && i < 100_000; i++) {
      const css = placeholderBackground(`Artist ${i}`);
      hues.set(css, css);
    }
    expect(hues.size).toBe(360);
    const worst = Math.min(...[...hues.values()].map(contrastWithWhite));
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('is the same for the same name', () => {
    expect(placeholderBackground('Tidewave Ensemble')).toBe(
      placeholderBackground('Tidewave Ensemble'),
    );
  });
});
