import type { Scenario } from '../scenario';
import { abuse } from './abuse';
import { appMemory } from './appMemory';
import { clickToSound } from './clickToSound';
import { clientMemory } from './clientMemory';
import { cluster } from './cluster';
import { concurrency } from './concurrency';
import { decoderFormats } from './decoderFormats';
import { decoderSpeed } from './decoderSpeed';
import { library } from './library';
import { slowLink } from './slowLink';
import { slowReader } from './slowReader';
import { songSwitch } from './songSwitch';
import { songTable } from './songTable';
import { stop } from './stop';
import { throughput } from './throughput';
import { timeToFirstAudio } from './timeToFirstAudio';

/** Every scenario, in the order a full run measures them. */
export const SCENARIOS: readonly Scenario[] = [
  decoderSpeed,
  decoderFormats,
  timeToFirstAudio,
  songSwitch,
  stop,
  slowLink,
  throughput,
  concurrency,
  slowReader,
  clientMemory,
  abuse,
  songTable,
  library,
  cluster,
  clickToSound,
  appMemory,
];
