import { Mp3Encoder } from '@breezystack/lamejs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from 'music-metadata';

const SAMPLE_RATE = 44_100;
const KBPS = 320;
/** Encoded once, then repeated: lamejs runs at about 15x real time, far too slow for an hour. */
const SEGMENT_SECONDS = 6;

export interface GeneratedSong {
  /** A folder holding just this song, to serve as a library. */
  folder: string;
  file: string;
  sizeBytes: number;
  durationSeconds: number;
  /** Size over duration: what the server's pacer and a player's clock go by. */
  bytesPerSecond: number;
}

/** Two sine tones, one per channel, as 320 kbit/s constant-bitrate stereo MP3. */
function encodeSegment(): Buffer {
  const encoder = new Mp3Encoder(2, SAMPLE_RATE, KBPS);
  const count = SEGMENT_SECONDS * SAMPLE_RATE;
  const left = new Int16Array(count);
  const right = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    left[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE) * 12_000);
    right[i] = Math.round(Math.sin((2 * Math.PI * 660 * i) / SAMPLE_RATE) * 9_000);
  }
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i += 1152) {
    parts.push(
      asBuffer(encoder.encodeBuffer(left.subarray(i, i + 1152), right.subarray(i, i + 1152))),
    );
  }
  parts.push(asBuffer(encoder.flush()));
  return Buffer.concat(parts);
}

// lamejs declares Uint8Array but returns Int8Array; view the same bytes.
function asBuffer(bytes: ArrayBufferView): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Long 320 kbit/s songs made for the bench in a temporary folder. Repeating a lamejs segment
 * gives a valid stream: each copy starts with an empty bit reservoir, and there is no Xing or
 * Info frame, so the duration comes from the bitrate and size.
 */
export class SongFixtures {
  private segment: Buffer | null = null;
  private readonly made = new Map<number, Promise<GeneratedSong>>();

  private constructor(private readonly root: string) {}

  static async create(): Promise<SongFixtures> {
    return new SongFixtures(await mkdtemp(path.join(os.tmpdir(), 'tidewave-bench-')));
  }

  /** A song of about `minutes`, made once per run. */
  song320(minutes: number): Promise<GeneratedSong> {
    let song = this.made.get(minutes);
    if (!song) {
      song = this.make(minutes);
      this.made.set(minutes, song);
    }
    return song;
  }

  async dispose(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  private async make(minutes: number): Promise<GeneratedSong> {
    this.segment ??= encodeSegment();
    const copies = Math.max(1, Math.round((minutes * 60) / SEGMENT_SECONDS));
    const folder = path.join(this.root, `song-${minutes}min`);
    const file = path.join(folder, `${minutes} minutes at ${KBPS} kbps.mp3`);
    await mkdir(folder, { recursive: true });
    await writeFile(file, Buffer.concat(Array<Buffer>(copies).fill(this.segment)));
    const { format } = await parseFile(file, { duration: true });
    const durationSeconds = format.duration ?? copies * SEGMENT_SECONDS;
    const sizeBytes = this.segment.length * copies;
    return {
      folder,
      file,
      sizeBytes,
      durationSeconds,
      bytesPerSecond: sizeBytes / durationSeconds,
    };
  }
}
