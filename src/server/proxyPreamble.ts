import { parseProxyV2, type Endpoint } from './proxyProtocolV2';

/**
 * What to do with a connection's first bytes when the server sits behind a balancer that
 * sends PROXY v2 headers: the balancer MUST send one (so no client can pass as the balancer's
 * own address), and nobody else may (so no client can claim someone else's address).
 */
export type PreambleDecision =
  | { action: 'wait' }
  /** `peer` null: use the socket's own endpoints (health checks, unspecified families). */
  | { action: 'accept'; peer: Endpoint | null; healthCheck: boolean; rest: Buffer }
  | { action: 'refuse'; reason: string };

export function decidePreamble(
  bytes: Buffer,
  fromBalancer: boolean,
  maxHeaderBytes?: number,
): PreambleDecision {
  const parsed = parseProxyV2(bytes, maxHeaderBytes);
  if (parsed.kind === 'incomplete') return { action: 'wait' };
  if (!fromBalancer) {
    return parsed.kind === 'absent'
      ? { action: 'accept', peer: null, healthCheck: false, rest: bytes }
      : { action: 'refuse', reason: 'sent a PROXY header but is not the configured balancer' };
  }
  if (parsed.kind === 'absent') {
    return { action: 'refuse', reason: 'came from the balancer without a PROXY v2 header' };
  }
  if (parsed.kind === 'invalid') return { action: 'refuse', reason: parsed.reason };
  const { header } = parsed;
  return {
    action: 'accept',
    peer: header.command === 'proxy' ? header.source : null,
    healthCheck: header.command === 'local',
    rest: bytes.subarray(header.headerBytes),
  };
}
