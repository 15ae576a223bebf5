export {
  createLibraryServer,
  DEFAULT_HOST,
  LibraryServer,
  type LibraryServerOptions,
  type ServerStats,
} from './libraryServer';
export {
  DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
  DEFAULT_MAX_QUEUED_REPLY_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  defaultMaxConnections,
  type ConnectionLimits,
} from './connectionLimits';
export { DEFAULT_LOG_BUDGET, type LogBudget } from './logLimiter';
export { readOpenFileLimit } from './openFileLimit';
export { ServerStartError } from './serverStartError';
export {
  DEFAULT_BURST_SECONDS,
  DEFAULT_MAX_LEAD_SECONDS,
  DEFAULT_RATE_FACTOR,
  FALLBACK_BYTES_PER_SECOND,
  type PacingOptions,
} from './streamPacer';
export { DEFAULT_ACCESS_POLICY, type AccessPolicy } from './accessPolicy';
export { ACCESS_REQUIRED_MESSAGE } from './accessGate';
export { LibraryReloader, type LibraryReloaderOptions } from './libraryReloader';
export { DEFAULT_DRAIN_SPREAD_MS, drainSchedule } from './drainPlan';
export {
  DISCONNECTED_BY_HOST,
  ListenerRegistry,
  type Listener,
  type ListenerState,
} from './listenerRegistry';
export { MAX_REFUSED_ADDRESSES, RefusalLog } from './refusalLog';
