import { hostname } from 'node:os';
import path from 'node:path';
import {
  LibraryAnnouncer,
  SERVER_EXTENSIONS,
  isAnnounceableHost,
  type MulticastOptions,
} from '../discovery';
import type { LibraryServer } from '../server';

/** The default library name: the computer's name and the folder's (issue 13). */
export function defaultLibraryName(folder: string): string {
  return `${hostname()}: ${path.basename(path.resolve(folder))}`;
}

/**
 * Starts announcing the server when `--announce` was given and it listens beyond loopback;
 * otherwise says why not. Returns the announcer to stop (goodbye) on exit, or null.
 */
export function announceServer(
  server: LibraryServer,
  host: string,
  port: number,
  name: string,
  say: (line: string) => void,
  multicast: MulticastOptions = {},
): LibraryAnnouncer | null {
  if (!isAnnounceableHost(host)) {
    say(`Not announced: ${host} is reachable from this computer only (use --host 0.0.0.0).`);
    return null;
  }
  const announcer = new LibraryAnnouncer(
    port,
    {
      name,
      songCount: server.library.songs.length,
      extensions: SERVER_EXTENSIONS,
      accessCode: server.hasAccessCode,
    },
    multicast,
    (error) => say(`announcement failed: ${error.message}`),
  );
  // The name is claimed first: another library may have it, and this one becomes `Name (2)`.
  announcer.start().then(
    (announced) => say(`Announced on the local network as "${announced}" (_tidewave._tcp).`),
    (error: unknown) =>
      say(`Not announced: ${error instanceof Error ? error.message : String(error)}`),
  );
  return announcer;
}
