import type { ConnectionState } from '../../../shared/tidewaveApi';
import { accessCodeProblem } from './accessCodeProblem';
import { connectionAdvice, connectionDetail } from './connectionAdvice';

/**
 * What the error banner says about the connection, or null. A server that asks for an access
 * code is the access code prompt's to answer: the banner's Retry would only be refused again,
 * and a second alert would say the same thing in the protocol's words. `advice` says what to
 * check, when there is something better than Retry.
 */
export function connectionProblem(
  connection: Pick<ConnectionState, 'status' | 'host' | 'port' | 'error'>,
): { title: string; detail: string; advice?: string } | null {
  const { status, host, port, error } = connection;
  if (status !== 'error' || accessCodeProblem(error) !== null) return null;
  const advice = connectionAdvice(error);
  return {
    title: `No connection to ${host}:${port}`,
    detail: error ? connectionDetail(error, host, port) : 'The server went away.',
    ...(advice ? { advice } : {}),
  };
}
