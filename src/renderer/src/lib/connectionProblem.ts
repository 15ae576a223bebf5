import type { ConnectionState } from '../../../shared/tidewaveApi';
import { accessCodeProblem } from './accessCodeProblem';

/**
 * What the error banner says about the connection, or null. A server that asks for an access
 * code is the access code prompt's to answer: the banner's Retry would only be refused again,
 * and a second alert would say the same thing in the protocol's words.
 */
export function connectionProblem(
  connection: Pick<ConnectionState, 'status' | 'host' | 'port' | 'error'>,
): { title: string; detail: string } | null {
  if (connection.status !== 'error' || accessCodeProblem(connection.error) !== null) return null;
  return {
    title: `No connection to ${connection.host}:${connection.port}`,
    detail: connection.error ?? 'The server went away.',
  };
}
