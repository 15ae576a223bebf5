import type { HostState } from '../../../shared/tidewaveApi';

interface HostStatusProps {
  host: HostState;
  onListen(): void;
}

/**
 * What the embedded server is doing: song count, the addresses to give friends, errors. Only the
 * sentence of what it does is a live region (always there, so a change is announced): screen
 * readers read a whole region as news, and the addresses and Listen here are not.
 */
export function HostStatus({ host, onListen }: HostStatusProps) {
  return (
    <div className="host-status">
      {host.error && (
        <p className="error-text" role="alert">
          {host.error}
        </p>
      )}
      <p role="status">
        {host.running && (
          <>
            Hosting <strong>{host.songCount === 1 ? '1 song' : `${host.songCount} songs`}</strong>
            {host.shareOnLan ? ' on your network.' : ' for this computer only.'}
          </>
        )}
      </p>
      {host.running && (
        <>
          <p className="share-label">{host.shareOnLan ? 'Friends can connect to:' : 'Address:'}</p>
          <ul className="share-addresses" aria-label="Addresses to share">
            {host.shareAddresses.map((address) => (
              <li key={address}>
                <code>{address}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onListen}>
            Listen here
          </button>
        </>
      )}
    </div>
  );
}
