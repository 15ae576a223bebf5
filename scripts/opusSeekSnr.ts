/**
 * How close Opus seeks come to `opusdec`, by pre-roll (docs/ARCHITECTURE.md, "Opus seek
 * pre-roll"). For up to 40 page boundaries of each file: the stream a seek from there sends
 * (OpusHead, our OpusTags page, the file from the next page), decoded by the worker's decoder
 * in-thread; for each pre-roll, the target exactly that far after the boundary (the worst case
 * for it), and the SNR from the target to the song's end against `opusdec` of the whole file.
 *
 * Run with `npx tsx scripts/opusSeekSnr.ts [--pre-roll 310,340,400] FILE.opus…` (milliseconds
 * decoded before the target, the pre-skip included). Needs opusdec and ffprobe (opus-tools,
 * ffmpeg).
 */
import { open, readFile } from 'node:fs/promises';
import { SongDecoder } from '../src/decoder/songDecoder';
import { parseOggPage, type OggPage } from '../src/library/oggPage';
import { planOpusSeek } from '../src/library/opusSeek';
import { referenceDecode, snrDb } from '../test/support/referenceDecoders';

const MAX_BOUNDARIES = 40;

/** Every channel of a whole decode of `bytes`, in slices as the worker gets them. */
async function decodeAll(bytes: Buffer): Promise<Float32Array[]> {
  const decoder = await SongDecoder.create();
  const chunks = [];
  for (let offset = 0; offset < bytes.length; offset += 16384) {
    const pcm = await decoder.decode(bytes.subarray(offset, offset + 16384));
    if (pcm) chunks.push(pcm);
  }
  const tail = await decoder.end();
  if (tail) chunks.push(tail);
  const length = chunks.reduce((sum, pcm) => sum + pcm.channels[0].length, 0);
  const channels = chunks[0].channels.map(() => new Float32Array(length));
  let at = 0;
  for (const pcm of chunks) {
    pcm.channels.forEach((channel, c) => channels[c].set(channel, at));
    at += pcm.channels[0].length;
  }
  return channels;
}

/** Where a seek's data can start: after each audio page with a granule, if a packet starts. */
function boundaries(bytes: Buffer): Array<{ offset: number; granule: number }> {
  const pages: OggPage[] = [];
  for (let at = 0; at < bytes.length;) {
    const page = parseOggPage(bytes, at);
    if (!page) throw new Error(`no Ogg page at ${at}`);
    pages.push(page);
    at += page.length;
  }
  const starts = [];
  for (let i = 2; i + 1 < pages.length; i++) {
    if (pages[i].granule > 0 && !pages[i + 1].continued) {
      starts.push({ offset: pages[i + 1].offset, granule: pages[i].granule });
    }
  }
  const step = Math.ceil(starts.length / MAX_BOUNDARIES);
  return starts.filter((_, k) => k % step === 0);
}

async function measure(path: string, preRollsMs: number[]): Promise<void> {
  const bytes = await readFile(path);
  const reference = await referenceDecode(path, { name: path, kind: 'opus' });
  const total = reference.channels[0].length;
  const preSkip = bytes.readUInt16LE(28 + 10);
  const handle = await open(path);
  const { prefix } = await planOpusSeek(handle, 0).finally(() => handle.close());
  const snrs = new Map<number, number[]>(preRollsMs.map((ms) => [ms, []]));
  for (const { offset, granule } of boundaries(bytes)) {
    // The data decodes from song sample granule − pre-skip and comes out from `granule` on.
    const got = await decodeAll(Buffer.concat([prefix, bytes.subarray(offset)]));
    for (const ms of preRollsMs) {
      const target = granule - preSkip + Math.round(ms * 48);
      if (target < granule || target + 4800 > total) continue;
      const rest = (channels: Float32Array[], from: number) => ({
        sampleRate: 48000,
        channels: channels.map((channel) => channel.subarray(from, from + total - target)),
      });
      const snr = snrDb(rest(reference.channels, target), rest(got, target - granule));
      snrs.get(ms)?.push(snr);
    }
  }
  console.log(`${path} (${(total / 48000).toFixed(1)} s)`);
  for (const [ms, list] of snrs) {
    const sorted = [...list].sort((a, b) => a - b);
    const worst = sorted[0]?.toFixed(1) ?? '-';
    const median = sorted[sorted.length >> 1]?.toFixed(1) ?? '-';
    console.log(`  ${ms} ms: worst ${worst} dB, median ${median} dB, ${list.length} seeks`);
  }
}

const args = process.argv.slice(2);
const flag = args.indexOf('--pre-roll');
const preRolls = flag >= 0 ? args.splice(flag, 2)[1] : '80,310,320,330,340,360,400';
for (const path of args) await measure(path, preRolls.split(',').map(Number));
