import type { Session } from 'electron';

/**
 * Web permissions the page needs. None: audio output through Web Audio asks for no permission,
 * media keys are global shortcuts in main, and the folder picker is a main-process dialog. Add a
 * permission here only when a feature needs it, so a compromised page can ask for nothing else.
 */
export const USED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionUsed(permission: string): boolean {
  return USED_PERMISSIONS.has(permission);
}

/**
 * Answers both of Chromium's permission questions for `session`: requests (a prompt would be
 * shown) and checks (a page querying a permission's state, e.g. navigator.permissions). Electron
 * grants both by default when no handler is set.
 */
export function denyUnusedPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) =>
    callback(isPermissionUsed(permission)),
  );
  session.setPermissionCheckHandler((_webContents, permission) => isPermissionUsed(permission));
}
