/**
 * Defaults both sides agree on, written out once: the renderer shows them before main has
 * answered, main starts from them.
 */
import type { ConnectionState, HostLimits, Settings } from './tidewaveApi';

/** Where a library is served and looked for unless the person says otherwise. */
export const LOOPBACK_HOST = '127.0.0.1';
/** Bind every interface: hosting shared on the LAN. */
export const ALL_INTERFACES_HOST = '0.0.0.0';
export const DEFAULT_PORT = 8080;

/**
 * A home library's caps: a few dozen players at most, a handful from one device (the app
 * reconnects, a browser of the list, a second window); the request timeout as the CLI's.
 */
export const DEFAULT_HOST_LIMITS: HostLimits = {
  maxConnections: 64,
  maxConnectionsPerAddress: 8,
  requestTimeoutSeconds: 60,
};

/** What each host limit may be set to, both ends included. */
export const HOST_LIMIT_RANGES: { [K in keyof HostLimits]: { min: number; max: number } } = {
  maxConnections: { min: 1, max: 10_000 },
  maxConnectionsPerAddress: { min: 1, max: 1_000 },
  requestTimeoutSeconds: { min: 5, max: 3_600 },
};

export const DEFAULT_SETTINGS: Settings = {
  host: LOOPBACK_HOST,
  port: DEFAULT_PORT,
  volume: 0.8,
  onboarded: false,
  resume: null,
  keepPlayingInTray: false,
  notifyOnNewSong: false,
  hostLimits: DEFAULT_HOST_LIMITS,
};

/**
 * Not connected, and to no address (host '', port 0): main's state before the first connect and
 * after a disconnect, and the renderer's until main has told it otherwise. Forms fall back to
 * the saved settings for an address to offer.
 */
export const DISCONNECTED: ConnectionState = {
  status: 'disconnected',
  host: '',
  port: 0,
  hasMetadata: false,
  error: null,
};
