// `npm run bench [-- --quick] [-- --only name[,name]]`: see docs/PERFORMANCE.md.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeMachine } from './machine';
import type { MetricRow } from './metricRow';
import type { BenchContext } from './scenario';
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

interface RunOptions {
  quick: boolean;
  only: string[] | null;
}

function parseArguments(args: readonly string[]): RunOptions {
  const options: RunOptions = { quick: false, only: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? args[++i] : arg.slice('--only='.length);
      if (!value) throw new Error('--only needs scenario names, e.g. --only ttfa,stop');
      options.only = [...(options.only ?? []), ...value.split(',').filter(Boolean)];
    } else throw new Error(`unknown argument ${JSON.stringify(arg)}`);
  }
  return options;
}

function chooseScenarios(only: string[] | null) {
  if (only === null) return SCENARIOS;
  const names = new Set(SCENARIOS.map((scenario) => scenario.name));
  const unknown = only.filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${[...names].join(', ')}`);
  }
  return SCENARIOS.filter((scenario) => only.includes(scenario.name));
}

async function main(): Promise<number> {
  let options: RunOptions;
  let scenarios;
  try {
    options = parseArguments(process.argv.slice(2));
    scenarios = chooseScenarios(options.only);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 2;
  }
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
  if (scenarios.some((scenario) => scenario.name !== 'decoder')) {
    servers.prestart(scenarios.includes(slowReader) ? slowReaderRuns(options.quick) : 0);
  }
  console.error(
    `bench (${options.quick ? 'quick' : 'full'}) on ${machine.cpuModel}, ${machine.nproc} CPUs, ` +
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
  console.log(
    `\n${options.quick ? 'quick' : 'full'} run: ${seconds} s; results in ${RESULTS_FILE}`,
  );
  const command = [
    'npm run bench',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ];
  await writeFile(
    RESULTS_FILE,
    `${JSON.stringify({ command: command.join(' '), mode: options.quick ? 'quick' : 'full', startedAt: new Date(Date.now() - seconds * 1000).toISOString(), durationSeconds: seconds, machine, rows, failures }, null, 2)}\n`,
  );
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
