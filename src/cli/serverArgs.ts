import { isIP } from 'node:net';
import { Argument, Command, CommanderError, InvalidArgumentError } from 'commander';
import { DEFAULT_DRAIN_SPREAD_MS } from '../server';

export interface ServerCliOptions {
  port: number;
  folder: string;
  host: string;
  pacing: boolean;
  quiet: boolean;
  /** Rescan the folder when its files change (`--no-watch` turns it off). */
  watch: boolean;
  /** Caps and timeouts given on the command line; the server defaults the rest. */
  limits: ServerCliLimits;
  /** Balancer addresses that send PROXY v2 headers (`--proxy-from`, repeatable). */
  proxyFrom: string[];
  /** File holding the access code (docs/PROTOCOL.md §15); no code when absent. */
  accessCodeFile?: string;
  /** Announce the library with DNS-SD (only when `host` is beyond loopback). */
  announce?: boolean;
  /** The announced name; the computer's and the folder's when absent. */
  name?: string;
  /** Folder for the id table and scan cache (`--state`); undefined keeps them in memory. */
  stateDir?: string;
  /** On SIGTERM, close the connections over this many ms (`--drain-seconds`; drainPlan.ts). */
  drainSpreadMs: number;
  /** Print the listeners table this often (`--status SECONDS`); SIGUSR1 prints it anyway. */
  statusSeconds?: number;
}

export interface ServerCliLimits {
  maxConnections?: number;
  maxConnectionsPerAddress?: number;
  requestTimeoutMs?: number;
}

/** Exit code for bad command-line arguments, as most Unix tools use. */
export const USAGE_EXIT_CODE = 2;

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new InvalidArgumentError('Use a number from 0 to 65535 (0 picks a free port).');
  }
  return Number(text);
}

function parseCount(text: string): number {
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) {
    throw new InvalidArgumentError('Use a whole number from 1 up.');
  }
  return Number(text);
}

/** Seconds, fractions allowed (tests use short timeouts), at most a day. */
function parseSeconds(text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= 0.001 && seconds <= 86_400)) {
    throw new InvalidArgumentError('Use seconds from 0.001 to 86400.');
  }
  return seconds;
}

/** A drain spread: 0 (all at once) to an hour. */
function parseDrainSeconds(text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= 0 && seconds <= 3_600)) {
    throw new InvalidArgumentError('Use seconds from 0 to 3600.');
  }
  return seconds;
}

function collectAddress(text: string, previous: string[]): string[] {
  if (isIP(text) === 0) throw new InvalidArgumentError('Use an IPv4 or IPv6 address.');
  return [...previous, text];
}

/**
 * Reads `<port> [folder] [--host addr] [--no-pacing] [--quiet] [--no-watch] [--max-connections n]
 * [--max-per-address n] [--request-timeout seconds] [--proxy-from addr]... [--state dir]
 * [--drain-seconds s] [--status seconds]`. On bad arguments commander
 * prints the error and the usage text, then this throws a CommanderError with exitCode 2
 * (0 for --help).
 */
export function parseServerArgs(argv: readonly string[], defaultFolder: string): ServerCliOptions {
  const program = new Command()
    .name('tidewave-server')
    .description(
      'Serve a folder of music (MP3, FLAC, Ogg Vorbis, Opus, WAV) to Tidewave players over TCP.',
    )
    .argument('<port>', 'TCP port to listen on (0 picks a free port)', parsePort)
    .addArgument(
      new Argument('[folder]', 'folder of music files, searched recursively').default(
        defaultFolder,
        'the bundled songs',
      ),
    )
    .option('--host <addr>', 'address to listen on; 0.0.0.0 shares on your network', '127.0.0.1')
    .option('--no-pacing', 'send songs as fast as the network takes them')
    .option('-q, --quiet', 'do not log client activity')
    .option('--no-watch', 'do not rescan the folder when its files change')
    .option(
      '--max-connections <n>',
      'most clients at once (default: 512, fewer if the open-file limit is low)',
      parseCount,
    )
    .option(
      '--max-per-address <n>',
      'most clients at once from one address (default: 64)',
      parseCount,
    )
    .option(
      '--request-timeout <seconds>',
      'time to send a first request, and to finish any request (default: 60)',
      parseSeconds,
    )
    .option(
      '--proxy-from <addr>',
      'a load balancer that sends PROXY v2 headers (repeatable); its connections must carry one, no one else may',
      collectAddress,
      [],
    )
    .option(
      '--access-code-file <path>',
      'clients must prove they know the code in this file (seed-era clients then cannot connect)',
    )
    .option('--announce', 'announce the library on the local network (DNS-SD), with --host 0.0.0.0')
    .option('--name <name>', 'the name to announce (default: computer name: folder name)')
    .option(
      '--state <dir>',
      'keep song ids and the scan cache in this folder, so ids and tags survive restarts',
    )
    .option(
      '--drain-seconds <seconds>',
      'on SIGTERM, stop accepting and close connections over this many seconds; players resume elsewhere (default: 5)',
      parseDrainSeconds,
    )
    .option(
      '--status <seconds>',
      'print who is listening every so often (also on SIGUSR1: kill -USR1 PID)',
      parseSeconds,
    )
    .showHelpAfterError()
    .exitOverride((error: CommanderError) => {
      const helpOrVersion = error.exitCode === 0;
      throw new CommanderError(helpOrVersion ? 0 : USAGE_EXIT_CODE, error.code, error.message);
    });
  program.parse(argv, { from: 'user' });
  const [port, folder] = program.processedArgs as [number, string];
  const options = program.opts<{
    host: string;
    pacing: boolean;
    quiet?: boolean;
    watch: boolean;
    maxConnections?: number;
    maxPerAddress?: number;
    requestTimeout?: number;
    proxyFrom: string[];
    accessCodeFile?: string;
    announce?: boolean;
    name?: string;
    state?: string;
    drainSeconds?: number;
    status?: number;
  }>();
  const limits: ServerCliLimits = {};
  if (options.maxConnections !== undefined) limits.maxConnections = options.maxConnections;
  if (options.maxPerAddress !== undefined) limits.maxConnectionsPerAddress = options.maxPerAddress;
  if (options.requestTimeout !== undefined) {
    limits.requestTimeoutMs = Math.round(options.requestTimeout * 1000);
  }
  return {
    port,
    folder,
    host: options.host,
    pacing: options.pacing,
    quiet: options.quiet === true,
    watch: options.watch,
    limits,
    proxyFrom: options.proxyFrom,
    accessCodeFile: options.accessCodeFile,
    announce: options.announce,
    name: options.name,
    ...(options.state === undefined ? {} : { stateDir: options.state }),
    drainSpreadMs: Math.round((options.drainSeconds ?? DEFAULT_DRAIN_SPREAD_MS / 1000) * 1000),
    ...(options.status === undefined ? {} : { statusSeconds: options.status }),
  };
}
