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
import { validateSettingsPatch } from './settingsValidation';
import { validateAccessCode } from './sharingValidation';
import {
  IpcValidationError,
  validateBufferedSeconds,
  validateCoverHash,
  validateHost,
  validateHostRequest,
  validateListenerId,
  validatePaused,
  validatePlayingReport,
  validatePlayRequest,
  validatePort,
  validateReceivedSeconds,
  validateSongId,
  validateStreamId,
} from './validationRules';

export * from './settingsValidation';
export * from './sharingValidation';
export * from './validationRules';

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
  disconnectListener: ([id]) => [validateListenerId(id)],
  disconnectAllListeners: none,
  getHostActivity: none,
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
