/**
 * Argument validators for every IPC invoke channel. The main process runs them before calling a
 * service, so a compromised or buggy renderer cannot hand the services anything malformed.
 * Pure functions with no Node or DOM dependency (this folder is shared by both sides).
 */
import {
  IpcInvoke,
  IpcSend,
  type InvokeMethod,
  type IpcArgs,
  type SendMethod,
} from './ipcChannels';
import { HOST_LIMIT_RANGES } from './defaults';
import type {
  FoundLibraryInfo,
  HostLimits,
  HostRequest,
  LibraryChange,
  PlayingReport,
  PlayRequest,
  ResumePoint,
  Settings,
} from './tidewaveApi';

export class IpcValidationError extends Error {
  override readonly name = 'IpcValidationError';
}

const MAX_HOST_LENGTH = 255;
const MAX_PATH_LENGTH = 4096;

function fail(what: string, rule: string, value: unknown): never {
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

export function validateVolume(value: unknown): number {
  const ok = typeof value === 'number' && value >= 0 && value <= 1;
  return ok ? value : fail('volume', 'a number from 0 to 1', value);
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

/** Where to come back to after a restart; null forgets it. */
export function validateResumePoint(value: unknown): ResumePoint | null {
  if (value === null) return null;
  const fields = record('resume point', value, ['host', 'port', 'songId', 'seconds']);
  return {
    host: validateHost(fields.host),
    port: validatePort(fields.port),
    songId: validateSongId(fields.songId),
    seconds: validateStartSeconds(fields.seconds),
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

/** All three caps, each a whole number in its range (HOST_LIMIT_RANGES). */
export function validateHostLimits(value: unknown): HostLimits {
  const names = Object.keys(HOST_LIMIT_RANGES) as Array<keyof HostLimits>;
  const fields = record('hostLimits', value, names);
  const limits = {} as HostLimits;
  for (const name of names) {
    const { min, max } = HOST_LIMIT_RANGES[name];
    const field = fields[name];
    const ok = Number.isInteger(field) && (field as number) >= min && (field as number) <= max;
    limits[name] = ok ? (field as number) : fail(name, `an integer from ${min} to ${max}`, field);
  }
  return limits;
}

export function validateListenerId(value: unknown): number {
  return isCount(value) ? value : fail('listener id', 'a non-negative integer', value);
}

const SETTINGS_FIELDS: { [K in keyof Settings]-?: (value: unknown) => Settings[K] } = {
  host: validateHost,
  port: (value) => validatePort(value),
  volume: validateVolume,
  onboarded: (value) => validateBoolean('onboarded', value),
  resume: validateResumePoint,
  keepPlayingInTray: (value) => validateBoolean('keepPlayingInTray', value),
  notifyOnNewSong: (value) => validateBoolean('notifyOnNewSong', value),
  hostLimits: validateHostLimits,
};

export function validateSettingsPatch(value: unknown): Partial<Settings> {
  const fields = record('settings', value, Object.keys(SETTINGS_FIELDS));
  const patch: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    patch[key] = SETTINGS_FIELDS[key as keyof Settings](field);
  }
  return patch as Partial<Settings>;
}

/** A plain object with only the allowed keys. */
function record(what: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(what, 'an object', value);
  const unknownKey = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknownKey !== undefined) {
    throw new IpcValidationError(`Invalid ${what}: unknown field ${JSON.stringify(unknownKey)}`);
  }
  return value as Record<string, unknown>;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isFiniteAtLeastZero(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** An access code as typed: at most 1,024 characters, no NUL ('' only where it clears one). */
export function validateAccessCode(value: unknown, options: { allowEmpty?: boolean } = {}): string {
  const min = options.allowEmpty ? 0 : 1;
  const ok =
    typeof value === 'string' &&
    value.trim().length >= min &&
    value.length <= MAX_ACCESS_CODE_LENGTH &&
    !value.includes('\0');
  return ok
    ? (value as string)
    : fail('access code', `text of ${min} to ${MAX_ACCESS_CODE_LENGTH} characters`, value);
}

const MAX_ACCESS_CODE_LENGTH = 1024;
const MAX_FOUND_LIBRARIES = 200;

/** The `discovery:found` payload, checked where it arrives (the renderer): it comes off the network. */
export function validateFoundLibraries(value: unknown): FoundLibraryInfo[] {
  if (!Array.isArray(value) || value.length > MAX_FOUND_LIBRARIES)
    fail('found libraries', `a list of at most ${MAX_FOUND_LIBRARIES}`, value);
  return value.map((item: unknown) => {
    const fields = record('found library', item, [
      'id',
      'name',
      'addresses',
      'port',
      'songCount',
      'accessCode',
      'extensions',
    ]);
    const text = (what: string, v: unknown) =>
      typeof v === 'string' && v.length <= MAX_HOST_LENGTH ? v : fail(what, 'short text', v);
    if (!Array.isArray(fields.addresses)) fail('addresses', 'a list', fields.addresses);
    return {
      id: text('id', fields.id),
      name: text('name', fields.name),
      addresses: (fields.addresses as unknown[]).map(validateHost),
      port: validatePort(fields.port),
      songCount: isCount(fields.songCount)
        ? fields.songCount
        : fail('songCount', 'a non-negative integer', fields.songCount),
      accessCode: validateBoolean('accessCode', fields.accessCode),
    };
  });
}

export type IpcMethod = InvokeMethod | SendMethod;

type Validator<M extends IpcMethod> = (args: readonly unknown[]) => IpcArgs<M>;

const none = (): [] => [];

/** One validator per invoke and send method: takes the raw arguments, returns them typed, or throws. */
export const ipcArgumentValidators: { [M in IpcMethod]: Validator<M> } = {
  connect: ([host, port]) => [validateHost(host), validatePort(port)],
  disconnect: none,
  getConnection: none,
  listSongs: none,
  play: ([request]) => [validatePlayRequest(request)],
  stop: none,
  reportBuffer: ([streamId, buffered, received]) => [
    validateStreamId(streamId),
    validateBufferedSeconds(buffered),
    validateReceivedSeconds(received),
  ],
  reportPlaying: ([report]) => [validatePlayingReport(report)],
  reportPaused: ([paused]) => [validatePaused(paused)],
  startHost: ([request]) => [validateHostRequest(request)],
  stopHost: none,
  getHost: none,
  listListeners: none,
  disconnectListener: ([id]) => [validateListenerId(id)],
  disconnectAllListeners: none,
  pickFolder: none,
  getSettings: none,
  setSettings: ([patch]) => [validateSettingsPatch(patch)],
  getFoundLibraries: none,
  connectWithCode: ([host, port, code]) => [
    validateHost(host),
    validatePort(port),
    validateAccessCode(code),
  ],
  setHostAccessCode: ([code]) => [validateAccessCode(code, { allowEmpty: true })],
  getCover: ([songId, coverHash]) => [validateSongId(songId), validateCoverHash(coverHash)],
};

export function channelOf(method: IpcMethod): string {
  return method in IpcInvoke ? IpcInvoke[method as InvokeMethod] : IpcSend[method as SendMethod];
}

/** Validates `args` for `method`, prefixing any failure with the method's channel. */
export function validateIpcArgs<M extends IpcMethod>(
  method: M,
  args: readonly unknown[],
): IpcArgs<M> {
  try {
    return ipcArgumentValidators[method](args);
  } catch (error) {
    if (error instanceof IpcValidationError) {
      throw new IpcValidationError(`${channelOf(method)}: ${error.message}`);
    }
    throw error;
  }
}
