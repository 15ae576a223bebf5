import { useState, type FormEvent } from 'react';
import { DEFAULT_SETTINGS } from '../../../shared/defaults';
import { connectButton } from '../lib/connectButton';
import { connectionStatusLine, STATUS_TEXT } from '../lib/connectionStatusLine';
import { splitAddress } from '../lib/splitAddress';
import { useConnectionStore } from '../stores/connectionStore';
import { useSettings } from '../stores/settingsStore';
import { RetryNote } from './RetryNote';

const PORT_ERROR_ID = 'server-port-error';

/** Where to listen: host and port of a library, Connect/Disconnect, and the link's status. */
export function ConnectionBar() {
  const connection = useConnectionStore((s) => s.connection);
  const busy = useConnectionStore((s) => s.busy);
  const quitAcknowledged = useConnectionStore((s) => s.quitAcknowledged);
  const connect = useConnectionStore((s) => s.connect);
  const disconnect = useConnectionStore((s) => s.disconnect);
  // Drafts stay null until edited, so the fields follow the store until the person types.
  const [hostDraft, setHostDraft] = useState<string | null>(null);
  const [portDraft, setPortDraft] = useState<string | null>(null);
  // Before any connection main reports no address; the saved one is the natural default.
  const savedHost = useSettings((s) => s.settings?.host ?? DEFAULT_SETTINGS.host);
  const savedPort = useSettings((s) => s.settings?.port ?? DEFAULT_SETTINGS.port);
  const host = hostDraft ?? (connection.host || savedHost);
  const port = portDraft ?? String(connection.port || savedPort);
  const connected = connection.status === 'connected' || connection.status === 'reconnecting';
  // A whole address in the host field brings its own port (splitAddress).
  const target = splitAddress(host, port);
  const portNumber = Number(target.port);
  const portValid = Number.isInteger(portNumber) && portNumber > 0 && portNumber < 65536;
  const button = connectButton(connection.status, busy, portValid);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || !portValid || !target.host) return;
    setHostDraft(null);
    setPortDraft(null);
    void connect(target.host, portNumber);
  }

  return (
    <form className="connection-bar" onSubmit={onSubmit} aria-label="Connection">
      <input
        className="host-input"
        aria-label="Server host"
        value={host}
        onChange={(e) => setHostDraft(e.target.value)}
        spellCheck={false}
        disabled={busy}
      />
      <input
        className="port-input"
        aria-label="Server port"
        inputMode="numeric"
        value={port}
        onChange={(e) => setPortDraft(e.target.value)}
        aria-invalid={!portValid}
        aria-describedby={portValid ? undefined : PORT_ERROR_ID}
        disabled={busy}
      />
      {/* One element for all, never disabled while busy, so focus stays on it (not <body>). */}
      <button
        type={button.action === 'submit' ? 'submit' : 'button'}
        className={button.label === 'Connect' ? 'primary' : undefined}
        onClick={
          button.action === 'disconnect' ? () => button.unavailable || void disconnect() : undefined
        }
        aria-disabled={button.unavailable}
      >
        {button.label}
      </button>
      {!portValid && (
        <span id={PORT_ERROR_ID} className="field-error">
          The port must be a whole number from 1 to 65535.
        </span>
      )}
      {/* Cut with "…" at the window's narrowest: the tooltip has all of it. */}
      <span
        className={`status-pill status-${connection.status}`}
        role="status"
        title={connectionStatusLine(connection, quitAcknowledged)}
      >
        <span className="status-dot" aria-hidden="true" />
        {STATUS_TEXT[connection.status]}
        {connection.status === 'reconnecting' && connection.retry && (
          <RetryNote
            key={connection.retry.attempt}
            attempt={connection.retry.attempt}
            delayMs={connection.retry.delayMs}
            reason={connection.error ?? 'Connection lost'}
          />
        )}
        {quitAcknowledged !== null && !connected && (
          <span className="status-note">
            {quitAcknowledged
              ? ' · Server acknowledged quit'
              : ' · Server closed without answering quit'}
          </span>
        )}
      </span>
    </form>
  );
}
