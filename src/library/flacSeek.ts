import type { FileHandle } from 'node:fs/promises';
import { parseFlacFrameHeader, parseStreamInfo, type FlacStreamInfo } from './flacFrameHeader';
import type { FormatSeekPlan } from './formatSeek';
import { id3v2TagLength } from './id3v2TagLength';
import { readAt } from './readAt';
import { PastEndError } from './seekPlan';

interface FlacLayout {
  info: FlacStreamInfo;
  streamInfoBody: Buffer;
  /** File offset of the first frame. */
  audioOffset: number;
  /** Seek points as (sample, file offset), placeholders left out. */
  seekPoints: Array<{ sample: number; offset: number }>;
}

const MAX_BLOCKS = 1000;
/** Below this distance between the bounds, the frames are read in one go and walked. */
const SCAN_BYTES = 128 * 1024;
const PROBE_BYTES = 64 * 1024;
const SEEK_POINT_BYTES = 18;

async function readFlacLayout(file: FileHandle): Promise<FlacLayout> {
  let offset = 0;
  // Some taggers put ID3v2 in front of FLAC (the sniffer allows it too).
  for (let tags = 0; tags < 16; tags++) {
    const length = id3v2TagLength(await readAt(file, offset, 10));
    if (length === 0) break;
    offset += length;
  }
  if ((await readAt(file, offset, 4)).toString('latin1') !== 'fLaC') throw new Error('not FLAC');
  offset += 4;
  let streamInfoBody: Buffer | null = null;
  const seekPoints: FlacLayout['seekPoints'] = [];
  let seekTable: Buffer | null = null;
  for (let block = 0; block < MAX_BLOCKS; block++) {
    const head = await readAt(file, offset, 4);
    if (head.length < 4) throw new Error('FLAC metadata ends early');
    const type = head[0] & 0x7f;
    const length = head.readUIntBE(1, 3);
    if (type === 0) streamInfoBody = await readAt(file, offset + 4, 34);
    if (type === 3) seekTable = await readAt(file, offset + 4, length);
    offset += 4 + length;
    if (head[0] & 0x80) break;
  }
  if (!streamInfoBody) throw new Error('no FLAC STREAMINFO');
  for (let at = 0; seekTable && at + SEEK_POINT_BYTES <= seekTable.length; at += 18) {
    const sample = Number(seekTable.readBigUInt64BE(at));
    if (seekTable.readUInt32BE(at) === 0xffffffff) continue; // a placeholder
    seekPoints.push({ sample, offset: offset + Number(seekTable.readBigUInt64BE(at + 8)) });
  }
  return { info: parseStreamInfo(streamInfoBody), streamInfoBody, audioOffset: offset, seekPoints };
}

/** `fLaC` and STREAMINFO alone (marked last): what a decoder needs before any frame. */
export function flacStreamHeader(streamInfoBody: Buffer): Buffer {
  const header = Buffer.alloc(8 + 34);
  header.write('fLaC', 0, 'latin1');
  header[4] = 0x80; // last metadata block, type 0 (STREAMINFO)
  header.writeUIntBE(34, 5, 3);
  streamInfoBody.copy(header, 8, 0, 34);
  return header;
}

interface FoundFrame {
  offset: number;
  firstSample: number;
  blockSize: number;
}

/** Every frame header in `bytes` (read from file offset `base`), in order. */
function framesIn(bytes: Buffer, base: number, info: FlacStreamInfo): FoundFrame[] {
  const found: FoundFrame[] = [];
  for (let i = bytes.indexOf(0xff); i !== -1; i = bytes.indexOf(0xff, i + 1)) {
    const header = parseFlacFrameHeader(bytes, i, info);
    if (header) found.push({ offset: base + i, ...header });
  }
  return found;
}

/** The first frame starting at or after `from` and before `before`, or null. */
async function firstFrameFrom(
  file: FileHandle,
  from: number,
  before: number,
  info: FlacStreamInfo,
): Promise<FoundFrame | null> {
  for (let at = from; at < before; at += PROBE_BYTES) {
    const bytes = await readAt(file, at, Math.min(PROBE_BYTES, before - at) + 32);
    const frame = framesIn(bytes, at, info).find((f) => f.offset < before);
    if (frame) return frame;
    if (bytes.length === 0) break;
  }
  return null;
}

/**
 * A FLAC seek starts at the frame holding the requested sample: frames decode on their own, so
 * the stream is STREAMINFO, then the file from that frame. The frame is found from the seek
 * table's nearest points, then by halving the gap between frame syncs (each frame header says
 * its first sample), then by walking the last stretch frame by frame.
 */
export async function planFlacSeek(file: FileHandle, seconds: number): Promise<FormatSeekPlan> {
  const { size } = await file.stat();
  const layout = await readFlacLayout(file);
  const { info } = layout;
  if (info.totalSamples === 0 || info.sampleRate === 0) throw new Error('FLAC of unknown length');
  const target = Math.max(0, Math.round(seconds * info.sampleRate));
  if (!(target < info.totalSamples)) {
    throw new PastEndError(seconds, info.totalSamples / info.sampleRate);
  }
  // Frames starting at or after `high` start after the target; the frame at `low` does not.
  let low = layout.audioOffset;
  let high = size;
  for (const point of layout.seekPoints) {
    if (point.offset < low || point.offset > high) continue;
    if (point.sample > target) high = point.offset;
    else low = point.offset;
  }
  while (high - low > SCAN_BYTES) {
    const middle = low + Math.floor((high - low) / 2);
    const frame = await firstFrameFrom(file, middle, high, info);
    if (frame === null) high = middle;
    else if (frame.firstSample <= target) low = frame.offset;
    else high = frame.offset;
  }
  const tail = Math.max(info.maxBlockSize * info.channels * 4, PROBE_BYTES);
  const bytes = await readAt(file, low, high - low + tail);
  const frames = framesIn(bytes, low, info);
  // The frame holding the target, confirmed by the next frame starting where it ends (a false
  // sync inside audio data would have to fake both).
  const holder = frames.find(
    (frame, i) =>
      frame.offset < high &&
      frame.firstSample <= target &&
      target < frame.firstSample + frame.blockSize &&
      (frame.firstSample + frame.blockSize >= info.totalSamples ||
        frames
          .slice(i + 1)
          .some((next) => next.firstSample === frame.firstSample + frame.blockSize)),
  );
  if (!holder) throw new Error(`no FLAC frame found for sample ${target}`);
  return {
    prefix: flacStreamHeader(layout.streamInfoBody),
    byteOffset: holder.offset,
    firstSample: holder.firstSample,
    sampleRate: info.sampleRate,
    totalSamples: info.totalSamples,
  };
}
