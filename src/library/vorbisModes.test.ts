import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pagePackets, parseOggPage } from './oggPage';
import { vorbisBlockSize, vorbisModeBlockFlags } from './vorbisModes';

const run = promisify(execFile);

/** The header packets and first audio packets of an oggenc file, reassembled from its pages. */
async function oggencPackets(): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'tidewave-vorbis-modes-'));
  try {
    const wav = join(dir, 'a.wav');
    await run('sox', ['-n', '-r', '44100', '-c', '2', '-b', '16', wav, 'synth', '1', 'pinknoise']);
    await run('oggenc', ['-Q', '-o', join(dir, 'a.ogg'), wav]);
    const file = await readFile(join(dir, 'a.ogg'));
    const packets: Buffer[] = [];
    let open: Buffer[] = [];
    for (let at = 0; at < file.length;) {
      const page = parseOggPage(file, at)!;
      const list = pagePackets(file, page, at);
      list.forEach((packet, i) => {
        open.push(packet);
        if (i < list.length - 1 || page.lacing.at(-1) !== 255) {
          packets.push(Buffer.concat(open));
          open = [];
        }
      });
      at += page.length;
    }
    return packets;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('Vorbis modes', () => {
  it('reads the mode table of an encoder setup header, and each packet block size', async () => {
    const [id, comment, setup, ...audio] = await oggencPackets();
    expect([id[0], comment[0], setup[0]]).toEqual([1, 3, 5]);
    // libvorbis writes two modes: short blocks, then long ones.
    expect(vorbisModeBlockFlags(setup)).toEqual([0, 1]);
    const sizes: [number, number] = [1 << (id[28] & 15), 1 << (id[28] >> 4)];
    const blocks = audio.map((packet) => vorbisBlockSize(packet, [0, 1], sizes));
    expect(new Set(blocks)).toEqual(new Set(sizes));
  });

  it('refuses a setup header with no mode table', () => {
    expect(() => vorbisModeBlockFlags(new Uint8Array(8))).toThrow();
    expect(() => vorbisModeBlockFlags(Uint8Array.from([5, 0xff, 0x13, 0x01]))).toThrow();
  });
});
