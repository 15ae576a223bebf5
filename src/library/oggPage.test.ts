import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildOggPage, parseOggPage } from './oggPage';

const run = promisify(execFile);

describe('Ogg pages', () => {
  it('reads an encoder page by page, each with a valid checksum', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidewave-ogg-page-'));
    try {
      const wav = join(dir, 'a.wav');
      await run('sox', [
        '-n',
        '-r',
        '48000',
        '-c',
        '1',
        '-b',
        '16',
        wav,
        'synth',
        '1',
        'sine',
        '440',
      ]);
      await run('opusenc', ['--quiet', '--serial', '77', wav, join(dir, 'a.opus')]);
      const file = await readFile(join(dir, 'a.opus'));
      let offset = 0;
      const sequences: number[] = [];
      while (offset < file.length) {
        const page = parseOggPage(file, offset);
        expect(page, `page at ${offset}`).not.toBeNull();
        expect(page!.serial).toBe(77);
        sequences.push(page!.sequence);
        offset += page!.length;
      }
      expect(offset).toBe(file.length);
      expect(sequences).toEqual(sequences.map((_, i) => i));
      // One byte changed: the checksum no longer holds.
      const changed = Buffer.from(file);
      changed[40] ^= 0x10;
      expect(parseOggPage(changed, 0)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('builds a page that parses back, for packets of any length', () => {
    for (const length of [0, 16, 254, 255, 256, 510, 10_000]) {
      const packet = Buffer.alloc(length, 7);
      const page = buildOggPage(packet, { serial: 5, sequence: 1, granule: 1234 });
      const parsed = parseOggPage(page, 0);
      expect(parsed, `${length} bytes`).toMatchObject({ serial: 5, sequence: 1, granule: 1234 });
      expect(parsed!.length).toBe(page.length);
      expect(parsed!.lacing.at(-1)).toBeLessThan(255);
    }
  });
});
