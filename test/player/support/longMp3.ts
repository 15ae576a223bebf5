import { readFileSync } from 'node:fs';
import { id3v2TagLength } from '../../../src/library/id3v2TagLength';
import { parseFrameHeader } from '../../../src/library/mp3FrameHeader';

export interface LongMp3 {
  bytes: Buffer;
  /** Audio frames in the file; each decodes to `samplesPerFrame` samples. */
  frames: number;
  samplesPerFrame: number;
  sampleRate: number;
}

/**
 * A long MP3 made of a bundled song's audio frames repeated `repeats` times, after the song's own
 * ID3 tag. The Info frame is left out so no decoder trims the result to the original length.
 */
export function buildLongMp3(sourcePath: string, repeats: number): LongMp3 {
  const source = readFileSync(sourcePath);
  const tagLength = id3v2TagLength(source);
  const info = parseFrameHeader(source, tagLength);
  if (!info) throw new Error(`${sourcePath} does not start with an MPEG frame`);
  const audioStart = tagLength + info.frameLength;
  let offset = audioStart;
  let frames = 0;
  for (
    let header = parseFrameHeader(source, offset);
    header;
    header = parseFrameHeader(source, offset)
  ) {
    offset += header.frameLength;
    frames++;
  }
  const audio = source.subarray(audioStart, offset);
  return {
    bytes: Buffer.concat([source.subarray(0, tagLength), ...Array<Buffer>(repeats).fill(audio)]),
    frames: frames * repeats,
    samplesPerFrame: info.samplesPerFrame,
    sampleRate: info.sampleRate,
  };
}
