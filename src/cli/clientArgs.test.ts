import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseClientArgs, USAGE_EXIT_CODE } from './clientArgs';

function parse(line: string) {
  const printed: string[] = [];
  const sink = {
    writeOut: (t: string) => printed.push(t),
    writeErr: (t: string) => printed.push(t),
  };
  try {
    return { options: parseClientArgs(line.split(' ').filter(Boolean), sink), printed };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { exitCode: error.exitCode, printed: printed.join('') };
  }
}

describe('parseClientArgs', () => {
  it('reads the interactive form', () => {
    expect(parse('127.0.0.1 8080').options).toEqual({
      host: '127.0.0.1',
      port: 8080,
      command: null,
      json: false,
      out: null,
      startSeconds: 0,
      player: null,
      timeoutMs: 5000,
      maxBytes: 1_000_000_000,
    });
  });

  it('reads the one-shot commands and their options', () => {
    expect(parse('h 1 list --json').options).toMatchObject({
      command: { kind: 'list' },
      json: true,
    });
    expect(parse('h 1 play 2 --out song.mp3 --start 10.5').options).toMatchObject({
      command: { kind: 'play', songId: 2 },
      out: 'song.mp3',
      startSeconds: 10.5,
    });
    expect(parse('h 1 play 0 -o -').options?.out).toBe('-');
    expect(parse('h 1 --player mpg123').options?.player).toBe('mpg123');
  });

  it.each([
    ['', 'missing required argument'],
    ['h', 'missing required argument'],
    ['h 0', 'from 1 to 65535'],
    ['h 70000', 'from 1 to 65535'],
    ['h 80 play', 'play takes one song id'],
    ['h 80 play x', 'play takes one song id'],
    ['h 80 play 1 2', 'play takes one song id'],
    ['h 80 list 3', 'list takes no arguments'],
    ['h 80 dance', "unknown command 'dance'"],
    ['h 80 list --out f', '--out only applies to play'],
    ['h 80 play 1 --json', '--json only applies to list'],
    ['h 80 play 1 --start soon', 'Use seconds'],
    ['h 80 --bogus', "unknown option '--bogus'"],
  ])('refuses %j with usage text and exit code 2', (line, message) => {
    const { exitCode, printed } = parse(line);
    expect(exitCode).toBe(USAGE_EXIT_CODE);
    expect(printed).toContain(message);
    expect(printed).toContain('Usage: tidewave-client');
  });

  it('prints help with exit code 0', () => {
    const { exitCode, printed } = parse('--help');
    expect(exitCode).toBe(0);
    expect(printed).toContain('--out <file>');
  });
});

describe('--max-size', () => {
  it('reads bytes with an optional decimal unit', () => {
    expect(parse('h 1 play 2 --out x --max-size 500M').options?.maxBytes).toBe(500_000_000);
    expect(parse('h 1 play 2 --max-size 2G').options?.maxBytes).toBe(2_000_000_000);
    expect(parse('h 1 play 2 --max-size 1.5kb').options?.maxBytes).toBe(1500);
    expect(parse('h 1 play 2 --max-size 4096').options?.maxBytes).toBe(4096);
  });

  it('refuses what is not a size', () => {
    for (const bad of ['0', 'lots', '5T', '-3M']) {
      const { exitCode, printed } = parse(`h 1 play 2 --max-size ${bad}`);
      expect(exitCode).toBe(2);
      expect(printed).toContain('Use a size in bytes');
    }
  });
});
