import { useState } from 'react';
import type { HostState } from '../../../shared/tidewaveApi';
import { api } from '../lib/api';
import { errorMessage } from '../lib/errorMessage';
import { useHostStore } from '../stores/hostStore';

/**
 * The hosted library's access code and what it means: set or remove it (hosting restarts with
 * it), with the warning that seed-era clients cannot use a library that has one, and the name
 * the library is announced as on the network.
 */
export function HostAccessCode({ host }: { host: HostState }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function apply(next: string) {
    setBusy(true);
    setError(null);
    try {
      useHostStore.getState().setHost(await api().setHostAccessCode(next));
      setCode('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="host-access-code">
      {host.announcedAs && (
        <p role="status">
          Announced on your network as <strong>{host.announcedAs}</strong>.
        </p>
      )}
      {host.announceError && (
        <p className="error-text" role="alert">
          {host.announceError}
        </p>
      )}
      <label className="inline-field">
        Access code
        <input
          type="password"
          autoComplete="new-password"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          disabled={busy}
        />
      </label>
      <button
        type="button"
        aria-disabled={busy || code.trim() === ''}
        onClick={() => !busy && code.trim() !== '' && void apply(code)}
      >
        Set code
      </button>
      {host.accessCode && (
        <button type="button" aria-disabled={busy} onClick={() => !busy && void apply('')}>
          Remove code
        </button>
      )}
      <p className="hint">
        {host.accessCode
          ? 'Listeners need the access code. '
          : 'Without a code, anyone who can reach this computer can listen. '}
        Older (seed-era) players cannot connect to a library that has an access code.
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
