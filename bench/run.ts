// `npm run bench [-- --quick] [-- --only name[,name]]`: see docs/PERFORMANCE.md.
import path from 'node:path';
import { describeMachine } from './machine';
import type { MetricRow } from './metricRow';
import { writeResults } from './resultsFile';
import { chooseScenarios, parseRunOptions, USAGE, type RunOptions } from './runOptions';
import type { BenchContext, Scenario } from './scenario';
import { SCENARIOS } from './scenarios';
import { slowReader, slowReaderRuns } from './scenarios/slowReader';
import { BenchLibrary } from './benchLibrary';
import { PlayerProbe } from './playerProbe';
import { ServerPool } from './serverPool';
import { formatTable } from './table';

const RESULTS_FILE = path.resolve(import.meta.dirname, 'results.json');
const MUSIC_FOLDER = path.resolve(import.meta.dirname, '../music');
/** The most clients any scenario connects at once (concurrency, full run). */
const MAX_CLIENTS = 1000;

async function main(): Promise<number> {
  let options: RunOptions;
  let scenarios: readonly Scenario[];
  try {
    options = parseRunOptions(process.argv.slice(2));
    scenarios = chooseScenarios(SCENARIOS, options.only, options.skip);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(`${USAGE}\nScenarios: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`);
    return 0;
  }
  const mode = options.quick ? 'quick' : 'full';
  const machine = describeMachine();
  const started = performance.now();
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
  const progress = (line: string) => console.error(`[${elapsed()} s] ${line}`);
  const library = await BenchLibrary.create(MUSIC_FOLDER, {
    longMinutes: options.quick ? 15 : 60,
    shortMinutes: 5,
  });
  const servers = new ServerPool(library.folder, library.long.file, MAX_CLIENTS + 200);
  const player = new PlayerProbe();
  const context: BenchContext = { quick: options.quick, library, servers, player, progress };
  progress(`library ready in ${library.folder}`);
  // Server start-up (seconds under tsx) overlaps the first scenario instead of adding to it.
  // (The decoder needs no server; abuse starts fresh servers of its own.)
  if (
    scenarios.some((scenario) => !['decoder', 'decoderformats', 'abuse'].includes(scenario.name))
  ) {
    servers.prestart(scenarios.includes(slowReader) ? slowReaderRuns(options.quick) : 0);
  }
  console.error(
    `bench (${mode}) on ${machine.cpuModel}, ${machine.nproc} CPUs, ` +
      `Node ${machine.node}, load ${machine.loadAverage.join(' ')}`,
  );
  const rows: MetricRow[] = [];
  const failures: Array<{ scenario: string; error: string }> = [];
  try {
    for (const scenario of scenarios) {
      context.progress(`${scenario.name}: start`);
      try {
        rows.push(...(await scenario.run(context)));
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ scenario: scenario.name, error: message });
        context.progress(`${scenario.name}: FAILED ${message}`);
      }
    }
  } finally {
    await player.dispose();
    await servers.closeAll();
    await library.dispose();
  }
  const seconds = Number(elapsed());
  console.log(formatTable(rows));
  for (const failure of failures) console.log(`FAILED ${failure.scenario}: ${failure.error}`);
  console.log(`\n${mode} run: ${seconds} s; results in ${RESULTS_FILE}`);
  const extra = process.argv.slice(2);
  await writeResults(RESULTS_FILE, {
    command: ['npm run bench', ...(extra.length > 0 ? ['--', ...extra] : [])].join(' '),
    mode,
    startedAt: new Date(Date.now() - seconds * 1000).toISOString(),
    durationSeconds: seconds,
    machine,
    rows,
    failures,
  });
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
