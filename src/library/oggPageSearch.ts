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

export /** The granule of the stream's last page: the song's length (Opus: plus the pre-skip). */
async function lastGranule(file: FileHandle, size: number, serial: number): Promise<number> {
  for (let from = Math.max(0, size - MAX_PAGE_BYTES); ; from = Math.max(0, from - MAX_PAGE_BYTES)) {
    const bytes = await readAt(file, from, Math.min(size - from, 2 * MAX_PAGE_BYTES));
    let found = -1;
    const pattern = Buffer.from('OggS', 'latin1');
    for (let i = bytes.indexOf(pattern); i !== -1; i = bytes.indexOf(pattern, i + 1)) {
      const page = parseOggPage(bytes, i, from + i);
      if (page && page.serial === serial && page.granule !== -1) found = page.granule;
    }
    if (found !== -1) return found;
    if (from === 0) throw new Error('no Opus page with a granule position');
  }
}
