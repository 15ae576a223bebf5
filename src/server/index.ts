export {
  createLibraryServer,
  DEFAULT_HOST,
  LibraryServer,
  type LibraryServerOptions,
  type ServerStats,
} from './libraryServer';
export { ServerStartError } from './serverStartError';
export {
  DEFAULT_BURST_SECONDS,
  DEFAULT_MAX_LEAD_SECONDS,
  DEFAULT_RATE_FACTOR,
  FALLBACK_BYTES_PER_SECOND,
  type PacingOptions,
} from './streamPacer';
