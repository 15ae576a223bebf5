import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { flacFrameOffsets } from './flacFrameOffsets';

const run = promisify(execFile);

export const FALSE_SYNC_RATE = 44100;
export const FALSE_SYNC_BLOCK = 1152;
const FRAMES = 30;

export interface FalseSyncSong {
  /** The FLAC file's bytes. */
  bytes: Uint8Array;
  /** Where each frame starts, by `flac -a`. */
  offsets: number[];
  /** The frame whose audio holds a copy of its successor's header. */
  frame: number;
  /** Where in the file that copy is. */
  copyAt: number;
  /** The samples encoded, per channel (16-bit integers). */
  samples: Int16Array[];
}

/**
 * Test support: a valid FLAC song (16-bit stereo, `flac`'s VERBATIM subframes, so a frame's audio
 * is its samples' bytes) whose frame 5 carries, inside its audio, an exact copy of frame 6's
 * header: sync, codes, frame number and CRC-8 all right. A splitter that trusts a successor's
 * header alone cuts frame 5 there; `flac -d` (libFLAC reading frame after frame) does not care.
 */
export async function makeFalseSyncSong(dir: string): Promise<FalseSyncSong> {
  const length = FRAMES * FALSE_SYNC_BLOCK;
  const samples = [new Int16Array(length), new Int16Array(length)];
  let seed = 12345;
  for (let i = 0; i < length; i++) {
    for (const channel of samples) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      channel[i] = (seed >>> 16) - 32768;
    }
  }
  const frame = 5;
  const first = await encode(dir, samples);
  // A frame's header, then one subframe header byte, then channel 0's samples big-endian.
  const next = first.offsets[frame + 1];
  // Sync, two code bytes, a one-byte frame number, CRC-8; then VERBATIM's subframe header.
  const headerLength = 6;
  if (first.bytes[next + headerLength] !== 0x02) throw new Error('frame 6 is not VERBATIM');
  const header = first.bytes.subarray(next, next + headerLength);
  const at = frame * FALSE_SYNC_BLOCK + 500; // sample 500 of frame 5, channel 0
  for (let i = 0; i < header.length; i += 2) {
    samples[0][at + i / 2] = (((header[i] << 8) | (header[i + 1] ?? 0)) << 16) >> 16;
  }
  const song = await encode(dir, samples);
  const copyAt = song.offsets[frame] + headerLength + 1 + 500 * 2;
  const copy = song.bytes.subarray(copyAt, copyAt + headerLength);
  const real = song.bytes.subarray(song.offsets[frame + 1], song.offsets[frame + 1] + headerLength);
  if (!Buffer.from(copy).equals(Buffer.from(real))) {
    throw new Error('the crafted song does not hold its next header inside frame 5');
  }
  return { ...song, frame, copyAt, samples };
}

async function encode(
  dir: string,
  samples: Int16Array[],
): Promise<{ bytes: Uint8Array; offsets: number[] }> {
  const raw = new Int16Array(samples[0].length * 2);
  for (let i = 0; i < samples[0].length; i++) {
    raw[2 * i] = samples[0][i];
    raw[2 * i + 1] = samples[1][i];
  }
  const rawPath = join(dir, 'false-sync.raw');
  const flacPath = join(dir, 'false-sync.flac');
  await writeFile(rawPath, new Uint8Array(raw.buffer));
  await run('flac', [
    ...['-s', '-f', '--force-raw-format', '--endian=little', '--sign=signed'],
    ...['--channels=2', '--bps=16', `--sample-rate=${FALSE_SYNC_RATE}`],
    ...['-b', String(FALSE_SYNC_BLOCK), '-l', '0', '--no-mid-side'],
    ...['--disable-constant-subframes', '--disable-fixed-subframes', '-o', flacPath, rawPath],
  ]);
  return {
    bytes: new Uint8Array(await readFile(flacPath)),
    offsets: await flacFrameOffsets(flacPath),
  };
}
