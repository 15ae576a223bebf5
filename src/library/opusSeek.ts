import type { FileHandle } from 'node:fs/promises';
import type { FormatSeekPlan } from './formatSeek';
import { buildOggPage, parseOggPage } from './oggPage';
import {
  lastGranule,
  MAX_PAGE_BYTES,
  narrowToGranule,
  pageAt,
  readHeadPage,
} from './oggPageSearch';
import { readAt } from './readAt';
import { PastEndError } from './seekPlan';

/**
 * Audio decoded before a seek's sample (pre-skip included) so that it comes out as in a full
 * play: 340 ms, not the 80 ms RFC 7845 §4.6 asks for (its minimum). A fresh CELT decoder's band
 * energies start wrong and the error halves with each 20 ms frame (about 0.3 dB per ms):
 * against `opusdec` over the rest of the song, in 14 files, 80 ms gave 29-53 dB, 340 ms at
 * least 101 dB, the least that reaches 100 (docs/ARCHITECTURE.md, "Opus seek pre-roll").
 */
export const OPUS_PRE_ROLL = 16320;

/** An OpusTags packet with no vendor string and no comments: all a decoder needs. */
function emptyOpusTags(): Buffer {
  const packet = Buffer.alloc(16);
  packet.write('OpusTags', 0, 'latin1');
  return packet;
}

/**
 * An Opus seek starts at a page boundary at least OPUS_PRE_ROLL before the requested sample (so
 * the decoder has converged there), behind OpusHead as in the file and an empty OpusTags page (a
 * cover in the tags never goes out again). A decoder applies the pre-skip to the new stream's
 * first samples too, so the audio decoded from the page after one of granule G begins at song
 * sample G (song samples are granules less the pre-skip).
 */
export async function planOpusSeek(file: FileHandle, seconds: number): Promise<FormatSeekPlan> {
  const { size } = await file.stat();
  const { head, headBytes } = await readHeadPage(file, 'OpusHead', 'Opus');
  const preSkip = headBytes.readUInt16LE(28 + 10);
  // The tags may span pages; the audio starts after the page where the tags packet ends.
  let audioOffset = head.length;
  for (let pages = 0; ; pages++) {
    const page = await pageAt(file, audioOffset);
    if (!page || pages > 1000) throw new Error('Opus tags do not end');
    audioOffset += page.length;
    if (page.lacing.length > 0 && page.lacing[page.lacing.length - 1] < 255) break;
  }
  const last = await lastGranule(file, size, head.serial);
  const totalSamples = Math.max(0, last - preSkip);
  const target = Math.max(0, Math.round(seconds * 48000));
  if (!(target < totalSamples)) throw new PastEndError(seconds, totalSamples / 48000);
  const want = target + preSkip - OPUS_PRE_ROLL;

  // Start at the end of a page of granule at most `want` (`low`, granule `lowGranule`).
  const { low, lowGranule, high } = await narrowToGranule(
    file,
    audioOffset,
    size,
    head.serial,
    want,
  );
  let start = { offset: low, granule: lowGranule };
  const bytes = await readAt(file, low, high - low + MAX_PAGE_BYTES);
  for (let at = 0; at < bytes.length && low + at < high;) {
    const page = parseOggPage(bytes, at, low + at);
    if (!page) break;
    at += page.length;
    const next = parseOggPage(bytes, at, low + at);
    if (page.granule !== -1 && page.granule <= want && next && !next.continued) {
      start = { offset: low + at, granule: page.granule };
    }
  }
  const first = await pageAt(file, start.offset);
  if (!first || first.continued) throw new Error(`no Opus page to start sample ${target} from`);
  const tags = buildOggPage(emptyOpusTags(), { serial: head.serial, sequence: 1, granule: 0 });
  return {
    prefix: Buffer.concat([headBytes, tags]),
    byteOffset: start.offset,
    firstSample: start.granule,
    sampleRate: 48000,
    totalSamples,
  };
}
