import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ClientSession, SessionCloseInfo, SongListing, SongStream } from '../client';
import { PROMPT_HELP, parsePromptCommand, type PromptCommand } from './clientCommands';
import { formatBytes, formatSongTable, unknownSongMessage } from './clientFormat';
import { pumpSong } from './clientPump';
import { discardSink, playerSink, type SongSink } from './clientSongSink';
import { terminalText } from './terminalText';

export interface PromptOptions {
  session: ClientSession;
  /** The server's songs, or null when the list could not be fetched. */
  songs: readonly SongListing[] | null;
  player: string | null;
  input: Readable;
  output: Writable;
  errors: Writable;
  /** A terminal gets a prompt that shows the song's progress; a pipe gets plain lines. */
  terminal: boolean;
}

const IDLE_PROMPT = 'tidewave> ';
const PROGRESS_EVERY_MS = 250;

/** The interactive prompt, like the seed's: list, play N, stop, quit. Resolves to an exit code. */
export class ClientPrompt {
  private readonly rl: Interface;
  /** The listed songs' titles by id; null until a list has arrived. */
  private titles: Map<number, string> | null = null;
  private readonly sinks = new Set<SongSink>();
  private current: SongStream | null = null;
  private queue: Promise<void> = Promise.resolve();
  private finished = false;
  private lastProgressAt = 0;
  private resolveExit: (code: number) => void = () => {};
  readonly exitCode = new Promise<number>((resolve) => (this.resolveExit = resolve));

  constructor(private readonly options: PromptOptions) {
    if (options.songs) this.remember(options.songs);
    this.rl = createInterface({
      input: options.input,
      output: options.terminal ? options.output : undefined,
      terminal: options.terminal,
    });
    this.rl.setPrompt(IDLE_PROMPT);
    this.rl.on('line', (line) => this.enqueue(() => this.run(parsePromptCommand(line))));
    this.rl.on('close', () => this.enqueue(() => this.quit())); // end of input, Ctrl-D
    this.rl.on('SIGINT', () => void this.quit()); // Ctrl-C on a terminal
    options.session.on('close', (info) => this.onSessionClosed(info));
    this.print(`Connected to ${options.session.host}:${options.session.port}. ${HELP_HINT}`);
    this.showPrompt();
  }

  /** Ctrl-C when the input is not a terminal arrives as a process signal. */
  interrupt(): void {
    void this.quit();
  }

  private enqueue(task: () => Promise<void> | void): void {
    this.queue = this.queue
      .then(() => (this.finished ? undefined : task()))
      .catch((error: Error) => this.printError(error.message))
      .then(() => this.showPrompt());
  }

  private async run(command: PromptCommand): Promise<void> {
    switch (command.kind) {
      case 'list': {
        const list = await this.options.session.list();
        this.remember(list.songs);
        for (const line of formatSongTable(list.songs)) this.print(line);
        if (!list.hasMetadata) this.print('(A seed-era server: titles only.)');
        return;
      }
      case 'play':
        return this.play(command.songId, command.startSeconds);
      case 'stop': {
        const playing = this.current?.active === true;
        await this.options.session.stop();
        if (!playing) this.print('Nothing was playing.');
        return;
      }
      case 'quit':
        return this.quit();
      case 'help':
        return PROMPT_HELP.forEach((line) => this.print(line));
      case 'invalid':
        return this.print(command.message);
      case 'empty':
        return;
    }
  }

  private play(songId: number, startSeconds: number): void {
    if (this.titles !== null && !this.titles.has(songId)) {
      return this.print(unknownSongMessage(songId, [...this.titles.keys()]));
    }
    const title = this.titles?.get(songId) ?? `song ${songId}`;
    const sink = this.options.player ? playerSink(this.options.player) : discardSink();
    this.sinks.add(sink);
    const song = this.options.session.play(songId, { startSeconds });
    this.current = song;
    const from = startSeconds > 0 ? ` from ${startSeconds} s` : '';
    const playing = `Playing ${songId} '${title}'${from}${sink.label}...`;
    // Without a list the id may be unknown: say "Playing" only once the server sends the song.
    let announced = this.titles !== null;
    this.print(announced ? playing : `Requesting song ${songId}${from}...`);
    const onProgress = (bytes: number) => {
      if (!announced) this.print(playing);
      announced = true;
      this.showProgress(title, bytes);
    };
    void pumpSong(song, sink, onProgress).then(async (outcome) => {
      if (this.current === song) this.current = null;
      const received = formatBytes(outcome.bytesReceived);
      if (outcome.reason === 'complete') {
        this.print(`Received ${received} of '${title}' (done).`);
        await sink.finish();
      } else {
        await sink.abort();
        if (outcome.reason === 'stopped') this.print(`Stopped '${title}' after ${received}.`);
        else if (!this.options.session.closed) this.printError(outcome.error?.message ?? '');
      }
      this.sinks.delete(sink);
      this.showPrompt();
    });
  }

  private async quit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const { acknowledged } = await this.options.session.quit();
    if (acknowledged) this.print('Server acknowledged quit.');
    else this.printError('The server closed without acknowledging quit.');
    await this.end(acknowledged ? 0 : 1);
  }

  private onSessionClosed(info: SessionCloseInfo): void {
    if (info.expected || this.finished) return;
    this.finished = true;
    this.printError(`${info.reason}.`);
    void this.end(1);
  }

  private async end(code: number): Promise<void> {
    this.rl.close();
    this.options.input.pause();
    await Promise.all([...this.sinks].map((sink) => sink.abort()));
    this.resolveExit(code);
  }

  private remember(songs: readonly SongListing[]): void {
    this.titles = new Map(songs.map((song) => [song.id, song.title]));
  }

  private showProgress(title: string, bytes: number): void {
    if (!this.options.terminal || Date.now() - this.lastProgressAt < PROGRESS_EVERY_MS) return;
    this.lastProgressAt = Date.now();
    this.rl.setPrompt(`[${terminalText(title, 40)}: ${formatBytes(bytes)}] ${IDLE_PROMPT}`);
    this.rl.prompt(true);
  }

  private showPrompt(): void {
    if (!this.options.terminal || this.finished) return;
    this.rl.setPrompt(IDLE_PROMPT);
    this.rl.prompt(true);
  }

  /** Prints one line; whatever a server put in it (titles, error texts) cannot act on the terminal. */
  private print(line: string): void {
    this.options.output.write(`${this.clearLine()}${terminalText(line, LONGEST_LINE)}\n`);
  }

  private printError(message: string): void {
    this.options.errors.write(`${this.clearLine()}Error: ${terminalText(message)}\n`);
  }

  private clearLine(): string {
    return this.options.terminal ? '\r\x1b[K' : '';
  }
}

const HELP_HINT = 'Type help for the commands.';
/** Table rows are at most about 100 characters; a title in a message is what could be longer. */
const LONGEST_LINE = 2000;
