import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlacFrameHeader, parseStreamInfo } from './flacFrameHeader';

const run = promisify(execFile);

describe('FLAC frame headers', () => {
  let dir: string;
  let file: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-flac-header-'));
    const wav = join(dir, 'a.wav');
    await run('sox', ['-n', '-r', '48000', '-c', '2', '-b', '24', wav, 'synth', '1', 'pinknoise']);
    await run('flac', [
      '-s',
      '-f',
      '--no-seektable',
      '--no-padding',
      '-o',
      join(dir, 'a.flac'),
      wav,
    ]);
    file = await readFile(join(dir, 'a.flac'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads STREAMINFO', () => {
    // fLaC, then the STREAMINFO block (the only one: no seek table, no padding… and a comment).
    const info = parseStreamInfo(file.subarray(8, 42));
    expect(info).toMatchObject({ sampleRate: 48000, channels: 2, bitsPerSample: 24 });
    expect(info.totalSamples).toBe(48000);
  });

  it('finds every frame in order, each starting where the one before ended', () => {
    const info = parseStreamInfo(file.subarray(8, 42));
    let expected = 0;
    let frames = 0;
    for (let i = file.indexOf(0xff); i !== -1; i = file.indexOf(0xff, i + 1)) {
      const header = parseFlacFrameHeader(file, i, info);
      if (!header) continue;
      expect(header.firstSample).toBe(expected);
      expected += header.blockSize;
      frames++;
    }
    expect(expected).toBe(info.totalSamples);
    expect(frames).toBeGreaterThan(5);
  });

  it('refuses a header with one bit changed (CRC-8), or of another channel count', () => {
    const info = parseStreamInfo(file.subarray(8, 42));
    const at = file.indexOf(Buffer.from([0xff, 0xf8]), 42);
    expect(parseFlacFrameHeader(file, at, info)).not.toBeNull();
    const changed = Buffer.from(file.subarray(at, at + 16));
    changed[4] ^= 1;
    expect(parseFlacFrameHeader(changed, 0, info)).toBeNull();
    expect(parseFlacFrameHeader(file, at, { ...info, channels: 1 })).toBeNull();
  });
});
