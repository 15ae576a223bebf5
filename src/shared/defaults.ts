/**
 * Defaults both sides agree on, written out once: the renderer shows them before main has
 * answered, main starts from them.
 */
import type { ConnectionState, Settings } from './tidewaveApi';

/** Where a library is served and looked for unless the person says otherwise. */
export const LOOPBACK_HOST = '127.0.0.1';
/** Bind every interface: hosting shared on the LAN. */
export const ALL_INTERFACES_HOST = '0.0.0.0';
export const DEFAULT_PORT = 8080;

export const DEFAULT_SETTINGS: Settings = {
  host: LOOPBACK_HOST,
  port: DEFAULT_PORT,
  volume: 0.8,
  onboarded: false,
  resume: null,
  keepPlayingInTray: false,
  notifyOnNewSong: false,
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
