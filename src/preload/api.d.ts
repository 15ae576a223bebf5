import type { TidewaveApi } from '../shared/tidewaveApi';

declare global {
  interface Window {
    /** The bridge the preload script exposes (src/preload/index.ts). */
    tidewave: TidewaveApi;
  }
}

export {};
