import type { ConnectionState, ConnectionStatus } from '../../../shared/tidewaveApi';

export const STATUS_TEXT: Record<ConnectionStatus, string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  // A first connect refused as well as a connection lost (the banner says which): not 'lost'.
  error: 'No connection',
};

/**
 * All that the connection status says, in one line: the window's narrowest width cuts the
 * status with "…", and this is its tooltip. No countdown: a tooltip is read once, when shown.
 */
export function connectionStatusLine(
  connection: ConnectionState,
  quitAcknowledged: boolean | null,
): string {
  const parts = [STATUS_TEXT[connection.status]];
  const { retry } = connection;
  if (connection.status === 'reconnecting' && retry) {
    parts.push(` · attempt ${retry.attempt}; ${connection.error ?? 'Connection lost'}`);
  }
  const connected = connection.status === 'connected' || connection.status === 'reconnecting';
  if (quitAcknowledged !== null && !connected) {
    parts.push(
      quitAcknowledged ? ' · Server acknowledged quit' : ' · Server closed without answering quit',
    );
  }
  return parts.join('');
}
