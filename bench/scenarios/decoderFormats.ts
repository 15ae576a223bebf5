import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { askChild } from '../askChild';
import { cliCpuSeconds } from '../cliDecodeCpu';
import type { DecodeReply, DecodeRequest } from '../decoderFormatsProcess';
import { makeFormatSamples } from '../formatSamples';
import { metricRow, type MetricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { spawnTsChild } from '../spawnTsChild';

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
/** However loaded the machine, one whole song decodes well within this. */
const DECODE_TIMEOUT_MS = 120_000;
const DECODER_ENTRY = fileURLToPath(new URL('../decoderFormatsProcess.ts', import.meta.url));

/**
 * The decoder worker in a process of its own (decoderFormatsProcess.ts says why), asked to
 * decode one whole song at a time. The reference CLI runs from this process, between decodes,
 * so its fork touches none of the measured process's memory.
 */
class DecoderProcess {
  private readonly child = spawnTsChild(DECODER_ENTRY, []);
  private readonly exited = once(this.child, 'exit');

  async decode(file: string): Promise<{ audioSeconds: number; cpuSeconds: number }> {
    const request: DecodeRequest = { type: 'decode', file };
    const what = `decoding ${file}`;
    const answer = await askChild<DecodeReply>(this.child, request, DECODE_TIMEOUT_MS, what);
    if (answer.type === 'failed') throw new Error(answer.message);
    return answer;
  }

  async close(): Promise<void> {
    if (this.child.connected) this.child.disconnect();
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(killer);
  }
}

/**
 * Decoder speed per format: audio seconds per CPU second through the decoder worker (the app's
 * path: the pump's slices from DecodeSlicer, messages, both threads' CPU, in a process that holds
 * only the player's decoding, as the app's does), against Debian's reference decoder on the same
 * file in the same run (mpg123, flac, oggdec, opusdec; ffmpeg for WAV), start-up included.
 * Reported, not asserted: the note says whether the worker path reaches 100x real time.
 */
export const decoderFormats: Scenario = {
  name: 'decoderformats',
  async run(context: BenchContext) {
    const rounds = context.quick ? 2 : 5;
    const { samples, remove } = await makeFormatSamples(context.quick ? 10 : 30);
    const decoder = new DecoderProcess();
    const rows: MetricRow[] = [];
    try {
      for (const sample of samples) {
        const first = await decoder.decode(sample.file); // the format's WASM made
        const audio = first.audioSeconds;
        const cold = audio / first.cpuSeconds;
        if (Math.abs(audio - sample.seconds) > 0.1) {
          throw new Error(`${sample.label}: the worker gave ${audio} s of ${sample.seconds} s`);
        }
        for (let warm = audio; warm < WARM_AUDIO_SECONDS; warm += audio) {
          context.progress(`decoderformats ${sample.label} warming up`);
          await decoder.decode(sample.file);
        }
        const ours: number[] = [];
        const cli: number[] = [];
        for (let round = 0; round < rounds; round++) {
          context.progress(`decoderformats ${sample.label} round ${round + 1}/${rounds}`);
          ours.push(audio / (await decoder.decode(sample.file)).cpuSeconds);
          cli.push(audio / Math.max(1e-3, await cliCpuSeconds(sample.reference)));
        }
        const row = metricRow('decoderformats', `${sample.label}, worker (app path)`, UNIT, ours, {
          reference: { label: sample.reference[0], values: cli },
        });
        const verdict = row.summary.median >= REAL_TIME_FLOOR ? 'meets' : 'BELOW';
        const size = `${((await stat(sample.file)).size / 1024).toFixed(0)} KiB, ${sample.seconds} s`;
        const note = `${verdict} the ${REAL_TIME_FLOOR}x real-time floor; ${size}; first decode ${cold.toFixed(0)}x`;
        rows.push({ ...row, note });
      }
    } finally {
      await decoder.close();
      await remove();
    }
    return rows;
  },
};
