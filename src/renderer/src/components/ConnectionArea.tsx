import { AccessCodePrompt } from './AccessCodePrompt';
import { ConnectionBar } from './ConnectionBar';
import { FoundLibraries } from './FoundLibraries';

/**
 * The connection bar with what sharing adds beside it (issue 13): the libraries found on the
 * network, and the access code prompt when a server asks for one. Separate forms: a form
 * cannot hold another.
 */
export function ConnectionArea() {
  return (
    <div className="connection-area">
      <ConnectionBar />
      <FoundLibraries />
      <AccessCodePrompt />
    </div>
  );
}
