import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Test support: real images and songs that carry them, made by Debian's tools (ffmpeg, sox, flac,
 * metaflac, oggenc, vorbiscomment; installed by .ci/run) in a temp folder. Nothing is committed.
 */
const run = promisify(execFile);

/** A JPEG of noise (noise does not compress: `side` 1000 gives about 1 MB) or a small PNG. */
export async function makeImage(file: string, kind: 'noise-jpeg' | 'png', side = 64) {
  const source =
    kind === 'png'
      ? `testsrc=size=${side}x${side}`
      : `nullsrc=s=${side}x${side},geq=random(1)*255:random(1)*255:random(1)*255`;
  await run(
    'ffmpeg',
    ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-frames:v', '1']
      .concat(kind === 'png' ? [] : ['-q:v', '2'])
      .concat([file]),
  );
  return readFile(file);
}

/** Hidden, so a library scan leaves the source out. */
const hiddenSource = (file: string) => join(dirname(file), `.${basename(file)}.src.wav`);

async function toneWav(file: string): Promise<void> {
  await run('sox', ['-n', '-r', '44100', '-c', '2', '-b', '16', file, 'synth', '1', 'sine', '440']);
}

/** A FLAC song, with `picture` as its front cover (a FLAC PICTURE block) when given. */
export async function makeFlac(
  file: string,
  picture?: string,
  tags: Record<string, string> = {},
): Promise<void> {
  const wav = hiddenSource(file);
  await toneWav(wav);
  await run('flac', ['-s', '-f', '-o', file, wav]);
  if (picture) await run('metaflac', [`--import-picture-from=3||||${picture}`, file]);
  const settings = Object.entries(tags).map(([name, value]) => `--set-tag=${name}=${value}`);
  if (settings.length > 0) await run('metaflac', [...settings, file]);
}

/** An MP3 song, with `picture` as an ID3v2 APIC front cover when given. */
export async function makeMp3(file: string, picture?: string): Promise<void> {
  const wav = hiddenSource(file);
  await toneWav(wav);
  const cover = picture
    ? [
        '-i',
        picture,
        '-map',
        '0',
        '-map',
        '1',
        '-c:v',
        'copy',
        '-metadata:s:v',
        'comment=Cover (front)',
      ]
    : [];
  await run('ffmpeg', [
    ...['-v', 'error', '-y', '-i', wav, ...cover, '-c:a', 'libmp3lame', '-b:a', '128k'],
    ...['-id3v2_version', '3', file],
  ]);
}

/** An Ogg Vorbis song, with `picture` in a METADATA_BLOCK_PICTURE comment when given. */
export async function makeVorbis(file: string, picture?: Buffer, mime = 'image/jpeg') {
  const wav = hiddenSource(file);
  await toneWav(wav);
  await run('oggenc', ['-Q', '-o', file, wav]);
  if (!picture) return;
  const head = Buffer.alloc(8);
  head.writeUInt32BE(3, 0); // front cover
  head.writeUInt32BE(mime.length, 4);
  const sizes = Buffer.alloc(20);
  sizes.writeUInt32BE(picture.length, 16);
  const block = Buffer.concat([head, Buffer.from(mime), Buffer.alloc(4), sizes, picture]);
  const comments = join(dirname(file), `.${Date.now()}-comments.txt`);
  await writeFile(comments, `TITLE=Covered\nMETADATA_BLOCK_PICTURE=${block.toString('base64')}\n`);
  await run('vorbiscomment', ['-w', '-c', comments, file]);
}
