import { createHash } from 'node:crypto';

/** Image types a cover may have: what browsers show in an <img>, recognised by their bytes. */
export type CoverMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

/**
 * Where a song's cover is, found at scan time; the bytes are read only when a client asks, so a
 * library of 20,000 songs holds no image in memory. `hash` is the SHA-256 of the image's bytes
 * (lowercase hex): clients cache covers by it, and one album's songs share one entry.
 */
export type CoverRef =
  | { source: 'embedded'; hash: string; mime: CoverMime; sizeBytes: number }
  | {
      source: 'sidecar';
      /** The image file's path inside the library folder, '/'-separated. */
      relativePath: string;
      hash: string;
      mime: CoverMime;
      sizeBytes: number;
      mtimeMs: number;
    };

/** The image type its first bytes show, or null when it is none a browser is sure to show. */
export function sniffImageType(bytes: Uint8Array): CoverMime | null {
  const at = (offset: number, text: string) =>
    bytes.length >= offset + text.length &&
    [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (at(0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'image/gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'image/webp';
  return null;
}

export function coverHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface Picture {
  type?: string;
  data: Uint8Array;
}

/** The front cover among a tag's pictures (or the first one), when its bytes are an image. */
export function pickPicture(pictures: readonly Picture[] | undefined): Picture | null {
  if (!pictures || pictures.length === 0) return null;
  const picture = pictures.find((p) => /front/i.test(p.type ?? '')) ?? pictures[0];
  return sniffImageType(picture.data) === null ? null : picture;
}

/** The reference to an embedded picture, or null when the tag has none worth showing. */
export function embeddedCoverRef(pictures: readonly Picture[] | undefined): CoverRef | null {
  const picture = pickPicture(pictures);
  const mime = picture && sniffImageType(picture.data);
  if (!picture || !mime) return null;
  return {
    source: 'embedded',
    hash: coverHash(picture.data),
    mime,
    sizeBytes: picture.data.length,
  };
}

const MIMES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const HASH = /^[0-9a-f]{64}$/;

/** A saved CoverRef read back (scan cache), or undefined when it is not one. */
export function parseCoverRef(value: unknown): CoverRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const ref = value as Record<string, unknown>;
  const common =
    typeof ref.hash === 'string' &&
    HASH.test(ref.hash) &&
    typeof ref.mime === 'string' &&
    MIMES.has(ref.mime) &&
    typeof ref.sizeBytes === 'number';
  if (!common) return undefined;
  if (ref.source === 'embedded') return value as CoverRef;
  const sidecar =
    ref.source === 'sidecar' &&
    typeof ref.relativePath === 'string' &&
    typeof ref.mtimeMs === 'number';
  return sidecar ? (value as CoverRef) : undefined;
}
