import type { TidewaveApi } from '../../../shared/tidewaveApi';

/**
 * The one place the renderer reaches the main process. The preload script exposes the bridge
 * as `window.tidewave`; unit tests install a fake with `installApi`.
 */
let installed: TidewaveApi | null = null;

export function installApi(api: TidewaveApi): void {
  installed = api;
}

export function api(): TidewaveApi {
  if (!installed) throw new Error('The Tidewave bridge is not available');
  return installed;
}

/** The bridge the preload script put on the window, if any. */
export function readWindowApi(): TidewaveApi | null {
  const host = globalThis as typeof globalThis & { tidewave?: TidewaveApi };
  return host.tidewave ?? null;
}
