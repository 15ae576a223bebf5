import { parseBuffer } from 'music-metadata';
import { id3v2TagLength } from '../library/id3v2TagLength';

/** Tags larger than this are not held back for their cover (a cover is rarely over 1 MB). */
const MAX_TAG_BYTES = 8 * 1024 * 1024;
const HEADER_BYTES = 10;
const SHOWN_FORMATS = new Set(['image/png', 'image/jpeg']);

/**
 * Watches the first bytes of a song for an ID3v2 tag and, once the whole tag has arrived, parses
 * its cover art in the background. Audio is never held up: the bytes are only copied aside.
 */
export class CoverArtSniffer {
  private head: Buffer[] = [];
  private headBytes = 0;
  private done = false;

  constructor(private readonly onCover: (dataUrl: string) => void) {}

  push(bytes: Uint8Array): void {
    if (this.done) return;
    this.head.push(Buffer.from(bytes));
    this.headBytes += bytes.length;
    if (this.headBytes < HEADER_BYTES) return;
    const joined = Buffer.concat(this.head);
    this.head = [joined];
    const tagLength = id3v2TagLength(joined);
    if (tagLength === 0 || tagLength > MAX_TAG_BYTES) return this.finish();
    if (joined.length < tagLength) return;
    const tag = joined.subarray(0, tagLength);
    this.finish();
    void coverFromTag(tag).then((dataUrl) => dataUrl && this.onCover(dataUrl));
  }

  private finish(): void {
    this.done = true;
    this.head = [];
  }
}

/** The tag's front cover (or first picture) as a data: URL, or null. */
export async function coverFromTag(tag: Uint8Array): Promise<string | null> {
  try {
    const { common } = await parseBuffer(
      tag,
      { mimeType: 'audio/mpeg' },
      { skipPostHeaders: true },
    );
    const pictures = common.picture ?? [];
    const picture = pictures.find((p) => /front/i.test(p.type ?? '')) ?? pictures[0];
    const format = picture?.format.toLowerCase().replace('image/jpg', 'image/jpeg');
    if (!picture || !format || !SHOWN_FORMATS.has(format)) return null;
    return `data:${format};base64,${Buffer.from(picture.data).toString('base64')}`;
  } catch {
    return null; // a broken tag only costs the cover
  }
}
