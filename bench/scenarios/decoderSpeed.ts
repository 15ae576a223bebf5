import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  Mp3StreamDecoder,
  pcmFrameCount,
  SOURCE_DECODER_WORKER,
  WorkerDecoder,
} from '../../src/decoder';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';

const WIRE_SLICE = 4072; // one play packet's data
const PUMP_SLICE = 4096; // what the player's pump hands the decoder

interface Song {
  bytes: Buffer;
  sampleRate: number;
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Seconds of audio decoded per second of CPU (all threads of this process). */
async function audioPerCpu(
  songs: Song[],
  decodeSong: (song: Song) => Promise<number>,
): Promise<number> {
  const cpuBefore = cpuSeconds();
  let audioSeconds = 0;
  for (const song of songs) audioSeconds += (await decodeSong(song)) / song.sampleRate;
  return audioSeconds / (cpuSeconds() - cpuBefore);
}

export const decoderSpeed: Scenario = {
  name: 'decoder',
  async run(context: BenchContext) {
    const rounds = context.quick ? 3 : 9;
    const names = (await readdir(context.musicFolder)).filter((name) => name.endsWith('.mp3'));
    const songs: Song[] = await Promise.all(
      names.map(async (name) => ({
        bytes: await readFile(path.join(context.musicFolder, name)),
        sampleRate: 44_100,
      })),
    );
    const inThread = await Mp3StreamDecoder.create();
    const worker = new WorkerDecoder(SOURCE_DECODER_WORKER);
    const whole: number[] = [];
    const sliced: number[] = [];
    const viaWorker: number[] = [];
    try {
      const decodeWhole = async (song: Song) => {
        await inThread.reset();
        const pcm = inThread.decode(song.bytes);
        if (pcm) song.sampleRate = pcm.sampleRate;
        return pcm ? pcmFrameCount(pcm) : 0;
      };
      const decodeSliced = async (song: Song) => {
        await inThread.reset();
        let frames = 0;
        for (let at = 0; at < song.bytes.length; at += WIRE_SLICE) {
          const pcm = inThread.decode(song.bytes.subarray(at, at + WIRE_SLICE));
          frames += pcm ? pcmFrameCount(pcm) : 0;
        }
        return frames;
      };
      const decodeInWorker = async (song: Song) => {
        await worker.reset();
        let frames = 0;
        for (let at = 0; at < song.bytes.length; at += PUMP_SLICE) {
          const pcm = await worker.decode(song.bytes.subarray(at, at + PUMP_SLICE));
          frames += pcm ? pcmFrameCount(pcm) : 0;
        }
        return frames;
      };
      await audioPerCpu(songs, decodeInWorker); // warm-up: WASM compiled, worker started
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
