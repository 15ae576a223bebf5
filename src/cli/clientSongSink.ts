import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';

/** Where a played song's bytes go. */
export interface SongSink {
  readonly output: Writable;
  /** For messages: `to song.mp3`, `into mpg123 -`, or empty. */
  readonly label: string;
  /** The song is complete: flush and close (a player is left to play what it holds, then exit). */
  finish(): Promise<void>;
  /** The song failed: drop what was written where that makes sense. */
  abort(): Promise<void>;
  /** Resolves if the destination goes away before the song is over (a player that exits). */
  readonly failed?: Promise<Error>;
}

export function fileSink(path: string): SongSink {
  const output = createWriteStream(path);
  const closed = new Promise<void>((resolve) => output.once('close', () => resolve()));
  output.on('error', () => {}); // the pump reports it
  return {
    output,
    label: ` to ${path}`,
    finish: async () => {
      output.end();
      await closed;
    },
    abort: async () => {
      output.destroy();
      await closed;
      await rm(path, { force: true });
    },
  };
}

/** Standard output, for piping into a player; it is never closed. */
export function stdoutSink(): SongSink {
  process.stdout.on('error', () => {}); // e.g. the reader went away; the pump reports it
  return {
    output: process.stdout,
    label: ' to standard output',
    finish: () => new Promise((resolve) => process.stdout.write('', () => resolve())),
    abort: async () => {},
  };
}

/**
 * Runs `command` in a shell and writes the song to its standard input. A player that exits
 * before the song is over fails the sink: Node then destroys the pipe without an error, and a
 * write waiting for 'drain' would wait for ever.
 */
export function playerSink(command: string): SongSink {
  const player = spawn(command, { shell: true, stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => player.once('close', () => resolve()));
  let finishing = false;
  const failed = new Promise<Error>((resolve) => {
    player.once('exit', (code, signal) => {
      if (finishing) return;
      resolve(new Error(`the player exited${signal ? ` on ${signal}` : ` with code ${code}`}`));
    });
    player.once('error', (error) => resolve(error)); // e.g. no shell to run it
  });
  player.stdin.on('error', () => {}); // the pump hears of it through `failed` or its own listener
  return {
    output: player.stdin,
    label: ` into ${command}`,
    failed,
    finish: async () => {
      finishing = true;
      player.stdin.end();
      await exited;
    },
    abort: async () => {
      finishing = true;
      player.kill();
      await exited;
    },
  };
}

/** Receives and forgets, to show that the song arrives. */
export function discardSink(): SongSink {
  return {
    output: new Writable({ write: (_chunk, _encoding, done) => done() }),
    label: '',
    finish: async () => {},
    abort: async () => {},
  };
}
