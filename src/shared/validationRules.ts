/**
 * The rules every IPC argument is checked by (ipcValidation.ts uses them per channel): pure
 * functions with no Node or DOM dependency, throwing IpcValidationError with what was wrong.
 */
import type { HostRequest, LibraryChange, PlayingReport, PlayRequest } from './tidewaveApi';

export class IpcValidationError extends Error {
  override readonly name = 'IpcValidationError';
}

export const MAX_HOST_LENGTH = 255;
const MAX_PATH_LENGTH = 4096;

export function fail(what: string, rule: string, value: unknown): never {
  throw new IpcValidationError(`Invalid ${what}: must be ${rule} (got ${describe(value)})`);
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null)
    return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

export function validateHost(value: unknown): string {
  const ok =
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_HOST_LENGTH &&
    !/\s/.test(value);
  return ok
    ? (value as string)
    : fail(
        'host',
        `a non-empty name of at most ${MAX_HOST_LENGTH} characters without spaces`,
        value,
      );
}

/** A TCP port; 0 ("any free port") only where a server is started. */
export function validatePort(value: unknown, options: { allowZero?: boolean } = {}): number {
  const min = options.allowZero ? 0 : 1;
  const ok = Number.isInteger(value) && (value as number) >= min && (value as number) <= 65535;
  return ok ? (value as number) : fail('port', `an integer from ${min} to 65535`, value);
}

export function validateSongId(value: unknown): number {
  return isCount(value) ? value : fail('songId', 'a non-negative integer', value);
}

export function validatePaused(value: unknown): boolean {
  return typeof value === 'boolean' ? value : fail('paused', 'true or false', value);
}

export function validateStreamId(value: unknown): number {
  return isCount(value) ? value : fail('streamId', 'a non-negative integer', value);
}

export function validateStartSeconds(value: unknown): number {
  return isFiniteAtLeastZero(value) ? value : fail('startSeconds', 'a finite number ≥ 0', value);
}

export function validateBufferedSeconds(value: unknown): number {
  return isFiniteAtLeastZero(value) ? value : fail('bufferedSeconds', 'a finite number ≥ 0', value);
}

export function validateReceivedSeconds(value: unknown): number {
  return isFiniteAtLeastZero(value) ? value : fail('receivedSeconds', 'a finite number ≥ 0', value);
}

/** An absolute path, POSIX (`/music`) or Windows (`C:\Music`, `\\server\share`). */
export function validateFolder(value: unknown): string {
  const ok =
    typeof value === 'string' &&
    value.length <= MAX_PATH_LENGTH &&
    !value.includes('\0') &&
    (/^\//.test(value) || /^[A-Za-z]:[\\/]/.test(value) || /^\\\\[^\\]+\\[^\\]+/.test(value));
  return ok ? (value as string) : fail('folder', 'an absolute path', value);
}

/** A cover's cache key: the SHA-256 of its bytes in lowercase hex (never a path). */
export function validateCoverHash(value: unknown): string {
  const ok = typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
  return ok ? (value as string) : fail('coverHash', '64 lowercase hexadecimal digits', value);
}

export function validateBoolean(what: string, value: unknown): boolean {
  return typeof value === 'boolean' ? value : fail(what, 'true or false', value);
}

/** The `library:changed` event's payload, checked where it arrives (the renderer). */
export function validateLibraryChange(value: unknown): LibraryChange {
  const fields = record('library change', value, ['songCount']);
  const { songCount } = fields;
  return songCount === null || isCount(songCount)
    ? { songCount }
    : fail('songCount', 'a non-negative integer or null', songCount);
}

export function validatePlayRequest(value: unknown): PlayRequest {
  const fields = record('play request', value, ['songId', 'startSeconds']);
  const request: PlayRequest = { songId: validateSongId(fields.songId) };
  if (fields.startSeconds !== undefined)
    request.startSeconds = validateStartSeconds(fields.startSeconds);
  return request;
}

export function validateHostRequest(value: unknown): HostRequest {
  const fields = record('host request', value, ['folder', 'port', 'shareOnLan']);
  return {
    folder: validateFolder(fields.folder),
    port: validatePort(fields.port, { allowZero: true }),
    shareOnLan: validateBoolean('shareOnLan', fields.shareOnLan),
  };
}

const MAX_TEXT_LENGTH = 1024;

function validateText(what: string, value: unknown): string | null {
  const ok = value === null || (typeof value === 'string' && value.length <= MAX_TEXT_LENGTH);
  return ok
    ? (value as string | null)
    : fail(what, `null or at most ${MAX_TEXT_LENGTH} characters`, value);
}

const PLAYING_STATUSES: ReadonlyArray<PlayingReport['status']> = ['idle', 'playing', 'paused'];

/** What the renderer says it plays (tray, notification, sleep blocker). */
export function validatePlayingReport(value: unknown): PlayingReport {
  const fields = record('playing report', value, ['status', 'songId', 'title', 'artist']);
  const status = PLAYING_STATUSES.find((known) => known === fields.status);
  return {
    status: status ?? fail('status', 'idle, playing or paused', fields.status),
    songId: fields.songId === null ? null : validateSongId(fields.songId),
    title: validateText('title', fields.title),
    artist: validateText('artist', fields.artist),
  };
}

export function validateListenerId(value: unknown): number {
  return isCount(value) ? value : fail('listener id', 'a non-negative integer', value);
}

/** A plain object with only the allowed keys. */
export function record(
  what: string,
  value: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(what, 'an object', value);
  const unknownKey = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknownKey !== undefined) {
    throw new IpcValidationError(`Invalid ${what}: unknown field ${JSON.stringify(unknownKey)}`);
  }
  return value as Record<string, unknown>;
}

export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function isFiniteAtLeastZero(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
