/** Readable words for the socket errors a person is likely to meet. */
const DESCRIPTIONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EPIPE: 'connection closed',
  EADDRNOTAVAIL: 'address not available',
};

export function describeSocketError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && DESCRIPTIONS[code]) ?? error.message;
}

/** Why an established connection ended, said from the client's side. */
export function describeLostConnection(error: Error | null): string {
  if (error === null) return 'Server closed the connection';
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNRESET') return 'Connection reset by server';
  if (code === 'EPIPE') return 'Server closed the connection';
  return `Connection lost: ${describeSocketError(error)}`;
}
