import { parseArgs } from 'node:util';
import type { Scenario } from './scenario';

export interface RunOptions {
  quick: boolean;
  /** Scenario names to run, or null for all. */
  only: string[] | null;
  /** Scenario names to leave out (e.g. `appmemory`, which plays 60 minutes in real time). */
  skip: string[];
  help: boolean;
}

export const USAGE = `Usage: npm run bench [-- [--quick] [--only name[,name...]] [--skip name[,name...]]]
  --quick   fewer and shorter runs (a few minutes)
  --only    run just these scenarios
  --skip    run all but these (e.g. --skip appmemory: its full run plays 60 minutes)`;

const names = (values: readonly string[] | undefined) =>
  (values ?? []).flatMap((value) => value.split(',')).filter(Boolean);

/** @throws Error on an argument it does not know, or --only/--skip without names. */
export function parseRunOptions(args: readonly string[]): RunOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      skip: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const only = names(values.only);
  if (values.only && only.length === 0) {
    throw new Error('--only needs scenario names, e.g. --only ttfa,stop');
  }
  const skip = names(values.skip);
  if (values.skip && skip.length === 0) throw new Error('--skip needs scenario names');
  return {
    quick: values.quick ?? false,
    only: values.only ? only : null,
    skip,
    help: values.help ?? false,
  };
}

/** The scenarios `only` names less those `skip` names, in run order. @throws on unknown names. */
export function chooseScenarios(
  all: readonly Scenario[],
  only: readonly string[] | null,
  skip: readonly string[] = [],
): readonly Scenario[] {
  const known = new Set(all.map((scenario) => scenario.name));
  const unknown = [...(only ?? []), ...skip].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  }
  if (only === null && skip.length === 0) return all;
  return all.filter(
    (scenario) => (only === null || only.includes(scenario.name)) && !skip.includes(scenario.name),
  );
}
