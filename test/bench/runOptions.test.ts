import { describe, expect, it } from 'vitest';
import { chooseScenarios, parseRunOptions } from '../../bench/runOptions';
import type { Scenario } from '../../bench/scenario';

const scenario = (name: string): Scenario => ({ name, run: async () => [] });
const ALL = [scenario('decoder'), scenario('ttfa'), scenario('stop')];

describe('bench command line', () => {
  it('reads --quick and --only in both spellings, keeping run order', () => {
    const options = parseRunOptions(['--only', 'stop,decoder', '--quick', '--only=ttfa']);
    expect(options).toEqual({ quick: true, only: ['stop', 'decoder', 'ttfa'], help: false });
    expect(chooseScenarios(ALL, ['stop', 'decoder']).map((s) => s.name)).toEqual([
      'decoder',
      'stop',
    ]);
    expect(chooseScenarios(ALL, null)).toBe(ALL);
  });

  it('refuses unknown arguments and scenario names', () => {
    expect(() => parseRunOptions(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseRunOptions(['--only'])).toThrow(/needs scenario names/);
    expect(() => chooseScenarios(ALL, ['ttfa', 'nope'])).toThrow(/unknown scenario nope; known/);
  });
});
