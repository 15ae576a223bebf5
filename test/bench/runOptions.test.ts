import { describe, expect, it } from 'vitest';
import { chooseScenarios, parseRunOptions } from '../../bench/runOptions';
import type { Scenario } from '../../bench/scenario';

const scenario = (name: string): Scenario => ({ name, run: async () => [] });
const ALL = [scenario('decoder'), scenario('ttfa'), scenario('stop')];

describe('bench command line', () => {
  it('reads --quick and --only in both spellings, keeping run order', () => {
    const options = parseRunOptions(['--only', 'stop,decoder', '--quick', '--only=ttfa']);
    expect(options).toEqual({
      quick: true,
      only: ['stop', 'decoder', 'ttfa'],
      skip: [],
      help: false,
    });
    expect(chooseScenarios(ALL, ['stop', 'decoder']).map((s) => s.name)).toEqual([
      'decoder',
      'stop',
    ]);
    expect(chooseScenarios(ALL, null)).toBe(ALL);
  });

  it('leaves out the scenarios --skip names, alone or with --only', () => {
    const options = parseRunOptions(['--skip=ttfa', '--skip', 'nothing,']);
    expect(options.skip).toEqual(['ttfa', 'nothing']);
    expect(options.only).toBeNull();
    expect(chooseScenarios(ALL, null, ['ttfa']).map((s) => s.name)).toEqual(['decoder', 'stop']);
    expect(chooseScenarios(ALL, ['ttfa', 'stop'], ['ttfa']).map((s) => s.name)).toEqual(['stop']);
    expect(() => chooseScenarios(ALL, null, ['nope'])).toThrow(/unknown scenario nope/);
  });

  it('refuses unknown arguments and scenario names', () => {
    expect(() => parseRunOptions(['--fast'])).toThrow(/Unknown option '--fast'/);
    expect(() => parseRunOptions(['stop'])).toThrow(/Unexpected argument 'stop'/);
    expect(() => parseRunOptions(['--only'])).toThrow(/argument missing/);
    expect(() => parseRunOptions(['--only='])).toThrow(/needs scenario names/);
    expect(() => parseRunOptions(['--skip', ','])).toThrow(/needs scenario names/);
    expect(() => chooseScenarios(ALL, ['ttfa', 'nope'])).toThrow(/unknown scenario nope; known/);
  });
});
