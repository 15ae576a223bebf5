/** Up to two initials of a name, for a cover placeholder ("Tidewave Sampler" → "TS"). */
export function initials(name: string | null): string {
  if (!name) return '?';
  const words = name.split(/\s+/).filter((word) => /^\p{L}|\p{N}/u.test(word));
  return words
    .slice(0, 2)
    .map((word) => [...word][0].toUpperCase())
    .join('');
}

/** A hue (0–359) that is always the same for the same name, so a placeholder is recognisable. */
export function hueOf(name: string | null): number {
  let hash = 0;
  for (const char of name ?? '') hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return Math.abs(hash) % 360;
}

/**
 * A placeholder's background for `name`: its hue, dark enough that the white initials on it
 * stand out at 4.5:1 or more whatever the hue (at 45 % lightness yellows and greens fell to
 * 2.5:1, below what low vision needs even of decoration, and axe-core flagged it).
 */
export function placeholderBackground(name: string | null): string {
  return `hsl(${hueOf(name)} 45% 32%)`;
}
