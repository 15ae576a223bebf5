import { useState, type FormEvent } from 'react';
import { accessCodeProblem } from '../lib/accessCodeProblem';
import { useConnectionStore } from '../stores/connectionStore';
import { useDiscoveryStore } from '../stores/discoveryStore';

/**
 * Asks for the access code when the server wants one (or refused ours). The code goes to main,
 * which proves it without sending it and remembers it for this library in the OS keychain.
 */
export function AccessCodePrompt() {
  const connection = useConnectionStore((s) => s.connection);
  const busy = useConnectionStore((s) => s.busy);
  const connectWithCode = useDiscoveryStore((s) => s.connectWithCode);
  const [code, setCode] = useState('');
  const problem = connection.status === 'error' ? accessCodeProblem(connection.error) : null;
  if (problem === null) return null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || code.trim() === '') return;
    const typed = code;
    setCode('');
    void connectWithCode(connection.host, connection.port, typed);
  }

  return (
    <form className="access-code-prompt" onSubmit={onSubmit} aria-label="Access code">
      <p role="alert" className={problem === 'wrong' ? 'error-text' : undefined}>
        {problem === 'wrong'
          ? 'Wrong access code. Ask the host for the right one and try again.'
          : `${connection.host}:${connection.port} asks for an access code.`}
      </p>
      <input
        type="password"
        aria-label="Access code"
        autoComplete="off"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        disabled={busy}
      />
      <button type="submit" className="primary" aria-disabled={busy || code.trim() === ''}>
        Unlock
      </button>
    </form>
  );
}
