import type { FileHandle } from 'node:fs/promises';
import type { FormatSeekPlan } from './formatSeek';
import { readAt } from './readAt';
import { PastEndError } from './seekPlan';

/** What a WAV seek needs from the file's chunks. */
export interface WavLayout {
  /** The `fmt ` chunk's body, as in the file. */
  formatBody: Buffer;
  sampleRate: number;
  blockAlign: number;
  /** File offset of the first sample frame. */
  dataOffset: number;
  /** Whole sample frames in the data chunk (as declared, cut to what the file holds). */
  totalSamples: number;
}

const MAX_CHUNKS = 1000;

/** Walks the RIFF chunks to `fmt ` and `data`; throws when they are not there. */
export async function readWavLayout(file: FileHandle, audioOffset = 0): Promise<WavLayout> {
  const { size } = await file.stat();
  const riff = await readAt(file, audioOffset, 12);
  if (riff.toString('latin1', 0, 4) !== 'RIFF' || riff.toString('latin1', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF WAVE file');
  }
  let formatBody: Buffer | null = null;
  let position = audioOffset + 12;
  for (let chunk = 0; chunk < MAX_CHUNKS && position + 8 <= size; chunk++) {
    const head = await readAt(file, position, 8);
    const id = head.toString('latin1', 0, 4);
    const length = head.readUInt32LE(4);
    if (id === 'fmt ') formatBody = await readAt(file, position + 8, Math.min(length, 1024));
    if (id === 'data') {
      if (!formatBody || formatBody.length < 16) throw new Error('no WAV format before the data');
      const blockAlign = formatBody.readUInt16LE(12);
      if (blockAlign === 0) throw new Error('a WAV block size of 0');
      const dataBytes = Math.min(length, size - (position + 8));
      return {
        formatBody,
        sampleRate: formatBody.readUInt32LE(4),
        blockAlign,
        dataOffset: position + 8,
        totalSamples: Math.floor(dataBytes / blockAlign),
      };
    }
    position += 8 + length + (length % 2);
  }
  throw new Error('no WAV data chunk');
}

/**
 * A minimal WAV header (RIFF, `fmt ` as in the file, `data` declaring `dataBytes`), so that
 * the bytes after it decode as a WAV of their own. Chunks other than `fmt ` are left out.
 */
export function wavHeader(formatBody: Buffer, dataBytes: number): Buffer {
  const pad = formatBody.length % 2;
  const header = Buffer.alloc(12 + 8 + formatBody.length + pad + 8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(Math.min(0xffffffff, header.length - 8 + dataBytes), 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(formatBody.length, 16);
  formatBody.copy(header, 20);
  const data = 20 + formatBody.length + pad;
  header.write('data', data, 'latin1');
  header.writeUInt32LE(dataBytes, data + 4);
  return header;
}

/**
 * A WAV seek is exact by block alignment: the data starts at the requested sample frame itself,
 * behind a header declaring just the frames left.
 */
export function planWavLayoutSeek(layout: WavLayout, seconds: number): FormatSeekPlan {
  const { sampleRate, blockAlign, totalSamples } = layout;
  const target = Math.max(0, Math.round(seconds * sampleRate));
  if (!(target < totalSamples)) throw new PastEndError(seconds, totalSamples / sampleRate);
  return {
    prefix: wavHeader(layout.formatBody, (totalSamples - target) * blockAlign),
    byteOffset: layout.dataOffset + target * blockAlign,
    firstSample: target,
    sampleRate,
    totalSamples,
  };
}

export async function planWavSeek(file: FileHandle, seconds: number): Promise<FormatSeekPlan> {
  return planWavLayoutSeek(await readWavLayout(file), seconds);
}
