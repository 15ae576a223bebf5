import type { FileHandle } from 'node:fs/promises';
import type { FormatSeekPlan } from './formatSeek';
import { buildOggPage, pagePackets, parseOggPage } from './oggPage';
import { lastGranule, MAX_PAGE_BYTES, narrowToGranule, readHeadPage } from './oggPageSearch';
import { readAt } from './readAt';
import { PastEndError } from './seekPlan';
import { vorbisBlockSize, vorbisModeBlockFlags } from './vorbisModes';

/** A comment header with no vendor string and no comments (and its framing bit). */
function emptyVorbisComment(): Buffer {
  const packet = Buffer.alloc(16);
  packet[0] = 3;
  packet.write('vorbis', 1, 'latin1');
  packet[15] = 1;
  return packet;
}

/**
 * A Vorbis seek starts at a page whose packets all start and end on it, behind the file's
 * identification page and one page with an empty comment header and the file's setup header.
 * A decoder's first packet only primes it, so the first sample out is where that packet's audio
 * ends: the page's granule less what its later packets add ((previous + own block size) / 4).
 */
export async function planVorbisSeek(file: FileHandle, seconds: number): Promise<FormatSeekPlan> {
  const { size } = await file.stat();
  const { head, headBytes } = await readHeadPage(file, '\x01vorbis', 'Vorbis');
  const sampleRate = headBytes.readUInt32LE(28 + 12);
  const sizes = headBytes[28 + 28];
  const blockSizes: [number, number] = [1 << (sizes & 15), 1 << (sizes >> 4)];
  // The comment and setup packets, which may span pages (a cover in the comments).
  const headers: Buffer[] = [];
  let open: Buffer[] = [];
  let audioOffset = head.length;
  while (headers.length < 2) {
    const bytes = await readAt(file, audioOffset, MAX_PAGE_BYTES);
    const page = parseOggPage(bytes, 0, audioOffset);
    if (!page || page.serial !== head.serial) throw new Error('Vorbis headers do not end');
    const packets = pagePackets(bytes, page, 0);
    const endsOpen = page.lacing.at(-1) === 255;
    packets.forEach((packet, i) => {
      open.push(packet);
      if (i < packets.length - 1 || !endsOpen)
        [headers[headers.length], open] = [Buffer.concat(open), []];
    });
    audioOffset += page.length;
  }
  const setup = headers[1];
  if (setup[0] !== 5) throw new Error('no Vorbis setup header');
  const flags = vorbisModeBlockFlags(setup);
  const totalSamples = await lastGranule(file, size, head.serial);
  const target = Math.max(0, Math.round(seconds * sampleRate));
  if (!(target < totalSamples)) throw new PastEndError(seconds, totalSamples / sampleRate);
  // The first packet's audio ends at most half a long block after the page before it.
  const want = target - blockSizes[1] / 2;

  const { low, lowGranule, high } = await narrowToGranule(
    file,
    audioOffset,
    size,
    head.serial,
    want,
  );
  let start: { offset: number; first: number } | null = null;
  const bytes = await readAt(file, low, high - low + 2 * MAX_PAGE_BYTES);
  /** The granule of the page before the one walked. */
  let before = lowGranule;
  for (let at = 0; at < bytes.length && low + at < high;) {
    const page = parseOggPage(bytes, at, low + at);
    if (!page) break;
    const whole = !page.continued && page.granule !== -1 && page.lacing.at(-1) !== 255;
    // The last page's granule ends the song, not its last packet: never start there, unless
    // it is the first page too (then the song starts at sample 0).
    const first = page.offset === audioOffset;
    if ((before <= want || first) && whole && (!page.last || first)) {
      const blocks = pagePackets(bytes, page, at).map((p) => vorbisBlockSize(p, flags, blockSizes));
      let later = 0;
      for (let k = 1; k < blocks.length; k++) later += (blocks[k - 1] + blocks[k]) / 4;
      start = { offset: page.offset, first: page.last ? 0 : page.granule - later };
    }
    before = page.granule === -1 ? before : page.granule;
    at += page.length;
  }
  if (!start || start.first > target)
    throw new Error(`no Vorbis page to start sample ${target} from`);
  const page1 = buildOggPage([emptyVorbisComment(), setup], {
    serial: head.serial,
    sequence: 1,
    granule: 0,
  });
  return {
    prefix: Buffer.concat([headBytes, page1]),
    byteOffset: start.offset,
    firstSample: start.first,
    sampleRate,
    totalSamples,
  };
}
