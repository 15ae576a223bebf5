import path from 'node:path';
import { app, safeStorage } from 'electron';
import { AccessCodes } from '../settings/accessCodes';

/** The app's remembered access codes, encrypted by the OS keychain through safeStorage. */
export function createAccessCodes(): AccessCodes {
  return new AccessCodes(path.join(app.getPath('userData'), 'access-codes.json'), safeStorage);
}
