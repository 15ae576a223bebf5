import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Test support: small songs of every format, made in a temp folder by Debian's encoders (sox,
 * flac, oggenc, opusenc, vorbiscomment; installed by .ci/run). Nothing here is committed.
 */
const run = promisify(execFile);

export interface Fixture {
  /** File name inside the folder. */
  name: string;
  /** What the reference decoder must agree with. */
  kind: 'flac' | 'vorbis' | 'opus' | 'wav';
  /** Bits per sample of a FLAC or integer WAV, for bit-exact comparison. */
  bits?: number;
  /** A chained Ogg file: the names of its links, decoded one after another by the reference. */
  links?: string[];
}

export interface Tone {
  seconds: number;
  rate: number;
  channels: number;
  bits: number;
  float?: boolean;
}

/** A different tone in each channel (so a swapped channel shows), under full scale. */
export async function tone(
  path: string,
  { seconds, rate, channels, bits, float }: Tone,
): Promise<void> {
  const tones = Array.from({ length: channels }, (_, i) => ['sine', String(220 + 110 * i)]).flat();
  const encoding = float ? 'floating-point' : 'signed-integer';
  await run('sox', [
    ...['-n', '-r', String(rate), '-c', String(channels), '-b', String(bits)],
    ...['-e', encoding, path, 'synth', String(seconds), ...tones, 'tremolo', '3', '40'],
    ...['gain', '-3'],
  ]);
}

/** A WAV with a 7-byte chunk (plus its pad byte) between `fmt ` and `data`. */
async function withOddChunk(source: string, target: string): Promise<void> {
  const wav = await readFile(source);
  let offset = 12;
  while (wav.toString('latin1', offset, offset + 4) !== 'data') {
    offset += 8 + wav.readUInt32LE(offset + 4);
  }
  const odd = Buffer.concat([
    Buffer.from('junk'),
    Buffer.from([7, 0, 0, 0]),
    Buffer.from('odd!!!!'),
    Buffer.from([0]),
  ]);
  const out = Buffer.concat([wav.subarray(0, offset), odd, wav.subarray(offset)]);
  out.writeUInt32LE(out.length - 8, 4);
  await writeFile(target, out);
}

/** A FLAC picture block as Vorbis comments carry it (METADATA_BLOCK_PICTURE, base64). */
function pictureComment(imageBytes: number): string {
  const mime = Buffer.from('image/jpeg');
  const image = Buffer.alloc(imageBytes);
  for (let i = 0; i < imageBytes; i++) image[i] = (i * 2654435761) >>> 24;
  const fields = Buffer.alloc(32);
  fields.writeUInt32BE(3, 0); // front cover
  fields.writeUInt32BE(mime.length, 4);
  const block = Buffer.concat([
    fields.subarray(0, 8),
    mime,
    Buffer.alloc(4), // description length 0
    Buffer.from([0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 24, 0, 0, 0, 0]), // 512x512, 24 bit, 0 colours
    Buffer.from([
      imageBytes >>> 24,
      (imageBytes >>> 16) & 255,
      (imageBytes >>> 8) & 255,
      imageBytes & 255,
    ]),
    image,
  ]);
  return `METADATA_BLOCK_PICTURE=${block.toString('base64')}`;
}

/** Makes every fixture in `dir` and lists them. Takes a few seconds. */
export async function makeFormatFixtures(dir: string): Promise<Fixture[]> {
  // Hidden, so the library scan leaves the sources out.
  const src = (name: string) => join(dir, `.src-${name}.wav`);
  await Promise.all([
    tone(src('cd'), { seconds: 3, rate: 44100, channels: 2, bits: 16 }),
    tone(src('hires'), { seconds: 2, rate: 96000, channels: 2, bits: 24 }),
    tone(src('six'), { seconds: 2, rate: 48000, channels: 6, bits: 16 }),
    tone(src('phone'), { seconds: 2, rate: 8000, channels: 1, bits: 16 }),
    tone(src('s32'), { seconds: 1, rate: 48000, channels: 2, bits: 32 }),
    tone(src('f32'), { seconds: 1, rate: 192000, channels: 2, bits: 32, float: true }),
    tone(src('w24'), { seconds: 1, rate: 192000, channels: 2, bits: 24 }),
    tone(src('v22'), { seconds: 1, rate: 22050, channels: 1, bits: 16 }),
  ]);
  const flac = (from: string, to: string) =>
    run('flac', ['-s', '-f', '-o', join(dir, to), src(from)]);
  const ogg = (from: string, to: string, serial: number) =>
    run('oggenc', ['-Q', '--serial', String(serial), '-o', join(dir, to), src(from)]);
  await Promise.all([
    flac('cd', 'cd.flac'),
    flac('hires', 'hires 24-bit 96k.flac'),
    flac('six', 'six channels.flac'),
    ogg('cd', 'cd.ogg', 1),
    ogg('cd', 'cover.ogg', 2),
    ogg('v22', 'link-b.ogg', 3),
    run('opusenc', ['--quiet', '--serial', '4', src('cd'), join(dir, 'cd.opus')]),
    run('opusenc', ['--quiet', '--serial', '5', src('phone'), join(dir, 'phone 8k mono.opus')]),
    copyFile(src('cd'), join(dir, 'cd16.wav')),
    copyFile(src('w24'), join(dir, 'w24 192k.wav')),
    copyFile(src('s32'), join(dir, 's32.wav')),
    copyFile(src('f32'), join(dir, 'float 192k.wav')),
    withOddChunk(src('cd'), join(dir, 'odd chunk.wav')),
  ]);
  await copyFile(join(dir, 'cd.flac'), join(dir, 'really flac.mp3'));
  // A 600 KB cover: the comment header spans dozens of Ogg pages before the first audio.
  await writeFile(join(dir, 'cover.txt'), `${pictureComment(600_000)}\nTITLE=Covered\n`);
  await run('vorbiscomment', ['-w', '-c', join(dir, 'cover.txt'), join(dir, 'cover.ogg')]);
  // Two links of different rates and channel counts, one after the other in one file.
  const chained = Buffer.concat([
    await readFile(join(dir, 'cd.ogg')),
    await readFile(join(dir, 'link-b.ogg')),
  ]);
  await writeFile(join(dir, 'chained.ogg'), chained);
  return [
    { name: 'cd.flac', kind: 'flac', bits: 16 },
    { name: 'hires 24-bit 96k.flac', kind: 'flac', bits: 24 },
    { name: 'six channels.flac', kind: 'flac', bits: 16 },
    { name: 'really flac.mp3', kind: 'flac', bits: 16 },
    { name: 'cd.ogg', kind: 'vorbis' },
    { name: 'cover.ogg', kind: 'vorbis' },
    { name: 'chained.ogg', kind: 'vorbis', links: ['cd.ogg', 'link-b.ogg'] },
    { name: 'link-b.ogg', kind: 'vorbis' },
    { name: 'cd.opus', kind: 'opus' },
    { name: 'phone 8k mono.opus', kind: 'opus' },
    { name: 'cd16.wav', kind: 'wav', bits: 16 },
    { name: 'w24 192k.wav', kind: 'wav', bits: 24 },
    { name: 's32.wav', kind: 'wav', bits: 32 },
    { name: 'float 192k.wav', kind: 'wav' },
    { name: 'odd chunk.wav', kind: 'wav', bits: 16 },
  ];
}
