import { useConnectionStore } from '../stores/connectionStore';
import { useDiscoveryStore } from '../stores/discoveryStore';

/**
 * The libraries announced on the network (DNS-SD), live: one click connects. Shown only while
 * there is something to show, so a lone player's bar stays as it was.
 */
export function FoundLibraries() {
  const libraries = useDiscoveryStore((s) => s.libraries);
  const connection = useConnectionStore((s) => s.connection);
  const busy = useConnectionStore((s) => s.busy);
  const connect = useConnectionStore((s) => s.connect);
  if (libraries.length === 0) return null;
  return (
    <nav className="found-libraries" aria-label="Libraries on your network">
      <span className="share-label">On your network:</span>
      <ul>
        {libraries.map((library) => {
          const address = library.addresses[0];
          const current =
            connection.status === 'connected' &&
            connection.port === library.port &&
            library.addresses.includes(connection.host);
          const songs = library.songCount === 1 ? '1 song' : `${library.songCount} songs`;
          return (
            <li key={library.id}>
              <button
                type="button"
                className="found-library"
                aria-current={current || undefined}
                aria-disabled={busy || address === undefined}
                title={address ? `${address}:${library.port}` : undefined}
                onClick={() => !busy && address && void connect(address, library.port)}
              >
                {library.name}
                <span className="status-note">
                  {` · ${songs}`}
                  {library.accessCode ? ' · access code' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
