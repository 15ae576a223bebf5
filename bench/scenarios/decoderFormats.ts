import { readFile } from 'node:fs/promises';
import {
  pcmFrameCount,
  SOURCE_DECODER_WORKER,
  WorkerDecoder,
  type PcmChunk,
} from '../../src/decoder';
import { DecodeSlicer } from '../../src/player/decodeSlicer';
import { cliCpuSeconds } from '../cliDecodeCpu';
import { makeFormatSamples } from '../formatSamples';
import { metricRow, type MetricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';

/** Issue 11: every format decodes at least this many times faster than real time. */
const REAL_TIME_FLOOR = 100;
const UNIT = 'audio s / CPU s';
/**
 * Audio decoded before measuring: V8 optimises the decoders' JavaScript and tiers their WASM up
 * over the first minute or so (24-bit/192 kHz FLAC ran at ~60% of its later speed for its first
 * 60 s of audio at load 16). A player's worker lives for hours, so the steady state is measured;
 * the first decode's figure goes in the note.
 */
const WARM_AUDIO_SECONDS = 60;

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const secondsOf = (pcm: PcmChunk | null) => (pcm ? pcmFrameCount(pcm) / pcm.sampleRate : 0);

/** One whole song through the worker, as the player feeds it; the audio seconds it gave. */
async function decodeInWorker(worker: WorkerDecoder, song: Uint8Array): Promise<number> {
  await worker.reset();
  const slicer = new DecodeSlicer(); // sized as the player's pump sizes them
  let seconds = 0;
  for (let at = 0; at < song.length;) {
    const slice = song.subarray(at, at + slicer.size);
    at += slice.length;
    const sliceSeconds = secondsOf(await worker.decode(slice));
    slicer.observe(slice.length, sliceSeconds);
    seconds += sliceSeconds;
  }
  return seconds + secondsOf(await worker.end());
}

/**
 * Decoder speed per format: audio seconds per CPU second through the decoder worker (the app's
 * path: the pump's slices from DecodeSlicer, messages, both threads' CPU), against Debian's
 * reference decoder on the same file in the same run (mpg123, flac, oggdec, opusdec; ffmpeg for WAV), start-up included.
 * Reported, not asserted: the note says whether the worker path reaches 100x real time.
 */
export const decoderFormats: Scenario = {
  name: 'decoderformats',
  async run(context: BenchContext) {
    const rounds = context.quick ? 2 : 5;
    const { samples, remove } = await makeFormatSamples(context.quick ? 10 : 30);
    const worker = new WorkerDecoder(SOURCE_DECODER_WORKER);
    const rows: MetricRow[] = [];
    try {
      for (const sample of samples) {
        const song = new Uint8Array(await readFile(sample.file));
        const coldBefore = cpuSeconds();
        const audio = await decodeInWorker(worker, song); // the format's WASM made
        const cold = audio / (cpuSeconds() - coldBefore);
        if (Math.abs(audio - sample.seconds) > 0.1) {
          throw new Error(`${sample.label}: the worker gave ${audio} s of ${sample.seconds} s`);
        }
        for (let warm = audio; warm < WARM_AUDIO_SECONDS; warm += audio) {
          context.progress(`decoderformats ${sample.label} warming up`);
          await decodeInWorker(worker, song);
        }
        const ours: number[] = [];
        const cli: number[] = [];
        for (let round = 0; round < rounds; round++) {
          context.progress(`decoderformats ${sample.label} round ${round + 1}/${rounds}`);
          const before = cpuSeconds();
          await decodeInWorker(worker, song);
          ours.push(audio / (cpuSeconds() - before));
          cli.push(audio / Math.max(1e-3, await cliCpuSeconds(sample.reference)));
        }
        const row = metricRow('decoderformats', `${sample.label}, worker (app path)`, UNIT, ours, {
          reference: { label: sample.reference[0], values: cli },
        });
        const verdict = row.summary.median >= REAL_TIME_FLOOR ? 'meets' : 'BELOW';
        const size = `${(song.length / 1024).toFixed(0)} KiB, ${sample.seconds} s`;
        const first = `first decode ${cold.toFixed(0)}x`;
        const note = `${verdict} the ${REAL_TIME_FLOOR}x real-time floor; ${size}; ${first}`;
        rows.push({ ...row, note });
      }
    } finally {
      await worker.terminate();
      await remove();
    }
    return rows;
  },
};
