import { Command, CommanderError, InvalidArgumentError } from 'commander';

export type OneShotCommand = { kind: 'list' } | { kind: 'play'; songId: number };

export interface ClientCliOptions {
  host: string;
  port: number;
  /** Null runs the interactive prompt. */
  command: OneShotCommand | null;
  json: boolean;
  /** Where `play` writes the song: a file, or '-' for standard output. */
  out: string | null;
  startSeconds: number;
  /** A shell command that reads MP3 bytes on its standard input, e.g. `mpg123 -`. */
  player: string | null;
  timeoutMs: number;
  /** `play` stops (and keeps nothing in a file) once a song passes this many bytes. */
  maxBytes: number;
  /** File holding the library's access code (docs/PROTOCOL.md §15). */
  accessCodeFile?: string;
}

/** 1 GB: far above any song (seven hours at 320 kbit/s), far below a full disk. */
export const DEFAULT_MAX_BYTES = 1_000_000_000;

/** Exit code for bad command-line arguments, as most Unix tools use. */
export const USAGE_EXIT_CODE = 2;

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new InvalidArgumentError('Use a number from 1 to 65535.');
  }
  return Number(text);
}

function parseSeconds(text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new InvalidArgumentError('Use seconds, e.g. 42.5.');
  return Number(text);
}

function parseMilliseconds(text: string): number {
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) {
    throw new InvalidArgumentError('Use milliseconds, e.g. 5000.');
  }
  return Number(text);
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/** `500M`, `2G`, `1500000`: bytes, with an optional decimal unit (K, M, G, optionally + B). */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(text.trim());
  const bytes = match ? Math.floor(Number(match[1]) * SIZE_UNITS[match[2].toLowerCase()]) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new InvalidArgumentError('Use a size in bytes, or with K, M or G, e.g. 500M.');
  }
  return bytes;
}

/** Reads `[list | play ID]`; the words were left free by commander so the errors can say more. */
function parseCommand(words: string[]): OneShotCommand | null | string {
  const [name, ...rest] = words;
  if (name === undefined) return null;
  if (name === 'list' && rest.length === 0) return { kind: 'list' };
  if (name === 'play' && rest.length === 1 && /^\d{1,9}$/.test(rest[0])) {
    return { kind: 'play', songId: Number(rest[0]) };
  }
  if (name === 'play') return 'play takes one song id, e.g. `play 2`';
  if (name === 'list') return 'list takes no arguments';
  return `unknown command '${name}' (use list or play ID, or none for the prompt)`;
}

/**
 * Reads `<host> <port> [list | play ID] [options]`. On bad arguments commander prints the error
 * and the usage text, then this throws a CommanderError with exitCode 2 (0 for --help).
 */
export function parseClientArgs(
  argv: readonly string[],
  output: { writeOut(text: string): void; writeErr(text: string): void } = {
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
  },
): ClientCliOptions {
  const program = new Command()
    .name('tidewave-client')
    .description(
      'Talk to a Tidewave server. Without a command, opens a prompt (list, play N, stop, quit).',
    )
    .argument('<host>', 'server address, e.g. 127.0.0.1')
    .argument('<port>', 'server port', parsePort)
    .argument('[command...]', '`list`, or `play ID`; none opens the prompt')
    .option('--json', 'list: print the songs as JSON')
    .option('-o, --out <file>', 'play: write the song to a file, or - for standard output')
    .option('--start <seconds>', 'play: start this many seconds into the song', parseSeconds)
    .option('--player <command>', 'pipe played songs into this command, e.g. "mpg123 -"')
    .option('--timeout <ms>', 'how long to wait for the server', parseMilliseconds, 5000)
    .option(
      '--max-size <size>',
      'play: stop a song larger than this, e.g. 500M (default 1G)',
      parseSize,
      DEFAULT_MAX_BYTES,
    )
    .option('--access-code-file <path>', "the library's access code, read from this file")
    .configureOutput(output)
    .showHelpAfterError()
    .exitOverride((error: CommanderError) => {
      const helpOrVersion = error.exitCode === 0;
      throw new CommanderError(helpOrVersion ? 0 : USAGE_EXIT_CODE, error.code, error.message);
    });
  program.parse(argv, { from: 'user' });
  const [host, port, words] = program.processedArgs as [string, number, string[]];
  const options = program.opts<{
    json?: boolean;
    out?: string;
    start?: number;
    player?: string;
    timeout: number;
    maxSize: number;
    accessCodeFile?: string;
  }>();
  const command = parseCommand(words);
  const misuse =
    typeof command === 'string'
      ? command
      : options.json && command?.kind !== 'list'
        ? '--json only applies to list'
        : options.out !== undefined && command?.kind !== 'play'
          ? '--out only applies to play'
          : options.out !== undefined && options.player !== undefined
            ? 'use either --out or --player'
            : null;
  if (misuse !== null) program.error(`error: ${misuse}`, { exitCode: USAGE_EXIT_CODE });
  return {
    host,
    port,
    command: command as OneShotCommand | null,
    json: options.json === true,
    out: options.out ?? null,
    startSeconds: options.start ?? 0,
    player: options.player ?? null,
    timeoutMs: options.timeout,
    maxBytes: options.maxSize,
    accessCodeFile: options.accessCodeFile,
  };
}
