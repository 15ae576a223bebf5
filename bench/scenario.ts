import type { BenchLibrary } from './benchLibrary';
import type { MetricRow } from './metricRow';
import type { PlayerProbe } from './playerProbe';
import type { ServerPool } from './serverPool';

export interface BenchContext {
  /** Fewer and shorter runs, for a check in under a minute. */
  quick: boolean;
  /** The folder every bench server serves: the bundled songs and two generated ones. */
  library: BenchLibrary;
  /** Server processes shared by the scenarios, started on first use. */
  servers: ServerPool;
  /** The app's playback pipeline, shared by the scenarios that play through it. */
  player: PlayerProbe;
  progress(line: string): void;
}

export interface Scenario {
  name: string;
  run(context: BenchContext): Promise<MetricRow[]>;
}
