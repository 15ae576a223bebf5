import type { FileHandle } from 'node:fs/promises';
import { parseOggPage, type OggPage } from './oggPage';
import { readAt } from './readAt';

/** Page finding for the Ogg seeks (Opus, Vorbis): pages are known by capture pattern and CRC. */
export const MAX_PAGE_BYTES = 27 + 255 + 255 * 255;
export const SCAN_BYTES = 256 * 1024;
export async function pageAt(file: FileHandle, offset: number): Promise<OggPage | null> {
  return parseOggPage(await readAt(file, offset, MAX_PAGE_BYTES), 0, offset);
}

/** The first valid page of `serial` starting in [from, before), found by its capture pattern. */
export async function firstPageFrom(
  file: FileHandle,
  from: number,
  before: number,
  serial: number,
): Promise<OggPage | null> {
  const pattern = Buffer.from('OggS', 'latin1');
  for (let at = from; at < before; at += SCAN_BYTES) {
    const bytes = await readAt(file, at, SCAN_BYTES + MAX_PAGE_BYTES);
    for (
      let i = bytes.indexOf(pattern);
      i !== -1 && at + i < before;
      i = bytes.indexOf(pattern, i + 1)
    ) {
      const page = parseOggPage(bytes, i, at + i);
      if (page && page.serial === serial && page.granule !== -1) return page;
    }
    if (bytes.length <= SCAN_BYTES) break;
  }
  return null;
}

/** The granule of the stream's last page: the song's length (Opus: plus the pre-skip). */
export async function lastGranule(file: FileHandle, size: number, serial: number): Promise<number> {
  for (let from = Math.max(0, size - MAX_PAGE_BYTES); ; from = Math.max(0, from - MAX_PAGE_BYTES)) {
    const bytes = await readAt(file, from, Math.min(size - from, 2 * MAX_PAGE_BYTES));
    let found = -1;
    const pattern = Buffer.from('OggS', 'latin1');
    for (let i = bytes.indexOf(pattern); i !== -1; i = bytes.indexOf(pattern, i + 1)) {
      const page = parseOggPage(bytes, i, from + i);
      if (page && page.serial === serial && page.granule !== -1) found = page.granule;
    }
    if (found !== -1) return found;
    if (from === 0) throw new Error('no Ogg page with a granule position');
  }
}

/**
 * The file's first page and its bytes, checked for the codec's identification packet (`magic`
 * at the start of the page's body). @throws Error naming `codec` when it is not there.
 */
export async function readHeadPage(
  file: FileHandle,
  magic: string,
  codec: string,
): Promise<{ head: OggPage; headBytes: Buffer }> {
  const head = await pageAt(file, 0);
  const headBytes = head && (await readAt(file, 0, head.length));
  const body = 27 + (head?.lacing.length ?? 0);
  if (!head || !headBytes || headBytes.toString('latin1', body, body + magic.length) !== magic) {
    throw new Error(`not an Ogg ${codec} file`);
  }
  return { head, headBytes };
}

/**
 * Bisects pages of `serial` in [from, size) for the last one whose granule is at most `want`,
 * down to a window of SCAN_BYTES: the caller walks that window page by page. Returns the window
 * (`low` ends a page of granule `lowGranule`, or is `from` with granule 0) and its end `high`.
 */
export async function narrowToGranule(
  file: FileHandle,
  from: number,
  size: number,
  serial: number,
  want: number,
): Promise<{ low: number; lowGranule: number; high: number }> {
  let low = from;
  let lowGranule = 0;
  let high = size;
  while (high - low > SCAN_BYTES) {
    const middle = low + Math.floor((high - low) / 2);
    const page = await firstPageFrom(file, middle, high, serial);
    if (page === null) high = middle;
    else if (page.granule <= want) [low, lowGranule] = [page.offset + page.length, page.granule];
    else high = page.offset;
  }
  return { low, lowGranule, high };
}
