import type { Scenario } from './scenario';

export interface RunOptions {
  quick: boolean;
  /** Scenario names to run, or null for all. */
  only: string[] | null;
  help: boolean;
}

export const USAGE = `Usage: npm run bench [-- [--quick] [--only name[,name...]]]
  --quick   fewer and shorter runs (under a minute)
  --only    run just these scenarios`;

/** @throws Error on an argument it does not know. */
export function parseRunOptions(args: readonly string[]): RunOptions {
  const options: RunOptions = { quick: false, only: null, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? args[++i] : arg.slice('--only='.length);
      if (!value) throw new Error('--only needs scenario names, e.g. --only ttfa,stop');
      options.only = [...(options.only ?? []), ...value.split(',').filter(Boolean)];
    } else throw new Error(`unknown argument ${JSON.stringify(arg)}`);
  }
  return options;
}

/** The scenarios `only` names, in run order. @throws Error naming unknown scenarios. */
export function chooseScenarios(
  all: readonly Scenario[],
  only: readonly string[] | null,
): readonly Scenario[] {
  if (only === null) return all;
  const names = new Set(all.map((scenario) => scenario.name));
  const unknown = only.filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${[...names].join(', ')}`);
  }
  return all.filter((scenario) => only.includes(scenario.name));
}
