import type { ClientSession } from '../client';
import type { ClientCliOptions } from './clientArgs';
import { formatBytes, formatSongTable, unknownSongMessage } from './clientFormat';
import { pumpSong } from './clientPump';
import { discardSink, fileSink, playerSink, stdoutSink, type SongSink } from './clientSongSink';
import { terminalJson, terminalText } from './terminalText';

export interface Messages {
  info(line: string): void;
  error(line: string): void;
  /** Bytes of the song written so far (shown only where someone watches, a terminal). */
  progress?(bytes: number): void;
}

/** Exit code after Ctrl-C, as shells report a SIGINT. */
export const INTERRUPTED_EXIT_CODE = 130;

/** `list`: the song table, or `--json`. Resolves to an exit code. */
export async function runList(
  session: ClientSession,
  options: ClientCliOptions,
  messages: Messages,
): Promise<number> {
  const list = await session.list();
  if (options.json) messages.info(terminalJson(list));
  else formatSongTable(list.songs).forEach((line) => messages.info(line));
  return 0;
}

/**
 * `play ID`: receives the song into `--out` (a file, or `-` for standard output), `--player`, or
 * nowhere, and exits 0 once it is complete. `interrupted` resolves on Ctrl-C: the song stops and
 * what arrived is kept.
 */
export async function runPlay(
  session: ClientSession,
  options: ClientCliOptions & { command: { kind: 'play'; songId: number } },
  messages: Messages,
  interrupted: Promise<void>,
): Promise<number> {
  const { songId } = options.command;
  const list = await session.list();
  const listing = list.songs.find((s) => s.id === songId);
  if (!listing) {
    const ids = list.songs.map((s) => s.id);
    messages.error(unknownSongMessage(songId, ids));
    return 1;
  }
  if (!list.hasMetadata) {
    messages.info(
      'This is a seed-era server: it does not mark the end of a song, so press Ctrl-C once it has arrived.',
    );
  }
  const sink: SongSink =
    options.out === '-'
      ? stdoutSink()
      : options.out !== null
        ? fileSink(options.out)
        : options.player !== null
          ? playerSink(options.player)
          : discardSink();
  const song = session.play(songId, { startSeconds: options.startSeconds });
  const progress = options.out !== null ? messages.progress : undefined;
  let wasInterrupted = false;
  void interrupted.then(() => {
    wasInterrupted = true;
    song.destroy();
  });
  const outcome = await pumpSong(song, sink, progress, options.maxBytes);
  const amount = `${formatBytes(outcome.bytesReceived)} of '${terminalText(listing.title)}'`;
  if (outcome.reason === 'complete') {
    await sink.finish();
    const verb = options.out !== null && options.out !== '-' ? 'Saved' : 'Received';
    messages.info(`${verb} ${amount}${sink.label} (done).`);
    return 0;
  }
  if (wasInterrupted) {
    await sink.finish();
    messages.info(`Interrupted: kept ${amount}${sink.label}.`);
    return INTERRUPTED_EXIT_CODE;
  }
  await sink.abort();
  messages.error(terminalText(outcome.error?.message ?? 'The song stopped.'));
  return 1;
}
