import { readFile } from 'node:fs/promises';
import { pcmFrameCount, SOURCE_DECODER_WORKER, WorkerDecoder } from '../../src/decoder';
import { Mp3StreamDecoder } from '../../src/decoder/mp3StreamDecoder';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';

const WIRE_SLICE = 4072; // one play packet's data
const PUMP_SLICE = 4096; // what the player's pump hands the decoder
const SAMPLE_RATE = 44_100; // the bundled songs'

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Seconds of audio decoded per second of CPU (all threads of this process). */
async function audioPerCpu(
  songs: Buffer[],
  decodeSong: (song: Buffer) => Promise<number>,
): Promise<number> {
  const cpuBefore = cpuSeconds();
  let frames = 0;
  for (const song of songs) frames += await decodeSong(song);
  return frames / SAMPLE_RATE / (cpuSeconds() - cpuBefore);
}

export const decoderSpeed: Scenario = {
  name: 'decoder',
  async run(context: BenchContext) {
    const rounds = context.quick ? 2 : 9;
    const songs = await Promise.all(context.library.bundled.map((song) => readFile(song.file)));
    const inThread = await Mp3StreamDecoder.create();
    const worker = new WorkerDecoder(SOURCE_DECODER_WORKER);
    const decodeWhole = async (song: Buffer) => {
      await inThread.reset();
      const pcm = inThread.decode(song);
      return pcm ? pcmFrameCount(pcm) : 0;
    };
    const decodeSliced = async (song: Buffer) => {
      await inThread.reset();
      let frames = 0;
      for (let at = 0; at < song.length; at += WIRE_SLICE) {
        const pcm = inThread.decode(song.subarray(at, at + WIRE_SLICE));
        frames += pcm ? pcmFrameCount(pcm) : 0;
      }
      return frames;
    };
    const decodeInWorker = async (song: Buffer) => {
      await worker.reset();
      let frames = 0;
      for (let at = 0; at < song.length; at += PUMP_SLICE) {
        const pcm = await worker.decode(song.subarray(at, at + PUMP_SLICE));
        frames += pcm ? pcmFrameCount(pcm) : 0;
      }
      return frames;
    };
    const whole: number[] = [];
    const sliced: number[] = [];
    const viaWorker: number[] = [];
    try {
      await audioPerCpu(songs.slice(0, 1), decodeInWorker); // worker started, WASM compiled
      for (let round = 0; round < rounds; round++) {
        context.progress(`decoder round ${round + 1}/${rounds}`);
        whole.push(await audioPerCpu(songs, decodeWhole));
        sliced.push(await audioPerCpu(songs, decodeSliced));
        viaWorker.push(await audioPerCpu(songs, decodeInWorker));
      }
    } finally {
      inThread.free();
      await worker.terminate();
    }
    const reference = { label: 'whole file, one call', values: whole };
    const unit = 'audio s / CPU s';
    return [
      metricRow('decoder', 'bundled songs, 4072 B slices, in-thread', unit, sliced, { reference }),
      metricRow('decoder', 'bundled songs, 4096 B slices, worker (app path)', unit, viaWorker, {
        reference,
        note: 'CPU of both threads, messages included',
      }),
    ];
  },
};
