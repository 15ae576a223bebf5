import type { MetricRow } from './metricRow';
import type { ServerPool } from './serverPool';
import type { SongFixtures } from './songFixtures';

export interface BenchContext {
  /** Fewer and shorter runs, for a check in under a minute. */
  quick: boolean;
  /** The bundled songs (music/), as the app hosts them on first run. */
  musicFolder: string;
  fixtures: SongFixtures;
  /** Servers several scenarios may share when they do not measure the server itself. */
  servers: ServerPool;
  progress(line: string): void;
}

export interface Scenario {
  name: string;
  run(context: BenchContext): Promise<MetricRow[]>;
}
