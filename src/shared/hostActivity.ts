import type { ListenerInfo } from './listenerInfo';
import type { RefusalInfo } from './refusalInfo';

/**
 * What the host panel shows of the hosted library's peers: who listens and who was refused.
 * Main pushes it when it changes (TidewaveApi.onHostActivity) instead of the page polling.
 */
export interface HostActivity {
  listeners: ListenerInfo[];
  /** Most recent first. */
  refusals: RefusalInfo[];
  /** When main read it (ms since the epoch): the "connected for" column counts from it. */
  readAt: number;
}

/** Nothing hosted: nobody listens, nobody refused. */
export const NO_HOST_ACTIVITY: HostActivity = { listeners: [], refusals: [], readAt: 0 };
