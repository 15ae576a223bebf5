import type { ConnectionStatus } from '../../../shared/tidewaveApi';

export interface ConnectButton {
  label: 'Connect' | 'Cancel' | 'Disconnect';
  /** Submit connects (the form's Enter too); disconnect also cancels a connect under way. */
  action: 'submit' | 'disconnect';
  /** Shown as unavailable (aria-disabled: focus stays on it); a press does nothing. */
  unavailable: boolean;
}

/**
 * The connection bar's one button. While connecting it is Cancel: a server that never answers
 * kept the bar locked until its list request timed out (10 s), with no way out. While
 * reconnecting, Disconnect is what stops the retries.
 */
export function connectButton(
  status: ConnectionStatus,
  busy: boolean,
  portValid: boolean,
): ConnectButton {
  if (status === 'connecting') return { label: 'Cancel', action: 'disconnect', unavailable: false };
  if (status === 'connected' || status === 'reconnecting') {
    return { label: 'Disconnect', action: 'disconnect', unavailable: busy };
  }
  return { label: 'Connect', action: 'submit', unavailable: busy || !portValid };
}
