import { formatBytes, formatConnectedFor } from '../../../shared/listenerFormat';
import type { ListenerInfo } from '../../../shared/tidewaveApi';
import { useClock } from '../lib/useClock';
import { useListenersStore } from '../stores/listenersStore';

function endpoint({ address, port }: ListenerInfo): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/**
 * Who is listening to the hosted library, with a Disconnect button per listener. Main pushes
 * the table when it changes (connect, leave, song, bytes at most once a second); nothing polls.
 */
export function ListenersList() {
  const listeners = useListenersStore((s) => s.listeners);
  const error = useListenersStore((s) => s.error);
  const disconnect = useListenersStore((s) => s.disconnect);
  const disconnectAll = useListenersStore((s) => s.disconnectAll);
  const now = useClock();

  return (
    <div className="listeners">
      <div className="listeners-heading">
        <h3 id="listeners-title">
          {listeners.length === 0 ? 'Nobody is listening' : `Listening now: ${listeners.length}`}
        </h3>
        {listeners.length > 0 && (
          <button type="button" onClick={() => void disconnectAll()}>
            Disconnect everyone
          </button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {listeners.length > 0 && (
        <table className="listeners-table" aria-labelledby="listeners-title">
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Name</th>
              <th scope="col">Playing</th>
              <th scope="col">Connected for</th>
              <th scope="col">Sent</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listeners.map((listener) => {
              const who = listener.name ?? endpoint(listener);
              return (
                <tr key={listener.id}>
                  <td>
                    <code>{endpoint(listener)}</code>
                  </td>
                  <td>{listener.name ?? '—'}</td>
                  <td>{listener.songTitle ?? '—'}</td>
                  <td title={`Since ${new Date(listener.since).toLocaleTimeString()}`}>
                    {formatConnectedFor(listener.since, now)}
                  </td>
                  <td>{formatBytes(listener.bytesSent)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Disconnect ${who}`}
                      onClick={() => void disconnect(listener.id)}
                    >
                      Disconnect
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
